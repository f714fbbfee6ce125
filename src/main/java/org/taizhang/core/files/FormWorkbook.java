package org.taizhang.core.files;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.Progress;

/**
 * A form that goes out as .xlsx to someone without the program and comes back filled (a branch's self-assessment,
 * a unit's rectification feedback): a title block, then a table whose columns are either given by us (locked) or
 * filled in (editable), one row per keyed record. The sheet is protected except the editable cells, which carry
 * drop-downs and ranges where Excel can express them. A very hidden sheet holds the signature: the form's kind and
 * layout, its id, its subject (the ids it was made for), and per row the key and a hash of every locked cell, so
 * an edited locked cell is found even when the sheet was unprotected; a checksum over the signature catches edits
 * to the signature itself. This is a guard against mistakes, not against forgery: anyone reading this code can
 * recompute the checksum.
 *
 * <p>Reading gives the signature, the rows by key with their editable values, and the structural errors (edited
 * locked cells, added, missing or doubled rows, a missing column, a missing or damaged signature). The caller
 * checks the subject and the values against its own rules. Knows nothing of any feature.
 */
public final class FormWorkbook {
    /** Very hidden: Excel's and WPS's menus cannot show it, only a macro could. */
    public static final String SIGNATURE_SHEET = "签名";

    private static final List<String> SIGNATURE_HEADERS = List.of("类型", "名称", "值", "附加");
    private static final String EDITABLE = "-";

    private FormWorkbook() {}

    public enum Type {
        TEXT,
        /** Written as a number (a word stays text); read back as plain text (5, 0.2). */
        NUMBER,
        /** Written as a date cell; read back as yyyy-MM-dd. */
        DATE
    }

    /**
     * A column. The first column of a form is its row label (e.g. the item number or the finding number): locked,
     * unique, and how a row is found again when it comes back.
     *
     * @param id stable name the caller uses for the column's values (the header may be reworded)
     * @param width in Chinese characters
     */
    public record Column(String id, String header, int width, boolean editable, Type type) {}

    /** What an editable cell accepts, as Excel's data validation (the caller still checks what comes back). */
    public sealed interface Check {
        /** A drop-down of these words (blank allowed). */
        record Choices(List<String> words) implements Check {}

        record Decimal(BigDecimal min, BigDecimal max) implements Check {}

        /** {@code max} null: no upper bound. */
        record Whole(int min, Integer max) implements Check {}

        record Date() implements Check {}

        record TextLength(int max) implements Check {}

        /** Not to be filled in this row (a deduction item has no score to type): locked and blank. */
        record Disabled() implements Check {}
    }

    /**
     * One row. {@code values} has one text per column: a locked cell's content, an editable cell's current value
     * (blank when there is none). A NUMBER is plain decimal text, a DATE yyyy-MM-dd.
     *
     * @param checks by column id, for editable columns (none: free text)
     */
    public record Row(String key, List<String> values, Map<String, Check> checks) {
        public Row {
            values = List.copyOf(values);
            checks = Map.copyOf(checks);
        }
    }

    /**
     * @param kind what the form is for, checked on import (e.g. "assessment-form")
     * @param layout the table's version: a newer program can refuse or convert an older layout
     * @param id this export's id (a random UUID): an import can say it has seen the file before
     * @param subject the ids the form was made for, in the caller's words (branch, template, round, year …)
     * @param heading lines under the title (who, what, how to fill it in)
     */
    public record Form(
            String kind,
            int layout,
            String id,
            Map<String, String> subject,
            String sheet,
            String title,
            List<String> heading,
            List<Column> columns,
            List<Row> rows) {
        public Form {
            subject = Collections.unmodifiableMap(new LinkedHashMap<>(subject)); // in order, as written
            heading = List.copyOf(heading);
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (columns.isEmpty() || columns.getFirst().editable()) {
                throw new IllegalArgumentException("the first column labels the rows and is locked");
            }
            for (Row r : rows) {
                if (r.values().size() != columns.size()) {
                    throw new IllegalArgumentException("row " + r.key() + ": one value per column");
                }
            }
        }

        /** The 1-based row of the table's header: after the title and the heading lines. */
        public int headerRow() {
            return heading.size() + 2;
        }
    }

    /** The signature as written by the export. */
    public record Signature(String kind, int layout, String id, Map<String, String> subject) {
        public Signature {
            subject = Collections.unmodifiableMap(new LinkedHashMap<>(subject));
        }
    }

