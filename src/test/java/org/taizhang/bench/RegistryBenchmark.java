package org.taizhang.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.organization.CityScaleGenerator;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.view.OrganizationRow;
import org.taizhang.organization.view.RegistryFilter;

/**
 * Benchmarks (not tests): cold start to the first window, and opening and filtering a city-scale registry
 * (1,500 branches). Run with {@code mvn -q -Pbench verify -DskipTests}; results go to target/benchmarks.txt.
 * Medians over repeated runs after a warm-up; the goals are in docs/benchmarks.md.
 */
public final class RegistryBenchmark {
    private RegistryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("taizhang-bench");
        Path db = work.resolve("city.db");
        List<String> report = new ArrayList<>();
        report.add("Taizhang benchmarks " + java.time.LocalDateTime.now().withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        try (Store store = Store.openOrCreate(db)) {
            var result = CityScaleGenerator.load(new RegistryService(store));
            if (!result.applied()) {
                throw new IllegalStateException("city-scale data rejected: " + result.errors());
            }
        }
        if (args.length > 0 && args[0].equals("start")) { // only the cold starts, e.g. to compare a change
            report.addAll(coldStart(db, work));
            System.out.println(String.join(System.lineSeparator(), report));
            return;
        }
        Messages messages = Messages.forLocale(Messages.CHINESE);

        List<OrganizationRow> rows;
        try (Store store = Store.open(db)) {
            RegistryService service = new RegistryService(store);
            LocalDate today = service.today();
            Registry loaded = service.load();
            long branches = loaded.organizations().stream()
                    .filter(o -> o.kind().isBranch())
                    .count();
            report.add(String.format(
                    "registry: %d units, %d organizations, %d branches",
                    loaded.units().size(), loaded.organizationCount(), branches));
            report.add(measure(
                    "open: load registry from SQLite",
                    3,
                    15,
                    () -> service.load().organizationCount()));
            report.add(measure(
                    "open: build table rows with checks",
                    3,
                    15,
                    () -> OrganizationRow.build(service.load(), today, messages).size()));
            rows = OrganizationRow.build(loaded, today, messages);
        }
        ObservableList<OrganizationRow> source = FXCollections.observableArrayList(rows);
        FilteredList<OrganizationRow> filtered = new FilteredList<>(source);
        Map<String, RegistryFilter> filters = new java.util.LinkedHashMap<>();
        filters.put("search pinyin initials 'czj'", new RegistryFilter(RegistryFilter.Scope.ALL, "czj", null, false));
        filters.put("search text '党支部'", new RegistryFilter(RegistryFilter.Scope.ALL, "党支部", null, false));
        filters.put("search one letter 'z'", new RegistryFilter(RegistryFilter.Scope.ALL, "z", null, false));
        filters.put(
                "kind 联合支部 + notes only",
                new RegistryFilter(RegistryFilter.Scope.ALL, "", OrganizationKind.JOINT_BRANCH, true));
        filters.put("clear filter", RegistryFilter.all());
        for (var e : filters.entrySet()) {
            report.add(measure("filter 1,500-branch table: " + e.getKey(), 5, 50, () -> {
                filtered.setPredicate(null);
                filtered.setPredicate(e.getValue());
                return filtered.size();
            }));
        }
        report.addAll(coldStart(db, work));
        String text = String.join(System.lineSeparator(), report) + System.lineSeparator();
        Path out = Path.of("target", "benchmarks.txt");
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.print(text);
    }

