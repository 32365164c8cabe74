package org.scorescope.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.scorescope.ui.service.DialogService;

/** A dialog service for tests: records every error, answers file and text questions from a script. */
final class ScriptedDialogs implements DialogService {
    /** "header | message" of every error shown. */
    final List<String> errors = new CopyOnWriteArrayList<>();
    final ArrayDeque<ChosenFile> saves = new ArrayDeque<>();
    final ArrayDeque<Path> opens = new ArrayDeque<>();
    final ArrayDeque<String> answers = new ArrayDeque<>();

    @Override
    public void showError(String header, String message, Throwable detail) {
        errors.add(header + " | " + message);
    }

    @Override
    public Optional<ChosenFile> chooseSave(String title, List<FileType> types) {
        ChosenFile f = saves.poll();
        if (f != null && !types.contains(f.type())) {
            throw new AssertionError(f.type() + " is not offered: " + types);
        }
        return Optional.ofNullable(f);
    }

    @Override
    public Optional<Path> chooseOpen(String title, List<FileType> types) {
        return Optional.ofNullable(opens.poll());
    }

    @Override
    public Optional<String> askText(String title, String question, String initial) {
        return Optional.ofNullable(answers.poll());
    }
}
