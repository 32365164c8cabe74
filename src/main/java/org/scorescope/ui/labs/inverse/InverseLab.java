package org.scorescope.ui.labs.inverse;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabChart;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.LabMetric;

/**
 * The inverse-problems lab (issue 15; 003 Part 5, posterior sampling with a diffusion prior): a
 * linear observation y = A x₀ + ε of the target, whose exact posterior p(x₀ | y) the run is
 * measured against at every level.
 * <ul>
 * <li>control pane ({@link ObservationPane}): task picker, y, σ, "draw y", a map where a click sets
 * y = A x, "compare samplers" (posterior-exact, snr-split, dps, ddrm, ddnm side by side on the same
 * noise), the exact posterior's weights;</li>
 * <li>layers ({@link InverseLayers}): the likelihood band and the prior's contours (the window's
 * density layer is the posterior);</li>
 * <li>metrics ({@link InverseMetrics}): weight error and mean error per step, beside the window's TV
 * (to the posterior);</li>
 * <li>chart ({@link PosteriorWeightsChart}): each sampler's mass on each posterior component against
 * the exact weights.</li>
 * </ul>
 * While the scenario has an observation, the window's sampler picker also offers the inverse
 * samplers. Its lecture, "Posterior sampling with a diffusion prior" (003 Part 5), is listed on the
 * lecture page under the lab's title ({@code posterior-sampling.json} beside this class).
 * {@code --lab inverse[:TASK]} switches the observation on (default inpaint-x).
 */
public final class InverseLab implements Lab {
    private LabContext context;
    private ObservationPane pane;

    @Override
    public String id() {
        return "inverse";
    }

    @Override
    public String title() {
        return "Inverse problems";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
        context.session().scenarioProperty().addListener((o, a, b) -> offerInverseSamplers(b));
        offerInverseSamplers(context.session().scenario());
    }

    /** Adds the inverse samplers to the window's picker while there is an observation, removes them otherwise. */
    private void offerInverseSamplers(Scenario s) {
        List<String> catalog = context.session().samplerCatalog;
        List<String> inverse = SamplerRegistry.inverseIds();
        if (s.observation() != null) {
            for (String id : inverse) {
                if (!catalog.contains(id)) {
                    catalog.add(id);
                }
            }
        } else {
            catalog.removeAll(inverse);
        }
    }

    @Override
    public Optional<Node> controlPane() {
        pane = new ObservationPane(context);
        return Optional.of(pane.node());
    }

    /** The control pane (tests). */
    ObservationPane pane() {
        return pane;
    }

    @Override
    public List<LabLayer> layers() {
        return InverseLayers.all();
    }

    @Override
    public List<LabMetric> metrics() {
        return InverseMetrics.all();
    }

    @Override
    public List<LabChart> charts() {
        return List.of(new PosteriorWeightsChart());
    }

    @Override
    public List<Scenario> lectures() {
        return List.of(lecture());
    }

    /** The lab's lecture, read from {@code posterior-sampling.json} beside this class through the scenario reader. */
    public static Scenario lecture() {
        try (java.io.InputStream in = InverseLab.class.getResourceAsStream("posterior-sampling.json")) {
            return org.scorescope.scenario.ScenarioJson.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void launch(String argument) {
        String task = argument.isBlank() ? "inpaint-x" : argument.trim();
        if (!ObservationEdit.TASKS.contains(task)) {
            throw new IllegalArgumentException("unknown task '" + task + "'; allowed: " + String.join(", ", ObservationEdit.TASKS));
        }
        pane.apply(s -> ObservationEdit.compared(ObservationEdit.observe(s, task, new double[] {2.5, 0.0})), "task " + task);
    }
}
