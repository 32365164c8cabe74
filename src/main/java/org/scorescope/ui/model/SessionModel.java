package org.scorescope.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scorescope.render.PanelStyle;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;

/**
 * The state of one window, with no JavaFX node in sight (testable without a window): the scenario
 * being run, the playback position, the selection, the layers, the metric settings and what is known
 * about each sampler of the current run. Changed on the FX thread only.
 *
 * <p>The scenario is held whole, exactly as opened: the window never clamps or rounds it, so a
 * scenario opened and saved again is byte-identical, and loading one is one change (one run).
 * Edits go through the methods below, which each make one new scenario; an edit that changes the
 * target or the samplers drops the title and paragraph, which described the old ones.
 */
public final class SessionModel {
    /** The scenario a new window starts with. */
    public static final Scenario DEFAULT = new Scenario("", "", Scenario.TargetSpec.preset("ring8"), Scenario.ScheduleSpec.of("linear"),
            List.of(Scenario.SamplerSpec.of("ddpm"), Scenario.SamplerSpec.of("accel-ddpm")), 40, 20_000, 1);

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(DEFAULT);

    /** The displayed step t (T = noise … 0 = output). */
    public final IntegerProperty step = new SimpleIntegerProperty(DEFAULT.steps());
    /** Whether playback runs. */
    public final BooleanProperty playing = new SimpleBooleanProperty(false);
    /** Whether playback starts again at T after 0. */
    public final BooleanProperty loop = new SimpleBooleanProperty(false);
    /** Playback speed in steps per second. */
    public final DoubleProperty speed = new SimpleDoubleProperty(8);
    /** The selected sampler slot: shown alone, its histograms drawn; −1 shows all. */
    public final IntegerProperty focus = new SimpleIntegerProperty(-1);
    /** Presentation mode: full screen, large type, controls hidden. */
    public final BooleanProperty presentation = new SimpleBooleanProperty(false);
    /** Whether the metrics pane is shown (M). */
    public final BooleanProperty metricsShown = new SimpleBooleanProperty(true);
    /** The FX frame-time overlay. */
    public final BooleanProperty frameTime = new SimpleBooleanProperty(false);
    /** The "?" overlay listing every shortcut. */
    public final BooleanProperty shortcutsShown = new SimpleBooleanProperty(false);
    /** How the panels are arranged. */
    public final ObjectProperty<PanelLayout> layout = new SimpleObjectProperty<>(PanelLayout.AUTO);
    /** The world box the panels show (x0, x1, y0, y1); for a 1D target (0, 1, xMin, xMax). Pan and zoom change it. */
    public final ObjectProperty<double[]> viewBox = new SimpleObjectProperty<>();
    /** The TV box (x0, x1, y0, y1) chosen by the user, or null for the target's box. */
    public final ObjectProperty<double[]> tvBox = new SimpleObjectProperty<>();
    /** Histogram bins per axis chosen by the user, or 0 for the default 2·N^{1/4} (2D) / 2·N^{1/3} (1D). */
    public final IntegerProperty bins = new SimpleIntegerProperty(0);
    /** The status line. */
    public final StringProperty status = new SimpleStringProperty("");
    /** What is under the mouse (x, density, score), shown instead of the status while the mouse is over a panel. */
    public final StringProperty hover = new SimpleStringProperty("");
    /** What the window cannot show of this scenario, said in words (empty when nothing). */
    public final StringProperty notice = new SimpleStringProperty("");
    /** One entry per sampler of the current run (updated while it computes). */
    public final ObservableList<SamplerStatus> samplerStatus = FXCollections.observableArrayList();
    /** What the sampler picker offers: canonical ids ({@code ddim}, {@code lagrange:K=3}). */
    public final ObservableList<String> samplerCatalog = FXCollections.observableArrayList(SamplerChoice.catalog());
    /** The particle picked on a panel for its anatomy (issue 18), or null. */
    public final ObjectProperty<Pick> pick = new SimpleObjectProperty<>();
    /** Anatomy pick mode: a plain click on a panel picks the nearest particle (Shift+click always does). */
    public final BooleanProperty pickMode = new SimpleBooleanProperty(false);
    /** Presenter's pointer: a bright translucent spot follows the mouse over the panels. */
    public final BooleanProperty pointer = new SimpleBooleanProperty(false);
    /** Presenter's pen: dragging on a panel draws a stroke instead of panning. */
    public final BooleanProperty pen = new SimpleBooleanProperty(false);
    /** Whether the strokes stay when the step changes (else a step change clears them). */
    public final BooleanProperty keepAnnotations = new SimpleBooleanProperty(false);
    /** Freeze and compare: the panels' frame at the moment it was switched on is drawn, dimmed, under the running one. */
    public final BooleanProperty frozen = new SimpleBooleanProperty(false);
    /** The presenter's freehand strokes on the panels, oldest first. */
    public final ObservableList<Stroke> strokes = FXCollections.observableArrayList();
    private final Layers layers = new Layers();

