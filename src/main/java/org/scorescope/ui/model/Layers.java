package org.scorescope.ui.model;

import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The switchable layers, built-in first, then those labs add, in order. */
public final class Layers {
    /** The exact density heat map. */
    public static final String DENSITY = "density";
    /** Contour lines of the exact density. */
    public static final String CONTOURS = "contours";
    /** The particle cloud. */
    public static final String PARTICLES = "particles";
    /** Score arrows. */
    public static final String SCORE_FIELD = "score-field";
    /** Trails of the tracked particles. */
    public static final String TRAILS = "trails";

    private final ObservableList<LayerToggle> all = FXCollections.observableArrayList(List.of(
            new LayerToggle(DENSITY, "Exact density", 'D', true),
            new LayerToggle(CONTOURS, "Contour lines", 'C', false),
            new LayerToggle(PARTICLES, "Particles", 'P', true),
            new LayerToggle(SCORE_FIELD, "Score field", 'S', false),
            new LayerToggle(TRAILS, "Trails", 'T', true)));

    /** Every layer, in display order. */
    public ObservableList<LayerToggle> all() {
        return all;
    }

    /** Adds a lab's layer after the others. */
    public void add(LayerToggle layer) {
        if (find(layer.id()).isPresent()) {
            throw new IllegalArgumentException("a layer '" + layer.id() + "' exists already");
        }
        all.add(layer);
    }

    /** The layer with this id. */
    public Optional<LayerToggle> find(String id) {
        return all.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The layer with this id; it must exist. */
    public LayerToggle get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no layer '" + id + "'"));
    }

    /** Whether a layer is shown (false for an unknown id). */
    public boolean on(String id) {
        return find(id).map(LayerToggle::isOn).orElse(false);
    }

    /** The layer toggled by a key (upper case), if any. */
    public Optional<LayerToggle> byKey(char key) {
        return all.stream().filter(l -> l.key() != 0 && l.key() == Character.toUpperCase(key)).findFirst();
    }
}
