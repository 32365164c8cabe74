package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaptionLayoutTest {
    private final RenderedScene.Caption caption = new RenderedScene.Caption("lagrange:K=3:R=2:anchors=0", 12, 40, 0.5123, 28, 0.083, 0);

    @Test
    void aLongIdStandsOnItsOwnLineAndTheNumbersFollowInFull() {
        String[] lines = caption.labelAbove().split("\\R");
        assertEquals(2, lines.length);
        assertEquals("lagrange:K=3:R=2:anchors=0", lines[0]);
        assertTrue(lines[1].startsWith("t = 12 / 40") && lines[1].endsWith("TV 0.083"), lines[1]);
        String[] compact = caption.compactLabelAbove().split("\\R");
        assertEquals("lagrange:K=3:R=2:anchors=0", compact[0]);
        assertEquals("t=12  TV 0.083", compact[1]);
        assertEquals(caption.compact(), compact[0] + "  " + compact[1], "the same words as the one-line compact caption");
    }
}
