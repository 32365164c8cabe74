package org.scorescope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags win over a scenario file and fill in what it leaves out; problems name the flag or the file's field. */
class ScenarioInputTest {
    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aTargetOnlyFileRunsWithASamplerFromTheFlags() throws Exception {
        Scenario s = ScenarioInput.fromFile(file("{\"target\": \"moons\"}"), "--scenario")
                .set("samplers", List.of("ddim"), "--sampler").build();
        assertEquals("moons", s.target().preset());
        assertEquals(List.of(Scenario.SamplerSpec.of("ddim")), s.samplers());
        assertEquals("linear", s.schedule().id());
        assertEquals(20, s.steps());
        assertEquals(20_000, s.particles());
        assertEquals(1, s.seed());
    }

    @Test
    void flagsReplaceTheFilesFieldsAndKeepTheRest() throws Exception {
        Path f = file("{\"target\": \"ring8\", \"schedule\": {\"id\": \"vp-continuous\", \"beta1\": 15}, \"samplers\": [\"ddpm\"],"
                + " \"particles\": 30, \"seed\": 4}");
        Scenario s = ScenarioInput.fromFile(f, "--scenario").set("particles", 20, "--particles").set("schedule.spacing", "time", "--spacing")
                .build();
        assertEquals(20, s.particles());
        assertEquals(4, s.seed());
        assertEquals("time", s.schedule().spacing());
        assertEquals(Map.of("beta1", 15.0), s.schedule().params());
        Scenario short_ = ScenarioInput.fromFile(file("{\"target\": \"ring8\", \"schedule\": \"vp-continuous\", \"samplers\": [\"ddpm\"]}"),
                "--scenario").set("schedule.spacing", "time", "--spacing").build();
        assertEquals("vp-continuous", short_.schedule().id());
        assertEquals("time", short_.schedule().spacing());
    }

    @Test
    void aProblemWithAFlagsValueNamesTheFlag() throws Exception {
        ScenarioInput in = ScenarioInput.empty().set("target", "ring8", "--target").set("samplers", List.of("ddpm", "ddimm"), "--samplers")
                .set("particles", 0, "--particles");
        assertEquals("--particles: must be in 1..10000000, was 0",
                assertThrows(ScenarioException.class, in::build).getMessage());
        in.set("particles", 10, "--particles");
        ScenarioException e = assertThrows(ScenarioException.class, in::build);
        assertEquals("--samplers", e.field());
        assertEquals("unknown sampler 'ddimm' — did you mean 'ddim'?", e.detail().substring(0, e.detail().indexOf(" (allowed")));
        ScenarioInput p = ScenarioInput.empty().set("target", "ring8", "--target")
                .set("samplers", List.of(Map.of("id", "ddim-eta", "eta", 3.0)), "--sampler").blame("samplers[0].eta", "--param");
        assertEquals("--param: must be in [0, 1], was 3", assertThrows(ScenarioException.class, p::build).getMessage());
    }

    @Test
    void aProblemInTheFileNamesItsFieldAndTheFile() throws Exception {
        Path f = file("{\"target\": {\"type\": \"box-mixture\", \"weights\": [1], \"lo\": [[0, 0]], \"hi\": [[1, -1]]}, \"samplers\": [\"ddpm\"]}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioInput.fromFile(f, "--scenario").build());
        assertEquals("target.hi[0][1]: must be greater than target.lo[0][1] = 0, was -1 (in " + f + ")", e.getMessage());
        Path broken = file("{\"target\": \"ring8\",, }");
        ScenarioException j = assertThrows(ScenarioException.class, () -> ScenarioInput.fromFile(broken, "--scenario"));
        assertEquals("--scenario", j.field());
        assertEquals(true, j.getMessage().startsWith("--scenario: '" + broken + "' is not valid JSON: Unexpected character (','"), j.getMessage());
    }

    @Test
    void aFieldStillMissingAfterTheFlagsSaysWhichFlagGivesIt() throws Exception {
        ScenarioInput in = ScenarioInput.fromFile(file("{\"target\": \"ring8\"}"), "--scenario")
                .whenMissing("samplers", "--sampler", "give --sampler ID (the scenario names no sampler)");
        assertEquals("--sampler: give --sampler ID (the scenario names no sampler)", assertThrows(ScenarioException.class, in::build).getMessage());
    }
}
