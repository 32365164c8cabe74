package org.scorescope.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lecture set shipped in {@code assets/scenarios/} (listed in its {@code index.txt}, packaged in
 * the jar under {@code /assets/scenarios/}); labs that read their own scenarios keep theirs in a
 * folder of their own there ({@link #ofLab}).
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

    /**
     * A shipped lecture of a lab that reads its own scenarios (the discrete lab's, in
     * {@code assets/scenarios/<lab>/}, listed in that folder's {@code index.txt}).
     *
     * @param file its path under {@code assets/scenarios/}
     * @param json its text, for the lab's own reader
     */
    public record LabLecture(String file, String json) {
    }

    /** The lectures of the lab whose folder is {@code lab}, in order, unparsed (the lab parses them). */
    public static List<LabLecture> ofLab(String lab) {
        List<LabLecture> out = new ArrayList<>();
        for (String f : read(lab + "/index.txt").lines().map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            out.add(new LabLecture(lab + "/" + f, read(lab + "/" + f)));
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
