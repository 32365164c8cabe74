package org.scorescope.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.scorescope.render.SamplerPalette;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.model.PanelLayout;
import org.scorescope.ui.model.SamplerChoice;
import org.scorescope.ui.model.SessionModel;

/**
 * The samplers (one to eight, all from the same initial noise), each in its colour, picked by id
 * or id with parameters ({@code lagrange:K=3}), with its
 * parameters — on/off parameters as check boxes, numbers as spinners with their ranges — and where
 * it comes from on hover; and the panel arrangement.
 */
final class SamplerControls extends VBox {
    private final SessionModel model;
    private final VBox rows = new VBox(4);
    final Button add = new Button("+ Add sampler");
    final ComboBox<PanelLayout> layout = new ComboBox<>();
    private List<SamplerChoice> shown = List.of();

    SamplerControls(SessionModel model) {
        super(4);
        this.model = model;
        add.setId("add-sampler");
        add.setOnAction(e -> model.addSampler(SamplerChoice.of("ddim")));
        layout.setId("panel-layout");
        layout.getItems().setAll(PanelLayout.values());
        layout.valueProperty().bindBidirectional(model.layout);
        Label arrange = new Label("Panels (L)");
        arrange.getStyleClass().add("hint");
        HBox arrangement = new HBox(8, arrange, layout);
        arrangement.setAlignment(Pos.CENTER_LEFT);
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        arrange.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        layout.setMinWidth(60);
        HBox.setHgrow(arrangement, Priority.ALWAYS);
        HBox.setHgrow(layout, Priority.ALWAYS);
        layout.setMaxWidth(Double.MAX_VALUE);
        HBox addRow = new HBox(8, add, arrangement);
        addRow.setAlignment(Pos.CENTER_LEFT);
        // The heading is the fold's title (ControlPane): "Samplers (1–8, same initial noise)".
        getChildren().addAll(rows, addRow);
        model.scenarioProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<SamplerChoice> now = model.samplers();
        add.setDisable(now.size() >= Scenario.MAX_SAMPLERS);
        if (now.equals(shown)) {
            return;
        }
        shown = now;
        rows.getChildren().clear();
        for (int i = 0; i < now.size(); i++) {
            rows.getChildren().add(row(i, now.get(i), now.size()));
        }
    }

    private Node row(int i, SamplerChoice choice, int count) {
        ComboBox<String> id = new ComboBox<>();
        id.setId("sampler-" + i);
        id.getItems().setAll(model.samplerCatalog);
        String shown = choice.shortId();
        if (!id.getItems().contains(shown)) {
            id.getItems().add(shown);
        }
        id.setValue(shown);
        id.setMaxWidth(Double.MAX_VALUE);
        id.setTooltip(new Tooltip(Citations.of(choice.id(), choice.params())));
        HBox.setHgrow(id, Priority.ALWAYS);
        id.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(shown)) {
                model.setSampler(i, SamplerChoice.parse(b));
            }
        });
        Rectangle chip = new Rectangle(12, 12, javafx.scene.paint.Color.web(SamplerPalette.web(i)));
        Button remove = new Button("−");
        remove.setId("remove-sampler-" + i);
        remove.setDisable(count <= 1);
        remove.setTooltip(new Tooltip("Remove this sampler"));
        remove.setOnAction(e -> model.removeSampler(i));
        HBox head = new HBox(6, chip, id, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, head);
        for (SamplerRegistry.Parameter p : SamplerRegistry.parameterSpecs(choice.id())) {
            row.getChildren().add(parameter(i, choice, p));
        }
        return row;
    }

    private Node parameter(int i, SamplerChoice choice, SamplerRegistry.Parameter p) {
        double fallback = p.name().equals("R") ? Math.max(1, choice.params().getOrDefault("K", 2.0) - 1) : p.defaultValue();
        double value = choice.params().getOrDefault(p.name(), fallback);
        Node editor;
        Label name;
        if (p.min() == 0 && p.max() == 1 && p.step() == 1) {
            CheckBox box = new CheckBox(p.name());
            box.setId("param-" + i + "-" + p.name());
            box.setSelected(value != 0);
            box.setTooltip(new Tooltip(p.meaning()));
            box.selectedProperty().addListener((o, a, b) -> model.setSampler(i, choice.with(p.name(), b ? 1 : 0)));
            editor = box;
            name = null;
        } else {
            Spinner<Double> sp = Fields.doubleSpinner(p.min(), p.max(), value, p.step());
            sp.setId("param-" + i + "-" + p.name());
            sp.setTooltip(new Tooltip(p.meaning()));
            sp.valueProperty().addListener((o, a, b) -> model.setSampler(i, choice.with(p.name(), p.step() == 1 ? Math.rint(b) : b)));
            String range = p.step() == 1 ? String.format("%.0f–%.0f", p.min(), p.max()) : String.format("%.1f–%.1f", p.min(), p.max());
            name = new Label(p.name() + " (" + range + ")");
            name.getStyleClass().add("hint");
            editor = sp;
        }
        HBox line = name == null ? new HBox(6, editor) : new HBox(6, name, editor);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(0, 0, 0, 18));
        return line;
    }
}
