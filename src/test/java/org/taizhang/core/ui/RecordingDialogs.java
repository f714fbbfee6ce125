package org.taizhang.core.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dialog service for tests: records what would have been shown and answers confirmations with yes. */
public final class RecordingDialogs implements DialogService {
    public final List<String> shown = new CopyOnWriteArrayList<>();
    public volatile boolean confirmAnswer = true;
    /** The messages of the confirmations asked, in order. */
    public final List<String> confirmed = new CopyOnWriteArrayList<>();
    /** What the save dialog answers (empty: the clerk cancelled it); the patterns it was offered are recorded. */
    public volatile Path fileToSave;

    public final List<String> savePatterns = new CopyOnWriteArrayList<>();

    @Override
    public void showError(String header, String message) {
        shown.add("error: " + header + ": " + message);
    }

    @Override
    public void showInfo(String header, String message) {
        shown.add("info: " + header + ": " + message);
    }

    @Override
    public void showTable(String header, String message, boolean error, List<String> columns, List<List<String>> rows) {
        shown.add((error ? "error table: " : "table: ") + header + ": " + message + "\n"
                + String.join(
                        "\n", rows.stream().map(r -> String.join(" | ", r)).toList()));
    }

    @Override
    public boolean confirm(String header, String message) {
        shown.add("confirm: " + header);
        confirmed.add(message);
        return confirmAnswer;
    }

    /** What a choice answers (the index of the button; empty: the dialog was closed). */
    public volatile Optional<Integer> chooseAnswer = Optional.of(0);

    @Override
    public Optional<Integer> choose(String header, String message, List<String> choices) {
        shown.add("choose: " + header + " " + choices + " " + message);
        return chooseAnswer;
    }

    /** What a text question answers (empty: cancelled); the initial texts offered are recorded. */
    public volatile Optional<String> textAnswer = Optional.empty();

    public final List<Path> opened = new CopyOnWriteArrayList<>();

    @Override
    public Optional<String> askText(String header, String message, String initial) {
        shown.add("ask: " + header + " [" + initial + "]");
        return textAnswer;
    }

    @Override
    public void open(Path fileOrFolder) {
        opened.add(fileOrFolder);
    }

    /** The file a chooser "picks" (none: the chooser is cancelled). */
    public volatile Path fileToOpen;

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filterName, String... patterns) {
        return Optional.ofNullable(fileToOpen);
    }

    /** The files a multiple chooser "picks" (empty: cancelled). */
    public volatile List<Path> filesToOpen = List.of();

    @Override
    public List<Path> chooseFilesToOpen(String title, String filterName, String... patterns) {
        return filesToOpen;
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String filterName, String... patterns) {
        savePatterns.addAll(List.of(patterns));
        return Optional.ofNullable(fileToSave);
    }

    /** The folder {@link #chooseFolder} answers (null: the clerk cancels). */
    public volatile Path folder;

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable(folder);
    }
}
