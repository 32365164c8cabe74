package org.scorescope.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scorescope.render.PanelStyle;
import org.scorescope.scenario.Scenario;

/**
 * The state of the window, as JavaFX properties read and written on the FX thread only: the
 * scenario being run, the layers shown and the playback position.
 */
final class Session {
    /** A sampler slot: its id and parameters (η of ddim-eta is edited in the control pane; others come from scenario files). */
    record SamplerChoice(String id, Map<String, Double> params) {
        SamplerChoice {
            params = Map.copyOf(params);
        }

        /** A sampler with default parameters. */
        static SamplerChoice of(String id) {
            return new SamplerChoice(id, Map.of());
        }

        /** η, 0.5 when not set. */
        double eta() {
            return params.getOrDefault("eta", 0.5);
        }

        /** The same sampler with η set. */
        SamplerChoice withEta(double eta) {
            Map<String, Double> p = new LinkedHashMap<>(params);
            p.put("eta", eta);
            return new SamplerChoice(id, p);
        }

        Scenario.SamplerSpec spec() {
            return new Scenario.SamplerSpec(id, params);
        }
    }

    final StringProperty title = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final StringProperty target = new SimpleStringProperty("ring8");
    final StringProperty schedule = new SimpleStringProperty("linear");
    final DoubleProperty c0 = new SimpleDoubleProperty(2);
    final DoubleProperty c1 = new SimpleDoubleProperty(4);
    final IntegerProperty steps = new SimpleIntegerProperty(40);
    final IntegerProperty particles = new SimpleIntegerProperty(20_000);
    final IntegerProperty seed = new SimpleIntegerProperty(1);
    final ObservableList<SamplerChoice> samplers = FXCollections.observableArrayList(
            SamplerChoice.of("ddpm"), SamplerChoice.of("accel-ddpm"));
    /** Set when the scenario came from a file with an explicit target: kept until the user picks a preset. */
    final ObjectProperty<Scenario.TargetSpec> explicitTarget = new SimpleObjectProperty<>();

    final BooleanProperty density = new SimpleBooleanProperty(true);
    final BooleanProperty contours = new SimpleBooleanProperty(false);
    final BooleanProperty particlesShown = new SimpleBooleanProperty(true);
    final BooleanProperty scoreField = new SimpleBooleanProperty(false);
    final BooleanProperty trails = new SimpleBooleanProperty(true);
    final BooleanProperty frameTime = new SimpleBooleanProperty(false);

    final IntegerProperty step = new SimpleIntegerProperty(40);
    final BooleanProperty playing = new SimpleBooleanProperty(false);
    final BooleanProperty loop = new SimpleBooleanProperty(false);
    final DoubleProperty speed = new SimpleDoubleProperty(8);
    final IntegerProperty focus = new SimpleIntegerProperty(-1);
    final BooleanProperty presentation = new SimpleBooleanProperty(false);

    /** The scenario the controls describe. */
    Scenario scenario() {
        List<Scenario.SamplerSpec> specs = new ArrayList<>();
        for (SamplerChoice c : samplers) {
            specs.add(c.spec());
        }
        Map<String, Double> params = new LinkedHashMap<>();
        if (schedule.get().equals("theory")) {
            params.put("c0", c0.get());
            params.put("c1", c1.get());
        }
        Scenario.TargetSpec t = explicitTarget.get() != null ? explicitTarget.get() : Scenario.TargetSpec.preset(target.get());
        return new Scenario(title.get(), description.get(), t, new Scenario.ScheduleSpec(schedule.get(), params, null, null), specs,
                steps.get(), particles.get(), seed.get());
    }

    /** The layers to draw. */
    PanelStyle style() {
        return new PanelStyle(density.get(), contours.get(), particlesShown.get(), scoreField.get(), trails.get(),
                presentation.get() ? 2.4 : 1.4);
    }
}
