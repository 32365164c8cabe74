package org.scorescope.ui;

import java.util.List;
import java.util.function.Function;
import javafx.stage.Window;
import org.scorescope.engine.RunSpec;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.labs.Labs;
import org.scorescope.ui.service.DialogService;

/**
 * What the window is built from, injectable: the labs, how a scenario becomes a run (tests put a
 * failing sampler in here), and the dialog service (tests script it).
 *
 * @param labs the labs, in section order
 * @param runSpecs turns a scenario into a run
 * @param dialogs makes the dialog service for the main window
 */
public record ShellServices(List<Lab> labs, Function<Scenario, RunSpec> runSpecs, Function<Window, DialogService> dialogs) {

    /** The application's services: the registered labs, the scenario builder, JavaFX dialogs. */
    public static ShellServices defaults() {
        return new ShellServices(Labs.all(), s -> ScenarioBuilder.run(s, null), FxDialogService::new);
    }

    /** The same with other labs. */
    public ShellServices withLabs(List<Lab> other) {
        return new ShellServices(other, runSpecs, dialogs);
    }

    /** The same with another way to build runs. */
    public ShellServices withRunSpecs(Function<Scenario, RunSpec> other) {
        return new ShellServices(labs, other, dialogs);
    }

    /** The same with another dialog service. */
    public ShellServices withDialogs(Function<Window, DialogService> other) {
        return new ShellServices(labs, runSpecs, other);
    }
}
