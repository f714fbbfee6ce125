package org.taizhang.core.store;

import java.util.List;

/** What a store may read from a travelling row's {@code clock} column without knowing its format. */
public final class Clocks {
    private Clocks() {}

    /**
     * The first change that created the record: the same on every device that holds it, and fixed once the record
     * exists (an edit or deletion does not move it), so it orders records that are written once, like a finding's
     * steps. {@code fallback} (the newest change) for a record whose create is not known.
     */
    public static Dot firstCreate(String clock, Dot fallback) {
        List<Dot> creates = clock == null ? List.of() : RecordStates.creates(clock);
        return creates.isEmpty()
                ? fallback
                : creates.stream().min(Dot::compareTo).orElseThrow();
    }
}
