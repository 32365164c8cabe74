package org.scorescope.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.scenario.LectureScenarios;

/** Issue 18: the lecture's six parts, in 003's order, open every packaged lecture scenario once. */
class LectureSequenceTest {
    @Test
    void sixPartsInOrderEachWithItsParagraphAndCards() {
        List<LecturePart> parts = LectureSequence.parts();
        assertEquals(6, parts.size());
        int previousLine = 0;
        for (int i = 0; i < 6; i++) {
            LecturePart p = parts.get(i);
            assertEquals(i + 1, p.number());
            assertFalse(p.paragraph().isBlank(), p.title());
            int line = Integer.parseInt(p.source().replaceAll(".* line ", ""));
            assertTrue(line > previousLine, "parts follow 003's order: " + p.title());
            previousLine = line;
            assertFalse(p.cards().isEmpty(), p.title() + " has theorem cards");
            assertTrue(!p.ready() || !p.scenarios().isEmpty() || !p.labs().isEmpty(), p.title() + " opens a scenario or a lab");
            for (String lab : p.labs()) {
                assertTrue(org.scorescope.ui.labs.Labs.all().stream().anyMatch(l -> l.id().equals(lab)), p.title() + ": no lab '" + lab + "'");
            }
            if (!p.ready()) {
                assertTrue(p.pending().contains("issue"), p.title() + " says which issue brings its lab: " + p.pending());
            }
        }
    }

    @Test
    void theSequenceOpensEveryPackagedLectureScenarioOnceAndWalksBothWays() {
        List<String> files = LectureScenarios.files();
        List<String> seq = LectureSequence.scenarios();
        assertEquals(files.size(), seq.size());
        assertTrue(seq.containsAll(files), seq + " vs " + files);
        String first = seq.get(0);
        String s = first;
        for (int i = 0; i < seq.size(); i++) {
            assertEquals(seq.get(i), s);
            String next = LectureSequence.step(s, 1);
            assertEquals(s, LectureSequence.step(next, -1));
            s = next;
        }
        assertEquals(first, s, "wraps around");
        assertEquals(3, LectureSequence.partOf("04-higher-order.json").orElseThrow().number());
    }
}
