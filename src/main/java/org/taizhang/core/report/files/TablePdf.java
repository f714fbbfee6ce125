package org.taizhang.core.report.files;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.ExceptionConverter;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.pdf.Glyphs;
import org.taizhang.core.pdf.PdfFonts;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.core.task.Progress;

/**
 * A table as a printable PDF in the layout of the office's printed tables: a 黑体 title, 填报单位 and 填报日期 in
 * Arabic numerals, a bordered 宋体 table whose header repeats on every page, the 合计 in bold, the notes, 填表人 /
 * 审核人 / 联系电话, "第 N 页 共 M 页" at the foot. Landscape when the columns need it, portrait otherwise; column
 * widths share the text block by the table's widths. Every font embedded (PdfFonts).
 */
public final class TablePdf {
    private static final float TITLE_SIZE = 18f;
    private static final float BODY_SIZE = 10.5f;
    /** The smallest body a wide table (the ledger's 23 columns) is set in: still legible on paper. */
    private static final float MIN_BODY_SIZE = 7f;
    /** A cell's left and right padding, each, as a share of the font's size. */
    private static final float SIDE_PADDING = 0.28f;

    private static final float MARGIN_SIDE = 42f; // 15 mm
    private static final float MARGIN_TOP = 42f;
    private static final float MARGIN_BOTTOM = 50f; // room for the page number below the table
    private static final int CHUNK = 50;
    /** Wider than this many characters, a table goes landscape (A4 portrait holds about 48 at 10.5 pt). */
    static final double PORTRAIT_CHARS = 46;

    private TablePdf() {}

    /** Rows enough to fill a first page of any table (the ledger's 23 columns hold about 8 a page). */
    static final int FIRST_PAGE_ROWS = 60;

    /**
     * The table's first page as the full file would have it, for a preview: written from its first rows only (a
     * 100,000-row ledger is not laid out to show one page), so the footer says 第 1 页 without 共 N 页, which only
     * the whole table knows.
     */
    public static void firstPage(
            ReportTable table, ReportTable.Heading heading, Path file, Messages m, PdfFonts fonts, Progress progress) {
        boolean whole = table.rows().size() <= FIRST_PAGE_ROWS;
        ReportTable first = whole
                ? table
                : new ReportTable(
                        table.title(),
                        table.sheet(),
                        table.columns(),
                        table.rows().subList(0, FIRST_PAGE_ROWS),
                        table.total(),
                        table.notes(),
                        table.signatures());
        write(first, heading, file, m, fonts, progress, whole);
    }

    public static void write(
            ReportTable table, ReportTable.Heading heading, Path file, Messages m, PdfFonts fonts, Progress progress) {
        write(table, heading, file, m, fonts, progress, true);
    }

    private static void write(
            ReportTable table,
            ReportTable.Heading heading,
            Path file,
            Messages m,
            PdfFonts fonts,
            Progress progress,
            boolean totalPages) {
        // fonts first: a machine without a Chinese font gets the error before any file is touched
        BaseFont song = fonts.font(PdfFonts.Face.SONG);
        BaseFont hei = fonts.font(PdfFonts.Face.HEI);
        Glyphs g = new Glyphs(fonts);
        List<Column> columns = table.columns();
        double chars = columns.stream().mapToDouble(Column::width).sum();
        Rectangle page = page(chars, columns.size());
        float size = bodySize(page.getWidth() - 2 * MARGIN_SIDE, chars, columns.size());
        Font body = new Font(song, size);
        Font bold = new Font(hei, size);
        // each column its characters and its padding, in ems: at the size above, a date or a number fits its column
        // whole (shared in proportion to the characters alone, a narrow column lost its padding and wrapped)
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (float) (columns.get(i).width() + 2 * SIDE_PADDING);
        }
        SafeFiles.write(file, out -> {
            Document document = new Document(page, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
            try {
                PdfWriter writer = PdfWriter.getInstance(document, out);
                writer.setCloseStream(false); // SafeFiles still has to force the file to disk
                writer.setPageEvent(new PageNumbers(song, m, totalPages));
                document.addTitle(table.title());
                document.addCreator("Taizhang");
                document.open();

                Paragraph title = new Paragraph(g.phrase(table.title(), new Font(hei, TITLE_SIZE)));
                title.setAlignment(Element.ALIGN_CENTER);
                title.setSpacingAfter(8f);
                document.add(title);
                PdfPTable headingLine = new PdfPTable(2);
                headingLine.setWidthPercentage(100);
                LocalDate d = heading.date();
                headingLine.addCell(
                        plain(g, m.get("report.table.preparer") + heading.committee(), body, Element.ALIGN_LEFT));
                headingLine.addCell(plain(
                        g,
                        m.get("report.table.date", d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
                        body,
                        Element.ALIGN_RIGHT));
                headingLine.setSpacingAfter(4f);
                document.add(headingLine);

                PdfPTable t = new PdfPTable(widths);
                t.setWidthPercentage(100);
                t.setHeaderRows(1);
                t.setComplete(false); // rows go to the document in chunks instead of piling up in memory
                for (Column c : columns) {
                    PdfPCell cell = cell(g, c.name(), bold, Element.ALIGN_CENTER);
                    cell.setBackgroundColor(new Color(0xE6, 0xE6, 0xE6));
                    t.addCell(cell);
                }
                int done = 0;
                for (List<Object> row : table.rows()) {
                    addRow(g, t, columns, row, body);
                    if (++done % CHUNK == 0) {
                        progress.update(done, table.rows().size(), "report.progress.rows");
                        progress.checkCancelled();
                        document.add(t);
                    }
                }
                if (table.total() != null) {
                    List<String> texts = table.texts(table.total());
                    for (int c = 0; c < columns.size(); c++) {
                        String text = c == 0 && texts.get(0).isEmpty() ? m.get("report.table.total") : texts.get(c);
                        t.addCell(cell(g, text, bold, c == 0 ? Element.ALIGN_CENTER : align(columns.get(c))));
                    }
                }
                t.setComplete(true);
                document.add(t);
                for (String note : table.notes()) {
                    Paragraph p = new Paragraph(g.phrase(note, new Font(song, Math.max(MIN_BODY_SIZE, size - 1))));
                    p.setSpacingBefore(3f);
                    document.add(p);
                }
                Paragraph signatures = new Paragraph(g.phrase(
                        table.signatures() == null ? m.get("report.table.signatures") : table.signatures(),
                        new Font(song, BODY_SIZE + 0.5f)));
                signatures.setSpacingBefore(12f);
                document.add(signatures);
                progress.checkCancelled();
                document.close();
            } catch (ExceptionConverter e) {
                if (e.getException() instanceof IOException io) {
                    throw io; // a full disk or a pulled stick: SafeFiles reports it and removes the temp file
                }
                throw e;
            }
        });
    }

    private static void addRow(Glyphs g, PdfPTable t, List<Column> columns, List<Object> row, Font font) {
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            t.addCell(cell(g, ReportTable.text(column.kind(), row.get(c)), font, align(column)));
        }
    }

