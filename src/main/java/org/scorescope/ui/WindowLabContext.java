package org.scorescope.ui;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.scorescope.engine.Engine;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.DialogService;

/** What the window offers its labs: its session, executor, dialogs, engine, run and look. */
record WindowLabContext(SessionModel session, BackgroundExecutor executor, DialogService dialogs, Engine engine,
        ReadOnlyObjectProperty<RunView> run, Window owner, Supplier<String> stylesheet) implements LabContext {
    @Override
    public void style(Scene scene) {
        scene.getStylesheets().add(stylesheet.get());
    }
}
