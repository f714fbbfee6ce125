package org.taizhang.core.attachment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known about a file as it was added, kept as a small JSON object in {@code original_metadata} so that
 * scaling a photo never loses where it came from. Absent values are left out.
 */
record OriginalMetadata(
        String fileName,
        long byteSize,
        String sha256,
        String mediaType,
        String lastModified,
        Integer width,
        Integer height,
        boolean exifKept,
        Integer orientation,
        String dateTimeOriginal,
        boolean scaled) {

    String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("fileName", fileName);
        fields.put("byteSize", byteSize);
        fields.put("sha256", sha256);
        fields.put("mediaType", mediaType);
        fields.put("lastModified", lastModified);
        fields.put("width", width);
        fields.put("height", height);
        fields.put("exifKept", exifKept);
        fields.put("orientation", orientation);
        fields.put("dateTimeOriginal", dateTimeOriginal);
        fields.put("scaled", scaled);
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            string(sb, e.getKey());
            sb.append(':');
            if (e.getValue() instanceof String s) {
                string(sb, s);
            } else {
                sb.append(e.getValue());
            }
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
