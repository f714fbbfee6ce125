package org.taizhang.core.store;

import java.util.Map;
import org.taizhang.core.text.JsonText;

/** The few lines of JSON the history needs: {"field":[old,new],...}. */
final class Json {
    private Json() {}

    static String changes(Map<String, Object[]> changes) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object[]> e : changes.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            JsonText.quote(sb, e.getKey());
            sb.append(":[");
            value(sb, e.getValue()[0]);
            sb.append(',');
            value(sb, e.getValue()[1]);
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            JsonText.quote(sb, v.toString());
        }
    }
}
