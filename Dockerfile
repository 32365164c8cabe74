# ScoreScope for batch studies: the self-contained app image (its own Java runtime, built with jlink
# by `./mvnw -Pdist package`) on a small Debian base. Headless commands only (sample, sweep, merge,
# render, bench); see deploy/k8s/sweep-job.yaml.
#
#   docker build -t scorescope:0.1.0 .
#   docker run --rm -v "$PWD/out:/out" scorescope:0.1.0 sweep --target ring8 --samplers ddpm,ddim \
#       --steps 10,20,40 --metric tv --out /out/sweep.csv
FROM eclipse-temurin:17-jdk AS build
RUN apt-get update && apt-get install -y --no-install-recommends binutils && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pdist || true
COPY src src
COPY assets assets
RUN ./mvnw -B -q -Pdist package

FROM debian:bookworm-slim
# fontconfig and FreeType for text in rendered figures; nothing else is needed headless.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig libfreetype6 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/dist/ScoreScope /opt/scorescope
# No JAVA_TOOL_OPTIONS: the JVM would print "Picked up JAVA_TOOL_OPTIONS" on every command. Without
# DISPLAY, Java on Linux is headless by itself.
WORKDIR /work
ENTRYPOINT ["/opt/scorescope/bin/ScoreScope"]
CMD ["--help"]