    /**
     * A row that came back: its key, its label (first column), its row number in the file, and the editable cells'
     * text by column id (stripped; blank when empty).
     */
    public record FilledRow(String key, String label, int number, Map<String, String> values) {
        public String value(String columnId) {
            return values.getOrDefault(columnId, "");
        }
    }

    /**
     * A file read back. {@code signature} is null when it is missing or damaged (then {@code errors} says so and
     * there are no rows); {@code columns} are the headers by column id, for the caller's own errors.
     */
    public record Filled(
            Signature signature,
            String sheet,
            Map<String, String> columns,
            List<FilledRow> rows,
            List<RowIssue> errors) {
        public Filled {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns)); // in the table's order
            rows = List.copyOf(rows);
            errors = List.copyOf(errors);
        }
    }

    /** A problem as a clerk reads it: “自评表”表第5行“得分”列：…。 */
    public static String line(RowIssue i, Messages m) {
        String text = m.get(i.issue().messageKey(), i.issue().args());
        if (i.sheet() == null) {
            return m.get("form.issue.file", text);
        }
        if (i.column() == null) {
            return m.get("form.issue.row", i.sheet(), i.row(), text);
        }
        return m.get("form.issue.cell", i.sheet(), i.row(), i.column(), text);
    }

    public static List<String> lines(List<RowIssue> issues, Messages m) {
        return issues.stream().map(i -> line(i, m)).toList();
    }

    // ---- writing

    public static void write(Form form, Path file, Messages m, Progress progress) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(form.sheet());
            Styles styles = new Styles(wb);
            int last = form.columns().size() - 1;
            XSSFRow titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(30);
            text(titleRow, 0, form.title(), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            for (int i = 0; i < form.heading().size(); i++) {
                XSSFRow r = sheet.createRow(i + 1);
                text(r, 0, form.heading().get(i), styles.heading);
                r.setHeightInPoints(lines(form.heading().get(i), totalWidth(form)) * 15f);
                sheet.addMergedRegion(new CellRangeAddress(i + 1, i + 1, 0, last));
            }
            int headerIndex = form.headerRow() - 1;
            XSSFRow header = sheet.createRow(headerIndex);
            for (int c = 0; c <= last; c++) {
                Column col = form.columns().get(c);
                text(header, c, col.header(), col.editable() ? styles.editableHeader : styles.header);
                sheet.setColumnWidth(c, col.width() * 512); // Excel counts a Chinese character as two units
            }
            List<List<String>> hashes = new ArrayList<>();
            for (int r = 0; r < form.rows().size(); r++) {
                Row row = form.rows().get(r);
                int index = headerIndex + 1 + r;
                XSSFRow x = sheet.createRow(index);
                List<String> rowHashes = new ArrayList<>();
                int height = 1;
                for (int c = 0; c <= last; c++) {
                    Column col = form.columns().get(c);
                    Check check = row.checks().get(col.id());
                    boolean editable = col.editable() && !(check instanceof Check.Disabled);
                    String value =
                            check instanceof Check.Disabled ? "" : row.values().get(c);
                    value(x.createCell(c), col.type(), value, styles.of(col.type(), editable));
                    rowHashes.add(editable ? EDITABLE : hash(canonical(col.type(), value)));
                    if (editable && check != null) {
                        validate(sheet, index, c, check, m);
                    }
                    height = Math.max(height, lines(value, col.width()));
                }
                x.setHeightInPoints(height * 15f);
                hashes.add(rowHashes);
                if (r % 100 == 0) {
                    progress.checkCancelled();
                }
            }
            sheet.createFreezePane(1, form.headerRow());
            sheet.setRepeatingRows(new CellRangeAddress(headerIndex, headerIndex, 0, last));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.getFooter().setCenter(m.get("form.footer"));
            // protected without a password: a guide to where to write, not a lock (the signature finds edits);
            // widening columns and rows stays allowed, so long notes can be read
            sheet.enableLocking();
            sheet.lockFormatColumns(false);
            sheet.lockFormatRows(false);
            sheet.lockSelectLockedCells(false);
            sheet.lockSelectUnlockedCells(false);
            writeSignature(wb, form, hashes);
            wb.setActiveSheet(0);
            wb.lockStructure(); // no sheets added, renamed or unhidden
            SafeFiles.write(file, wb::write);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // closing an in-memory workbook
        }
    }

    private static void writeSignature(XSSFWorkbook wb, Form form, List<List<String>> hashes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("form", "kind", form.kind(), ""));
        rows.add(List.of("form", "layout", Integer.toString(form.layout()), ""));
        rows.add(List.of("form", "id", form.id(), ""));
        rows.add(List.of("form", "sheet", form.sheet(), Integer.toString(form.headerRow())));
        form.subject().forEach((k, v) -> rows.add(List.of("subject", k, v, "")));
        for (Column c : form.columns()) {
            rows.add(List.of("column", c.id(), c.header(), c.editable() ? "E" : "L"));
        }
        for (int r = 0; r < form.rows().size(); r++) {
            Row row = form.rows().get(r);
            String label =
                    canonical(form.columns().getFirst().type(), row.values().getFirst());
            rows.add(List.of("row", label, row.key(), String.join(",", hashes.get(r))));
        }
        rows.add(List.of("checksum", "sha256", checksum(rows), ""));
        XSSFSheet sig = wb.createSheet(SIGNATURE_SHEET);
        XSSFRow head = sig.createRow(0);
        for (int c = 0; c < SIGNATURE_HEADERS.size(); c++) {
            head.createCell(c).setCellValue(SIGNATURE_HEADERS.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            XSSFRow x = sig.createRow(r + 1);
            for (int c = 0; c < 4; c++) {
                x.createCell(c).setCellValue(rows.get(r).get(c)); // all text: read back exactly as written
            }
        }
        sig.enableLocking();
        wb.setSheetVisibility(wb.getSheetIndex(sig), SheetVisibility.VERY_HIDDEN);
    }

    private static void validate(XSSFSheet sheet, int row, int column, Check check, Messages m) {
        DataValidationHelper h = sheet.getDataValidationHelper();
        DataValidationConstraint constraint;
        String hint;
        switch (check) {
            case Check.Choices c -> {
                constraint = h.createExplicitListConstraint(c.words().toArray(String[]::new));
                hint = m.get("form.input.choices", String.join("、", c.words()));
            }
            case Check.Decimal d -> {
                constraint = h.createDecimalConstraint(
                        OperatorType.BETWEEN, d.min().toPlainString(), d.max().toPlainString());
                hint = m.get(
                        "form.input.decimal", d.min().toPlainString(), d.max().toPlainString());
            }
            case Check.Whole w -> {
                constraint = w.max() == null
                        ? h.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, Integer.toString(w.min()), null)
                        : h.createIntegerConstraint(
                                OperatorType.BETWEEN, Integer.toString(w.min()), Integer.toString(w.max()));
                hint = w.max() == null
                        ? m.get("form.input.wholeFrom", Integer.toString(w.min()))
                        : m.get("form.input.whole", Integer.toString(w.min()), Integer.toString(w.max()));
            }
            case Check.Date d -> {
                constraint = h.createDateConstraint(OperatorType.GREATER_OR_EQUAL, "DATE(2000,1,1)", null, "");
                hint = m.get("form.input.date");
            }
            case Check.TextLength t -> {
                constraint = h.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, Integer.toString(t.max()), null);
                hint = m.get("form.input.textLength", Integer.toString(t.max()));
            }
            case Check.Disabled d -> {
                return;
            }
        }
        DataValidation v = h.createValidation(constraint, new CellRangeAddressList(row, row, column, column));
        v.setEmptyCellAllowed(true);
        v.setShowErrorBox(true);
        v.createErrorBox(m.get("form.input.title"), hint);
        v.setShowPromptBox(true);
        v.createPromptBox(m.get("form.input.promptTitle"), hint);
        sheet.addValidationData(v);
    }

    private static void text(XSSFRow row, int column, String text, CellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void value(XSSFCell cell, Type type, String value, CellStyle style) {
        cell.setCellStyle(style);
        if (value == null || value.isBlank()) {
            cell.setBlank();
            return;
        }
        switch (type) {
            case NUMBER -> {
                BigDecimal number = number(value);
                if (number == null) {
                    cell.setCellValue(value); // a word in a number column (达到 where others score 2.5)
                } else {
                    cell.setCellValue(number.doubleValue());
                }
            }
            case DATE -> cell.setCellValue(LocalDate.parse(value));
            case TEXT -> cell.setCellValue(value);
        }
    }

    /** The text a cell reads back as through {@link StreamingWorkbook} (a number without ".0"). */
    private static String canonical(Type type, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        BigDecimal number = type == Type.NUMBER ? number(value) : null;
        return number == null ? value.strip() : StreamingWorkbook.plain(number.doubleValue());
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int totalWidth(Form form) {
        return form.columns().stream().mapToInt(Column::width).sum();
    }

    /** Lines a wrapped text takes in a column this many Chinese characters wide (Latin counts half). */
    private static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int total = 0;
        for (String part : text.split("\n", -1)) {
            double units = 0;
            for (int i = 0; i < part.length(); i++) {
                units += part.charAt(i) < 0x2E80 ? 0.55 : 1;
            }
            total += Math.max(1, (int) Math.ceil(units / Math.max(1, width - 1)));
        }
        return total;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle header;
        final CellStyle editableHeader;
        final CellStyle locked;
        final CellStyle lockedNumber;
        final CellStyle lockedDate;
        final CellStyle editable;
        final CellStyle editableNumber;
        final CellStyle editableDate;

        Styles(XSSFWorkbook wb) {
            Font titleFont = font(wb, "黑体", 16, false);
            Font bold = font(wb, "宋体", 11, true);
            Font plain = font(wb, "宋体", 11, false);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            heading = wb.createCellStyle();
            heading.setFont(plain);
            heading.setWrapText(true);
            heading.setVerticalAlignment(VerticalAlignment.CENTER);
            header = bordered(wb, bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            editableHeader = bordered(wb, bold);
            editableHeader.cloneStyleFrom(header);
            editableHeader.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            locked = bordered(wb, plain);
            lockedNumber = bordered(wb, plain);
            lockedNumber.setAlignment(HorizontalAlignment.CENTER);
            lockedDate = bordered(wb, plain);
            lockedDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            editable = unlocked(wb, locked);
            editableNumber = unlocked(wb, lockedNumber);
            editableDate = unlocked(wb, lockedDate);
        }

        CellStyle of(Type type, boolean isEditable) {
            return switch (type) {
                case TEXT -> isEditable ? editable : locked;
                case NUMBER -> isEditable ? editableNumber : lockedNumber;
                case DATE -> isEditable ? editableDate : lockedDate;
            };
        }

        private static Font font(XSSFWorkbook wb, String name, int points, boolean isBold) {
            Font f = wb.createFont();
            f.setFontName(name);
            f.setFontHeightInPoints((short) points);
            f.setBold(isBold);
            return f;
        }

        private static CellStyle bordered(XSSFWorkbook wb, Font font) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setWrapText(true);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }

        /** Where the branch writes: unlocked and tinted, so the protected sheet shows at a glance what to fill. */
        private static CellStyle unlocked(XSSFWorkbook wb, CellStyle from) {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(from);
            s.setLocked(false);
            s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        }
    }

    // ---- reading

    /** Reads a form back: its signature, its rows by key, and what was changed that may not be. */
    public static Filled read(Path file) {
        SheetData sig = StreamingWorkbook.read(file, List.of(SIGNATURE_SHEET)).get(SIGNATURE_SHEET);
        if (!sig.present()) {
            return refused("form.error.noSignature");
        }
        Parsed parsed = parse(sig);
        if (parsed == null) {
            return refused("form.error.signatureDamaged");
        }
        SheetData sheet = StreamingWorkbook.read(file, List.of(parsed.sheet), parsed.headerRow)
                .get(parsed.sheet);
        Map<String, String> headers = new LinkedHashMap<>();
        parsed.columns.forEach(c -> headers.put(c.id(), c.header()));
        List<RowIssue> errors = new ArrayList<>();
        if (!sheet.present()) {
            errors.add(new RowIssue(null, 0, null, Issue.error(null, "form.error.sheetMissing", parsed.sheet)));
            return new Filled(parsed.signature, parsed.sheet, headers, List.of(), errors);
        }
        for (Column c : parsed.columns) {
            if (!sheet.headers().contains(c.header())) {
                errors.add(new RowIssue(
                        parsed.sheet,
                        parsed.headerRow,
                        null,
                        Issue.error(null, "form.error.columnMissing", c.header())));
            }
        }
        if (!errors.isEmpty()) {
            return new Filled(parsed.signature, parsed.sheet, headers, List.of(), errors);
        }
        String labelHeader = parsed.columns.getFirst().header();
        Map<String, Integer> seen = new HashMap<>();
        List<FilledRow> rows = new ArrayList<>();
        for (SheetData.Row r : sheet.rows()) {
            String label = r.text(labelHeader);
            Expected expected = parsed.rows.get(label);
            if (expected == null) {
                errors.add(new RowIssue(
                        parsed.sheet,
                        r.number(),
                        null,
                        label.isEmpty()
                                ? Issue.error(null, "form.error.rowUnlabelled")
                                : Issue.error(null, "form.error.rowAdded", label)));
                continue;
            }
            Integer before = seen.putIfAbsent(label, r.number());
            if (before != null) {
                errors.add(new RowIssue(
                        parsed.sheet, r.number(), null, Issue.error(null, "form.error.rowTwice", label, before)));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < parsed.columns.size(); c++) {
                Column col = parsed.columns.get(c);
                String hash = expected.hashes.get(c);
                if (r.uncalculated().contains(col.header())) {
                    errors.add(new RowIssue(
                            parsed.sheet,
                            r.number(),
                            col.header(),
                            Issue.error(col.id(), "import.error.formulaNotCalculated")));
                } else if (!hash.equals(EDITABLE)) {
                    if (!hash.equals(hash(r.text(col.header())))) {
                        errors.add(new RowIssue(
                                parsed.sheet,
                                r.number(),
                                col.header(),
                                Issue.error(col.id(), "form.error.lockedCellChanged")));
                    }
                } else {
                    values.put(col.id(), r.text(col.header()));
                }
            }
            rows.add(new FilledRow(expected.key, label, r.number(), values));
        }
        int at = parsed.headerRow;
        for (Map.Entry<String, Expected> e : parsed.rows.entrySet()) {
            at++;
            if (!seen.containsKey(e.getKey())) {
                errors.add(
                        new RowIssue(parsed.sheet, at, null, Issue.error(null, "form.error.rowMissing", e.getKey())));
            }
        }
        return new Filled(parsed.signature, parsed.sheet, headers, rows, errors);
    }

    private static Filled refused(String key) {
        return new Filled(
                null, null, Map.of(), List.of(), List.of(new RowIssue(null, 0, null, Issue.error(null, key))));
    }

    private record Expected(String key, List<String> hashes) {}

    private record Parsed(
            Signature signature, String sheet, int headerRow, List<Column> columns, Map<String, Expected> rows) {}

    /** The signature's rows, or null when its checksum does not hold or a part is missing. */
    private static Parsed parse(SheetData sig) {
        List<List<String>> rows = new ArrayList<>();
        String checksum = null;
        for (SheetData.Row r : sig.rows()) {
            List<String> cells = SIGNATURE_HEADERS.stream().map(r::text).toList();
            if (cells.getFirst().equals("checksum")) {
                checksum = cells.get(2);
                break;
            }
            rows.add(cells);
        }
        if (checksum == null || !checksum.equals(checksum(rows))) {
            return null;
        }
        Map<String, String> form = new HashMap<>();
        Map<String, String> subject = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        Map<String, Expected> expected = new LinkedHashMap<>();
        String headerRow = null;
        for (List<String> c : rows) {
            switch (c.getFirst()) {
                case "form" -> {
                    form.put(c.get(1), c.get(2));
                    if (c.get(1).equals("sheet")) {
                        headerRow = c.get(3);
                    }
                }
                case "subject" -> subject.put(c.get(1), c.get(2));
                case "column" ->
                    columns.add(new Column(c.get(1), c.get(2), 0, c.get(3).equals("E"), Type.TEXT));
                case "row" ->
                    expected.put(
                            c.get(1), new Expected(c.get(2), List.of(c.get(3).split(",", -1))));
                default -> {
                    return null;
                }
            }
        }
        try {
            Signature s = new Signature(
                    Objects.requireNonNull(form.get("kind")),
                    Integer.parseInt(form.get("layout")),
                    Objects.requireNonNull(form.get("id")),
                    subject);
            String sheet = Objects.requireNonNull(form.get("sheet"));
            int header = Integer.parseInt(headerRow);
            if (columns.isEmpty()
                    || expected.values().stream().anyMatch(e -> e.hashes().size() != columns.size())) {
                return null;
            }
            return new Parsed(s, sheet, header, columns, expected);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String checksum(List<List<String>> rows) {
        StringBuilder all = new StringBuilder();
        for (List<String> r : rows) {
            all.append(String.join("\u001f", r)).append('\u001e');
        }
        return HexFormat.of().formatHex(sha256(all.toString()));
    }

    /** A locked cell's fingerprint: 64 bits of SHA-256 are plenty to notice an edit. */
    private static String hash(String text) {
        return HexFormat.of().formatHex(sha256(text.strip()), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
