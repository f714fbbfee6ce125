package org.taizhang.core.report;

import java.util.regex.Pattern;
import org.taizhang.core.DomainException;

/**
 * What a clerk gives a document at export, beyond what the data fills in: its 发文字号 (a numbered document gets
 * its 版头 and the 版记's 印发 line) and its 抄送. The year's brackets are set as GB/T 9704 wants them, 〔2026〕,
 * whichever a clerk typed ([2026], (2026), 【2026】, ［2026］).
 *
 * @param number 发文字号, or ""
 * @param copyTo 抄送机关, separated by 、 or ，, without the closing 。; or ""
 */
public record DocumentMarks(String number, String copyTo) {
    // before NONE: a static is made in the order written, and NONE's constructor uses it
    private static final Pattern YEAR = Pattern.compile("[\\[(（【［〔]\\s*((?:19|20)\\d\\d)\\s*[\\])）】］〕]");

    public static final DocumentMarks NONE = new DocumentMarks("", "");

    /** Longer than this, a 发文字号 is no number (江机工委督〔2026〕123号 has 14 characters). */
    public static final int NUMBER_MAX = 30;
    /** A 抄送 line of several organs fits a few lines of the 版记. */
    public static final int COPY_TO_MAX = 200;

    public DocumentMarks {
        number = number == null ? "" : yearInBrackets(number.strip());
        copyTo = copyTo == null ? "" : copyTo.strip().replaceAll("[。.]+$", "").strip();
        if (number.length() > NUMBER_MAX) {
            throw new DomainException("document.error.numberTooLong", NUMBER_MAX);
        }
        if (number.contains("\n") || copyTo.contains("\n")) {
            throw new DomainException("document.error.lineBreak");
        }
        if (copyTo.length() > COPY_TO_MAX) {
            throw new DomainException("document.error.copyToTooLong", COPY_TO_MAX);
        }
    }

    /**
     * A number's year in the brackets GB/T 9704 sets it in, 〔2026〕, whichever a clerk typed ([2026], (2026), 【2026】,
     * ［2026］): for a 发文字号, and for a finding's 督改〔2026〕0001号 looked up by what was typed.
     */
    public static String yearInBrackets(String number) {
        return YEAR.matcher(number).replaceAll("〔$1〕");
    }

    public boolean numbered() {
        return !number.isEmpty();
    }

    /** {@code document} with these marks: a mark left blank keeps the document's own. */
    public OfficialDocument on(OfficialDocument document) {
        if (number.isEmpty() && copyTo.isEmpty()) {
            return document;
        }
        return new OfficialDocument(
                document.issuer(),
                number.isEmpty() ? document.number() : number,
                document.title(),
                document.recipient(),
                document.body(),
                document.date(),
                copyTo.isEmpty() ? document.copyTo() : copyTo);
    }
}
