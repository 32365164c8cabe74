package org.scorescope.ui.labs.inverse;

import java.util.List;
import org.scorescope.distribution.Target;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.Viewport;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.PanelCanvas;

/**
 * The lab's two panel layers (issue 15: "toggle prior / likelihood / posterior"). With an
 * observation the window's own density layer already shows the posterior p(x₀ | y) noised to the
 * displayed level (the run's target is the posterior); these add the <b>likelihood</b> band
 * (‖A x − y‖ ≤ 2σ, in x₀ coordinates) and the <b>prior</b>'s contours at the same level, so the
 * three can be switched on and off independently. Both are painted by the render lane; the prior's
 * density grid is cached per scenario, level and viewport (the lane is serial, so no lock).
 */
final class InverseLayers {
    private InverseLayers() {
    }

    /** The two layers. */
    static List<LabLayer> all() {
        return List.of(new Likelihood(), new PriorContours());
    }

    /** The observation of a run's scenario, built once per scenario (render lane). */
    private static final class ProblemCache {
        private Scenario scenario;
        private InverseProblem problem;

        InverseProblem of(Scenario s) {
            if (s != scenario) {
                scenario = s;
                problem = s.observation() == null ? null : ScenarioBuilder.problem(s);
            }
            return problem;
        }
    }

    /** Whether the scenario has an observation of a 2D prior (a 1D target's space–time view has no plane for a band or contours). */
    private static boolean planar(Scenario s) {
        if (s.observation() == null) {
            return false;
        }
        try {
            InverseProblem p = ScenarioBuilder.problem(s);
            return p != null && p.prior().dim() == 2;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    private static final class Likelihood implements LabLayer {
        private final ProblemCache problems = new ProblemCache();

        @Override
        public String id() {
            return "inverse-likelihood";
        }

        @Override
        public String label() {
            return "Likelihood band (A x = y ± 2σ)";
        }

        @Override
        public char key() {
            return 'Y';
        }

        @Override
        public boolean appliesTo(org.scorescope.scenario.Scenario scenario) {
            return planar(scenario);
        }

        @Override
        public boolean initiallyOn() {
            return true;
        }

        @Override
        public void paint(PanelCanvas c) {
            if (c.run().oneDimensional()) {
                return;
            }
            InverseProblem p = problems.of(c.run().scenario());
            if (p != null) {
                LikelihoodBand.paint(c.raster(), c.viewport(), p.observation());
            }
        }
    }

    private static final class PriorContours implements LabLayer {
        private static final int COLOR = 0xFFE8E8EE;
        private final ProblemCache problems = new ProblemCache();
        private Target prior;
        private double gamma = Double.NaN;
        private Viewport view;
        private float[] segments;

        @Override
        public String id() {
            return "inverse-prior";
        }

        @Override
        public String label() {
            return "Prior contours (the law before y)";
        }

        @Override
        public char key() {
            return 'J';
        }

        @Override
        public boolean appliesTo(org.scorescope.scenario.Scenario scenario) {
            return planar(scenario);
        }

        @Override
        public void paint(PanelCanvas c) {
            if (c.run().oneDimensional()) {
                return;
            }
            InverseProblem p = problems.of(c.run().scenario());
            if (p == null) {
                return;
            }
            if (p.prior() != prior || c.abar() != gamma || !c.viewport().equals(view)) {
                prior = p.prior();
                gamma = c.abar();
                view = c.viewport();
                DensityGrid g = DensityGrid.of(prior, gamma, view);
                segments = g.contours(new double[] {0.05, 0.3, 0.7}, view.width(), view.height());
            }
            for (int i = 0; i + 3 < segments.length; i += 4) {
                c.raster().line(segments[i], segments[i + 1], segments[i + 2], segments[i + 3], COLOR, 0.55, 1.0);
            }
        }
    }
}
