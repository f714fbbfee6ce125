package org.taizhang.core.report.files;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.task.Progress;

/**
 * An {@link OfficialDocument} as a Word file (.docx) in the GB/T 9704-2012 layout, the same as {@link DocumentPdf}'s,
 * for a clerk who adds the 红头 and the seal and adjusts the wording in Word or WPS: A4; margins 37 mm top, 28 mm
 * left, 26 mm right, 35 mm bottom (a 156 × 225 mm block); the document grid of the official template (22 lines of 28
 * characters); body 3号 仿宋 on an exact 28.95 pt line, first lines indented two characters; title 2号 方正小标宋简体
 * (the office font for titles; where a PC lacks it, Word and WPS put another in its place); 一、 in 黑体, （一） in 楷体; 落款 and date to the right; the 版头
 * and the 版记 (抄送, 印发) for a document with a 发文字号; "— 1 —" in 4号 宋体 on the outer side of each page (odd
 * right, even left). Every run names its fonts (no theme font is left in the file: WPS reports theme fonts as missing),
 * by the names Windows and WPS know.
 */
public final class DocumentDocx {
    static final String FANG = "仿宋";
    static final String HEI = "黑体";
    static final String KAI = "楷体";
    static final String SONG = "宋体";
    static final String TITLE_FONT = "方正小标宋简体";

    /** A millimetre in twentieths of a point. */
    private static final double MM = 1440 / 25.4;
    /** 225 mm over 22 lines, in twips: the official template's 579. */
    static final int PITCH = 579;

    private static final String RED = "E60012";

    private DocumentDocx() {}

    public static void write(OfficialDocument doc, Path file, Progress progress) {
        SafeFiles.write(file, out -> {
            try (XWPFDocument d = new XWPFDocument()) {
                page(d);
                var styles = d.createStyles();
                styles.setDefaultFonts(fonts(FANG));
                // 3号 as the default size: the grid's character pitch is counted from it (28 a line, as the template)
                var defaults =
                        styles.getCtStyles().getDocDefaults().getRPrDefault().getRPr();
                defaults.addNewSz().setVal(BigInteger.valueOf(32));
                defaults.addNewSzCs().setVal(BigInteger.valueOf(32));
                d.getProperties().getCoreProperties().setTitle(doc.title());
                d.getProperties().getCoreProperties().setCreator("Taizhang");
                boolean formal = !doc.issuer().isEmpty() && !doc.number().isEmpty();
                if (formal) {
                    // 发文机关标志 on one line, red, as large as 30 pt and smaller for a long name
                    String mark = doc.issuer() + "文件";
                    double size = Math.min(30, 156 * 72 / 25.4 / (mark.length() + 0.5));
                    XWPFParagraph p = paragraph(d, ParagraphAlignment.CENTER, 0);
                    XWPFRun r = run(p, mark, TITLE_FONT, size);
                    r.setColor(RED);
                    p.setSpacingAfter(PITCH);
                    XWPFParagraph number = paragraph(d, ParagraphAlignment.CENTER, PITCH);
                    run(number, doc.number(), FANG, 16);
                    border(number, true, RED, 12); // the red rule under the 发文字号
                    paragraph(d, ParagraphAlignment.LEFT, PITCH);
                }
                XWPFParagraph title = paragraph(d, ParagraphAlignment.CENTER, 0);
                title.setSpacingBefore(PITCH / 2);
                title.setSpacingAfter(PITCH);
                run(title, doc.title(), TITLE_FONT, 22);
                if (!doc.recipient().isEmpty()) {
                    run(paragraph(d, ParagraphAlignment.BOTH, PITCH), doc.recipient() + "：", FANG, 16);
                }
                int done = 0;
                for (OfficialDocument.Block b : doc.body()) {
                    if (b instanceof OfficialDocument.Table table) {
                        table(d, table.table());
                        continue;
                    }
                    if (b instanceof OfficialDocument.Chart chart) {
                        chart(d, chart);
                        continue;
                    }
                    XWPFParagraph p = paragraph(d, ParagraphAlignment.BOTH, PITCH);
                    p.setIndentationFirstLine(640); // two characters of 16 pt
                    p.getCTP().getPPr().getInd().setFirstLineChars(BigInteger.valueOf(200)); // as WPS counts them
                    switch (b) {
                        case OfficialDocument.Paragraph x -> run(p, x.text(), FANG, 16);
                        case OfficialDocument.Heading x -> run(p, x.text(), HEI, 16);
                        case OfficialDocument.Subheading x -> run(p, x.text(), KAI, 16);
                        case OfficialDocument.Table x -> throw new IllegalStateException("handled above");
                        case OfficialDocument.Chart x -> throw new IllegalStateException("handled above");
                    }
                    if (++done % 20 == 0) {
                        progress.checkCancelled();
                    }
                }
                paragraph(d, ParagraphAlignment.LEFT, PITCH);
                paragraph(d, ParagraphAlignment.LEFT, PITCH);
                if (!doc.issuer().isEmpty()) {
                    XWPFParagraph signer = paragraph(d, ParagraphAlignment.RIGHT, PITCH);
                    signer.setIndentationRight(640);
                    run(signer, doc.issuer(), FANG, 16);
                }
                XWPFParagraph dated = paragraph(d, ParagraphAlignment.RIGHT, PITCH);
                dated.setIndentationRight(1280);
                run(dated, OfficialDocument.date(doc.date()), FANG, 16);
                if (!doc.copyTo().isEmpty() || formal) {
                    versionRecord(d, doc, formal);
                }
                pageNumbers(d);
                progress.checkCancelled();
                d.write(out);
            }
        });
    }

