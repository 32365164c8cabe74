package org.scorescope.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lecture set shipped in {@code assets/scenarios/} (listed in its {@code index.txt}, packaged in
 * the jar under {@code /assets/scenarios/}).
 */
public final class LectureScenarios {
    private static final String ROOT = "/assets/scenarios/";

    private LectureScenarios() {
    }

    /**
     * A shipped scenario.
     *
     * @param file its file name
     * @param scenario the parsed scenario
     * @param json its text
     */
    public record Lecture(String file, Scenario scenario, String json) {
    }

    /** File names, in lecture order. */
    public static List<String> files() {
        String index = read("index.txt");
        return index.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Every lecture, parsed. */
    public static List<Lecture> all() {
        List<Lecture> out = new ArrayList<>();
        for (String f : files()) {
            String json = read(f);
            out.add(new Lecture(f, ScenarioJson.parse(json), json));
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = LectureScenarios.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
