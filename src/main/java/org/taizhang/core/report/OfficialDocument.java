package org.taizhang.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A document a unit receives, in the parts of GB/T 9704 (DOMAIN.md): 版头 (发文机关 and 发文字号, when the settings give
 * them), the title, 主送, the body, the signature (落款 and 成文日期 in Arabic numerals), and 版记 (抄送, 印发). A feature
 * fills it; {@code core.report.files.DocumentPdf} lays it out. Nothing in it is layout.
 *
 * @param issuer 发文机关 (落款, and 版头 with a number); "" leaves both out (a clerk signs on the office's paper)
 * @param number 发文字号 (江机工委督〔2026〕3号), or "": without one there is no 版头 (a clerk adds the 红头)
 * @param title the title (标题)
 * @param recipient 主送机关, without the colon
 * @param body the body's blocks, in order
 * @param date 成文日期
 * @param copyTo 抄送, or ""
 */
public record OfficialDocument(
        String issuer, String number, String title, String recipient, List<Block> body, LocalDate date, String copyTo) {

    public OfficialDocument {
        issuer = issuer == null ? "" : issuer.strip();
        number = number == null ? "" : number.strip();
        Objects.requireNonNull(title);
        recipient = recipient == null ? "" : recipient.strip();
        body = List.copyOf(body);
        Objects.requireNonNull(date);
        copyTo = copyTo == null ? "" : copyTo.strip();
    }

    /** A part of the body. */
    public sealed interface Block {
        /** Its words without layout (a table: its caption), for a preview or a plain reading of the document. */
        String text();
    }

    /** A paragraph of 仿宋 text, its first line indented two characters. */
    public record Paragraph(String text) implements Block {}

    /** 一、… in 黑体 (first level). */
    public record Heading(String text) implements Block {}

    /** （一）… in 楷体 (second level). */
    public record Subheading(String text) implements Block {}

    /**
     * A table in the text (a report's figures by unit or category): its columns, rows and 合计 as a {@link
     * ReportTable} holds them; its title, when not empty, is set above it as a caption.
     */
    public record Table(ReportTable table) implements Block {
        @Override
        public String text() {
            return table.title();
        }
    }

    /**
     * A bar chart in the text (findings found and closed by category, say): one bar per series in each category,
     * drawn as vectors in PDF and as a native chart a clerk can edit in Word.
     *
     * @param title the caption set above it
     * @param valueName what the bars count (个, 条)
     * @param categories the groups along the axis, in order
     * @param series the bars of each group: one value per category
     */
    public record Chart(String title, String valueName, List<String> categories, List<Series> series) implements Block {
        public Chart {
            Objects.requireNonNull(title);
            valueName = valueName == null ? "" : valueName;
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException(s.name() + ": one value per category");
                }
            }
        }

        @Override
        public String text() {
            return title;
        }

        /** The colours of the series, in order (the same in PDF and Word): party red first, then calm ones. */
        public static final List<String> PALETTE = List.of("C00000", "2F5597", "7F7F7F", "BF9000", "548235");
    }

    /** One series of a {@link Chart}: its name (the legend) and a value per category. */
    public record Series(String name, List<Long> values) {
        public Series {
            Objects.requireNonNull(name);
            values = List.copyOf(values);
        }
    }

    /** "一", "二" … "九十九": the numbers of first-level headings. */
    public static String chineseNumber(int n) {
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        String digits = "〇一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十" + (ones == 0 ? "" : digits.charAt(ones));
    }

    /** 2026年12月6日: dates in documents are written in Arabic numerals (GB/T 9704). */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
