package org.scorescope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.scorescope.io.AtomicFile;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.DialogService;
import org.scorescope.ui.service.Failures;

/**
 * Opening and saving scenario files: Open…, Save…, Recent, drag and drop. A file is loaded exactly
 * as written (one change, one run); saving writes the session's scenario as it is, so a file opened
 * and saved again is byte-identical. A file that cannot be read shows the same one-line message as
 * the command line (the field, the value, what is allowed) and changes nothing.
 */
final class ScenarioFiles {
    static final List<DialogService.FileType> TYPES = List.of(new DialogService.FileType("Scenario (JSON)", "*.json"));
    private final SessionModel model;
    private final DialogService dialogs;
    private final MenuButton recent;
    /** The message of the last file that could not be opened (tests read it). */
    String lastError;

    ScenarioFiles(SessionModel model, DialogService dialogs, MenuButton recent) {
        this.model = model;
        this.dialogs = dialogs;
        this.recent = recent;
        refreshRecent();
    }

    /** Asks for a file and opens it. */
    void chooseAndOpen() {
        dialogs.chooseOpen("Open a scenario", TYPES).ifPresent(this::open);
    }

    /** Asks where to save and saves. */
    void chooseAndSave() {
        dialogs.chooseSave("Save the scenario", TYPES).ifPresent(f -> save(f.path()));
    }

    /**
     * Opens a scenario file.
     *
     * @return whether it was loaded
     */
    boolean open(Path file) {
        Scenario s;
        try {
            s = ScenarioJson.read(file);
        } catch (ScenarioException e) {
            return refuse(file, e.getMessage(), null);
        } catch (RuntimeException e) {
            return refuse(file, Failures.oneLine(e), e);
        }
        model.load(s);
        RecentFiles.add(file);
        refreshRecent();
        model.status.set("opened " + file);
        return true;
    }

    private boolean refuse(Path file, String message, Throwable detail) {
        lastError = message;
        if (detail != null) {
            Failures.LOG.log(java.util.logging.Level.WARNING, "cannot open " + file, detail);
        }
        dialogs.showError("Cannot open " + file.getFileName() + " — nothing was changed", message, detail);
        model.status.set("Cannot open " + file.getFileName() + ": " + message);
        return false;
    }

    /** Writes the session's scenario as JSON (atomically). */
    void save(Path file) {
        String json = ScenarioJson.write(model.scenario());
        try {
            AtomicFile.write(file, w -> w.write(json));
        } catch (RuntimeException e) {
            dialogs.showError("Cannot save " + file.getFileName(), Failures.oneLine(e), e);
            return;
        }
        RecentFiles.add(file);
        refreshRecent();
        model.status.set("saved " + file);
    }

    private void refreshRecent() {
        recent.getItems().clear();
        for (Path p : RecentFiles.list()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> open(p));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }
}