    /** A chart in the text: its caption in 黑体, then a native bar chart a clerk can edit, across the text block. */
    private static void chart(XWPFDocument d, OfficialDocument.Chart chart) throws IOException {
        if (!chart.title().isEmpty()) {
            XWPFParagraph caption = paragraph(d, ParagraphAlignment.CENTER, PITCH);
            caption.setKeepNext(true); // the caption stays on the chart's page
            run(caption, chart.title(), HEI, 14);
        }
        XWPFParagraph holder = d.createParagraph();
        holder.setAlignment(ParagraphAlignment.CENTER);
        try {
            // 156 × 80 mm in EMU (36,000 a millimetre)
            ChartFiles.append(d, holder.createRun(), chart, 156 * 36_000, 80 * 36_000);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("chart " + chart.title(), e);
        }
    }

    /** A table in the text: its caption in 黑体, the table in 4号 宋体 across the text block, a line after it. */
    private static void table(XWPFDocument d, org.taizhang.core.report.ReportTable table) {
        if (!table.title().isEmpty()) {
            XWPFParagraph caption = paragraph(d, ParagraphAlignment.CENTER, PITCH);
            run(caption, table.title(), HEI, 14);
        }
        TableDocx.append(
                d, table, (int) Math.round(156 * MM), null, 10.5, Progress.NONE); // 五号, as tables in documents are
        paragraph(d, ParagraphAlignment.LEFT, PITCH);
    }

    /** 版记: 抄送 and 印发 (机关 and date) between rules, in 4号 仿宋, at the foot of the text. */
    private static void versionRecord(XWPFDocument d, OfficialDocument doc, boolean formal) {
        paragraph(d, ParagraphAlignment.LEFT, PITCH);
        if (!doc.copyTo().isEmpty()) {
            XWPFParagraph copy = paragraph(d, ParagraphAlignment.LEFT, PITCH);
            copy.setIndentationLeft(280);
            copy.setIndentationRight(280);
            run(copy, "抄送：" + doc.copyTo() + "。", FANG, 14);
            border(copy, false, "000000", 4);
            if (!formal) {
                border(copy, true, "000000", 4);
            }
        }
        if (formal) {
            XWPFParagraph printed = paragraph(d, ParagraphAlignment.LEFT, PITCH);
            printed.setIndentationLeft(280);
            printed.setIndentationRight(280);
            // 印发机关 on the left, 印发日期 on the right: a right tab at the block's edge
            var tab = printed.getCTP().getPPr().addNewTabs().addNewTab();
            tab.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
            tab.setPos(BigInteger.valueOf(Math.round(156 * MM) - 560));
            XWPFRun r = run(printed, doc.issuer(), FANG, 14);
            r.addTab();
            r.setText(OfficialDocument.date(doc.date()) + "印发");
            if (doc.copyTo().isEmpty()) {
                border(printed, false, "000000", 4);
            }
            border(printed, true, "000000", 4);
        }
    }

