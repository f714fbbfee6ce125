package org.taizhang.organization.files;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.taizhang.core.task.Progress;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;

/**
 * 组织台账 as a printable PDF in the layout of Chinese official tables: A4 landscape; a 黑体 title; the 统计日期
 * in Arabic numerals; a bordered 宋体 table whose header row repeats on every page; a 合计 row; 填表人 / 审核人 /
 * 联系电话 below the table; 第 N 页 共 M 页 at the foot of every page. Texts come from the bundles of the
 * {@link Messages} given (Chinese for the official form).
 */
public final class RegistryPdf {
    private static final float TITLE_SIZE = 18f;
    private static final float BODY_SIZE = 10f;
    private static final float MARGIN_SIDE = 36f; // 12.7 mm
    private static final float MARGIN_TOP = 36f;
    private static final float MARGIN_BOTTOM = 46f; // room for the page number below the table
    private static final float PADDING = 3f;
    /** Rows added between two flushes of the table to the document, progress reports and cancel checks. */
    private static final int CHUNK = 50;
    /** Padding on both sides plus a point either side, so a text that just fits is not broken by rounding. */
    private static final float SLACK = 2 * PADDING + 2f;
    /** No wrapping column is tried wider than this many characters (bounds the search for very long texts). */
    private static final int MAX_CHARS = 30;

    private RegistryPdf() {}

    /** The title above the table and the day the figures are counted on. */
    public record Heading(String title, LocalDate date) {}

    /** Follows the 任期届满 date of a term that has ended by the table's date. */
    static final String EXPIRED_MARK = "*";

    /** The table's columns: header key, whether the text may wrap (else: as wide as its widest text), alignment. */
    private enum Column {
        NUMBER("registry.pdf.column.number", false, Element.ALIGN_CENTER),
        UNIT("registry.pdf.column.unit", true, Element.ALIGN_LEFT),
        NAME("registry.pdf.column.name", true, Element.ALIGN_LEFT),
        KIND("registry.pdf.column.kind", false, Element.ALIGN_CENTER),
        PARENT("registry.pdf.column.parent", true, Element.ALIGN_LEFT),
        SECRETARY("registry.pdf.column.secretary", false, Element.ALIGN_CENTER),
        MEMBERS("registry.pdf.column.members", false, Element.ALIGN_RIGHT),
        COMMITTEE("registry.pdf.column.committee", false, Element.ALIGN_CENTER),
        TERM_START("registry.pdf.column.termStart", false, Element.ALIGN_CENTER),
        TERM_END("registry.pdf.column.termEnd", false, Element.ALIGN_CENTER),
        COMMUNITY("registry.pdf.column.community", true, Element.ALIGN_LEFT);

        final String headerKey;
        final boolean wraps;
        final int align;

        Column(String headerKey, boolean wraps, int align) {
            this.headerKey = headerKey;
            this.wraps = wraps;
            this.align = align;
        }
    }

    /** The organization name last: it takes whatever width the other wrapping columns leave. */
    private static final List<Column> WRAPPING = List.of(Column.UNIT, Column.PARENT, Column.COMMUNITY, Column.NAME);