    private static String measure(String name, int warmups, int runs, Supplier<Integer> work) {
        for (int i = 0; i < warmups; i++) {
            work.get();
        }
        List<Double> ms = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            size = work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        return String.format(
                "%-58s median %8.2f ms  p90 %8.2f ms  (n=%d, result %d)",
                name, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.9)), runs, size);
    }

    /** One way of starting: the bare JavaFX window or the program, with or without an AOT cache. */
    private record Start(String name, boolean bare, boolean cached) {
        String cache(Path work) {
            return work.resolve((bare ? "bare" : "app") + ".aot").toString();
        }
    }

    /**
     * Starts new processes as a user would: a bare JavaFX window (the floor) and the real jar, each without and with
     * an AOT cache (JEP 483/514/515: one training run with -XX:AOTCacheOutput, as the app-image is built), all with
     * the same JVM and options, interleaved so that load from elsewhere falls on every kind alike. Medians of
     * the runs after one warm-up round.
     */
    private static List<String> coldStart(Path db, Path work) throws IOException, InterruptedException {
        // -Dbench.jar=OTHER.jar measures another build the same way (before/after a change)
        Path jar = Path.of(System.getProperty(
                "bench.jar", Path.of("target", "taizhang.jar").toString()));
        List<String> lines = new ArrayList<>();
        if (!Files.exists(jar)) {
            lines.add("cold start: skipped (target/taizhang.jar missing; run with 'verify')");
            return lines;
        }
        boolean display = System.getenv("DISPLAY") != null;
        List<Start> starts = List.of(
                new Start("bare JavaFX window", true, false),
                new Start("bare JavaFX window, AOT cache", true, true),
                new Start("program", false, false),
                new Start("program, AOT cache", false, true));
        Map<Start, List<Double>> window = new java.util.LinkedHashMap<>();
        Map<Start, List<Double>> registry = new java.util.LinkedHashMap<>();
        Map<Start, List<Double>> windowCpu = new java.util.LinkedHashMap<>();
        Map<Start, List<Double>> registryCpu = new java.util.LinkedHashMap<>();
        for (Start s : starts) {
            window.put(s, new ArrayList<>());
            registry.put(s, new ArrayList<>());
            windowCpu.put(s, new ArrayList<>());
            registryCpu.put(s, new ArrayList<>());
            if (s.cached()) { // the training run: the same start, writing the cache when it quits
                startOnce(s, db, work, jar, display, "-XX:AOTCacheOutput=" + s.cache(work));
            }
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int rounds = Integer.getInteger("bench.startRounds", 6);
        for (int i = 0; i < rounds; i++) {
            for (Start s : starts) {
                Map<String, Double> marks = startOnce(s, db, work, jar, display, null);
                if (i == 0) {
                    continue; // warms the OS file cache (and unpacks JavaFX's native libraries on a new machine)
                }
                if (marks.containsKey("firstWindowMs")) {
                    window.get(s).add(marks.get("firstWindowMs"));
                    windowCpu.get(s).add(marks.get("firstWindowMsCpu"));
                }
                if (marks.containsKey("registryShownMs")) {
                    registry.get(s).add(marks.get("registryShownMs"));
                    registryCpu.get(s).add(marks.get("registryShownMsCpu"));
                }
            }
        }
        String platform = display ? "DISPLAY " + System.getenv("DISPLAY") : "JavaFX headless platform";
        lines.add("cold start (" + platform + ", load average before " + loadBefore + "):");
        for (Start s : starts) {
            lines.add(startLine("cold start: " + s.name() + ": JVM start to first window shown", window.get(s)));
            if (!s.bare()) {
                lines.add(startLine(
                        "cold start: " + s.name() + ": JVM start to 1,500-branch registry shown", registry.get(s)));
            }
        }
        // the process's CPU time at the same marks (every thread: JIT, GC, rendering): what load elsewhere moves least
        for (Start s : starts) {
            lines.add(startLine("CPU used: " + s.name() + ": by first window shown", windowCpu.get(s)));
            if (!s.bare()) {
                lines.add(startLine("CPU used: " + s.name() + ": by registry shown", registryCpu.get(s)));
            }
        }
        lines.add("cold start: load average after "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return lines;
    }

    private static String startLine(String name, List<Double> ms) {
        if (ms.isEmpty()) {
            return name + ": no result";
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(
                "%-86s median %6.0f ms  min %6.0f  max %6.0f  (n=%d)",
                name, sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), sorted.size());
    }

    /** BareWindow in a jar of its own: an AOT cache takes no class folders on the class path. */
    private static Path bareJar(Path work) throws IOException {
        Path jar = work.resolve("bare.jar");
        if (!Files.exists(jar)) {
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
                for (Class<?> c : List.of(BareWindow.class, BareWindow.Main.class)) {
                    String entry = c.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new java.util.jar.JarEntry(entry));
                    try (var in = c.getClassLoader().getResourceAsStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static Map<String, Double> startOnce(
            Start s, Path db, Path work, Path jar, boolean display, String training)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path probe = work.resolve("probe-" + System.nanoTime() + ".txt");
        List<String> cmd = new ArrayList<>(
                List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dtaizhang.startupProbe=" + probe));
        if (!display) {
            cmd.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
        }
        if (training != null) {
            cmd.addAll(List.of(training, "-Xlog:aot*=off,cds*=off"));
        } else if (s.cached()) {
            cmd.addAll(List.of("-XX:AOTCache=" + s.cache(work), "-Xlog:aot*=off,cds*=off"));
        }
        if (s.bare()) {
            cmd.addAll(List.of("-cp", jar + File.pathSeparator + bareJar(work), BareWindow.Main.class.getName()));
        } else {
            cmd.addAll(List.of("-jar", jar.toString(), "--db", db.toString()));
        }
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        work.resolve("start-" + System.nanoTime() + ".log").toFile())
                .start();
        Map<String, Double> marks = new java.util.HashMap<>();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return marks;
        }
        if (Files.exists(probe)) {
            for (String line : Files.readAllLines(probe)) {
                String[] kv = line.split("=");
                marks.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        return marks;
    }
}
