package org.taizhang.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One feature's ways of changing data on a device, for {@link ConvergencePropertyTest}: its generator (the weight of
 * each action) and the actions, beside that feature's tests (organization.RegistryActions, checklist.ChecklistActions,
 * inspection.LedgerActions). The property test picks an action by weight and runs it on a device; a refusal by the
 * rules is expected (a clerk would be told, and nothing is written).
 */
public interface DeviceActions {
    /** Unit names every device uses, so that devices create and import the same units. */
    String[] UNIT_NAMES = {"江海市财政局", "江海市审计局", "江海市统计局", "江海市教育局"};

    String[] COMMUNITY_NAMES = {"经济发展共同体", "社会治理共同体"};
    /** Values written into text fields: few, so that devices write the same value and different ones. */
    String[] TEXTS = {"张红玲", "马兵德", "孙晶娟", null};
    /** Feedback forms a unit filled in, in this try: any device may import any of them (a unit mails them all). */
    List<Path> FORMS = new ArrayList<>();
    /** Assessment forms (测评表) filled in this try: the same file may be imported on several devices. */
    List<Path> ASSESSMENT_FORMS = new ArrayList<>();
    /** Two teams' sheets of findings, the same files on every device (ids from the file and row). */
    List<Path> SHEETS = new ArrayList<>();

    /** The numbers a script step gives an action: they pick the record, the field and the value (modulo). */
    record Pick(int a, int b, int c) {}

    /** A device's records of a table, deleted or not, in id order (read from its last export). */
    @FunctionalInterface
    interface Rows {
        List<RecordState> rows(String table, boolean deleted);
    }

    /** How often the generator picks each action; the action is the index. */
    List<Integer> weights();

    void act(int action, Pick s) throws IOException;

    /** The n-th element (modulo its size), or null for an empty list. */
    static <T> T pick(List<T> list, int n) {
        return list.isEmpty() ? null : list.get(n % list.size());
    }

    /** Restores one of the deleted records (modulo), if any. */
    static void restore(List<RecordState> deleted, int n, Consumer<String> restore) {
        RecordState s = pick(deleted, n);
        if (s != null) {
            restore.accept(s.id());
        }
    }
}
