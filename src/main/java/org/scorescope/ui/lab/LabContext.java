package org.scorescope.ui.lab;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.scorescope.engine.Engine;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.DialogService;

/** What the window offers a lab. Everything here is used on the FX thread unless it says otherwise. */
public interface LabContext {
    /** The window's state: read the scenario, edit it (each edit restarts the run), read the step and selection. */
    SessionModel session();

    /** The one background executor: start jobs with progress and cancel, or use a serial lane. */
    BackgroundExecutor executor();

    /** Dialogs: errors, file choosers, questions. */
    DialogService dialogs();

    /** The window's engine (its compute pool), for studies a lab runs itself ({@code engine.run} on an executor job). */
    Engine engine();

    /** The run shown now (null before the first run starts). */
    ReadOnlyObjectProperty<RunView> run();

    /** The main window, to own a lab's windows. */
    Window owner();

    /** Gives a lab window the application's look (its stylesheet). */
    void style(Scene scene);
}
