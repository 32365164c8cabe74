package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.engine.Engine;
import org.scorescope.engine.Frame;
import org.scorescope.engine.FrameRecorder;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.Histogram;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;

/** The render lane's histograms read frames in place and count exactly what a copy would. */
class RenderWorkerHistogramTest {
    @Test
    void histogramsOfViewsEqualHistogramsOfCopies() {
        // 20,000 particles, a history of 3,000 per frame: history frames and the latest frame are views
        FrameRecorder rec = new FrameRecorder(3000L * 4 * 2 * 6 * 2, 100);
        try (Engine e = new Engine(2)) {
            e.run(RunSpec.of(Presets.get("ring8"), DiscreteSchedule.linear().grid(5), List.of(SamplerSlot.of(SamplerRegistry.create("ddpm")),
                    SamplerSlot.of(SamplerRegistry.create("heun"))), 20_000, 4), rec);
        }
        Binning b = Binning.defaultFor(Presets.get("ring8"), 20_000);
        for (Frame f : new Frame[] {rec.at(5), rec.at(2), rec.at(0), rec.latest()}) {
            for (Frame.SamplerFrame sf : f.samplers()) {
                Histogram copy = Histogram.of(sf.positions(), sf.stored(), b);
                Histogram view = RenderWorker.histogram(sf, b);
                assertArrayEquals(copy.counts(), view.counts());
                assertEquals(copy.outside(), view.outside());
                assertEquals(copy.total(), view.total());
                for (int a = 0; a < 2; a++) {
                    Binning one = new Binning(new double[] {b.lo()[a]}, new double[] {b.hi()[a]}, new int[] {b.bins()[a]});
                    assertArrayEquals(Histogram.of(new float[][] {sf.positions()[a]}, sf.stored(), one).counts(),
                            RenderWorker.histogram(sf, a, one).counts());
                }
            }
        }
        assertEquals(20_000, rec.latest().samplers().get(1).stored());
        assertEquals(3000, rec.at(2).samplers().get(0).stored());
    }
}
