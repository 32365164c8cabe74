package org.scorescope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped lecture set: every file listed, valid, titled, explained, and runnable. */
class LectureScenariosTest {
    @Test
    void everyShippedScenarioIsListedValidAndExplained() throws Exception {
        List<String> listed = LectureScenarios.files();
        try (Stream<Path> files = Files.list(Path.of("assets/scenarios"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertEquals(onDisk, listed.stream().sorted().toList());
        }
        List<String> titles = List.of("DDPM vs DDIM on a ring", "Acceleration at 5, 10, 20 steps", "The accelerated SDE sampler",
                "Higher order: DPM-Solver, UniPC and the K-th order sampler", "1D: trajectories through time",
                "Low intrinsic dimension: a line in the plane");
        var all = LectureScenarios.all();
        assertEquals(titles, all.stream().map(l -> l.scenario().title()).toList());
        for (var l : all) {
            assertTrue(l.scenario().description().length() > 120, l.file() + " needs its paragraph");
            assertFalse(ScenarioBuilder.run(l.scenario(), null).slots().isEmpty());
        }
    }
}
