package org.taizhang.exchange;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.VersionVector;

/**
 * What a package says about itself (docs/package-format.md), as {@code key: value} lines of UTF-8: the format, the
 * package id and kind, the device that made it (id, name, role, public key) and the hub it knows, the device it is
 * for, when it was made, the program and schema versions, the receiver's knowledge it was built against
 * (prerequisites) and the sender's own knowledge (which the receiver takes once it applied the package, and which
 * tells the sender's peers what to send it next), the count per table and the SHA-256 of every other entry.
 */
public record Manifest(
        int format,
        String packageId,
        Kind kind,
        String sourceDevice,
        String sourceName,
        boolean sourceIsHub,
        String sourceKey,
        String hubDevice,
        java.util.Set<String> hubLineage,
        String targetDevice,
        String targetName,
        String createdAt,
        String program,
        String schema,
        VersionVector prerequisites,
        VersionVector knowledge,
        Map<String, Integer> counts,
        Map<String, String> sha256) {

    /** What a package is for. */
    public enum Kind {
        /** What the receiver lacks of the sender's records (the usual package). */
        CHANGES,
        /** The hub's registry, templates, rounds and settings for a new field laptop. */
        PREPARATION;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String word, Object name) {
            for (Kind k : values()) {
                if (k.word().equals(word)) {
                    return k;
                }
            }
            throw new DomainException("package.error.damaged", name);
        }
    }

    byte[] encode() {
        StringBuilder sb = new StringBuilder();
        line(sb, "format", Integer.toString(format));
        line(sb, "package", packageId);
        line(sb, "kind", kind.word());
        line(sb, "source-device", sourceDevice);
        line(sb, "source-name", sourceName);
        line(sb, "source-role", sourceIsHub ? "hub" : "field");
        line(sb, "source-key", sourceKey);
        line(sb, "hub", hubDevice);
        line(sb, "hub-lineage", String.join(",", new java.util.TreeSet<>(hubLineage)));
        line(sb, "target-device", targetDevice);
        line(sb, "target-name", targetName);
        line(sb, "created-at", createdAt);
        line(sb, "program", program);
        line(sb, "schema", schema);
        line(sb, "prerequisites", prerequisites.size() == 0 ? "none" : prerequisites.encode());
        line(sb, "knowledge", knowledge.encode());
        new TreeMap<>(counts).forEach((table, n) -> line(sb, "count." + table, Integer.toString(n)));
        new TreeMap<>(sha256).forEach((entry, sum) -> line(sb, "sha256." + entry, sum));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, String key, String value) {
        String v = value == null ? "" : value;
        if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(key + " holds a line break");
        }
        sb.append(key).append(": ").append(v).append('\n');
    }

    static Manifest decode(byte[] bytes, Object name) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(": ");
            if (line.isEmpty()) {
                continue;
            }
            if (colon <= 0 || lines.put(line.substring(0, colon), line.substring(colon + 2)) != null) {
                throw new DomainException("package.error.damaged", name);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> sums = new LinkedHashMap<>();
        lines.forEach((k, v) -> {
            if (k.startsWith("count.")) {
                counts.put(k.substring(6), number(v, name));
            } else if (k.startsWith("sha256.")) {
                sums.put(k.substring(7), v);
            }
        });
        String packageId = lines.get("package");
        String source = lines.get("source-device");
        if (packageId == null || packageId.isBlank() || source == null || source.isBlank()) {
            throw new DomainException("package.error.damaged", name);
        }
        return new Manifest(
                number(lines.getOrDefault("format", ""), name),
                packageId,
                Kind.of(lines.getOrDefault("kind", "changes"), name),
                source,
                blankToNull(lines.get("source-name")),
                "hub".equals(lines.get("source-role")),
                blankToNull(lines.get("source-key")),
                blankToNull(lines.get("hub")),
                lineage(lines.getOrDefault("hub-lineage", "")),
                blankToNull(lines.get("target-device")),
                blankToNull(lines.get("target-name")),
                lines.get("created-at"),
                lines.get("program"),
                lines.getOrDefault("schema", ""),
                vector(lines.getOrDefault("prerequisites", "none"), name),
                vector(lines.getOrDefault("knowledge", ""), name),
                counts,
                sums);
    }

    private static VersionVector vector(String text, Object name) {
        if (text.equals("none")) {
            return VersionVector.EMPTY;
        }
        try {
            VersionVector v = VersionVector.parse(text);
            if (v.size() > 10_000 || v.maxCounter() > Integer.MAX_VALUE / 2) {
                throw new DomainException("package.error.damaged", name);
            }
            return v;
        } catch (RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw new DomainException("package.error.damaged", name);
        }
    }

    private static java.util.Set<String> lineage(String text) {
        java.util.Set<String> dots = new java.util.TreeSet<>();
        for (String d : text.split(",")) {
            if (!d.isBlank()) {
                dots.add(d.strip());
            }
        }
        return dots;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int number(String v, Object name) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("package.error.damaged", name);
        }
    }
}
