package org.taizhang.core.attachment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.taizhang.core.text.JsonText;

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
            JsonText.quote(sb, e.getKey());
            sb.append(':');
            if (e.getValue() instanceof String s) {
                JsonText.quote(sb, s);
            } else {
                sb.append(e.getValue());
            }
        }
        return sb.append('}').toString();
    }
}
