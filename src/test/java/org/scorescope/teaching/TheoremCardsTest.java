package org.scorescope.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scorescope.engine.Engine;
import org.scorescope.render.EquationRenderer;

/** Issue 18, must-show 2: every card whose feature exists reproduces its prediction within the tolerance the card states. */
class TheoremCardsTest {
    static Engine engine;

    @BeforeAll
    static void start() {
        engine = new Engine(2);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Stream<TheoremCard> runnable() {
        return TheoremCards.all().stream().filter(c -> c.check().runnable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runnable")
    void theCheckReproducesTheCardsPrediction(TheoremCard card) {
        TheoremCheck.Result r = TheoremCheck.run(card, engine);
        System.out.println("card " + card.id() + ": " + r.summary());
        assertTrue(r.passed(), r.summary());
    }

    @Test
    void everyCardIsWholeAndTypesets() {
        Set<String> ids = new HashSet<>();
        Set<Integer> parts = new HashSet<>();
        for (TheoremCard c : TheoremCards.all()) {
            assertTrue(ids.add(c.id()), "unique id " + c.id());
            assertTrue(c.part() >= 1 && c.part() <= 6, c.id());
            parts.add(c.part());
            assertTrue(c.source().matches("00[0-4]_\\w+\\.txt.*"), c.id() + " cites a seed file: " + c.source());
            assertFalse(c.statement().isBlank() || c.prediction().isBlank() || c.check().describe().isBlank(), c.id());
            int[] size = EquationRenderer.size(c.formulaTex(), 16);
            assertTrue(size[0] > 60 && size[1] > 10, c.id() + " formula " + size[0] + "x" + size[1]);
        }
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), parts, "every lecture part has a card");
        for (String required : new String[] {"001-thm-3.1", "001-thm-3.2", "003-thm-1", "003-thm-2", "003-thm-3", "003-thm-4", "003-thm-5",
                "003-thm-6", "003-thm-7", "003-thm-8", "003-thm-9", "003-thm-10", "003-thm-11", "003-thm-12", "004-picard"}) {
            assertTrue(TheoremCards.byId(required).isPresent(), required);
        }
    }

    @Test
    void aWrongOrderFails() {
        // the check can fail: accel-ddim measured against order 1 (it is 2)
        TheoremCard wrong = new TheoremCard("x", 3, "x", "x", "x", "001_x.txt", "x", new TheoremCard.ExactSlope(java.util.List.of("accel-ddim"),
                org.scorescope.metrics.Sweep.Metric.EXACT_W2, new int[] {200, 400, 800}, 1, 0.15, TheoremCard.Bound.EQUAL));
        assertFalse(TheoremCheck.run(wrong, engine).passed());
    }
}