    /**
     * A4 portrait for a narrow table; A4 landscape for a wide one; A3 landscape for a table too wide for A4 even at
     * the smallest legible size (the 整改台账's 23 columns, which offices print on A3). A landscape media box, not a
     * portrait one with /Rotate 90: it prints the same and stays landscape in every tool.
     */
    static Rectangle page(double chars, int columns) {
        if (chars <= PORTRAIT_CHARS) {
            return new Rectangle(PageSize.A4.getWidth(), PageSize.A4.getHeight());
        }
        Rectangle a4 = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
        float fits = (float) ((a4.getWidth() - 2 * MARGIN_SIDE) / (chars + columns * 2 * SIDE_PADDING));
        return fits >= MIN_BODY_SIZE ? a4 : new Rectangle(PageSize.A3.getHeight(), PageSize.A3.getWidth());
    }

    /**
     * The body's size: 10.5 pt when the columns' characters fit the text block at that size, smaller for a wide
     * table down to 7 pt; below that the columns share the block and wrap more.
     */
    static float bodySize(float textWidth, double chars, int columns) {
        float fits = (float) (textWidth / (chars + columns * 2 * SIDE_PADDING));
        return Math.max(MIN_BODY_SIZE, Math.min(BODY_SIZE, fits));
    }

    static int align(Column c) {
        return switch (c.kind()) {
            case COUNT, PERCENT -> Element.ALIGN_RIGHT;
            case WRAPPED -> Element.ALIGN_LEFT;
            case TEXT, DATE -> Element.ALIGN_CENTER;
        };
    }

    static PdfPCell cell(Glyphs g, String text, Font font, int align) {
        // a wrapped cell breaks its lines as Chinese is set (避头尾); no character comes out blank
        PdfPCell c = new PdfPCell(g.phrase(text, font, ChineseLineBreaks.INSTANCE));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        float size = font.getSize();
        c.setPaddingLeft(size * SIDE_PADDING);
        c.setPaddingRight(size * SIDE_PADDING);
        c.setPaddingTop(size * 0.19f);
        c.setPaddingBottom(size * 0.38f);
        c.setBorderWidth(0.5f);
        return c;
    }

    private static PdfPCell plain(Glyphs g, String text, Font font, int align) {
        PdfPCell c = new PdfPCell(g.phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingLeft(0f);
        c.setPaddingRight(0f);
        return c;
    }

    /** 第 N 页 共 M 页, centred under the text block; M is filled in when the document closes. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private static final float SIZE = BODY_SIZE;
        private static final float GAP = 4f;
        private final Font font;
        private final Messages m;
        /** Whether the footer says 共 N 页: not on a first page written alone for a preview. */
        private final boolean totalPages;

        private PdfTemplate total;

        PageNumbers(BaseFont font, Messages m, boolean totalPages) {
            this.font = new Font(font, SIZE);
            this.m = m;
            this.totalPages = totalPages;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(120, SIZE * 2);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float center = (document.left() + document.right()) / 2;
            float y = document.bottom() - 28;
            if (!totalPages) {
                ColumnText.showTextAligned(
                        cb,
                        Element.ALIGN_CENTER,
                        new Phrase(m.get("report.table.page", writer.getPageNumber()), font),
                        center,
                        y,
                        0);
                return;
            }
            ColumnText.showTextAligned(
                    cb,
                    Element.ALIGN_RIGHT,
                    new Phrase(m.get("report.table.page", writer.getPageNumber()), font),
                    center - GAP / 2,
                    y,
                    0);
            cb.addTemplate(total, center + GAP / 2, y - SIZE / 2);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            if (!totalPages) {
                return;
            }
            ColumnText.showTextAligned(
                    total,
                    Element.ALIGN_LEFT,
                    new Phrase(m.get("report.table.pages", writer.getPageNumber() - 1), font),
                    0,
                    SIZE / 2,
                    0);
        }
    }
}
