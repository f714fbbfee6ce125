package org.taizhang.core.report.files;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openpdf.text.Chunk;
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
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.draw.LineSeparator;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.pdf.Glyphs;
import org.taizhang.core.pdf.PdfFonts;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.task.Progress;

/**
 * An {@link OfficialDocument} as a PDF in the GB/T 9704-2012 layout (DOMAIN.md): A4; top margin 37 mm, binding (left)
 * 28 mm, so the text block is 156 × 225 mm; body 3号 (16 pt) 仿宋 on a 28.95 pt pitch (22 lines of 28 characters),
 * first lines indented two characters; title 2号 (22 pt) in 小标宋's fallback 黑体; 一、 in 黑体, （一） in 楷体; 落款 and
 * 成文日期 in Arabic numerals to the right; 版记 between rules; page numbers 4号 宋体 "— 1 —", on the outer side (odd
 * right, even left); lines break as Chinese is set (避头尾, ChineseLineBreaks). The 版头 (发文机关 in red, 发文字号, the red rule) only for a document with a 发文字号: a notice without
 * one is printed on the office's own paper, 落款 and date only.
 */
public final class DocumentPdf {
    private static final float MM = 72f / 25.4f;
    private static final float TOP = 37 * MM;
    private static final float LEFT = 28 * MM;
    /** 210 − 28 − 156 mm. */
    private static final float RIGHT = 26 * MM;
    /** 297 − 37 − 225 mm. */
    private static final float BOTTOM = 35 * MM;

    private static final float BODY = 16f;
    private static final float TITLE = 22f;
    /** 225 mm over 22 lines. */
    private static final float PITCH = 225 * MM / 22;

    private static final Color RED = new Color(0xE6, 0x00, 0x12);

    private DocumentPdf() {}

