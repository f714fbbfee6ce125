package org.taizhang.bench;

import java.io.IOException;
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
import org.taizhang.organization.OrganizationKind;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryService;
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

    /** Starts the real jar as a new process, as a user would, and reads when its window and registry showed. */
    private static List<String> coldStart(Path db, Path work) throws IOException, InterruptedException {
        Path jar = Path.of("target", "taizhang.jar");
        List<String> lines = new ArrayList<>();
        if (!Files.exists(jar)) {
            lines.add("cold start: skipped (target/taizhang.jar missing; run with 'verify')");
            return lines;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        boolean display = System.getenv("DISPLAY") != null;
        List<Double> window = new ArrayList<>();
        List<Double> registry = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path probe = work.resolve("probe-" + i + ".txt");
            List<String> cmd = new ArrayList<>(
                    List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dtaizhang.startupProbe=" + probe));
            if (!display) {
                cmd.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
            }
            cmd.addAll(List.of("-jar", jar.toString(), "--db", db.toString()));
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("start-" + i + ".log").toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                lines.add("cold start: run " + i + " did not finish in 60 s");
                continue;
            }
            if (i == 0 || !Files.exists(probe)) {
                continue; // the first run warms the OS file cache and unpacks JavaFX's native libraries
            }
            for (String line : Files.readAllLines(probe)) {
                String[] kv = line.split("=");
                (kv[0].equals("firstWindowMs") ? window : registry).add(Double.parseDouble(kv[1]));
            }
        }
        Collections.sort(window);
        Collections.sort(registry);
        String platform = display ? "DISPLAY " + System.getenv("DISPLAY") : "JavaFX headless platform";
        if (!window.isEmpty()) {
            lines.add(String.format(
                    "%-58s median %8.0f ms  max %6.0f ms  (n=%d, %s)",
                    "cold start: JVM start to first window shown",
                    window.get(window.size() / 2),
                    window.get(window.size() - 1),
                    window.size(),
                    platform));
        }
        if (!registry.isEmpty()) {
            lines.add(String.format(
                    "%-58s median %8.0f ms  max %6.0f ms  (n=%d)",
                    "cold start: JVM start to 1,500-branch registry shown",
                    registry.get(registry.size() / 2),
                    registry.get(registry.size() - 1),
                    registry.size()));
        }
        return lines;
    }
}
