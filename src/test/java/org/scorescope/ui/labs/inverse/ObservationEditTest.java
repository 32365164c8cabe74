package org.scorescope.ui.labs.inverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.inverse.LinearObservation;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.ui.model.SessionModel;

/** The lab's scenario edits and drawings, without a window (issue 15, "in the window"). */
class ObservationEditTest {
    private static final Scenario PLAIN = SessionModel.DEFAULT;

    @Test
    void aTaskObservesTheClickedPointAndKeepsTheRestOfTheScenario() {
        Scenario s = ObservationEdit.observe(PLAIN, "inpaint-x", new double[] {2.5, -1});
        assertEquals("inpaint-x", s.observation().task());
        assertArrayEquals(new double[] {2.5}, s.observation().y(), "y = A x = x1");
        assertEquals(ObservationEdit.DEFAULT_SIGMA, s.observation().sigma());
        assertEquals(PLAIN.samplers(), s.samplers());
        Scenario blur = ObservationEdit.observe(ObservationEdit.withSigma(s, 0.4), "blur", new double[] {2, 1});
        assertArrayEquals(new double[] {0.75 * 2 + 0.25 * 1, 0.25 * 2 + 0.75 * 1}, blur.observation().y(), 1e-12);
        assertEquals(0.4, blur.observation().sigma(), "σ kept across tasks");
        Scenario moved = ObservationEdit.atPoint(blur, new double[] {0, 4});
        assertArrayEquals(new double[] {1, 3}, moved.observation().y(), 1e-12);
        assertNull(ObservationEdit.observe(moved, "off", new double[] {0, 0}).observation());
        assertSame(PLAIN, ObservationEdit.atPoint(PLAIN, new double[] {1, 1}), "no observation: a click changes nothing");
        Scenario lecture = InverseLab.lecture();
        Scenario clicked = ObservationEdit.atPoint(lecture, new double[] {-4, 0});
        assertEquals("", clicked.title(), "the lecture's paragraph described y = 2.5; it goes with it");
        assertEquals(lecture.samplers(), clicked.samplers());
    }

    @Test
    void theCheckedPosteriorIsTheExactOneAndBadEditsNameTheField() {
        Scenario s = ObservationEdit.compared(ObservationEdit.observe(PLAIN, "inpaint-x", new double[] {2.5, 0}));
        assertEquals(ObservationEdit.COMPARED, s.samplers().stream().map(Scenario.SamplerSpec::id).toList());
        InverseProblem p = ObservationEdit.checked(s);
        // ring8, inpaint-x, y = 2.5, σ = 0.2: three modes, weights 0.0183 / 0.4908 / 0.4908 (docs/inverse.md)
        assertEquals(0.0183, p.weights()[0], 1e-4);
        assertEquals(0.4908, p.weights()[1], 1e-4);
        assertEquals(0.4908, p.weights()[7], 1e-4);
        ScenarioException wrongLength = assertThrows(ScenarioException.class,
                () -> ObservationEdit.checked(ObservationEdit.withY(s, new double[] {2.5, 1})));
        assertEquals("observation.y", wrongLength.field(), wrongLength.getMessage());
        ScenarioException far = assertThrows(ScenarioException.class,
                () -> ObservationEdit.checked(ObservationEdit.withY(s, new double[] {60})));
        assertTrue(far.getMessage().contains("zero likelihood"), far.getMessage());
        assertThrows(ScenarioException.class, () -> ObservationEdit.checked(ObservationEdit.withSigma(s, 0)));
        assertEquals("observation.y", assertThrows(ScenarioException.class, () -> ObservationEdit.parse("2.5, x")).field());
        assertArrayEquals(new double[] {1.5, 0.2}, ObservationEdit.parse(" 1.5, 0.2 "));
        assertEquals("1.5, 0.2", ObservationEdit.format(new double[] {1.5, 0.2}));
        Scenario off = ObservationEdit.withoutInverseSamplers(ObservationEdit.observe(s, "off", new double[2]));
        assertEquals(List.of("ddpm"), off.samplers().stream().map(Scenario.SamplerSpec::id).toList(), "inverse samplers need y");
        ObservationEdit.checked(off);
    }

    @Test
    void theLikelihoodBandCoversExactlyTheStripWithinTwoSigma() {
        Viewport v = new Viewport(-4, 4, -4, 4, 400, 400);
        Raster r = new Raster(400, 400, 0xFF000000);
        LinearObservation o = LinearObservation.of(new double[][] {{1, 0}}, new double[] {2.5}, 0.2);
        LikelihoodBand.paint(r, v, o);
        int row = 200;
        for (int px = 0; px < 400; px++) {
            double x = v.wx(px + 0.5);
            boolean tinted = r.argb[row * 400 + px] != 0xFF000000;
            if (Math.abs(x - 2.5) < 0.38) {
                assertTrue(tinted, "inside the band at x = " + x);
            } else if (Math.abs(x - 2.5) > 0.42) {
                assertTrue(!tinted, "outside the band at x = " + x);
            }
        }
    }
}