    public static void write(OfficialDocument doc, Path file, PdfFonts fonts, Progress progress) {
        // fonts first: a machine without a Chinese font gets the error before any file is touched
        BaseFont fang = fonts.font(PdfFonts.Face.FANG);
        BaseFont hei = fonts.font(PdfFonts.Face.HEI);
        BaseFont kai = fonts.font(PdfFonts.Face.KAI);
        BaseFont song = fonts.font(PdfFonts.Face.SONG);
        Font body = new Font(fang, BODY);
        Glyphs g = new Glyphs(fonts);
        SafeFiles.write(file, out -> {
            Document document = new Document(PageSize.A4, LEFT, RIGHT, TOP, BOTTOM);
            try {
                PdfWriter writer = PdfWriter.getInstance(document, out);
                writer.setCloseStream(false); // SafeFiles still has to force the file to disk
                writer.setPageEvent(new PageNumbers(song));
                document.addTitle(doc.title());
                document.addCreator("Taizhang");
                document.open();
                if (!doc.issuer().isEmpty() && !doc.number().isEmpty()) {
                    // 发文机关标志 on one line: as large as 30 pt, smaller for a long name (GB/T 9704: within the block)
                    String mark = doc.issuer() + "文件";
                    float width = PageSize.A4.getWidth() - LEFT - RIGHT;
                    float size = Math.min(30f, width / (mark.length() + 0.5f));
                    Paragraph issuer = new Paragraph(g.phrase(mark, new Font(hei, size, Font.NORMAL, RED)));
                    issuer.setAlignment(Element.ALIGN_CENTER);
                    issuer.setSpacingAfter(PITCH);
                    document.add(issuer);
                    document.add(line(g, doc.number(), body, Element.ALIGN_CENTER));
                    LineSeparator rule = new LineSeparator(1.5f, 100f, RED, Element.ALIGN_CENTER, -6f);
                    document.add(new Chunk(rule));
                    document.add(line(g, " ", body, Element.ALIGN_LEFT));
                }
                Paragraph title = new Paragraph(g.phrase(doc.title(), new Font(hei, TITLE)));
                title.setAlignment(Element.ALIGN_CENTER);
                title.setLeading(TITLE * 1.6f);
                title.setSpacingBefore(PITCH / 2);
                title.setSpacingAfter(PITCH);
                document.add(title);
                if (!doc.recipient().isEmpty()) {
                    document.add(line(g, doc.recipient() + "：", body, Element.ALIGN_LEFT));
                }
                int done = 0;
                for (OfficialDocument.Block b : doc.body()) {
                    if (b instanceof OfficialDocument.Table table) {
                        table(document, g, table.table(), song, hei);
                        continue;
                    }
                    if (b instanceof OfficialDocument.Chart chart) {
                        chart(document, writer, g, chart, song, hei);
                        continue;
                    }
                    document.add(
                            switch (b) {
                                case OfficialDocument.Paragraph p -> indented(g, p.text(), body);
                                case OfficialDocument.Heading h -> indented(g, h.text(), new Font(hei, BODY));
                                case OfficialDocument.Subheading h -> indented(g, h.text(), new Font(kai, BODY));
                                case OfficialDocument.Table t -> throw new IllegalStateException("handled above");
                                case OfficialDocument.Chart c -> throw new IllegalStateException("handled above");
                            });
                    if (++done % 20 == 0) {
                        progress.checkCancelled();
                    }
                }
                // 落款: the issuer over the date, the date's end four characters from the right margin
                Paragraph gap = line(g, " ", body, Element.ALIGN_LEFT);
                gap.setSpacingAfter(PITCH);
                document.add(gap);
                if (!doc.issuer().isEmpty()) {
                    Paragraph signer = line(g, doc.issuer(), body, Element.ALIGN_RIGHT);
                    signer.setIndentationRight(2 * BODY);
                    document.add(signer);
                }
                Paragraph dated = line(g, OfficialDocument.date(doc.date()), body, Element.ALIGN_RIGHT);
                dated.setIndentationRight(4 * BODY);
                document.add(dated);
                boolean formal = !doc.issuer().isEmpty() && !doc.number().isEmpty();
                if (!doc.copyTo().isEmpty() || formal) {
                    versionRecord(document, writer, g, doc, new Font(fang, 14f), formal);
                }
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

    /**
     * 版记 (GB/T 9704): 抄送, then for a numbered document 印发机关 and 印发日期, between rules — the first and last
     * thicker — at the foot of the last page, under the text; on a page of its own when the text leaves no room.
     */
    private static void versionRecord(
            Document document, PdfWriter writer, Glyphs g, OfficialDocument doc, Font small, boolean formal)
            throws org.openpdf.text.DocumentException {
        float width = document.right() - document.left();
        org.openpdf.text.pdf.PdfPTable record = new org.openpdf.text.pdf.PdfPTable(new float[] {1f, 1f});
        record.setTotalWidth(width);
        record.setLockedWidth(true);
        List<List<org.openpdf.text.pdf.PdfPCell>> rows = new java.util.ArrayList<>();
        if (!doc.copyTo().isEmpty()) {
            org.openpdf.text.pdf.PdfPCell copy = versionCell(g, "抄送：" + doc.copyTo() + "。", small, Element.ALIGN_LEFT);
            copy.setColspan(2);
            rows.add(List.of(copy));
        }
        if (formal) {
            rows.add(List.of(
                    versionCell(g, doc.issuer(), small, Element.ALIGN_LEFT),
                    versionCell(g, OfficialDocument.date(doc.date()) + "印发", small, Element.ALIGN_RIGHT)));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (org.openpdf.text.pdf.PdfPCell c : rows.get(r)) {
                c.setBorder(Rectangle.TOP | (r == rows.size() - 1 ? Rectangle.BOTTOM : 0));
                c.setBorderWidthTop(r == 0 ? 1f : 0.5f); // 0.35 mm first and last, 0.25 mm between
                c.setBorderWidthBottom(r == rows.size() - 1 ? 1f : 0f); // a width draws the rule in OpenPDF
                c.setBorderWidthLeft(0f);
                c.setBorderWidthRight(0f);
                record.addCell(c);
            }
        }
        float height = record.getTotalHeight();
        float room = writer.getVerticalPosition(true) - document.bottom();
        if (room < height + PITCH) {
            document.newPage();
            document.add(new Paragraph(" ")); // a page only the 版记 is on still begins with content
        }
        record.writeSelectedRows(0, -1, document.left(), document.bottom() + height, writer.getDirectContent());
    }

    /** A cell of the 版记: the text indented a character from the rules' ends. */
    private static org.openpdf.text.pdf.PdfPCell versionCell(Glyphs g, String text, Font font, int align) {
        org.openpdf.text.pdf.PdfPCell c = new org.openpdf.text.pdf.PdfPCell(g.phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setPaddingLeft(align == Element.ALIGN_LEFT ? BODY : 0f);
        c.setPaddingRight(align == Element.ALIGN_RIGHT ? BODY : 0f);
        c.setPaddingTop(4f);
        c.setPaddingBottom(8f);
        c.setUseAscender(true);
        return c;
    }

    /** A table in the text: its caption in 黑体, then the table in 五号 宋体 across the text block. */
    private static void table(
            Document document, Glyphs g, org.taizhang.core.report.ReportTable table, BaseFont song, BaseFont hei)
            throws org.openpdf.text.DocumentException {
        if (!table.title().isEmpty()) {
            Paragraph caption = paragraph(g, table.title(), new Font(hei, 14f));
            caption.setAlignment(Element.ALIGN_CENTER);
            document.add(caption);
        }
        var columns = table.columns();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (float) columns.get(i).width();
        }
        Font cells = new Font(song, 10.5f);
        Font bold = new Font(hei, 10.5f);
        org.openpdf.text.pdf.PdfPTable t = new org.openpdf.text.pdf.PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(4f);
        t.setSpacingAfter(PITCH / 2);
        for (var c : columns) {
            t.addCell(TablePdf.cell(g, c.name(), bold, Element.ALIGN_CENTER));
        }
        for (java.util.List<Object> row : table.rows()) {
            for (int c = 0; c < columns.size(); c++) {
                var column = columns.get(c);
                t.addCell(TablePdf.cell(
                        g,
                        org.taizhang.core.report.ReportTable.text(column.kind(), row.get(c)),
                        cells,
                        TablePdf.align(column)));
            }
        }
        if (table.total() != null) {
            java.util.List<String> texts = table.texts(table.total());
            for (int c = 0; c < columns.size(); c++) {
                t.addCell(TablePdf.cell(
                        g, texts.get(c), bold, c == 0 ? Element.ALIGN_CENTER : TablePdf.align(columns.get(c))));
            }
        }
        document.add(t);
    }

    /**
     * The AWT font the chart is laid out with: the same font as the PDF draws with, when AWT knows it by its family
     * name (the system's fonts). JFreeChart measures with AWT and the PDF draws with the embedded font; with AWT's
     * logical SansSerif the two disagreed — labels cut to "…" that would have fitted, digits drawn spaced apart.
     */
    static java.awt.Font awtFont(BaseFont font, int size) {
        for (String[] name : font.getFamilyFontName()) {
            java.awt.Font awt = new java.awt.Font(name[3], java.awt.Font.PLAIN, size);
            if (awt.getFamily(java.util.Locale.ROOT).equalsIgnoreCase(name[3])
                    || awt.getFamily().equalsIgnoreCase(name[3])) {
                return awt;
            }
        }
        return new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, size); // a font AWT does not know
    }

    /**
     * A chart in the text: its caption in 黑体, then the bars drawn as vectors (JFreeChart on OpenPDF's Graphics2D)
     * across the text block, 80 mm high; every label is text in the embedded 宋体.
     */
    private static void chart(
            Document document, PdfWriter writer, Glyphs g, OfficialDocument.Chart chart, BaseFont song, BaseFont hei)
            throws org.openpdf.text.DocumentException {
        float width = 156 * MM;
        float height = 80 * MM;
        org.openpdf.text.pdf.PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        // every AWT font the chart asks for is the document's 宋体 (黑体 for bold): embedded, Chinese, as the text —
        // or, when a label has a character those lack (a unit's 𠮷), a fallback font that has them all
        StringBuilder labels = new StringBuilder(chart.valueName());
        chart.categories().forEach(labels::append);
        chart.series().forEach(s -> labels.append(s.name()));
        BaseFont plain = g.fontFor(labels.toString(), song);
        BaseFont bold = plain == song ? hei : plain;
        org.openpdf.text.pdf.FontMapper fonts = new org.openpdf.text.pdf.FontMapper() {
            @Override
            public BaseFont awtToPdf(java.awt.Font font) {
                return font.isBold() ? bold : plain;
            }

            @Override
            public java.awt.Font pdfToAwt(BaseFont font, int size) {
                return awtFont(font, size);
            }
        };
        java.awt.Graphics2D g2 = template.createGraphics(width, height, fonts);
        try {
            ChartFiles.draw(chart, g2, new java.awt.geom.Rectangle2D.Double(0, 0, width, height), awtFont(plain, 10));
        } finally {
            g2.dispose();
        }
        // the caption and the chart as one block: moved whole to the next page when the rest of this one is too short,
        // and the text after it stays after it
        org.openpdf.text.pdf.PdfPTable block = new org.openpdf.text.pdf.PdfPTable(1);
        block.setWidthPercentage(100);
        block.setKeepTogether(true);
        block.setSpacingAfter(PITCH / 2);
        if (!chart.title().isEmpty()) {
            org.openpdf.text.pdf.PdfPCell caption =
                    new org.openpdf.text.pdf.PdfPCell(g.phrase(chart.title(), new Font(hei, 14f)));
            caption.setHorizontalAlignment(Element.ALIGN_CENTER);
            caption.setBorder(org.openpdf.text.Rectangle.NO_BORDER);
            caption.setPaddingBottom(4f);
            block.addCell(caption);
        }
        org.openpdf.text.pdf.PdfPCell picture =
                new org.openpdf.text.pdf.PdfPCell(org.openpdf.text.Image.getInstance(template), false);
        picture.setHorizontalAlignment(Element.ALIGN_CENTER);
        picture.setBorder(org.openpdf.text.Rectangle.NO_BORDER);
        block.addCell(picture);
        document.add(block);
    }

    private static Paragraph line(Glyphs g, String text, Font font, int align) {
        Paragraph p = paragraph(g, text, font);
        p.setAlignment(align);
        return p;
    }

    /**
     * A line-pitched paragraph whose runs break lines as Chinese is set (避头尾), every character drawn (a name's
     * 𠮷 in a font that has it).
     */
    private static Paragraph paragraph(Glyphs g, String text, Font font) {
        Paragraph p = new Paragraph(g.phrase(text, font, ChineseLineBreaks.INSTANCE));
        p.setLeading(PITCH);
        return p;
    }

    private static Paragraph indented(Glyphs g, String text, Font font) {
        Paragraph p = paragraph(g, text, font);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(2 * BODY);
        return p;
    }

    /** "— 1 —" in 4号 宋体, 7 mm under the text block, on the outer side: odd pages right, even pages left. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final Font font;

        PageNumbers(BaseFont song) {
            this.font = new Font(song, 14f);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            int page = writer.getPageNumber();
            boolean odd = page % 2 == 1;
            ColumnText.showTextAligned(
                    cb,
                    odd ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT,
                    new Phrase("— " + page + " —", font),
                    odd ? document.right() - BODY : document.left() + BODY,
                    document.bottom() - 7 * MM - 14f,
                    0);
        }
    }
}