    /** The scenario, as a read-only property (one change per edit or load). */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    /** The scenario now. */
    public Scenario scenario() {
        return scenario.get();
    }

    /** The layers (built-in and those of labs). */
    public Layers layers() {
        return layers;
    }

    /** Replaces the scenario exactly as given (one change); playback stops and the view returns to all panels. */
    public void load(Scenario s) {
        Objects.requireNonNull(s, "scenario");
        playing.set(false);
        focus.set(-1);
        scenario.set(s);
    }

    /** Applies an edit; nothing happens when it returns an equal scenario. */
    public void edit(UnaryOperator<Scenario> change) {
        Scenario next = change.apply(scenario.get());
        if (!next.equals(scenario.get())) {
            scenario.set(next);
        }
    }

    /** Runs a preset target (the title and paragraph are dropped: they described the old target). */
    public void setPreset(String id) {
        Scenario s = scenario.get();
        if (s.target().preset() != null && s.target().preset().equals(id) && s.target().embed() == 0) {
            return;
        }
        scenario.set(keepGuidanceIfPossible(untitled(s).with(Scenario.TargetSpec.preset(id), null, null, null, null, null)));
    }

    /** Runs an explicit target (drawn in the editor or built by a lab); the title and paragraph are dropped. */
    public void setExplicitTarget(Scenario.TargetSpec target) {
        scenario.set(keepGuidanceIfPossible(untitled(scenario.get()).with(target, null, null, null, null, null)));
    }

    /**
     * A scenario's guidance survives every edit; after the target changed it is kept only when the
     * new target has the guided class (otherwise the scenario could not run), else dropped.
     */
    private static Scenario keepGuidanceIfPossible(Scenario s) {
        if (s.guidance() == null) {
            return s;
        }
        try {
            GuidanceScenario.validate(s);
            return s;
        } catch (RuntimeException e) {
            return s.withGuidance(null);
        }
    }

    /** Picks a schedule; its parameters are kept only when it is the same schedule. */
    public void setSchedule(String id) {
        Scenario s = scenario.get();
        if (!s.schedule().id().equals(id)) {
            scenario.set(s.with(null, Scenario.ScheduleSpec.of(id), null, null, null, null));
        }
    }

    /** Sets one numeric parameter of the schedule (c0, c1 of the theory schedule). */
    public void setScheduleParam(String name, double value) {
        edit(s -> {
            Map<String, Double> p = new LinkedHashMap<>(s.schedule().params());
            p.put(name, value);
            Scenario.ScheduleSpec old = s.schedule();
            return s.with(null, new Scenario.ScheduleSpec(old.id(), p, old.spacing(), old.values()), null, null, null, null);
        });
    }

    /** Removes one parameter of the schedule (it takes its default again); nothing changes when it is not set. */
    public void clearScheduleParam(String name) {
        edit(s -> {
            if (!s.schedule().params().containsKey(name)) {
                return s;
            }
            Map<String, Double> p = new LinkedHashMap<>(s.schedule().params());
            p.remove(name);
            Scenario.ScheduleSpec old = s.schedule();
            return s.with(null, new Scenario.ScheduleSpec(old.id(), p, old.spacing(), old.values()), null, null, null, null);
        });
    }

    /** Sets T. */
    public void setSteps(int steps) {
        edit(s -> s.with(null, null, null, steps, null, null));
    }

