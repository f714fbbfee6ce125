package org.taizhang.organization;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Workbooks no clerk means to send, built byte by byte so that none needs to be checked in: a one-sheet .xlsx
 * written as a plain zip (its sheet XML streamed, so a test can make it larger than the reader accepts without
 * holding it in memory), and a password-protected .xlsx.
 */
public final class HostileWorkbooks {
    private HostileWorkbooks() {}

    /** Writes the rows of a sheet as XML (the {@code <row>} elements only). */
    public interface SheetBody {
        void write(Writer xml) throws IOException;
    }

    /** A valid .xlsx with one sheet named {@code sheetName} whose rows {@code body} writes (inline strings). */
    public static Path singleSheet(Path file, String sheetName, SheetBody body) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_SPEED);
            entry(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                </Types>\
                """);
            entry(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.xml"/></Relationships>\
                """);
            entry(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>\
                """.formatted(sheetName));
            entry(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                Target="worksheets/sheet1.xml"/></Relationships>\
                """);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer xml = new BufferedWriter(new OutputStreamWriter(new NoClose(zip), StandardCharsets.UTF_8), 1 << 16);
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            body.write(xml);
            xml.write("</sheetData></worksheet>");
            xml.flush();
            zip.closeEntry();
        }
        return file;
    }

    /** One row of inline-string cells in columns A, B, … ({@code number} as Excel shows it). */
    public static void row(Writer xml, int number, String... cells) throws IOException {
        xml.write("<row r=\"" + number + "\">");
        for (int c = 0; c < cells.length; c++) {
            xml.write("<c r=\"" + (char) ('A' + c) + number + "\" t=\"inlineStr\"><is><t>");
            xml.write(cells[c]);
            xml.write("</t></is></c>");
        }
        xml.write("</row>");
    }

    /** {@code plain} encrypted with {@code password} the way Excel does it (agile encryption in an OLE2 file). */
    public static Path encrypted(Path plain, Path file, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /**
     * {@code source} with the XML of its sheets passed through {@code edit}: what another program writes (an
     * empty cached result, say) made from a workbook POI wrote.
     */
    public static Path rewriteSheets(Path source, Path file, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(source.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().startsWith("xl/worksheets/") && e.getName().endsWith(".xml")) {
                    entry(zip, e.getName(), edit.apply(new String(bytes, StandardCharsets.UTF_8)));
                } else {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The sheet's writer must not close the zip when it is done. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
