package org.taizhang.core.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.taizhang.core.DomainException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads chosen sheets of a workbook as rows of text, with bounded memory and time whatever the file holds.
 * An .xlsx is streamed through SAX (POI's event API) and never held whole: every part read counts against one
 * uncompressed budget, a sheet stops at its row limit, and shared strings are read only after the sheets, so a
 * file that breaks a limit is refused before its largest parts are read. An .xls (Excel 97–2003, still sent by
 * offices and WPS users) is at most 65,536 rows and not compressed; it is read whole through HSSF once its size
 * is within the same budget. The file is recognised by its content, not its name.
 *
 * <p>A cell reads as the clerk sees it: dates as yyyy-MM-dd, whole numbers without ".0", booleans as 是/否, a
 * formula as its cached result. A formula saved without a result, or with an empty one that is not text (written
 * by a program, never opened in Excel), is marked, so the import can ask for the workbook to be recalculated instead of reading it as 0.
 */
public final class StreamingWorkbook {
    /** A boolean cell reads as the clerk writes one in a workbook. */
    public static final String YES = "是";

    public static final String NO = "否";

    /** A registry is ~2,000 rows, a ledger some thousands a year; more means a wrong file. */
    public static final int MAX_ROWS = 100_000;
    /** Excel's own limit for a cell. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** The XML a workbook may unpack to (sheets, shared strings, styles together): a 100,000-row registry is ~30 MB. */
    public static final long MAX_UNCOMPRESSED_BYTES = 100L << 20;

    private static final String OOXML_ENCRYPTED_ENTRY = Decryptor.DEFAULT_POIFS_ENTRY; // "EncryptedPackage"

    private StreamingWorkbook() {}

    /** The sheets named {@code names} (an absent sheet reads as {@link SheetData#absent}). */
    public static Map<String, SheetData> read(Path file, List<String> names) {
        return read(file, names, 1);
    }

    /**
     * As {@link #read(Path, List)}, but rows above {@code headerRow} (1-based) are skipped: the header is the first
     * row with a value from there on. A form's title block above its table is then not taken for the header.
     */
    public static Map<String, SheetData> read(Path file, List<String> names, int headerRow) {
        Map<String, SheetData> found = read(file, names::contains, headerRow);
        Map<String, SheetData> result = new LinkedHashMap<>();
        for (String name : names) {
            result.put(name, found.getOrDefault(name, SheetData.absent(name)));
        }
        return result;
    }

    /**
     * The sheet named {@code preferred}; else, whatever they are called (a team's file often keeps "Sheet1"), the
     * workbook's only sheet, or its one sheet whose header has every {@code required} column. Absent (named
     * {@code preferred}) when none or several qualify; {@link SheetData#name} says which sheet was read.
     */
    public static SheetData readSheet(Path file, String preferred, Collection<String> required) {
        List<String> names = new ArrayList<>();
        read(
                file,
                name -> { // the names only: no sheet is parsed
                    names.add(name);
                    return false;
                },
                1);
        if (names.contains(preferred)) {
            return read(file, preferred::equals, 1).get(preferred);
        }
        Map<String, SheetData> all = read(file, name -> true, 1);
        List<SheetData> fitting = all.size() == 1
                ? List.copyOf(all.values())
                : all.values().stream()
                        .filter(sheet -> sheet.headers().containsAll(required))
                        .toList();
        return fitting.size() == 1 ? fitting.getFirst() : SheetData.absent(preferred);
    }

    /** The sheets {@code wanted} accepts, by name in the workbook's order. */
    private static Map<String, SheetData> read(Path file, Predicate<String> wanted, int headerRow) {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException | org.apache.poi.EmptyFileException e) {
            throw new DomainException(e, "import.error.notExcel", file);
        }
        return switch (magic) {
            case OOXML -> readXlsx(file, wanted, headerRow);
            case OLE2 -> readOle2(file, wanted, headerRow);
            default -> throw new DomainException("import.error.notExcel", file);
        };
    }

    public static DomainException tooLarge(Path file) {
        return new DomainException(
                "import.error.tooLarge", file, MAX_ROWS, MAX_CELL_CHARS, MAX_UNCOMPRESSED_BYTES >> 20);
    }

    // ---- .xlsx ----

    private static Map<String, SheetData> readXlsx(Path file, Predicate<String> wanted, int headerRow) {
        Budget budget = new Budget(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = date1904(reader, budget);
            Styles styles = new Styles(reader, budget);
            Map<String, Collector> found = new LinkedHashMap<>();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream xml = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!found.containsKey(name) && wanted.test(name)) {
                        Collector sheet = new Collector(file, name, headerRow);
                        parse(budget.count(xml), new SheetHandler(sheet, styles, date1904, file));
                        found.put(name, sheet);
                    }
                }
            }
            // after the sheets: a file refused for its rows never has its (often larger) string table read
            List<String> strings = null;
            if (found.values().stream().anyMatch(Collector::usesSharedStrings)) {
                try (InputStream sst = reader.getSharedStringsData()) {
                    if (sst != null) { // cells that name shared strings in a file without them: damaged
                        SharedStrings handler = new SharedStrings(file);
                        parse(budget.count(sst), handler);
                        strings = handler.strings;
                    }
                }
            }
            Map<String, SheetData> result = new LinkedHashMap<>();
            for (var c : found.entrySet()) {
                result.put(c.getKey(), c.getValue().toSheet(strings));
            }
            return result;
        } catch (DomainException e) {
            throw e;
        } catch (IOException
                | SAXException
                | OpenXML4JException
                | POIXMLException
                | OpenXML4JRuntimeException
                | RecordFormatException
                | IllegalArgumentException
                | IllegalStateException
                | IndexOutOfBoundsException e) {
            throw refusal(file, e);
        }
    }

    /** The reason to give for a file POI could not read: a limit of ours or POI's zip-bomb guard, or damage. */
    private static DomainException refusal(Path file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d; // thrown by our handler or budget, passed through the XML parser
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("potentially malicious"))) {
                return new DomainException(
                        e, "import.error.tooLarge", tooLarge(file).args());
            }
        }
        return new DomainException(e, "import.error.notExcel", file);
    }

    private static void parse(InputStream xml, DefaultHandler handler) throws IOException, SAXException {
        try {
            XMLReader parser = XMLHelper.newXMLReader(); // secure: no DTDs, no external entities
            parser.setContentHandler(handler);
            parser.parse(new InputSource(xml));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** workbookPr/@date1904 (Mac Excel's old date base); read up to the sheet list only. */
    private static boolean date1904(XSSFReader reader, Budget budget)
            throws IOException, SAXException, InvalidFormatException {
        boolean[] result = {false};
        try (InputStream xml = reader.getWorkbookData()) {
            parse(budget.count(xml), new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
                    if (local.equals("workbookPr")) {
                        String v = a.getValue("date1904");
                        result[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    } else if (local.equals("sheets")) {
                        throw new Stop();
                    }
                }
            });
        } catch (Stop done) {
            // the rest of workbook.xml is not needed
        }
        return result[0];
    }

    private static final class Stop extends SAXException {
        Stop() {
            super("stop");
        }
    }

    /**
     * Which cell styles show a date, read from styles.xml by SAX: the number format of each cell format
     * ({@code cellXfs/xf@numFmtId}) and the workbook's own formats ({@code numFmts/numFmt}). POI's StylesTable
     * would build the whole part as XMLBeans objects, which cost more than the rest of a small import.
     */
    private static final class Styles extends DefaultHandler {
        private final List<Integer> cellFormats = new ArrayList<>();
        private final Map<Integer, String> customFormats = new HashMap<>();
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private boolean inCellXfs;

        Styles(XSSFReader reader, Budget budget) throws IOException, SAXException, InvalidFormatException {
            try (InputStream xml = reader.getStylesData()) {
                if (xml != null) {
                    parse(budget.count(xml), this);
                }
            } catch (InvalidFormatException | IllegalStateException missing) {
                // a workbook without styles (some generators write none): nothing is a date
            }
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
                case "cellXfs" -> inCellXfs = true;
                case "xf" -> {
                    if (inCellXfs) { // not cellStyleXfs: a cell's s attribute indexes cellXfs
                        cellFormats.add(numberAttribute(a.getValue("numFmtId")));
                    }
                }
                case "numFmt" -> {
                    String code = a.getValue("formatCode");
                    if (code != null) {
                        customFormats.put(numberAttribute(a.getValue("numFmtId")), code);
                    }
                }
                default -> {
                    // fonts, fills, borders, colours: nothing about dates
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (local.equals("cellXfs")) {
                inCellXfs = false;
            }
        }

        private static int numberAttribute(String v) {
            try {
                return v == null ? 0 : (int) Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return 0; // as POI reads an unreadable format id: the General format
            }
        }

        boolean isDate(int style) {
            if (style < 0 || style >= cellFormats.size()) {
                return false;
            }
            return dateStyles.computeIfAbsent(style, s -> {
                int id = (short) cellFormats.get(s).intValue(); // POI's CellStyle.getDataFormat is a short
                String format = customFormats.get(id & 0xffff);
                if (format == null) {
                    format = BuiltinFormats.getBuiltinFormat(id & 0xffff);
                }
                return DateUtil.isADateFormat(id, format);
            });
        }
    }

    /**
     * The shared-strings part ({@code sst/si}, the text of its {@code t} elements without the phonetic runs
     * {@code rPh}), as POI's ReadOnlySharedStringsTable reads it, kept as plain strings: its getItemAt builds an
     * XMLBeans rich-text object per cell read, which was a third of a 13,000-record import.
     */
    private static final class SharedStrings extends DefaultHandler {
        private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile("_x([0-9A-Fa-f]{4})_");

        private final Path file;
        final List<String> strings = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;

        SharedStrings(Path file) {
            this.file = file;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
                case "si" -> text.setLength(0);
                case "t" -> inText = true;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // r, rPr, phoneticPr: formatting only
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && !inPhonetic) {
                text.append(ch, start, length);
                if (text.length() > MAX_CELL_CHARS) {
                    throw tooLarge(file);
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "si" -> strings.add(unescape(text.toString()));
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> {
                    // nothing to do
                }
            }
        }

        /** Excel writes a control character as _xHHHH_; POI's XSSFRichTextString.getString decodes it. */
        static String unescape(String value) {
            if (!value.contains("_x")) {
                return value;
            }
            var m = ESCAPE.matcher(value);
            StringBuilder b = new StringBuilder(value.length());
            int at = 0;
            while (m.find()) {
                b.append(value, at, m.start()).append((char) Integer.parseInt(m.group(1), 16));
                at = m.end();
            }
            return at == 0 ? value : b.append(value, at, value.length()).toString();
        }
    }

    /** One budget for all the XML a file unpacks to, so neither one huge part nor many large ones get through. */
    private static final class Budget {
        private final Path file;
        private long read;

        Budget(Path file) {
            this.file = file;
        }

        InputStream count(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        add(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        add(n);
                    }
                    return n;
                }
            };
        }

        private void add(long n) {
            read += n;
            if (read > MAX_UNCOMPRESSED_BYTES) {
                throw tooLarge(file);
            }
        }
    }

    /** The sheet XML's rows, cells and values (SpreadsheetML: row, c@r/@t/@s, f, v, is/t; not rPh, the phonetics). */
    private static final class SheetHandler extends DefaultHandler {
        private final Collector sheet;
        private final Styles styles;
        private final boolean date1904;
        private final Path file;

        private int rowNumber;
        private int column;
        private final TreeMap<Integer, Object> cells = new TreeMap<>();
        private final BitSet uncalculated = new BitSet();

        private String type;
        private int style;
        private boolean formula;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inPhonetic;
        private final StringBuilder text = new StringBuilder();

        SheetHandler(Collector sheet, Styles styles, boolean date1904, Path file) {
            this.sheet = sheet;
            this.styles = styles;
            this.date1904 = date1904;
            this.file = file;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : parseInt(r);
                    column = -1;
                    cells.clear();
                    uncalculated.clear();
                }
                case "c" -> {
                    String ref = a.getValue("r");
                    column = ref == null ? column + 1 : columnOf(ref);
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = s == null ? 0 : parseInt(s);
                    formula = false;
                    hasValue = false;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> {
                    if (!inPhonetic && "inlineStr".equals(type)) {
                        inInlineText = true;
                        hasValue = true;
                    }
                }
                default -> {
                    // sheet properties, merged cells, validations …: nothing to read
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                text.append(ch, start, length);
                if (text.length() > MAX_CELL_CHARS) {
                    throw tooLarge(file);
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> endCell();
                case "row" -> sheet.row(rowNumber, cells, uncalculated);
                default -> {
                    // nothing to do
                }
            }
        }

        private void endCell() {
            if (formula && (!hasValue || emptyNonText())) {
                uncalculated.set(column);
                return;
            }
            if (!hasValue) {
                return; // a styled empty cell
            }
            String v = text.toString();
            Object value = switch (type == null ? "n" : type) {
                case "s" -> new Shared(parseInt(v.strip()));
                case "b" -> "1".equals(v.strip()) ? YES : NO;
                case "str", "inlineStr", "e" -> v;
                case "d" -> v.length() >= 10 ? v.substring(0, 10) : v; // ISO 8601 (strict OOXML)
                default -> number(v.strip());
            };
            cells.put(column, value);
        }

        /**
         * An empty {@code <v></v>} under a formula is a result never calculated (openpyxl, report generators);
         * only a text result (t="str") can be the empty text.
         */
        private boolean emptyNonText() {
            return !"str".equals(type)
                    && !"inlineStr".equals(type)
                    && text.toString().isBlank();
        }

        private String number(String v) {
            if (v.isEmpty()) {
                return "";
            }
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return v; // not a number after all: show what is there, the rules will say what is wrong
            }
            if (styles.isDate(style) && DateUtil.isValidExcelDate(d)) {
                LocalDateTime t = DateUtil.getLocalDateTime(d, date1904);
                return t.toLocalDate().toString();
            }
            return plain(d);
        }

        private int parseInt(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new DomainException(e, "import.error.notExcel", file);
            }
        }

        /** "AB12" → 27. */
        private int columnOf(String ref) {
            int col = 0;
            int i = 0;
            while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
                col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                i++;
                if (col > 16_384) {
                    throw new DomainException("import.error.notExcel", file);
                }
            }
            if (col == 0) {
                throw new DomainException("import.error.notExcel", file);
            }
            return col - 1;
        }
    }

    /** A shared-strings index, resolved once the sheets are read. */
    private record Shared(int index) {}

    /** A formula saved without its result. */
    private static final Object UNCALCULATED = new Object();

    /**
     * Keeps a sheet's rows as they are read: the first row with a value is the header, later rows keep only the
     * header's columns (a file with thousands of columns holds no more memory), blank rows are skipped.
     */
    private static final class Collector {
        private final Path file;
        private final String name;
        private final int firstRow;
        private int[] columns;
        private Object[] header;
        private final List<Integer> numbers = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
        private boolean shared;

        Collector(Path file, String name, int firstRow) {
            this.file = file;
            this.name = name;
            this.firstRow = firstRow;
        }

        boolean usesSharedStrings() {
            return shared;
        }

        void row(int number, TreeMap<Integer, Object> cells, BitSet uncalculated) {
            if (number < firstRow) {
                return;
            }
            if (columns == null) {
                if (cells.isEmpty()) {
                    return;
                }
                columns = cells.keySet().stream().mapToInt(Integer::intValue).toArray();
                header = cells.values().toArray();
                for (Object h : header) {
                    shared |= h instanceof Shared;
                }
                return;
            }
            Object[] values = new Object[columns.length];
            boolean any = false;
            for (int i = 0; i < columns.length; i++) {
                Object v = uncalculated.get(columns[i]) ? UNCALCULATED : cells.get(columns[i]);
                values[i] = v;
                any |= v != null && !"".equals(v);
                shared |= v instanceof Shared;
            }
            if (!any) {
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new DomainException("import.error.tooManyRows", name, MAX_ROWS);
            }
            numbers.add(number);
            rows.add(values);
        }

        SheetData toSheet(List<String> strings) {
            if (columns == null) {
                return SheetData.absent(name);
            }
            String[] headerNames = new String[columns.length];
            Set<String> headers = new LinkedHashSet<>();
            for (int i = 0; i < columns.length; i++) {
                String h = text(header[i], strings).strip();
                if (!h.isEmpty()) {
                    headerNames[i] = h;
                    headers.add(h);
                }
            }
            List<SheetData.Row> result = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Object[] values = rows.get(r);
                Map<String, String> cells = new LinkedHashMap<>();
                Set<String> notCalculated = new LinkedHashSet<>();
                boolean any = false;
                for (int i = 0; i < columns.length; i++) {
                    if (headerNames[i] == null) {
                        continue;
                    }
                    if (values[i] == UNCALCULATED) {
                        notCalculated.add(headerNames[i]);
                        cells.put(headerNames[i], "");
                        any = true;
                        continue;
                    }
                    String v = text(values[i], strings);
                    any |= !v.isBlank();
                    cells.put(headerNames[i], v);
                }
                if (any) {
                    result.add(new SheetData.Row(numbers.get(r), cells, notCalculated));
                }
                rows.set(r, null); // let the raw row go as soon as it is text
            }
            return new SheetData(name, headers, result);
        }

        private String text(Object value, List<String> strings) {
            if (value == null) {
                return "";
            }
            if (value instanceof Shared s) {
                if (strings == null || s.index() < 0 || s.index() >= strings.size()) {
                    throw new DomainException("import.error.notExcel", file);
                }
                String t = strings.get(s.index());
                if (t.length() > MAX_CELL_CHARS) {
                    throw tooLarge(file);
                }
                return t;
            }
            return (String) value;
        }
    }

    /** A number as a clerk reads it: 12 not 12.0, 13812345678 not 1.3812345678E10. */
    static String plain(double d) {
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        return b.scale() <= 0 ? b.toBigInteger().toString() : b.toPlainString();
    }

    // ---- OLE2: .xls, or a password-protected .xlsx ----

    private static Map<String, SheetData> readOle2(Path file, Predicate<String> wanted, int headerRow) {
        try {
            if (Files.size(file) > MAX_UNCOMPRESSED_BYTES) {
                throw tooLarge(file);
            }
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                DirectoryNode root = fs.getRoot();
                if (root.hasEntryCaseInsensitive(OOXML_ENCRYPTED_ENTRY)
                        || root.hasEntryCaseInsensitive("EncryptionInfo")) {
                    throw new DomainException("import.error.encrypted", file);
                }
                try (HSSFWorkbook wb = new HSSFWorkbook(root, true)) {
                    Map<String, SheetData> result = new LinkedHashMap<>();
                    DataFormatter formatter = new DataFormatter();
                    for (Sheet sheet : wb) {
                        String name = sheet.getSheetName();
                        if (!result.containsKey(name) && wanted.test(name)) {
                            result.put(name, xlsSheet(file, sheet, formatter, headerRow));
                        }
                    }
                    return result;
                }
            }
        } catch (EncryptedDocumentException e) {
            throw new DomainException(e, "import.error.encrypted", file);
        } catch (DomainException e) {
            throw e;
        } catch (IOException
                | RecordFormatException
                | IllegalArgumentException
                | IllegalStateException
                | IndexOutOfBoundsException
                | UnsupportedOperationException e) {
            // an OLE2 file that is no workbook (a Word .doc) or a damaged one
            throw refusal(file, e);
        }
    }

    private static SheetData xlsSheet(Path file, Sheet sheet, DataFormatter formatter, int headerRow) {
        Collector collector = new Collector(file, sheet.getSheetName(), headerRow);
        TreeMap<Integer, Object> cells = new TreeMap<>();
        BitSet uncalculated = new BitSet();
        for (var row : sheet) {
            cells.clear();
            for (Cell c : row) {
                String v = xlsText(c, formatter);
                if (v.length() > MAX_CELL_CHARS) {
                    throw tooLarge(file);
                }
                if (!v.isEmpty()) {
                    cells.put(c.getColumnIndex(), v);
                }
            }
            collector.row(row.getRowNum() + 1, cells, uncalculated); // .xls always saves a formula's result
        }
        return collector.toSheet(null);
    }

    private static String xlsText(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : plain(cell.getNumericCellValue());
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> cell.getBooleanCellValue() ? YES : NO;
            case FORMULA, BLANK, _NONE -> "";
            case ERROR -> formatter.formatCellValue(cell);
        };
    }
}
