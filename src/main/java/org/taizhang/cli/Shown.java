package org.taizhang.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How the command line prints a moment: to the minute in the computer's time zone, as the window does. */
final class Shown {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Shown() {}

    static String minutes(Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(ZoneId.systemDefault()));
    }

    /** An ISO-8601 instant as a package's manifest writes it; any other text as it is. */
    static String minutes(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return minutes(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
