package org.taizhang.core.store;

import java.util.Comparator;

/**
 * One change made on one device: the device's logical clock when it made it, and the device. A dot names a
 * change on every device, so two devices can tell whether they have seen the same change (decisions/0006).
 * Counters are Lamport clocks: a change made after seeing another always has the higher counter, so the
 * order of dots never trusts a wall clock. Equal counters are ordered by the device id, which breaks ties
 * the same way everywhere.
 */
public record Dot(long counter, String site) implements Comparable<Dot> {
    private static final Comparator<Dot> ORDER =
            Comparator.comparingLong(Dot::counter).thenComparing(Dot::site);

    public Dot {
        if (counter < 1 || site == null || site.isEmpty() || site.indexOf(':') >= 0 || site.indexOf(',') >= 0) {
            throw new IllegalArgumentException("bad dot " + counter + ":" + site);
        }
    }

    @Override
    public int compareTo(Dot other) {
        return ORDER.compare(this, other);
    }

    /** {@code counter:site}, as stored. */
    @Override
    public String toString() {
        return counter + ":" + site;
    }

    public static Dot parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad dot " + text);
        }
        return new Dot(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
    }
}
