package org.taizhang.core.files;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The one CSV writer of the program: every CSV it writes goes through here. The form Excel on a Chinese Windows
 * opens correctly (UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting), written through {@link SafeFiles},
 * and safe to open: a cell that a spreadsheet would take for a formula is neutralised (see {@link #cell}).
 */
public final class CsvFiles {
    private static final char BOM = '\uFEFF';

    private CsvFiles() {}

    public static void write(Path file, List<List<String>> rows) {
        SafeFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(BOM);
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(cell(row.get(i)));
                }
                w.write("\r\n");
            }
            w.flush();
        });
    }

    /**
     * One cell as written. CSV injection (OWASP): Excel and LibreOffice evaluate a cell starting with {@code =},
     * {@code +}, {@code -} or {@code @} as a formula ({@code =HYPERLINK(…)} sends data away when clicked), and a
     * leading tab or carriage return can hide such a start. Such a cell gets a single quote in front, which
     * makes it text, and is quoted as a whole. The full-width forms count too: a Chinese input method types them
     * and some spreadsheets fold them to the ASCII ones.
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (startsLikeFormula(value)) {
            return '"' + ("'" + value).replace("\"", "\"\"") + '"';
        }
        if (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static boolean startsLikeFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> true;
            default -> false;
        };
    }
}
