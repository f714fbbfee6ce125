package org.taizhang.core.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges two states of one record, field by field (decisions/0006). A version survives when the other side
 * holds it too or has never seen it; a version the other side has seen and no longer holds was overwritten
 * there. Surviving versions with equal values are one version; when several remain, the one with the newest
 * change is shown and the others are the field's conflicts. The result depends only on what the two states
 * hold, never on which is local or on the order in which states arrive, so every device ends the same.
 *
 * <p>A create outranks nothing: records with stable ids (a finding from a sheet's row) can be created on two
 * devices, and a create writes every field. Among the surviving versions of a field, any written by a later change
 * (an edit, a deletion) overwrite every version that only creates wrote, and a create's value overwrites a create's
 * empty field: a busier device's create can neither hide the number the hub gave after its own create nor blank a
 * value (cr-sqlite: an update outranks an insert). The create's values stay in its history entry.
 */
public final class Merge {
    private Merge() {}

    /** {@code local} may be null (the record is new here). */
    public static RecordState merge(RecordState local, RecordState remote) {
        if (local == null) {
            return fresh(remote);
        }
        if (!local.table().equals(remote.table()) || !local.id().equals(remote.id())) {
            throw new IllegalArgumentException("not the same record: " + local.id() + " / " + remote.id());
        }
        Set<Dot> creates = new HashSet<>(local.creates());
        creates.addAll(remote.creates());
        Set<String> names = new TreeSet<>(local.fields().keySet());
        names.addAll(remote.fields().keySet());
        Map<String, List<FieldVersion>> fields = new LinkedHashMap<>();
        for (String name : names) {
            List<FieldVersion> mine = local.fields().getOrDefault(name, List.of());
            List<FieldVersion> theirs = remote.fields().getOrDefault(name, List.of());
            refuseClash(local, name, mine, theirs);
            fields.put(name, mergeField(mine, local.seen(), theirs, remote.seen(), creates));
        }
        boolean remoteNewer = local.latest() == null
                || (remote.latest() != null && remote.latest().compareTo(local.latest()) > 0);
        return new RecordState(
                local.table(),
                local.id(),
                earliest(local.createdAt(), remote.createdAt()),
                remoteNewer ? remote.updatedAt() : local.updatedAt(),
                remoteNewer ? remote.latest() : local.latest(),
                fields,
                local.seen().join(remote.seen()),
                new ArrayList<>(creates));
    }

    /**
     * {@code remote} merged with a state that holds nothing and has seen nothing, as the general case would make it
     * (MergeTest holds the two to each other), without its per-record sets and maps: most of a laptop's first
     * package is records the receiver has never held.
     */
    private static RecordState fresh(RecordState remote) {
        Set<Dot> creates = new HashSet<>(remote.creates());
        Map<String, List<FieldVersion>> fields = new LinkedHashMap<>();
        boolean same = true;
        for (Map.Entry<String, List<FieldVersion>> e : remote.fields().entrySet()) {
            List<FieldVersion> merged =
                    mergeField(List.of(), VersionVector.EMPTY, e.getValue(), remote.seen(), creates);
            same &= merged == e.getValue();
            fields.put(e.getKey(), merged);
        }
        if (same) {
            return remote; // every field kept as it came (a state is immutable): no second copy of a large set
        }
        return new RecordState(
                remote.table(),
                remote.id(),
                remote.createdAt(),
                remote.updatedAt(),
                remote.latest(),
                fields,
                VersionVector.EMPTY.join(remote.seen()),
                new ArrayList<>(creates));
    }

    /** The general merge of {@code remote} into an empty state: what {@link #fresh} must equal. */
    static RecordState mergeIntoEmpty(RecordState remote) {
        return merge(
                new RecordState(
                        remote.table(), remote.id(), null, null, null, Map.of(), VersionVector.EMPTY, List.of()),
                remote);
    }

    /**
     * A change has one name on every device and writes one value: two states that give one name two values
     * cannot both be true (a database copied before version 2, or a backup restored with its device file, named
     * new changes as old ones). Merging them would keep one at random, so the whole set is refused.
     */
    private static void refuseClash(
            RecordState local, String field, List<FieldVersion> mine, List<FieldVersion> theirs) {
        if (mine.isEmpty() || theirs.isEmpty()) {
            return;
        }
        Map<Dot, Object> held = new java.util.HashMap<>();
        for (FieldVersion v : mine) {
            v.dots().forEach(d -> held.put(d, v.value()));
        }
        for (FieldVersion v : theirs) {
            for (Dot d : v.dots()) {
                if (held.containsKey(d) && !Values.same(held.get(d), v.value())) {
                    throw new Clash(local.table(), local.id(), field, d);
                }
            }
        }
    }

    /** Two states give one change two values: see {@link #refuseClash}. */
    public static final class Clash extends IllegalStateException {
        private final String table;
        private final String id;
        private final String field;
        private final Dot dot;

        Clash(String table, String id, String field, Dot dot) {
            super(table + " " + id + " " + field + ": change " + dot + " holds two values");
            this.table = table;
            this.id = id;
            this.field = field;
            this.dot = dot;
        }

        public String table() {
            return table;
        }

        public String id() {
            return id;
        }

        public String field() {
            return field;
        }

        public Dot dot() {
            return dot;
        }
    }

    private static List<FieldVersion> mergeField(
            List<FieldVersion> mine,
            VersionVector mineSeen,
            List<FieldVersion> theirs,
            VersionVector theirsSeen,
            Set<Dot> creates) {
        if (mine.isEmpty() && theirs.size() == 1 && theirs.getFirst().dots().size() == 1) {
            // a field only the other side holds, written once (most of a new record): kept as it is, unless this
            // side has seen its change and since dropped it
            return mineSeen.covers(theirs.getFirst().dots().getFirst()) ? List.of() : theirs;
        }
        Set<Dot> mineDots = dots(mine);
        Set<Dot> theirDots = dots(theirs);
        List<Object[]> kept = new ArrayList<>(); // {dot, value}
        for (FieldVersion v : mine) {
            for (Dot d : v.dots()) {
                if (theirDots.contains(d) || !theirsSeen.covers(d)) {
                    kept.add(new Object[] {d, v.value()});
                }
            }
        }
        for (FieldVersion v : theirs) {
            for (Dot d : v.dots()) {
                if (!mineDots.contains(d) && !mineSeen.covers(d)) {
                    kept.add(new Object[] {d, v.value()});
                }
            }
        }
        kept = outranked(kept, creates);
        return group(kept);
    }

    /**
     * Keeps the changes of the highest rank: an edit or deletion (2) over a create's value (1) over a create's
     * empty field (0). The rank is a property of each change alone, so dropping the lower ones is the same on
     * every device, and a dropped change is one both sides have now seen (it stays overwritten).
     */
    static List<Object[]> outranked(List<Object[]> kept, Set<Dot> creates) {
        if (creates.isEmpty() || kept.size() < 2) {
            return kept;
        }
        int best = -1;
        for (Object[] k : kept) {
            best = Math.max(best, rank(k, creates));
        }
        List<Object[]> top = new ArrayList<>();
        for (Object[] k : kept) {
            if (rank(k, creates) == best) {
                top.add(k);
            }
        }
        return top;
    }

    private static int rank(Object[] kept, Set<Dot> creates) {
        if (!creates.contains((Dot) kept[0])) {
            return 2;
        }
        return kept[1] == null ? 0 : 1;
    }

    /** Equal values are one version; a dot is one change, so it carries one value everywhere. Newest first. */
    private static List<FieldVersion> group(List<Object[]> kept) {
        List<Object> values = new ArrayList<>();
        List<List<Dot>> dots = new ArrayList<>();
        for (Object[] k : kept) {
            int at = -1;
            for (int i = 0; i < values.size(); i++) {
                if (Values.same(values.get(i), k[1])) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                values.add(k[1]);
                dots.add(new ArrayList<>());
                at = values.size() - 1;
            }
            dots.get(at).add((Dot) k[0]);
        }
        List<FieldVersion> merged = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            merged.add(new FieldVersion(canonical(values.get(i), dots.get(i), kept), dots.get(i)));
        }
        merged.sort((a, b) -> b.latest().compareTo(a.latest()));
        return merged;
    }

    /** Equal values may differ in type (7 and 7L): the value of the newest dot is the one kept. */
    private static Object canonical(Object value, List<Dot> group, List<Object[]> kept) {
        Dot newest = group.stream().max(Dot::compareTo).orElseThrow();
        for (Object[] k : kept) {
            if (k[0].equals(newest)) {
                return k[1];
            }
        }
        return value;
    }

    private static Set<Dot> dots(List<FieldVersion> versions) {
        Set<Dot> set = new HashSet<>();
        versions.forEach(v -> set.addAll(v.dots()));
        return set;
    }

    private static String earliest(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
