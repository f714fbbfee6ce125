package org.taizhang.core.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.taizhang.core.DomainException;

/**
 * The program's texts: Chinese ({@code zh_CN}) first, English second. There is no fallback between them, so a
 * key missing from one language shows up (and a test fails) at once.
 *
 * <p>They come from every bundle in {@code i18n/}: {@code messages} for core, the command line and the window,
 * and one per feature, named after its package ({@code organization}). A bundle is found by its Chinese file
 * ({@code i18n/<name>_zh_CN.properties}) beside core's own, so core names no feature and a new feature only adds
 * its two files. A key belongs to one bundle; the same key in two is refused.
 */
public final class Messages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String FOLDER = "i18n";
    static final String CORE_BUNDLE = "messages";
    private static final String CHINESE_FILE_SUFFIX = "_zh_CN.properties";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale, ClassLoader loader, List<String> bundleNames) {
        this.locale = locale;
        Map<String, String> texts = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (String name : bundleNames) {
            ResourceBundle b = ResourceBundle.getBundle(
                    FOLDER + "." + name,
                    locale,
                    loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : b.keySet()) {
                String other = owners.putIfAbsent(key, name);
                if (other != null) {
                    throw new IllegalStateException("text " + key + " is in two bundles: " + other + ", " + name);
                }
                texts.put(key, b.getString(key));
            }
        }
        this.bundle = new Texts(texts);
    }

    /** Chinese unless English is asked for. */
    public static Messages forLocale(Locale requested) {
        return forLocale(requested, Messages.class.getClassLoader());
    }

    /** The language named by {@code -Dtaizhang.lang=en|zh}, else Chinese: the program is Chinese first. */
    public static Messages fromSystemSetting() {
        String lang = System.getProperty("taizhang.lang", "zh");
        return forLocale("en".equalsIgnoreCase(lang) ? ENGLISH : CHINESE);
    }

    static Messages forLocale(Locale requested, ClassLoader loader) {
        List<String> names = loader == Messages.class.getClassLoader() ? OnClassPath.BUNDLES : bundleNames(loader);
        return new Messages("en".equals(requested.getLanguage()) ? ENGLISH : CHINESE, loader, names);
    }

    public Locale locale() {
        return locale;
    }

    /** All bundles as one, for whatever takes a {@link ResourceBundle} (an FXML loader's {@code %key}). */
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

    /**
     * The bundles in the folder (or jar) that holds core's {@code i18n/messages_zh_CN.properties}, core's first:
     * the same lookup in a Maven build, in the fat jar and in the installed program (which runs the fat jar).
     */
    static List<String> bundleNames(ClassLoader loader) {
        String core = FOLDER + "/" + CORE_BUNDLE + CHINESE_FILE_SUFFIX;
        URL url = loader.getResource(core);
        if (url == null) {
            throw new IllegalStateException(core + " is not on the class path");
        }
        List<String> files;
        try {
            files = switch (url.getProtocol()) {
                case "file" -> {
                    try (Stream<Path> folder = Files.list(Path.of(url.toURI()).getParent())) {
                        yield folder.map(f -> f.getFileName().toString()).toList();
                    }
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false); // a copy of our own to close, not the class loader's
                    try (JarFile jar = connection.getJarFile()) {
                        yield jar.stream()
                                .map(ZipEntry::getName)
                                .filter(n -> n.startsWith(FOLDER + "/") && n.indexOf('/', FOLDER.length() + 1) < 0)
                                .map(n -> n.substring(FOLDER.length() + 1))
                                .toList();
                    }
                }
                default -> throw new IllegalStateException("cannot list the bundles beside " + url);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundles beside " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the bundles beside " + url, e);
        }
        return files.stream()
                .filter(f -> f.endsWith(CHINESE_FILE_SUFFIX))
                .map(f -> f.substring(0, f.length() - CHINESE_FILE_SUFFIX.length()))
                .sorted(Comparator.comparing((String n) -> !n.equals(CORE_BUNDLE))
                        .thenComparing(n -> n))
                .toList();
    }

    /** The bundles of the program's own class path, listed once: they cannot change while it runs. */
    private static final class OnClassPath {
        static final List<String> BUNDLES = bundleNames(Messages.class.getClassLoader());
    }

    /** The texts of all bundles in one language. */
    private static final class Texts extends ResourceBundle {
        private final Map<String, String> texts;

        Texts(Map<String, String> texts) {
            this.texts = Map.copyOf(texts);
        }

        @Override
        protected Object handleGetObject(String key) {
            return texts.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(texts.keySet());
        }
    }
}
