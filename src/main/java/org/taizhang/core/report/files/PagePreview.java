package org.taizhang.core.report.files;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.taizhang.core.DomainException;

/**
 * A report's first page as a picture, for the 报表 page's preview: the PDF the export writes, rendered by PDFBox, so
 * what the clerk sees is the page itself — its fonts, margins, page number — not an imitation of it.
 */
public final class PagePreview {
    private PagePreview() {}

    /** The first page of {@code pdf} at {@code dpi} dots per inch (72: one pixel a point). */
    public static BufferedImage firstPage(Path pdf, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            if (document.getNumberOfPages() == 0) {
                throw new DomainException("report.error.previewEmpty");
            }
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new DomainException(e, "report.error.preview", pdf.getFileName());
        }
    }
}
