package org.scorescope.ui.lab;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import org.scorescope.scenario.Scenario;

/**
 * A lab: a teaching or research tool that plugs into the window without changing it. Through this
 * one interface a lab contributes
 * <ul>
 *   <li>scenario fields ({@link #scenarioFields}) — edited in its section, saved with the scenario;</li>
 *   <li>a control pane ({@link #controlPane}) — any JavaFX node, shown in its own section of the
 *       control column (buttons that open its windows, its inputs);</li>
 *   <li>layers ({@link #layers}) — drawn on every panel off the FX thread, each with a check box;</li>
 *   <li>metrics ({@link #metrics}) — measured on every sampler after every step, shown in the
 *       summary and given to every chart;</li>
 *   <li>charts ({@link #charts}) — tabs of the metrics pane, drawn off the FX thread;</li>
 *   <li>lecture scenarios ({@link #lectures}) — listed on the lecture page under the lab's title.</li>
 * </ul>
 * Every method has a default that contributes nothing. The shell calls {@link #install} once, on the
 * FX thread, before asking for the contributions, and {@link #close} when the window closes. Labs are
 * registered in one place, {@code org.scorescope.ui.labs.Labs}. See docs/architecture.md, "How to add
 * a lab".
 */
public interface Lab {
    /** A stable id ("rate-study"), also the argument of {@code --lab ID[:ARGS]}. */
    String id();

    /** The heading of the lab's section and of its lectures. */
    String title();

    /**
     * Receives the window's services (session, executor, dialogs, engine, current run). Called once,
     * first, on the FX thread.
     */
    default void install(LabContext context) {
    }

    /** Fields of the scenario this lab edits. */
    default List<ScenarioField> scenarioFields() {
        return List.of();
    }

    /** The lab's own controls (FX thread; called once after {@link #install}). */
    default Optional<Node> controlPane() {
        return Optional.empty();
    }

    /** Layers the lab draws on the panels. */
    default List<LabLayer> layers() {
        return List.of();
    }

    /** Metrics the lab measures on every run. */
    default List<LabMetric> metrics() {
        return List.of();
    }

    /** Charts the lab adds to the metrics pane. */
    default List<LabChart> charts() {
        return List.of();
    }

    /** Scenarios for the lecture page. */
    default List<Scenario> lectures() {
        return List.of();
    }

    /**
     * Starts the lab from the command line ({@code --lab ID:ARGUMENT}); by default opens nothing.
     *
     * @param argument what follows "ID:" (may be empty)
     * @throws IllegalArgumentException when the argument is not understood, with what is allowed
     */
    default void launch(String argument) {
    }

    /** Stops the lab's jobs and closes its windows (FX thread). */
    default void close() {
    }
}
