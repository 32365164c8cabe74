package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.engine.RunSpec;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.Histogram;
import org.scorescope.scenario.ScenarioBuilder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FX thread only draws, checked without a stopwatch: while a million particles compute (score
 * field, density, histograms and TV all on), no score evaluation, sampler step, histogram, TV or
 * rasterisation runs on the FX thread — every score call and step is checked exactly, the rest by
 * looking at the FX thread's stack every few milliseconds — and the most CPU time (not wall time:
 * a loaded machine makes the FX thread wait for a core, which is not work it did) the FX thread
 * spends in one pulse stays under a frame budget. The checks themselves are shown to catch work put
 * on the FX thread on purpose.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxThreadTest {
    private final FxThreadWatch watch = new FxThreadWatch();
    private final AtomicReference<RunSpec> lastSpec = new AtomicReference<>();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        ShellServices services = ShellServices.defaults().withRunSpecs(s -> {
            RunSpec guarded = watch.guard(ScenarioBuilder.run(s, null));
            lastSpec.set(guarded);
            return guarded;
        });
        window = new MainWindow(stage, UiOptions.none(), services);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private Thread fxThread(FxRobot robot) {
        AtomicReference<Thread> fx = new AtomicReference<>();
        robot.interact(() -> fx.set(Thread.currentThread()));
        return fx.get();
    }

    @Test
    void noScoreStepHistogramOrRasterOnTheFxThreadWhileAMillionParticlesCompute(FxRobot robot) {
        UiWait.until("first frame", () -> robot.lookup("#caption-0").queryAs(Label.class).getText() != null);
        Thread fx = fxThread(robot);
        robot.interact(() -> {
            window.session().layers().get(org.scorescope.ui.model.Layers.SCORE_FIELD).onProperty().set(true);
            window.session().metricsShown.set(true);
            robot.lookup(".tab-pane").queryAllAs(TabPane.class).forEach(p -> p.getTabs().stream()
                    .filter(t -> t.getText().equals("Histograms")).findFirst().ifPresent(t -> p.getSelectionModel().select(t)));
            window.meter().start();
            window.session().playing.set(true);
            window.session().loop.set(true);
            window.session().setParticles(1_000_000);
        });
        // At least 8 s and 200 looks (a loaded machine answers stack requests slowly), at most 60 s.
        long start = System.nanoTime();
        while ((System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8) || watch.samples() < 200)
                && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
            watch.sampleFxStack(fx);
            WaitForAsyncUtils.sleep(3, TimeUnit.MILLISECONDS);
        }
        double fxCpu = window.meter().maxCpu();
        System.out.printf("FX thread during a 1M-particle run: %d score calls/steps on workers, %d on FX; %d stack samples; "
                + "longest pulse %.1f ms CPU (%.1f ms wall)%n", watch.workerCalls(), watch.fxCalls(), watch.samples(), fxCpu,
                window.meter().max());
        assertEquals(1_000_000, window.run().particles());
        assertTrue(watch.workerCalls() > 0, "the run computed through the watched score and samplers");
        assertTrue(watch.samples() >= 50, "the FX thread's stack was looked at " + watch.samples() + " times");
        assertEquals(java.util.List.of(), watch.violations(), "compute on the FX thread");
        assertTrue(window.meter().frames() > 0, "pulses were measured");
        assertTrue(fxCpu < 100, "a pulse computed " + fxCpu + " ms (CPU) on the FX thread");

        // The checks catch what they look for: a score call and histograms put on the FX thread on purpose.
        RunSpec spec = lastSpec.get();
        robot.interact(() -> spec.score().eval(new double[][] {{0.1}, {0.2}}, 1, 0.5, new double[2][1]));
        assertEquals(1, watch.fxCalls(), "a score evaluated on the FX thread is caught");
        double[][] cloud = new double[2][200_000];
        Binning bins = new Binning(new double[] {-1, -1}, new double[] {1, 1}, new int[] {64, 64});
        Platform.runLater(() -> {
            long stop = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
            while (System.nanoTime() < stop) {
                Histogram.of(cloud, cloud[0].length, bins);
            }
        });
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < until && watch.violations().stream().noneMatch(v -> v.contains("metrics.Histogram"))) {
            watch.sampleFxStack(fx);
            WaitForAsyncUtils.sleep(2, TimeUnit.MILLISECONDS);
        }
        assertTrue(watch.violations().stream().anyMatch(v -> v.contains("metrics.Histogram")),
                "histograms computed on the FX thread are caught: " + watch.violations());
    }
}
