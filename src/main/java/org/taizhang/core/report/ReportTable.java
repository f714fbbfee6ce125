package org.taizhang.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A table for leadership, as a feature counts it: the program computes every figure, the 合计 row included, and the
 * writers only lay it out (core.report.files). Values are typed by their column: text, a count (a number Excel can
 * sum), a percent with one decimal (57.1 for 57.1 %), a date.
 *
 * @param title the merged title row (问题整改情况统计表 …)
 * @param sheet the sheet's name in the workbook
 * @param columns the header, left to right
 * @param rows the rows, each one value per column (null: an empty cell)
 * @param total the 合计 row, one value per column (its first the label), or null for a table without one
 * @param notes lines under the table (what a figure counts), in order
 * @param signatures the line to sign under the table; null: 填表人 / 审核人 / 联系电话
 */
public record ReportTable(
        String title,
        String sheet,
        List<Column> columns,
        List<List<Object>> rows,
        List<Object> total,
        List<String> notes,
        String signatures) {

    /** A table signed 填表人 / 审核人 / 联系电话, as the office's statistics are. */
    public ReportTable(
            String title,
            String sheet,
            List<Column> columns,
            List<List<Object>> rows,
            List<Object> total,
            List<String> notes) {
        this(title, sheet, columns, rows, total, notes, null);
    }

    public ReportTable {
        Objects.requireNonNull(title);
        columns = List.copyOf(columns);
        if (rows instanceof Computed<List<Object>> computed) {
            rows = computed.checked(columns.size());
        } else {
            List<List<Object>> copied = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(checked(row, columns.size()))));
            }
            rows = java.util.Collections.unmodifiableList(copied);
        }
        if (total != null) {
            if (total.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a 合计 of " + total.size() + " values in a table of " + columns.size() + " columns");
            }
            total = java.util.Collections.unmodifiableList(new ArrayList<>(total));
        }
        notes = List.copyOf(notes);
    }

    /**
     * Rows made when a writer asks for each, in order: a long table (the ledger of 100,000 findings) is never held as
     * cells, and the writers (SXSSF, a CSV stream) keep only a window of it.
     */
    public static List<List<Object>> computed(int size, IntFunction<List<Object>> row) {
        return new Computed<>(size, row, -1);
    }

    private static List<Object> checked(List<Object> row, int columns) {
        if (row.size() != columns) {
            throw new IllegalArgumentException(
                    "a row of " + row.size() + " values in a table of " + columns + " columns: " + row);
        }
        return row;
    }

    /** A list whose elements are made on each get; {@code columns} ≥ 0 checks each row's width as it is made. */
    private static final class Computed<T> extends AbstractList<T> implements RandomAccess {
        private final int size;
        private final IntFunction<T> element;
        private final int columns;

        Computed(int size, IntFunction<T> element, int columns) {
            this.size = size;
            this.element = element;
            this.columns = columns;
        }

        @SuppressWarnings("unchecked")
        Computed<T> checked(int width) {
            return new Computed<>(size, i -> (T) ReportTable.checked((List<Object>) element.apply(i), width), width);
        }

        @Override
        public T get(int index) {
            java.util.Objects.checkIndex(index, size);
            return element.apply(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** What a column holds, which decides how every format writes it. */
    public enum Kind {
        /** A short text, centred (a name, a state). */
        TEXT,
        /** A long text, wrapped and left-aligned (a description). */
        WRAPPED,
        /** A whole number (Integer, Long): a number in a workbook, right-aligned. */
        COUNT,
        /** A percent as BigDecimal with one decimal, 57.1 for 57.1 %: a number formatted 0.0% in a workbook. */
        PERCENT,
        /** A LocalDate: a date cell in a workbook, yyyy-MM-dd in text. */
        DATE
    }

    /**
     * @param width in Chinese characters: what the workbook's column and the PDF's share are sized by
     */
    public record Column(String name, Kind kind, double width) {
        public static Column text(String name, double width) {
            return new Column(name, Kind.TEXT, width);
        }

        public static Column wrapped(String name, double width) {
            return new Column(name, Kind.WRAPPED, width);
        }

        public static Column count(String name) {
            return new Column(name, Kind.COUNT, Math.max(4, name.length() + 1));
        }

        public static Column percent(String name) {
            return new Column(name, Kind.PERCENT, Math.max(5, name.length() + 1));
        }

        public static Column date(String name) {
            return new Column(name, Kind.DATE, 6);
        }
    }

    /**
     * The table's texts: the header, then each row, then the 合计 — as a .csv or a PDF shows them; made as they are
     * read, like computed rows.
     */
    public List<List<String>> texts() {
        List<String> header = columns.stream().map(Column::name).toList();
        int n = rows.size();
        return new Computed<>(
                n + 1 + (total == null ? 0 : 1),
                i -> {
                    if (i == 0) {
                        return header;
                    }
                    return i <= n ? texts(rows.get(i - 1)) : texts(total);
                },
                -1);
    }

    /** One row's values as text, each by its column's kind. */
    public List<String> texts(List<Object> row) {
        List<String> out = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            out.add(text(columns.get(i).kind(), row.get(i)));
        }
        return out;
    }

    /** A value as text: counts plain, percents with one decimal and %, dates yyyy-MM-dd, nothing as "". */
    public static String text(Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case PERCENT -> percent(value).toPlainString() + "%";
            case DATE -> value instanceof LocalDate d ? d.toString() : value.toString();
            default -> value.toString();
        };
    }

    /** A percent value (BigDecimal, or any number) with one decimal. */
    public static BigDecimal percent(Object value) {
        BigDecimal b = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return b.setScale(1, RoundingMode.HALF_UP);
    }

    /** {@code part} of {@code whole} in percent with one decimal, or null (an empty cell) when the whole is 0. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** The 填报单位 (the settings' committee, may be "") and the 填报日期 above the table. */
    public record Heading(String committee, LocalDate date) {
        public Heading {
            committee = committee == null ? "" : committee.strip();
            Objects.requireNonNull(date);
        }
    }
}
