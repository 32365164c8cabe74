package org.scorescope.ui.labs.inverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.ShellServices;
import org.scorescope.ui.UiOptions;
import org.scorescope.ui.lab.ChartInput;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.service.DialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15, the window part: the inverse-problems lab in the real window. The lecture scenario
 * opens with its observation in the lab's controls, the run is measured against the exact
 * posterior (its weights in the lab's text and chart, the lab's weight error per sampler), a click
 * on the map moves y, a bad y is refused with a dialog and changes nothing, and "off" removes the
 * observation and the samplers that need it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InverseLabTest {
    private MainWindow window;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        DialogService dialogs = new DialogService() {
            @Override
            public void showError(String header, String message, Throwable detail) {
                errors.add(header + " | " + message);
            }

            @Override
            public Optional<ChosenFile> chooseSave(String title, List<FileType> types) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseOpen(String title, List<FileType> types) {
                return Optional.empty();
            }

            @Override
            public Optional<String> askText(String title, String question, String initial) {
                return Optional.empty();
            }
        };
        window = new MainWindow(stage, UiOptions.none(), ShellServices.defaults().withDialogs(w -> dialogs));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static void until(String what, BooleanSupplier c) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, c::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    private boolean finished() {
        RunView r = window.run();
        return r != null && r.scenario() == window.session().scenario() && r.finished().isDone();
    }

    @Test
    void theLectureRunsAgainstTheExactPosteriorAndTheControlsEditTheObservation(FxRobot robot) throws Exception {
        InverseLab lab = window.lab(InverseLab.class);
        ObservationPane pane = lab.pane();
        assertEquals("off", pane.task.getValue(), "the default scenario has no observation");
        assertTrue(pane.y.isDisabled());

        Scenario lecture = InverseLab.lecture();
        assertEquals("Posterior sampling with a diffusion prior", lecture.title());
        assertEquals(List.of(lecture), lab.lectures(), "listed on the lecture page under the lab's title");
        // 8000 particles instead of the lecture's 20,000 keep the test short; the weights are still resolved to ±0.01.
        robot.interact(() -> window.session().load(lecture.with(null, null, null, null, 8000, null)));
        until("the lab follows the lecture", () -> pane.info.getText().startsWith("Exact posterior") && pane.map.getImage() != null);
        assertEquals("inpaint-x", pane.task.getValue());
        assertEquals("2.5", pane.y.getText());
        assertEquals(0.2, pane.sigma.getValue(), 1e-12);
        assertTrue(pane.info.getText().contains("k=1 0.491") && pane.info.getText().contains("k=7 0.491")
                && pane.info.getText().contains("k=0 0.018"), pane.info.getText());
        assertTrue(window.session().samplerCatalog.containsAll(List.of("posterior-exact", "snr-split", "dps", "ddrm", "ddnm")),
                "with an observation the picker offers the inverse samplers");

        // The layers: a check box each; the likelihood band is on.
        robot.interact(() -> robot.lookup("#control-scroll").queryAs(ScrollPane.class).setVvalue(1.0));
        assertTrue(robot.lookup("#layer-inverse-likelihood").queryAs(CheckBox.class).isSelected());
        assertFalse(robot.lookup("#layer-inverse-prior").queryAs(CheckBox.class).isSelected());

        // The run's target is the posterior; the lab's weight error separates the exact reference from DDRM.
        until("the lecture's run finishes", this::finished);
        RunView run = window.run();
        GaussianMixture post = (GaussianMixture) run.target();
        assertEquals(0.0183, post.weight(0), 1e-4);
        int metric = 0;
        while (!run.labMetrics().metrics().get(metric).id().equals("inverse.weight-error")) {
            metric++;
        }
        double[][] weightError = run.labMetrics().latest()[metric];
        List<String> ids = run.canonicalIds();
        int exact = index(ids, "posterior-exact");
        int ddrm = index(ids, "ddrm");
        assertTrue(weightError[exact][0] < 0.03, "posterior-exact weight error " + weightError[exact][0]);
        assertTrue(weightError[ddrm][0] > 0.045, "ddrm weight error " + weightError[ddrm][0]);

        // The chart: exact weights beside each sampler's masses, as the tab shows them.
        TabPane tabs = robot.lookup("#metrics").queryAs(TabPane.class);
        assertTrue(tabs.getTabs().stream().anyMatch(t -> t.getText().equals("Posterior weights")));
        PosteriorWeightsChart chart = new PosteriorWeightsChart();
        JFreeChart c = chart.create();
        chart.update(c, new ChartInput(run, run.metrics().latest(), run.labMetrics().latest(), 0));
        DefaultCategoryDataset data = (DefaultCategoryDataset) c.getCategoryPlot().getDataset();
        List<?> columns = data.getColumnKeys();
        assertEquals(3, columns.size(), columns.toString());
        assertTrue(columns.get(0).toString().startsWith("k=0 at (") && columns.get(1).toString().startsWith("k=1")
                && columns.get(2).toString().startsWith("k=7"), columns.toString());
        assertEquals(0.4908, data.getValue("exact π'", (Comparable<?>) columns.get(1)).doubleValue(), 1e-4);
        assertEquals(0.4908, data.getValue(PosteriorWeightsChart.series(run, exact), (Comparable<?>) columns.get(2)).doubleValue(), 0.03);

        // A click on the map observes the clicked point: y = x1 there.
        Scenario before = window.session().scenario();
        robot.clickOn(pane.map);
        until("the click moved y", () -> window.session().scenario() != before && !pane.busy());
        double x1 = window.session().scenario().observation().y()[0];
        assertTrue(Math.abs(x1 - 0.0) < 1.0, "the map's centre is near x = 0 on ring8; y = " + x1);

        // A bad y: a dialog names the field, the scenario stays as it was.
        Scenario good = window.session().scenario();
        robot.interact(() -> {
            pane.y.setText("2.5, 1");
            pane.y.fireEvent(new javafx.event.ActionEvent());
        });
        until("the refusal", () -> !errors.isEmpty() && !pane.busy());
        assertTrue(errors.get(0).contains("observation.y") && errors.get(0).contains("one entry per row"), errors.get(0));
        assertSame(good, window.session().scenario(), "nothing changed");
        assertEquals(ObservationEdit.format(good.observation().y()), pane.y.getText(), "the field shows the scenario again");

        // Off: no observation, no inverse samplers.
        robot.interact(() -> pane.task.setValue("off"));
        until("observation off", () -> window.session().scenario().observation() == null && !pane.busy());
        assertFalse(window.session().scenario().samplers().stream().anyMatch(s -> ObservationEdit.COMPARED.contains(s.id())));
        assertFalse(window.session().samplerCatalog.contains("dps"));
        assertNull(window.session().scenario().observation());
    }

    private static int index(List<String> ids, String base) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).equals(base) || ids.get(i).startsWith(base + ":")) {
                return i;
            }
        }
        throw new AssertionError(base + " not in " + ids);
    }
}
