package org.taizhang.backup;

import java.util.ArrayList;
import java.util.List;
import org.taizhang.backup.model.Problem;
import org.taizhang.backup.store.IntegrityStore;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;

/**
 * {@code taizhang check} (issue 22): SQLite's integrity and foreign-key checks, every attachment's file present with
 * the content it was stored with, the history consistent with the records, 挂号 numbers unique. Reads only.
 */
public final class IntegrityCheck {
    private final Store store;

    public IntegrityCheck(Store store) {
        this.store = store;
    }

    /** What was found, in the order above; empty when the database is sound. */
    public List<Problem> run(Progress progress) {
        List<Problem> problems = new ArrayList<>();
        progress.update(0, 4, "check.progress.sqlite");
        problems.addAll(IntegrityStore.sqlite(store.read()));
        progress.checkCancelled();
        if (problems.stream().anyMatch(p -> p.kind() == Problem.Kind.DAMAGED)) {
            return problems; // pages are damaged: queries over them may fail or mislead
        }
        progress.update(1, 4, "check.progress.attachments");
        AttachmentStore attachments = new AttachmentStore(store);
        List<String> ids = IntegrityStore.attachmentIds(store.read());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            java.nio.file.Path file = attachments.file(id);
            if (!java.nio.file.Files.isRegularFile(file)) {
                problems.add(new Problem(Problem.Kind.ATTACHMENT_MISSING, id, file.toString()));
            } else if (!attachments.verify(id)) {
                problems.add(new Problem(Problem.Kind.ATTACHMENT_CHANGED, id, file.toString()));
            }
            if (i % 50 == 0) {
                progress.checkCancelled();
            }
        }
        progress.update(2, 4, "check.progress.history");
        problems.addAll(IntegrityStore.history(store.read(), Store.travellingTables()));
        progress.checkCancelled();
        progress.update(3, 4, "check.progress.numbers");
        problems.addAll(IntegrityStore.duplicateNumbers(store.read()));
        progress.update(4, 4, "check.progress.done");
        return problems;
    }
}
