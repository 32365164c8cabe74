package org.scorescope.cli;

import picocli.CommandLine.Option;

/** The sweep flag of discrete scenarios: search N for a KL (003 Theorem 11). */
public final class DiscreteSweepOptions {
    @Option(names = "--find-kl", paramLabel = "ε", description = "Discrete targets, --metric exact-kl: find the smallest N with KL <= ε "
            + "(up to the largest --steps value) for every sampler, S and d.")
    Double findKl;
}
