package org.taizhang.core.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openpdf.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.IoReasons;

/**
 * The Chinese fonts for PDF, taken from the system: the Windows fonts every Chinese office PC has (宋体, 仿宋,
 * 黑体, 楷体), else Noto CJK on Linux, else a few other places. A font is used only when it holds every character
 * of {@link #PROBE}: OpenPDF silently drops a glyph the font lacks (a GB2312-only font loses 體, a fallback font
 * may lose the digits), and a PDF with holes is worse than a clear error. Fonts are found by the family names inside
 * them, in the system and per-user font folders (a font a user installed keeps its own file name, 仿宋_GB2312.ttf,
 * and lands in %LOCALAPPDATA%\Microsoft\Windows\Fonts). The system property
 * {@value #OVERRIDE_PROPERTY}{@code =/path/file.ttf[,index]} names one font for every face instead, and
 * {@code taizhang.pdf.font.song|fang|hei|kai} one for a face; when one is set and unusable, that is an error too
 * (no silent fallback from what the user asked for).
 *
 * <p>Fonts are embedded as subsets ({@link BaseFont#IDENTITY_H}, {@link BaseFont#EMBEDDED}), so the PDF shows
 * the same on a machine without them. See docs/decisions/0004-pdf-fonts.md.
 */
public final class PdfFonts {
    private static final Logger LOG = LoggerFactory.getLogger(PdfFonts.class);

    /** {@code -Dtaizhang.pdf.font=/path/file.ttf} or {@code /path/file.ttc,2} (the face's index in a collection). */
    public static final String OVERRIDE_PROPERTY = "taizhang.pdf.font";

    /** Common and traditional characters, digits and Latin: a usable font has all of them. */
    static final String PROBE = "党支部體臺0123ABC";

