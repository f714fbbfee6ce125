package org.taizhang.core.store;

import java.util.TreeMap;

/**
 * What a record has seen: for each device, the highest counter of its changes to this record that are
 * included (or were overwritten) here. A device's changes to one record reach others only as the record's
 * whole state, so having seen counter n of a device means having seen all its earlier ones too.
 */
public final class VersionVector {
    public static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

    private final TreeMap<String, Long> counters;

    private VersionVector(TreeMap<String, Long> counters) {
        this.counters = counters;
    }

    public boolean covers(Dot dot) {
        Long seen = counters.get(dot.site());
        return seen != null && seen >= dot.counter();
    }

    public VersionVector with(Dot dot) {
        if (covers(dot)) {
            return this;
        }
        TreeMap<String, Long> copy = new TreeMap<>(counters);
        copy.put(dot.site(), dot.counter());
        return new VersionVector(copy);
    }

    public VersionVector join(VersionVector other) {
        TreeMap<String, Long> copy = new TreeMap<>(counters);
        other.counters.forEach((site, n) -> copy.merge(site, n, Math::max));
        return new VersionVector(copy);
    }

    /** The highest counter of any device (for the receiver's Lamport clock). */
    public long maxCounter() {
        return counters.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The highest counter seen of {@code site} (0 when none). */
    public long counter(String site) {
        return counters.getOrDefault(site, 0L);
    }

    /** Every counter here is covered by {@code other}: who knows {@code other} has seen everything this names. */
    public boolean coveredBy(VersionVector other) {
        for (var e : counters.entrySet()) {
            if (e.getValue() > other.counter(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** Device → counter, in device order. */
    public java.util.SortedMap<String, Long> counters() {
        return java.util.Collections.unmodifiableSortedMap(counters);
    }

    public int size() {
        return counters.size();
    }

    public java.util.Set<String> sites() {
        return java.util.Collections.unmodifiableSet(counters.keySet());
    }

    /** {@code site:n,site:n} in site order, as stored. */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        counters.forEach((site, n) -> {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(n).append(':').append(site);
        });
        return sb.toString();
    }

    public static VersionVector parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        TreeMap<String, Long> map = new TreeMap<>();
        for (String part : text.split(",")) {
            Dot d = Dot.parse(part);
            map.merge(d.site(), d.counter(), Math::max);
        }
        return new VersionVector(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionVector v && v.counters.equals(counters);
    }

    @Override
    public int hashCode() {
        return counters.hashCode();
    }

    @Override
    public String toString() {
        return "{" + encode() + "}";
    }
}
