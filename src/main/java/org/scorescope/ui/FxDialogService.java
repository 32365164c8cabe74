package org.scorescope.ui;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.scorescope.ui.service.DialogService;

/**
 * The window's dialogs: errors as non-modal alerts with the cause in one line and the stack trace
 * behind "Show details" (never in the message itself); JavaFX file choosers, whose selected type
 * decides the format.
 */
final class FxDialogService implements DialogService {
    private final Window owner;

    FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String header, String message, Throwable detail) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null && owner.getScene() != null) {
            a.initOwner(owner);
            a.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        a.setTitle("ScoreScope");
        a.setHeaderText(header);
        a.setContentText(message);
        a.getDialogPane().setId("error-dialog");
        if (detail != null) {
            StringWriter trace = new StringWriter();
            detail.printStackTrace(new PrintWriter(trace));
            TextArea text = new TextArea(trace.toString());
            text.setEditable(false);
            text.setPrefRowCount(14);
            a.getDialogPane().setExpandableContent(text);
        }
        a.show();
    }

    @Override
    public Optional<ChosenFile> chooseSave(String title, List<FileType> types) {
        FileChooser fc = chooser(title, types);
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        FileChooser.ExtensionFilter selected = fc.getSelectedExtensionFilter();
        FileType type = types.stream().filter(t -> selected != null && t.description().equals(selected.getDescription())).findFirst()
                .orElse(types.get(0));
        return Optional.of(new ChosenFile(withExtension(f.toPath(), type), type));
    }

    /** Adds the type's extension when the name has none of it (the type, not the name, decides the format). */
    static Path withExtension(Path p, FileType type) {
        String ext = type.extension();
        String name = p.getFileName().toString();
        return ext.isEmpty() || name.toLowerCase().endsWith(ext.toLowerCase()) ? p : p.resolveSibling(name + ext);
    }

    @Override
    public Optional<Path> chooseOpen(String title, List<FileType> types) {
        File f = chooser(title, types).showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<String> askText(String title, String question, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(title);
        d.setHeaderText(question);
        return d.showAndWait();
    }

    private static FileChooser chooser(String title, List<FileType> types) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        for (FileType t : types) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Objects.requireNonNull(t.description()), t.pattern()));
        }
        if (!fc.getExtensionFilters().isEmpty()) {
            fc.setSelectedExtensionFilter(fc.getExtensionFilters().get(0));
        }
        return fc;
    }
}
