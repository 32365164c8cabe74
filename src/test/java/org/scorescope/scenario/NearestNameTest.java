package org.scorescope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Suggestions for mistyped names. */
class NearestNameTest {
    private static final List<String> COMMANDS = List.of("sample", "sweep", "bench", "render", "help");

    @Test
    void swapsCaseAndSmallEditsAreSuggestedFarNamesAreNot() {
        assertEquals(Optional.of("sample"), NearestName.of("smaple", COMMANDS));
        assertEquals(Optional.of("sample"), NearestName.of("Sample", COMMANDS));
        assertEquals(Optional.of("render"), NearestName.of("rendr", COMMANDS));
        assertEquals(Optional.empty(), NearestName.of("frobnicate", COMMANDS));
        assertEquals(Optional.of("weights"), NearestName.of("wieghts", List.of("type", "weights", "means", "covariances")));
        assertEquals(Optional.of("covariances"), NearestName.of("covariance", List.of("type", "weights", "means", "covariances")));
        assertEquals(Optional.of("--particles"), NearestName.of("--part", List.of("--particles", "--panels", "--play")));
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertEquals(1, NearestName.distance("smaple", "sample"));
        assertEquals(2, NearestName.distance("abcd", "bacd") + 1);
        assertEquals(3, NearestName.distance("kitten", "sitting"));
        assertEquals(0, NearestName.distance("", ""));
        assertEquals(4, NearestName.distance("", "abcd"));
    }

    @Test
    void theMessageNamesTheSuggestionAndTheAllowedNames() {
        assertEquals("unknown command 'smaple' — did you mean 'sample'? (allowed: sample, sweep, bench, render, help)",
                NearestName.unknown("command", "smaple", COMMANDS));
        assertEquals("unknown command 'x' (allowed: sample, sweep, bench, render, help)", NearestName.unknown("command", "x", COMMANDS));
    }
}
