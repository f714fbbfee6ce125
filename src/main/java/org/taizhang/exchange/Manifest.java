package org.taizhang.exchange;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.taizhang.core.DomainException;

/**
 * What a package says about itself (docs/package-format.md), as {@code key: value} lines of UTF-8: the format, the
 * package id, the device that made it (id, name, role) and the hub it knows, the device it is for, when it was made,
 * the program and schema versions, the receiver's knowledge it was built against (none yet: every package carries
 * everything, which the merge makes harmless), the count per table and the SHA-256 of every other entry.
 */
public record Manifest(
        int format,
        String packageId,
        String sourceDevice,
        String sourceName,
        boolean sourceIsHub,
        String hubDevice,
        String targetDevice,
        String createdAt,
        String program,
        String schema,
        Map<String, Integer> counts,
        Map<String, String> sha256) {

    byte[] encode() {
        StringBuilder sb = new StringBuilder();
        line(sb, "format", Integer.toString(format));
        line(sb, "package", packageId);
        line(sb, "source-device", sourceDevice);
        line(sb, "source-name", sourceName);
        line(sb, "source-role", sourceIsHub ? "hub" : "field");
        line(sb, "hub", hubDevice);
        line(sb, "target-device", targetDevice);
        line(sb, "created-at", createdAt);
        line(sb, "program", program);
        line(sb, "schema", schema);
        line(sb, "prerequisites", "none");
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
                source,
                blankToNull(lines.get("source-name")),
                "hub".equals(lines.get("source-role")),
                blankToNull(lines.get("hub")),
                blankToNull(lines.get("target-device")),
                lines.get("created-at"),
                lines.get("program"),
                lines.getOrDefault("schema", ""),
                counts,
                sums);
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
