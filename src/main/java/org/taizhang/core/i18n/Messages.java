package org.taizhang.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.taizhang.core.DomainException;

/**
 * The program's texts, from the {@code i18n/messages} bundles: Chinese ({@code zh_CN}) first, English second.
 * There is no fallback between them, so a key missing from one bundle shows up (and a test fails) at once.
 */
public final class Messages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chinese unless English is asked for. */
    public static Messages forLocale(Locale requested) {
        return new Messages("en".equals(requested.getLanguage()) ? ENGLISH : CHINESE);
    }

    /** The language named by {@code -Dtaizhang.lang=en|zh}, else Chinese: the program is Chinese first. */
    public static Messages fromSystemSetting() {
        String lang = System.getProperty("taizhang.lang", "zh");
        return forLocale("en".equalsIgnoreCase(lang) ? ENGLISH : CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // always, so quoting rules are the same for every text
        return new MessageFormat(pattern, locale).format(resolve(args));
    }

    /** A {@link Text} argument is looked up in this language. */
    private Object[] resolve(Object[] args) {
        Object[] resolved = args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Text t) {
                resolved[i] = get(t.key(), t.args());
            }
        }
        return resolved;
    }

    public String describe(DomainException e) {
        return get(e.messageKey(), e.args());
    }
}