    public static void write(
            Registry registry, Path file, Heading heading, Messages m, PdfFonts fonts, Progress progress) {
        // fonts first: a machine without a Chinese font gets the error before any file is touched
        BaseFont song = fonts.font(PdfFonts.Face.SONG);
        BaseFont hei = fonts.font(PdfFonts.Face.HEI);
        List<Organization> organizations = registry.organizations();
        List<List<String>> rows = new ArrayList<>(organizations.size());
        for (int i = 0; i < organizations.size(); i++) {
            rows.add(row(registry, organizations.get(i), i + 1, heading.date(), m));
        }
        Font body = new Font(song, BODY_SIZE);
        Font header = new Font(hei, BODY_SIZE);
        Glyphs g = new Glyphs(fonts); // names from the data: a 𠮷 the font lacks is drawn in one that has it
        // a landscape media box, not A4 with /Rotate 90: prints the same, and stays landscape in every tool
        Rectangle page = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
        float[] widths = widths(rows, m, song, hei, page.getWidth() - 2 * MARGIN_SIDE);

        SafeFiles.write(file, out -> {
            Document document = new Document(page, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
            try {
                PdfWriter writer = PdfWriter.getInstance(document, out);
                writer.setCloseStream(false); // SafeFiles still has to force the file to disk
                writer.setPageEvent(new PageNumbers(song, m));
                document.addTitle(heading.title());
                document.addCreator("Taizhang");
                document.open();

                Paragraph title = new Paragraph(g.phrase(heading.title(), new Font(hei, TITLE_SIZE)));
                title.setAlignment(Element.ALIGN_CENTER);
                title.setSpacingAfter(6f);
                document.add(title);
                LocalDate d = heading.date();
                Paragraph date = new Paragraph(
                        m.get("registry.pdf.date", d.getYear(), d.getMonthValue(), d.getDayOfMonth()), body);
                date.setAlignment(Element.ALIGN_RIGHT);
                date.setSpacingAfter(4f);
                document.add(date);

                PdfPTable table = new PdfPTable(widths);
                table.setTotalWidth(widths);
                table.setLockedWidth(true);
                table.setHeaderRows(1);
                table.setComplete(false); // rows go to the document in chunks instead of piling up in memory
                for (Column c : Column.values()) {
                    PdfPCell cell = cell(m.get(c.headerKey), header, Element.ALIGN_CENTER);
                    cell.setBackgroundColor(new Color(0xE6, 0xE6, 0xE6));
                    table.addCell(cell);
                }
                for (int r = 0; r < rows.size(); r++) {
                    List<String> row = rows.get(r);
                    for (Column c : Column.values()) {
                        table.addCell(cell(g.phrase(row.get(c.ordinal()), body), c.align));
                    }
                    if ((r + 1) % CHUNK == 0) {
                        progress.update(r + 1, rows.size(), "export.progress.writing");
                        progress.checkCancelled();
                        document.add(table);
                    }
                }
                addTotal(table, registry, organizations, m, body, header);
                table.setComplete(true);
                document.add(table);

                boolean anyExpired = organizations.stream().anyMatch(o -> o.termExpired(heading.date()));
                Paragraph note = new Paragraph(
                        m.get("registry.pdf.note")
                                + (anyExpired ? m.get("registry.pdf.note.expired", EXPIRED_MARK) : ""),
                        new Font(song, BODY_SIZE - 1));
                note.setSpacingBefore(4f);
                document.add(note);
                document.add(signatures(m, new Font(song, BODY_SIZE + 1), page.getWidth() - 2 * MARGIN_SIDE));
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

    /** One organization as the table's texts, in {@link Column} order. */
    private static List<String> row(Registry r, Organization o, int number, LocalDate day, Messages m) {
        String[] cells = new String[Column.values().length];
        cells[Column.NUMBER.ordinal()] = Integer.toString(number);
        cells[Column.UNIT.ordinal()] = r.unit(o.unitId())
                .map(u -> u.shortName() != null && !u.shortName().isBlank() ? u.shortName() : u.name())
                .orElse("");
        cells[Column.NAME.ordinal()] = o.name();
        cells[Column.KIND.ordinal()] = o.kind() == null ? "" : m.get(o.kind().messageKey());
        cells[Column.PARENT.ordinal()] =
                r.organization(o.parentId()).map(Organization::name).orElse("");
        cells[Column.SECRETARY.ordinal()] = o.secretary();
        cells[Column.MEMBERS.ordinal()] =
                o.memberCount() == null ? "" : o.memberCount().toString();
        cells[Column.COMMITTEE.ordinal()] = m.get(o.hasCommittee() ? "dialog.yes" : "dialog.no");
        cells[Column.TERM_START.ordinal()] =
                o.termStart() == null ? "" : o.termStart().toString();
        // an asterisk, not a colour: these tables are printed in black and white
        cells[Column.TERM_END.ordinal()] =
                o.termEnd() == null ? "" : o.termEnd() + (o.termExpired(day) ? EXPIRED_MARK : "");
        cells[Column.COMMUNITY.ordinal()] =
                r.community(o.communityId()).map(Community::name).orElse("");
        List<String> row = new ArrayList<>(cells.length);
        for (String c : cells) {
            row.add(c == null ? "" : c);
        }
        return row;
    }

    /** 合计: the number of organizations by kind, and the members as {@link Registry#memberTotal()} counts them. */
    private static void addTotal(
            PdfPTable table,
            Registry registry,
            List<Organization> organizations,
            Messages m,
            Font font,
            Font labelFont) {
        Map<OrganizationKind, Integer> byKind = new EnumMap<>(OrganizationKind.class);
        for (Organization o : organizations) {
            if (o.kind() != null) {
                byKind.merge(o.kind(), 1, Integer::sum);
            }
        }
        List<String> kinds = new ArrayList<>();
        for (OrganizationKind k : OrganizationKind.values()) { // every kind, also at zero, as official tables do
            kinds.add(m.get("registry.pdf.totalKind", m.get(k.messageKey()), byKind.getOrDefault(k, 0)));
        }
        String count = m.get(
                "registry.pdf.totalCount",
                organizations.size(),
                String.join(m.get("registry.pdf.listSeparator"), kinds));

        PdfPCell label = cell(m.get("registry.pdf.total"), labelFont, Element.ALIGN_CENTER);
        label.setColspan(Column.UNIT.ordinal() + 1);
        table.addCell(label);
        PdfPCell countCell = cell(count, font, Element.ALIGN_LEFT);
        countCell.setColspan(Column.MEMBERS.ordinal() - Column.NAME.ordinal());
        table.addCell(countCell);
        table.addCell(cell(Long.toString(registry.memberTotal()), font, Element.ALIGN_RIGHT));
        PdfPCell rest = cell("", font, Element.ALIGN_LEFT);
        rest.setColspan(Column.values().length - Column.MEMBERS.ordinal() - 1);
        table.addCell(rest);
    }

    /** 填表人 / 审核人 / 联系电话, evenly spaced, with room to sign by hand. */
    private static PdfPTable signatures(Messages m, Font font, float width) {
        PdfPTable t = new PdfPTable(3);
        t.setTotalWidth(width);
        t.setLockedWidth(true);
        t.setSpacingBefore(10f);
        for (String key : List.of("registry.pdf.preparedBy", "registry.pdf.reviewedBy", "registry.pdf.phone")) {
            PdfPCell c = new PdfPCell(new Phrase(m.get(key), font));
            c.setBorder(Rectangle.NO_BORDER);
            c.setPaddingLeft(0f);
            t.addCell(c);
        }
        return t;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        return cell(new Phrase(text, font), align);
    }

    private static PdfPCell cell(Phrase text, int align) {
        PdfPCell c = new PdfPCell(text);
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPaddingLeft(PADDING);
        c.setPaddingRight(PADDING);
        c.setPaddingTop(2f);
        c.setPaddingBottom(4f);
        c.setBorderWidth(0.5f);
        c.setUseAscender(true);
        return c;
    }

    /**
     * Column widths that never cut a text. Columns that do not wrap (numbers, dates, people's names) get their
     * widest text. The wrapping columns (unit, organization, parent, community) share the rest in whole
     * characters, as the table needs the fewest lines (each row is as tall as its most wrapped cell): every split
     * is tried, the organization name taking what the others leave. What is left when nothing wraps any more
     * widens them all, so the table spans the page.
     */
    private static float[] widths(
            List<List<String>> rows, Messages m, BaseFont bodyFont, BaseFont headerFont, float available) {
        Column[] columns = Column.values();
        float step = bodyFont.getWidthPoint("中", BODY_SIZE);
        float[] widths = new float[columns.length];
        float[] natural = new float[columns.length];
        float[] headers = new float[columns.length];
        float[][] text = new float[columns.length][rows.size()];
        float fixed = 0;
        for (Column c : columns) {
            int i = c.ordinal();
            headers[i] = headerFont.getWidthPoint(m.get(c.headerKey), BODY_SIZE);
            natural[i] = headers[i];
            for (int r = 0; r < rows.size(); r++) {
                text[i][r] = bodyFont.getWidthPoint(rows.get(r).get(i), BODY_SIZE);
                natural[i] = Math.max(natural[i], text[i][r]);
            }
            natural[i] += SLACK;
            if (!c.wraps) {
                widths[i] = natural[i];
                fixed += natural[i];
            }
        }
        Split split = new Split(text, natural, headers, step, rows.size());
        split.search(0, new float[WRAPPING.size()], available - fixed);
        if (split.best == null) { // not even four characters each fit: narrow everything alike (never on A4)
            float[] mins = new float[WRAPPING.size()];
            for (int k = 0; k < mins.length; k++) {
                mins[k] = split.min(WRAPPING.get(k));
            }
            split.best = mins;
        }
        float used = fixed;
        for (int k = 0; k < WRAPPING.size(); k++) {
            widths[WRAPPING.get(k).ordinal()] = split.best[k];
            used += split.best[k];
        }
        if (used > available) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] *= available / used;
            }
            return widths;
        }
        float room = available - used;
        float wrapping = used - fixed;
        for (Column c : WRAPPING) { // nothing wraps any more, or less than a character was left
            widths[c.ordinal()] += room * widths[c.ordinal()] / wrapping;
        }
        return widths;
    }

    /** The search over the wrapping columns' widths for the fewest lines in the table. */
    private static final class Split {
        private final float[][] text;
        private final float[] natural;
        private final float[] header;
        private final float step;
        private final int rows;
        float[] best;
        long bestLines = Long.MAX_VALUE;

        Split(float[][] text, float[] natural, float[] header, float step, int rows) {
            this.text = text;
            this.natural = natural;
            this.header = header;
            this.step = step;
            this.rows = rows;
        }

        /** Four characters and the whole header, or less when the widest text is narrower. */
        private float min(Column c) {
            return Math.min(natural[c.ordinal()], Math.max(4 * step, header[c.ordinal()]) + SLACK);
        }

        private float minOfRest(int from) {
            float sum = 0;
            for (int k = from; k < WRAPPING.size(); k++) {
                sum += min(WRAPPING.get(k));
            }
            return sum;
        }

        /** Tries every width of column {@code k} that leaves the columns after it their minimum. */
        void search(int k, float[] widths, float room) {
            Column c = WRAPPING.get(k);
            if (k == WRAPPING.size() - 1) {
                if (room < min(c)) {
                    return;
                }
                widths[k] = Math.min(room, natural[c.ordinal()]);
                long lines = lines(widths);
                if (lines < bestLines) {
                    bestLines = lines;
                    best = widths.clone();
                }
                return;
            }
            float top = Math.min(natural[c.ordinal()], min(c) + MAX_CHARS * step);
            float rest = minOfRest(k + 1);
            for (float w = min(c); room - w >= rest; w += step) {
                widths[k] = Math.min(w, top); // the last try is the widest text itself
                search(k + 1, widths, room - widths[k]);
                if (w >= top) {
                    break;
                }
            }
        }

        private long lines(float[] widths) {
            long total = 0;
            for (int r = 0; r < rows; r++) {
                int tallest = 1;
                for (int k = 0; k < widths.length; k++) {
                    float t = text[WRAPPING.get(k).ordinal()][r];
                    tallest = Math.max(tallest, (int) Math.ceil(t / (widths[k] - SLACK)));
                }
                total += tallest;
            }
            return total;
        }
    }

    /** 第 N 页 at the foot of each page, then 共 M 页 from a template filled in when the document closes. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private static final float SIZE = BODY_SIZE + 1;
        private static final float GAP = 4f;
        private final Font font;
        private final Messages m;
        private PdfTemplate total;

        PageNumbers(BaseFont font, Messages m) {
            this.font = new Font(font, SIZE);
            this.m = m;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(120, SIZE * 2);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float center = (document.left() + document.right()) / 2;
            float y = document.bottom() - 26;
            ColumnText.showTextAligned(
                    cb,
                    Element.ALIGN_RIGHT,
                    new Phrase(m.get("registry.pdf.page", writer.getPageNumber()), font),
                    center - GAP / 2,
                    y,
                    0);
            cb.addTemplate(total, center + GAP / 2, y - SIZE / 2);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(
                    total,
                    Element.ALIGN_LEFT,
                    new Phrase(m.get("registry.pdf.pages", writer.getPageNumber() - 1), font),
                    0,
                    SIZE / 2,
                    0);
        }
    }
}
