package org.taizhang.core.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.taizhang.core.i18n.Messages;

/**
 * Every form of the window that can hold unsaved edits, so that closing the window asks once about all of them:
 * a page joins when it is built ({@link #add}), and {@link #whenSettled} names each page with unsaved edits and
 * saves or discards them all. A page asks about its own form when the clerk leaves a record; this is for the way
 * out that leaves every page at once.
 */
public final class UnsavedEdits {
    private record Entry(String place, RecordPage<?> page) {}

    private final List<Entry> pages = new ArrayList<>();
    private final DialogService dialogs;
    private final Messages messages;

    public UnsavedEdits(DialogService dialogs, Messages messages) {
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** Joins {@code page} to the question; {@code place} names it for the clerk (组织台账 · 党组织). */
    public void add(String place, RecordPage<?> page) {
        pages.add(new Entry(place, page));
    }

    /** The page's place and the record being edited, one line per page with unsaved edits, in the order joined. */
    public List<String> pending() {
        return dirty().stream()
                .map(e -> messages.get("page.unsaved.item", e.place(), e.page().editedName()))
                .toList();
    }

    private List<Entry> dirty() {
        return pages.stream().filter(e -> e.page().form().isDirty()).toList();
    }

    /**
     * Runs {@code then} once no page holds unsaved edits: at once when none does; otherwise one question lists them
     * all — 保存 saves each in turn (a save refused stops there, and the window stays), 放弃 drops them all, 取消 (or
     * closing the question) runs nothing and keeps every edit.
     */
    public void whenSettled(Runnable then) {
        List<Entry> dirty = dirty();
        if (dirty.isEmpty()) {
            then.run();
            return;
        }
        Optional<Integer> choice = dialogs.choose(
                messages.get("page.unsaved.allHeader", dirty.size()),
                messages.get("page.unsaved.allMessage", String.join("\n", pending())),
                List.of(
                        messages.get("page.unsaved.save"),
                        messages.get("page.unsaved.discard"),
                        messages.get("page.unsaved.cancel")));
        if (choice.isEmpty() || choice.get() == 2) {
            return;
        }
        if (choice.get() == 0) {
            saveFrom(dirty, 0, then);
        } else {
            dirty.forEach(e -> e.page().form().discard());
            then.run();
        }
    }

    /** Saves one page after the other: each save runs in the background and goes on only once it succeeded. */
    private static void saveFrom(List<Entry> dirty, int index, Runnable then) {
        if (index == dirty.size()) {
            then.run();
        } else {
            dirty.get(index).page().save(() -> saveFrom(dirty, index + 1, then));
        }
    }
}