    /** Sets N. */
    public void setParticles(int particles) {
        edit(s -> s.with(null, null, null, null, particles, null));
    }

    /** Sets the seed. */
    public void setSeed(long seed) {
        edit(s -> s.with(null, null, null, null, null, seed));
    }

    /** The sampler slots of the scenario. */
    public List<SamplerChoice> samplers() {
        return scenario.get().samplers().stream().map(SamplerChoice::of).toList();
    }

    /** Replaces one sampler (a different sampler drops the title; a parameter change keeps it). */
    public void setSampler(int slot, SamplerChoice choice) {
        Scenario s = scenario.get();
        List<Scenario.SamplerSpec> list = new ArrayList<>(s.samplers());
        boolean other = !list.get(slot).id().equals(choice.id());
        list.set(slot, choice.spec());
        Scenario base = other ? untitled(s) : s;
        Scenario next = base.with(null, null, list, null, null, null);
        if (!next.equals(s)) {
            scenario.set(next);
        }
    }

    /** Adds a sampler (at most {@link Scenario#MAX_SAMPLERS}); the title is dropped. */
    public void addSampler(SamplerChoice choice) {
        Scenario s = scenario.get();
        if (s.samplers().size() >= Scenario.MAX_SAMPLERS) {
            return;
        }
        List<Scenario.SamplerSpec> list = new ArrayList<>(s.samplers());
        list.add(choice.spec());
        scenario.set(untitled(s).with(null, null, list, null, null, null));
    }

    /** Removes a sampler (one always stays); the title is dropped. */
    public void removeSampler(int slot) {
        Scenario s = scenario.get();
        if (s.samplers().size() <= 1) {
            return;
        }
        List<Scenario.SamplerSpec> list = new ArrayList<>(s.samplers());
        list.remove(slot);
        if (focus.get() >= list.size()) {
            focus.set(-1);
        }
        scenario.set(untitled(s).with(null, null, list, null, null, null));
    }

    private static Scenario untitled(Scenario s) {
        if (s.title().isEmpty() && s.description().isEmpty()) {
            return s;
        }
        return s.retitled("", "");
    }

    /** The layers to draw, for the renderer. */
    public PanelStyle style() {
        return new PanelStyle(layers.on(Layers.DENSITY), layers.on(Layers.CONTOURS), layers.on(Layers.PARTICLES),
                layers.on(Layers.SCORE_FIELD), layers.on(Layers.TRAILS), presentation.get() ? 2.4 : 1.4);
    }

    /**
     * A particle picked for its anatomy.
     *
     * @param slot the sampler's slot
     * @param particle the particle's index (the same index in every step's frame)
     */
    public record Pick(int slot, int particle) {
        public Pick {
            if (slot < 0 || particle < 0) {
                throw new IllegalArgumentException("pick: slot and particle must be ≥ 0, were " + slot + ", " + particle);
            }
        }
    }

    /**
     * One freehand stroke of the presenter, in world coordinates of the panel it was drawn on (so it
     * follows pan and zoom). Immutable: the points are copied in and out.
     *
     * @param slot the sampler slot of the panel
     * @param step the step t shown when it was drawn
     * @param points x0, y0, x1, y1, … (world coordinates)
     */
    public record Stroke(int slot, int step, double[] points) {
        public Stroke {
            if (points.length < 2 || points.length % 2 != 0) {
                throw new IllegalArgumentException("a stroke needs pairs of coordinates, had " + points.length);
            }
            points = points.clone();
        }

        @Override
        public double[] points() {
            return points.clone();
        }

        /** Number of points. */
        public int size() {
            return points.length / 2;
        }

        /** The i-th point's x. */
        public double x(int i) {
            return points[2 * i];
        }

        /** The i-th point's y. */
        public double y(int i) {
            return points[2 * i + 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stroke s && s.slot == slot && s.step == step && java.util.Arrays.equals(s.points, points);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * slot + step) + java.util.Arrays.hashCode(points);
        }

        @Override
        public String toString() {
            return "Stroke[slot=" + slot + ", step=" + step + ", points=" + size() + "]";
        }
    }
}