    /**
     * The faces of Chinese official documents. Each falls back to the next usable one when absent. The family
     * names are the ones the fonts give themselves (English and Chinese), in order of preference: Windows' own,
     * the GB2312 editions clerks install for 公文, the open ones, then Apple's and 方正's.
     */
    public enum Face {
        /** 宋体: tables and body text. */
        SONG(
                false,
                "SimSun",
                "宋体",
                "Noto Serif CJK SC",
                "Noto Serif SC",
                "Source Han Serif SC",
                "思源宋体",
                "STSong",
                "华文宋体",
                "Songti SC",
                "FZShuSong-Z01",
                "方正书宋_GBK",
                "NSimSun",
                "新宋体"),
        /** 仿宋: body text of official documents (GB/T 9704). */
        FANG(
                false,
                "FangSong",
                "仿宋",
                "FangSong_GB2312",
                "仿宋_GB2312",
                "STFangsong",
                "华文仿宋",
                "FZFangSong-Z02",
                "方正仿宋_GBK"),
        /** 黑体: titles and headings. */
        HEI(
                true,
                "SimHei",
                "黑体",
                "Noto Sans CJK SC",
                "Noto Sans SC",
                "Source Han Sans SC",
                "思源黑体",
                "Microsoft YaHei",
                "微软雅黑",
                "STHeiti",
                "华文黑体",
                "Heiti SC",
                "FZHei-B01",
                "方正黑体_GBK"),
        /** 楷体: second-level headings. */
        KAI(false, "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "华文楷体", "FZKai-Z03", "方正楷体_GBK");

        private final boolean bold;
        private final List<String> families;

        Face(boolean bold, String... families) {
            this.bold = bold;
            this.families = List.of(families);
        }

        /** {@code taizhang.pdf.font.fang=D:\字体\仿宋_GB2312.ttf}: this face only, whatever the search finds. */
        public String property() {
            return OVERRIDE_PROPERTY + "." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Fonts that hold the rarer characters of people's and places' names (CJK extensions A and B: 䶮, 𠮷), tried in
     * order for a character the chosen face lacks: Windows' SimSun-ExtB and MingLiU-ExtB, the open Noto / Source Han
     * (which cover both), 花园明朝 (HanaMin, nearly all of Unicode's Han), then the usual faces.
     */
    static final List<String> FALLBACK_FAMILIES = List.of(
            "SimSun-ExtB",
            "SimSun-ExtG",
            "MingLiU-ExtB",
            "PMingLiU-ExtB",
            "Noto Serif CJK SC",
            "Noto Sans CJK SC",
            "Source Han Serif SC",
            "Source Han Sans SC",
            "Noto Serif CJK JP",
            "Noto Sans CJK JP",
            "HanaMinA",
            "HanaMinB",
            "Microsoft YaHei",
            "SimSun");

    /** A font file and, for a collection (.ttc), the face's index in it ({@code -1}: not a collection). */
    record Candidate(Path file, int index) {
        String openPdfName() {
            return index < 0 ? file.toString() : file + "," + index;
        }

        @Override
        public String toString() {
            return openPdfName();
        }
    }

    private static final Pattern WITH_INDEX = Pattern.compile("^(.*),\\s*(\\d+)\\s*$");
    /** A face name in a collection that is Simplified Chinese (Noto "…CJKsc-…", "… SC"). */
    private static final Pattern SIMPLIFIED = Pattern.compile("(?i).*(CJKsc|[ _-]SC)\\b.*");

    private final String override;
    private final Map<Face, String> faceOverrides = new EnumMap<>(Face.class);
    private final List<Path> searchFolders;
    private final Map<Face, List<Candidate>> candidates;
    private final Map<Face, BaseFont> resolved = new EnumMap<>(Face.class);
    private List<BaseFont> fallbacks;
    private List<Found> found;

    /** A face found by scanning the font folders. */
    private record Found(Candidate candidate, FontNames.Face names) {}

    PdfFonts(String override, Map<Face, List<Candidate>> candidates) {
        this(override, Map.of(), List.of(), candidates);
    }

    /**
     * {@code override} for every face, else {@code faceOverrides} for one; else the faces whose family names
     * match, found in {@code searchFolders}; else the fixed {@code candidates} (a font whose names cannot be read).
     */
    PdfFonts(
            String override,
            Map<Face, String> faceOverrides,
            List<Path> searchFolders,
            Map<Face, List<Candidate>> candidates) {
        this.override = blankToNull(override);
        faceOverrides.forEach((face, spec) -> {
            if (blankToNull(spec) != null) {
                this.faceOverrides.put(face, spec.strip());
            }
        });
        this.searchFolders = List.copyOf(searchFolders);
        this.candidates = new EnumMap<>(Face.class);
        this.candidates.putAll(candidates); // EnumMap(Map) refuses an empty map
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The fonts of this machine, or the ones the system properties name. */
    public static PdfFonts system() {
        Map<Face, String> perFace = new EnumMap<>(Face.class);
        for (Face face : Face.values()) {
            String spec = System.getProperty(face.property());
            if (spec != null) {
                perFace.put(face, spec);
            }
        }
        return new PdfFonts(System.getProperty(OVERRIDE_PROPERTY), perFace, systemFolders(), systemCandidates());
    }

    /**
     * The font for this face. Throws {@link DomainException} ({@code pdf.error.*}) when the override is unusable
     * or no usable Chinese font exists at all.
     */
    public synchronized BaseFont font(Face face) {
        BaseFont font = resolved.get(face);
        if (font == null) {
            if (override != null) {
                font = overrideFont(override, OVERRIDE_PROPERTY);
            } else if (faceOverrides.containsKey(face)) {
                font = overrideFont(faceOverrides.get(face), face.property());
            } else {
                font = firstUsable(face);
            }
            resolved.put(face, font);
        }
        return font;
    }

    private static BaseFont overrideFont(String spec, String property) {
        Candidate c = parse(spec);
        if (!Files.isRegularFile(c.file())) {
            throw new DomainException("pdf.error.fontNotFound", c.file(), property);
        }
        BaseFont font;
        try {
            font = load(c);
        } catch (IOException | RuntimeException e) {
            throw new DomainException(
                    e,
                    "pdf.error.fontUnreadable",
                    c.file(),
                    e instanceof IOException io ? IoReasons.of(io) : String.valueOf(e.getMessage()));
        }
        String missing = missingGlyphs(font);
        if (!missing.isEmpty()) {
            throw new DomainException("pdf.error.fontLacksGlyphs", c.file(), missing);
        }
        return font;
    }

    /**
     * This face's own candidates first, then the other faces' (a PDF in 宋体 beats no PDF). Per face, the fixed
     * files come before the search: they are the first families anyway (simsun.ttc is SimSun), and a PC that has
     * them never reads its whole Fonts folder.
     */
    private BaseFont firstUsable(Face face) {
        List<Face> faces = new ArrayList<>(List.of(face));
        for (Face other : Face.values()) {
            if (other != face) {
                faces.add(other);
            }
        }
        Set<Candidate> tried = new HashSet<>();
        for (Face f : faces) {
            for (boolean search : new boolean[] {false, true}) {
                for (Candidate c : search ? byFamily(f) : candidates.getOrDefault(f, List.of())) {
                    if (tried.add(c) && Files.isRegularFile(c.file())) {
                        BaseFont font = usable(c);
                        if (font != null) {
                            LOG.info("PDF font for {}: {}", face, c);
                            return font;
                        }
                    }
                }
            }
        }
        throw new DomainException("pdf.error.noChineseFont", OVERRIDE_PROPERTY);
    }

    /**
     * The fonts to draw a character the chosen face lacks, in order: the other faces in use, then the
     * {@link #FALLBACK_FAMILIES} found on this machine and the known files (read once, on the first such character).
     */
    public synchronized List<BaseFont> fallbacks() {
        if (fallbacks == null) {
            List<BaseFont> list = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Face face : Face.values()) {
                try {
                    BaseFont f = font(face);
                    if (seen.add(f.getPostscriptFontName())) {
                        list.add(f);
                    }
                } catch (DomainException none) {
                    // no Chinese font at all: the export has said so already
                }
            }
            List<Candidate> candidates = new ArrayList<>();
            for (String family : FALLBACK_FAMILIES) {
                String key = FontNames.key(family);
                found().stream()
                        .filter(f -> f.names().families().stream()
                                .map(FontNames::key)
                                .anyMatch(key::equals))
                        .map(Found::candidate)
                        .forEach(candidates::add);
            }
            candidates.addAll(fallbackFiles());
            for (Candidate c : candidates) {
                if (!Files.isRegularFile(c.file())) {
                    continue;
                }
                try {
                    BaseFont f = load(c);
                    if (seen.add(f.getPostscriptFontName())) {
                        list.add(f);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("fallback font {} skipped: {}", c, e.toString());
                }
            }
            fallbacks = List.copyOf(list);
        }
        return fallbacks;
    }

    /** Where the fallback fonts usually are, for a machine whose font folders are not searched (names unread). */
    private static List<Candidate> fallbackFiles() {
        List<Path> windows = new ArrayList<>();
        String systemRoot = System.getenv("SystemRoot");
        windows.add(Path.of(systemRoot != null && !systemRoot.isBlank() ? systemRoot : "C:\\Windows", "Fonts"));
        List<Path> noto = List.of(Path.of("/usr/share/fonts/opentype/noto"), Path.of("/usr/share/fonts/noto-cjk"));
        return join(
                in(windows, "simsunb.ttf", -1),
                in(windows, "mingliub.ttc", 0),
                in(noto, "NotoSerifCJK-Regular.ttc", 2),
                in(noto, "NotoSansCJK-Regular.ttc", 2));
    }

    /** The font, or null (logged) when it cannot be read or lacks a glyph. */
    private static BaseFont usable(Candidate c) {
        try {
            BaseFont font = load(c);
            String missing = missingGlyphs(font);
            if (missing.isEmpty()) {
                return font;
            }
            LOG.warn("PDF font {} skipped: it lacks \"{}\"", c, missing);
        } catch (IOException | RuntimeException e) {
            LOG.warn("PDF font {} skipped: {}", c, e.toString());
        }
        return null;
    }

    /** All candidates for one face, in the order {@link #firstUsable} tries them. */
    List<Candidate> ownCandidates(Face face) {
        List<Candidate> own = new ArrayList<>(candidates.getOrDefault(face, List.of()));
        for (Candidate c : byFamily(face)) {
            if (!own.contains(c)) {
                own.add(c);
            }
        }
        return own;
    }

    /** The faces found in the search folders for one face: its families in order, its preferred weight first. */
    private List<Candidate> byFamily(Face face) {
        List<Candidate> own = new ArrayList<>();
        for (String family : face.families) {
            String key = FontNames.key(family);
            found().stream()
                    .filter(f ->
                            f.names().families().stream().map(FontNames::key).anyMatch(key::equals))
                    .sorted(Comparator.comparing((Found f) -> f.names().isBold() != face.bold)
                            .thenComparing(f -> f.candidate().toString()))
                    .map(Found::candidate)
                    .filter(c -> !own.contains(c))
                    .forEach(own::add);
        }
        return own;
    }

    /** Every face of every font file in the search folders (and their subfolders, as on Linux), read once. */
    private synchronized List<Found> found() {
        if (found == null) {
            List<Found> all = new ArrayList<>();
            for (Path folder : searchFolders) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(folder, 4)) {
                    for (Path file : files.filter(PdfFonts::isFontFile).sorted().toList()) {
                        try {
                            for (FontNames.Face names : FontNames.read(file)) {
                                all.add(new Found(new Candidate(file, names.index()), names));
                            }
                        } catch (IOException | RuntimeException e) {
                            LOG.debug("font {} skipped: {}", file, e.toString());
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    LOG.warn("font folder {} not searched: {}", folder, e.toString());
                }
            }
            found = all;
        }
        return found;
    }

    private static boolean isFontFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".ttf") || name.endsWith(".ttc") || name.endsWith(".otf")) && Files.isRegularFile(file);
    }

    /** The system and per-user font folders of Windows, Linux and macOS; the missing ones are skipped. */
    static List<Path> systemFolders() {
        List<Path> folders = new ArrayList<>();
        String systemRoot = System.getenv("SystemRoot");
        folders.add(Path.of(systemRoot != null && !systemRoot.isBlank() ? systemRoot : "C:\\Windows", "Fonts"));
        String localAppData = System.getenv("LOCALAPPDATA"); // fonts a user installed without admin rights
        if (localAppData != null && !localAppData.isBlank()) {
            folders.add(Path.of(localAppData, "Microsoft", "Windows", "Fonts"));
        }
        String home = System.getProperty("user.home", "");
        folders.add(Path.of("/usr/share/fonts"));
        folders.add(Path.of("/usr/local/share/fonts"));
        folders.add(Path.of("/System/Library/Fonts"));
        folders.add(Path.of("/Library/Fonts"));
        if (!home.isBlank()) {
            folders.add(Path.of(home, ".local", "share", "fonts"));
            folders.add(Path.of(home, ".fonts"));
            folders.add(Path.of(home, "Library", "Fonts"));
        }
        return folders;
    }

    private static BaseFont load(Candidate c) throws IOException {
        Candidate face = c;
        if (c.index() < 0
                && c.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            face = new Candidate(c.file(), simplifiedChineseFace(c.file())); // OpenPDF refuses a .ttc without one
        }
        return BaseFont.createFont(face.openPdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    }

    /** The first face of a collection named as Simplified Chinese, else the first face. */
    private static int simplifiedChineseFace(Path ttc) throws IOException {
        String[] names = BaseFont.enumerateTTCNames(ttc.toString());
        for (int i = 0; i < names.length; i++) {
            if (SIMPLIFIED.matcher(names[i]).matches()) {
                return i;
            }
        }
        return 0;
    }

    /** The characters of {@link #PROBE} this font cannot show; empty when it has them all. */
    static String missingGlyphs(BaseFont font) {
        StringBuilder missing = new StringBuilder();
        PROBE.codePoints().filter(cp -> !font.charExists(cp)).forEach(missing::appendCodePoint);
        return missing.toString();
    }

    /** {@code /path/file.ttf} or {@code /path/file.ttc,2}; a Windows path keeps its drive colon. */
    static Candidate parse(String spec) {
        Matcher m = WITH_INDEX.matcher(spec);
        if (m.matches()) {
            return new Candidate(Path.of(m.group(1).strip()), Integer.parseInt(m.group(2)));
        }
        return new Candidate(Path.of(spec), -1);
    }

    /** Where the fonts are on Windows, on Linux with fonts-noto-cjk (Debian, Fedora, Arch paths), and on macOS. */
    static Map<Face, List<Candidate>> systemCandidates() {
        List<Path> windows = new ArrayList<>();
        String systemRoot = System.getenv("SystemRoot");
        windows.add(Path.of(systemRoot != null && !systemRoot.isBlank() ? systemRoot : "C:\\Windows", "Fonts"));
        String localAppData = System.getenv("LOCALAPPDATA"); // fonts a user installed without admin rights
        if (localAppData != null && !localAppData.isBlank()) {
            windows.add(Path.of(localAppData, "Microsoft", "Windows", "Fonts"));
        }
        List<Path> noto = List.of(
                Path.of("/usr/share/fonts/opentype/noto"),
                Path.of("/usr/share/fonts/noto-cjk"),
                Path.of("/usr/share/fonts/google-noto-cjk"),
                Path.of("/usr/share/fonts/google-noto-serif-cjk-fonts"),
                Path.of("/usr/share/fonts/google-noto-sans-cjk-fonts"));
        Map<Face, List<Candidate>> map = new EnumMap<>(Face.class);
        // Noto CJK collections: index 2 is SC (fc-list :lang=zh file index family); Noto has no 仿宋 or 楷体
        map.put(
                Face.SONG,
                join(
                        in(windows, "simsun.ttc", 0),
                        in(noto, "NotoSerifCJK-Regular.ttc", 2),
                        in(noto, "NotoSerifCJKsc-Regular.otf", -1),
                        List.of(new Candidate(Path.of("/System/Library/Fonts/Supplemental/Songti.ttc"), -1))));
        map.put(Face.FANG, join(in(windows, "simfang.ttf", -1)));
        map.put(
                Face.HEI,
                join(
                        in(windows, "simhei.ttf", -1),
                        in(noto, "NotoSansCJK-Bold.ttc", 2),
                        in(noto, "NotoSansCJK-Regular.ttc", 2),
                        in(noto, "NotoSansCJKsc-Regular.otf", -1),
                        List.of(new Candidate(Path.of("/System/Library/Fonts/STHeiti Medium.ttc"), -1))));
        map.put(Face.KAI, join(in(windows, "simkai.ttf", -1)));
        return map;
    }

    private static List<Candidate> in(List<Path> dirs, String file, int index) {
        return dirs.stream().map(d -> new Candidate(d.resolve(file), index)).toList();
    }

    @SafeVarargs
    private static List<Candidate> join(List<Candidate>... lists) {
        List<Candidate> all = new ArrayList<>();
        for (List<Candidate> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
