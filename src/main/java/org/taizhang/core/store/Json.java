package org.taizhang.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taizhang.core.store.HistoryEntry.FieldChange;
import org.taizhang.core.text.JsonText;

/**
 * The few lines of JSON the history needs: {"field":[old,new],...}, written and read back here. Only this
 * shape is read (the program writes it itself), so a small reader beats a JSON library on the classpath.
 */
final class Json {
    private Json() {}

    /** Reads what {@link #changes} wrote; values come back as text (numbers as written, null as null). */
    static List<FieldChange> parseChanges(String json) {
        Reader r = new Reader(json == null ? "{}" : json);
        List<FieldChange> list = new ArrayList<>();
        r.expect('{');
        if (r.peekIs('}')) {
            return list;
        }
        do {
            String field = r.string();
            r.expect(':');
            r.expect('[');
            String before = r.value();
            r.expect(',');
            String after = r.value();
            r.expect(']');
            list.add(new FieldChange(field, before, after));
        } while (r.comma());
        r.expect('}');
        return list;
    }

    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void expect(char c) {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + " in history changes: " + s);
            }
            i++;
        }

        boolean peekIs(char c) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        boolean comma() {
            return peekIs(',');
        }

        String value() {
            skipSpace();
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (i < s.length() && s.charAt(i) == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",]} ".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
            throw new IllegalArgumentException("unterminated string in history changes: " + s);
        }
    }

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