    /** A4 and the official margins and grid. */
    private static void page(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().addNewSectPr();
        var size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        var margin = sect.addNewPgMar();
        margin.setTop(BigInteger.valueOf(Math.round(37 * MM)));
        margin.setLeft(BigInteger.valueOf(Math.round(28 * MM)));
        margin.setRight(BigInteger.valueOf(Math.round(26 * MM)));
        margin.setBottom(BigInteger.valueOf(Math.round(35 * MM)));
        margin.setHeader(BigInteger.valueOf(Math.round(15 * MM)));
        margin.setFooter(BigInteger.valueOf(Math.round(28 * MM) - PITCH / 2)); // the number 7 mm under the block
        margin.setGutter(BigInteger.ZERO);
        var grid = sect.addNewDocGrid();
        // a line grid only: 22 lines a page; the 28 characters a line come from the runs' spacing (a character grid
        // is drawn differently by Word, WPS and LibreOffice, which spread 3号 over two cells of it)
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(PITCH));
    }

    /** "— 1 —", odd pages right, even pages left (Word's even-and-odd footers). */
    private static void pageNumbers(XWPFDocument d) {
        d.getSettings().setEvenAndOddHeadings(true);
        footer(d.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT, 280, 0);
        footer(d.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT, 0, 280);
    }

    private static void footer(XWPFFooter footer, ParagraphAlignment align, int right, int left) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(align);
        p.setIndentationRight(right);
        p.setIndentationLeft(left);
        run(p, "— ", SONG, 14);
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        var r = field.addNewR();
        var pr = r.addNewRPr();
        pr.addNewRFonts().set(fonts(SONG));
        pr.addNewSz().setVal(BigInteger.valueOf(28));
        pr.addNewSzCs().setVal(BigInteger.valueOf(28));
        r.addNewT().setStringValue("1");
        run(p, " —", SONG, 14);
    }

    /** A paragraph; {@code exactLine} > 0 sets the line to exactly that many twips (the grid's pitch). */
    private static XWPFParagraph paragraph(XWPFDocument d, ParagraphAlignment align, int exactLine) {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(align);
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTSpacing spacing = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        if (exactLine > 0) {
            spacing.setLine(BigInteger.valueOf(exactLine));
            spacing.setLineRule(STLineSpacingRule.EXACT);
        }
        if (!ppr.isSetInd()) {
            ppr.addNewInd();
        }
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double points) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.getCTR().addNewRPr();
        r.getCTR().getRPr().addNewRFonts().set(fonts(font));
        r.setFontSize(points);
        if (points == 16) {
            r.setCharacterSpacing(-5); // 3号 condensed by a quarter point: 28 characters fill the 156 mm line
        }
        return r;
    }

    /** The font for every script: Word and WPS then never fall back to a theme font. */
    static CTFonts fonts(String name) {
        CTFonts f = CTFonts.Factory.newInstance();
        f.setAscii(name);
        f.setHAnsi(name);
        f.setEastAsia(name);
        f.setCs(name);
        return f;
    }

    private static void border(XWPFParagraph p, boolean bottom, String color, int eighthsOfAPoint) {
        CTPPr ppr = p.getCTP().getPPr();
        CTPBdr borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder b = bottom ? borders.addNewBottom() : borders.addNewTop();
        b.setVal(STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(eighthsOfAPoint));
        b.setSpace(BigInteger.valueOf(1));
        b.setColor(color);
    }
}
