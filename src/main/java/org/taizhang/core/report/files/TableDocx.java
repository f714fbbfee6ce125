package org.taizhang.core.report.files;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.core.task.Progress;

/**
 * A form-like table (销号确认单, a blank 测评表) as a Word file, laid out as {@link TablePdf} lays it: the title, 填报单位 /
 * 填报日期, the table with its header repeated on each page, the 合计, the notes and the line to sign. For WPS as much
 * as for Word: the column widths are written in the grid ({@code w:gridCol}) as well as in each cell and the table's
 * own width, the layout is fixed, no exact line spacing is forced inside the table (WPS clips such rows), and every
 * run names its fonts (宋体 for cells, 黑体 for the header and the title) with no theme font left in the file.
 */
public final class TableDocx {
    /** Twips of one character width of a column (a Column's width counts characters of 10.5 pt). */
    private static final int CHAR = 210;
    /** The width the table may take: A4 portrait less 20 mm margins (landscape: the long side less them). */
    private static final int PORTRAIT_TEXT = 11906 - 2 * 1134;

    private static final int LANDSCAPE_TEXT = 16838 - 2 * 1134;

    private TableDocx() {}

    public static void write(ReportTable table, ReportTable.Heading heading, Path file, Messages m, Progress progress) {
        List<Column> columns = table.columns();
        double chars = columns.stream().mapToDouble(Column::width).sum();
        boolean landscape = chars * CHAR > PORTRAIT_TEXT;
        int textWidth = landscape ? LANDSCAPE_TEXT : PORTRAIT_TEXT;
        SafeFiles.write(file, out -> {
            try (XWPFDocument d = new XWPFDocument()) {
                page(d, landscape);
                var styles = d.createStyles();
                styles.setDefaultFonts(DocumentDocx.fonts(DocumentDocx.SONG));
                d.getProperties().getCoreProperties().setTitle(table.title());
                d.getProperties().getCoreProperties().setCreator("Taizhang");

                XWPFParagraph title = d.createParagraph();
                title.setAlignment(ParagraphAlignment.CENTER);
                title.setSpacingAfter(160);
                run(title, table.title(), DocumentDocx.HEI, 16);

                // 填报单位 on the left, 填报日期 on the right
                XWPFParagraph line = d.createParagraph();
                var tab = line.getCTP().addNewPPr().addNewTabs().addNewTab();
                tab.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
                tab.setPos(BigInteger.valueOf(textWidth));
                LocalDate day = heading.date();
                XWPFRun r = run(line, m.get("report.table.preparer") + heading.committee(), DocumentDocx.SONG, 10.5);
                r.addTab();
                r.setText(m.get("report.table.date", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));

                append(d, table, textWidth, m, 10.5, progress);
                for (String note : table.notes()) {
                    XWPFParagraph p = d.createParagraph();
                    p.setSpacingBefore(60);
                    run(p, note, DocumentDocx.SONG, 9.5);
                }
                XWPFParagraph sign = d.createParagraph();
                sign.setSpacingBefore(240);
                run(
                        sign,
                        table.signatures() == null ? m.get("report.table.signatures") : table.signatures(),
                        DocumentDocx.SONG,
                        11);
                progress.checkCancelled();
                d.write(out);
            }
        });
    }

    /**
     * The rows of {@code table} (header, rows, 合计) as a Word table {@code textWidth} twips wide, appended to {@code d};
     * the widths of its columns in proportion to theirs.
     */
    static XWPFTable append(
            XWPFDocument d, ReportTable table, int textWidth, Messages m, double points, Progress progress) {
        List<Column> columns = table.columns();
        double chars = columns.stream().mapToDouble(Column::width).sum();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (int) Math.floor(columns.get(i).width() / chars * textWidth);
        }
        XWPFTable t = d.createTable(1, columns.size());
        fix(t, widths, textWidth);
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < columns.size(); c++) {
            fill(
                    header.getCell(c),
                    columns.get(c).name(),
                    DocumentDocx.HEI,
                    ParagraphAlignment.CENTER,
                    widths[c],
                    points);
            header.getCell(c).setColor("E6E6E6");
        }
        int done = 0;
        for (List<Object> row : table.rows()) {
            XWPFTableRow tr = t.createRow();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                fill(
                        tr.getCell(c),
                        ReportTable.text(column.kind(), row.get(c)),
                        DocumentDocx.SONG,
                        align(column),
                        widths[c],
                        points);
            }
            if (++done % 200 == 0) {
                progress.update(done, table.rows().size(), "report.progress.rows");
                progress.checkCancelled();
            }
        }
        if (table.total() != null) {
            XWPFTableRow tr = t.createRow();
            List<String> texts = table.texts(table.total());
            for (int c = 0; c < columns.size(); c++) {
                // a document's table names its 合计 itself (no Messages there)
                String text =
                        c == 0 && texts.get(0).isEmpty() && m != null ? m.get("report.table.total") : texts.get(c);
                fill(
                        tr.getCell(c),
                        text,
                        DocumentDocx.HEI,
                        c == 0 ? ParagraphAlignment.CENTER : align(columns.get(c)),
                        widths[c],
                        points);
            }
        }
        return t;
    }

    private static void page(XWPFDocument d, boolean landscape) {
        CTSectPr sect = d.getDocument().getBody().addNewSectPr();
        var size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? 16838 : 11906));
        size.setH(BigInteger.valueOf(landscape ? 11906 : 16838));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        var margin = sect.addNewPgMar();
        margin.setTop(BigInteger.valueOf(1134));
        margin.setBottom(BigInteger.valueOf(1134));
        margin.setLeft(BigInteger.valueOf(1134));
        margin.setRight(BigInteger.valueOf(1134));
        margin.setHeader(BigInteger.valueOf(567));
        margin.setFooter(BigInteger.valueOf(567));
        margin.setGutter(BigInteger.ZERO);
    }

    /** Fixed layout, the widths in the grid, the table and each cell: Word and WPS then agree on them. */
    static void fix(XWPFTable t, int[] widths, int textWidth) {
        var pr = t.getCTTbl().getTblPr();
        CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(java.util.Arrays.stream(widths).sum()));
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        t.setTableAlignment(TableRowAlign.CENTER);
        CTTblGrid grid = t.getCTTbl().getTblGrid() == null
                ? t.getCTTbl().addNewTblGrid()
                : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
    }

    static void fill(XWPFTableCell cell, String text, String font, ParagraphAlignment align, int width) {
        fill(cell, text, font, align, width, 10.5);
    }

    static void fill(XWPFTableCell cell, String text, String font, ParagraphAlignment align, int width, double points) {
        var w = cell.getCTTc().addNewTcPr().addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(width));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().getFirst();
        p.setAlignment(align);
        // a cell's lines keep their own height: a document's line grid (22 lines a page) is for the text, not tables
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        ppr.addNewSnapToGrid().setVal(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1.OFF);
        p.setSpacingBefore(20);
        p.setSpacingAfter(20);
        // lines of the text in separate runs with breaks (a 销号确认单's measures are several lines)
        String[] lines = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = run(p, lines[i], font, points);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    static ParagraphAlignment align(Column c) {
        return switch (c.kind()) {
            case COUNT, PERCENT -> ParagraphAlignment.RIGHT;
            case WRAPPED -> ParagraphAlignment.LEFT;
            case TEXT, DATE -> ParagraphAlignment.CENTER;
        };
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double points) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.getCTR().addNewRPr();
        r.getCTR().getRPr().addNewRFonts().set(DocumentDocx.fonts(font));
        r.setFontSize(points);
        return r;
    }
}
