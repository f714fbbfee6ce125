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
 */
public final class Merge {
    private Merge() {}

    /** {@code local} may be null (the record is new here). */
    public static RecordState merge(RecordState local, RecordState remote) {
        if (local == null) {
            return merge(
                    new RecordState(remote.table(), remote.id(), null, null, null, Map.of(), VersionVector.EMPTY),
                    remote);
        }
        if (!local.table().equals(remote.table()) || !local.id().equals(remote.id())) {
            throw new IllegalArgumentException("not the same record: " + local.id() + " / " + remote.id());
        }
        Set<String> names = new TreeSet<>(local.fields().keySet());
        names.addAll(remote.fields().keySet());
        Map<String, List<FieldVersion>> fields = new LinkedHashMap<>();
        for (String name : names) {
            fields.put(
                    name,
                    mergeField(
                            local.fields().getOrDefault(name, List.of()),
                            local.seen(),
                            remote.fields().getOrDefault(name, List.of()),
                            remote.seen()));
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
                local.seen().join(remote.seen()));
    }

    private static List<FieldVersion> mergeField(
            List<FieldVersion> mine, VersionVector mineSeen, List<FieldVersion> theirs, VersionVector theirsSeen) {
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
        // equal values are one version; a dot is one change, so it carries one value everywhere
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
