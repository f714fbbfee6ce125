package org.taizhang.exchange.view;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.MergeBreach;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.CancelledException;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.files.PackageFile;
import org.taizhang.inspection.Duplicates;
import org.taizhang.inspection.FindingService;
import org.taizhang.organization.RegistryService;

/**
 * The 数据交换 page's state and actions, without controls: this device and what it has not yet had acknowledged,
 * the hub's field devices, packages out (export, a laptop's preparation) and in (many files at once: each verified
 * and previewed, then the accepted ones applied with one progress, a refused one stopping none of the others), the
 * history of packages and 待处理 (conflicts decided through {@link Store#resolve}, breaches checked again). Every
 * read and write runs through {@link TaskRunner}, off the JavaFX thread.
 */
public final class ExchangeViewModel {
    /** The local setting: after how many days without a package a field device is shown as silent. */
    static final String SILENT_DAYS_KEY = "silence.warnDays";

    static final int DEFAULT_SILENT_DAYS = 14;

    /** Asks for a package's passphrase (again: the one given did not open it); empty: the clerk skips the file. */
    @FunctionalInterface
    public interface Passphrases {
        Optional<char[]> ask(String fileName, boolean again);
    }

    private final ExchangeService service;
    private final Store store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final ExchangeTexts texts;
    private Passphrases passphrases = (file, again) -> Optional.empty();

    // this device
    final BooleanProperty loaded = new SimpleBooleanProperty();
    final BooleanProperty hub = new SimpleBooleanProperty();
    final StringProperty deviceName = new SimpleStringProperty("");
    final StringProperty deviceId = new SimpleStringProperty("");
    final StringProperty role = new SimpleStringProperty("");
    final StringProperty hubText = new SimpleStringProperty("");
    final StringProperty fingerprint = new SimpleStringProperty("");
    final StringProperty status = new SimpleStringProperty("");
    final BooleanProperty statusWarning = new SimpleBooleanProperty();
    /** On the hub: the field laptops not heard from for longer than the setting (the 工作台 names them). */
    final StringProperty silentNote = new SimpleStringProperty("");
    /** The hub as this laptop knows it, for the export's receiver; null on the hub or an unprepared device. */
    private ExchangeService.Device hubDevice;

    final ObservableList<ExchangeService.Device> devices = FXCollections.observableArrayList();
    final IntegerProperty silentDays = new SimpleIntegerProperty(DEFAULT_SILENT_DAYS);
    final ObservableList<ExchangeService.LogLine> history = FXCollections.observableArrayList();
    final ObservableList<Store.Conflict> conflicts = FXCollections.observableArrayList();
    final ObservableList<MergeBreach> breaches = FXCollections.observableArrayList();
    /** Open findings that may be one problem recorded twice (often on two laptops), for a clerk to merge or keep. */
    final ObservableList<DuplicatePair> duplicates = FXCollections.observableArrayList();
    /** The records of 待处理 as a clerk knows them (entity/id → name), read with the lists. */
    private final Map<String, String> labels = new java.util.HashMap<>();

    // the packages chosen to import, previewed
    final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    final StringProperty previewSummary = new SimpleStringProperty("");
    final BooleanProperty canApply = new SimpleBooleanProperty();
    final BooleanProperty previewing = new SimpleBooleanProperty();
    private final List<Chosen> chosen = new ArrayList<>();

    private final FindingService findings;

    public ExchangeViewModel(
            ExchangeService service, Store store, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.service = service;
        this.store = store;
        this.findings = new FindingService(store, new RegistryService(store));
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        this.texts = new ExchangeTexts(messages);
    }

    public Messages messages() {
        return m;
    }

    ExchangeTexts texts() {
        return texts;
    }

    /** The window's passphrase question (the view's); tests answer it themselves. */
    public void setPassphrases(Passphrases passphrases) {
        this.passphrases = passphrases;
    }

    // ---- reading

    /** Everything the page shows, read in one trip on the worker. */
    record Snapshot(
            String deviceId,
            String deviceName,
            boolean hub,
            boolean formerHub,
            String hubId,
            String fingerprint,
            ExchangeService.Unacknowledged unacknowledged,
            List<ExchangeService.Device> devices,
            List<ExchangeService.LogLine> history,
            List<Store.Conflict> conflicts,
            List<MergeBreach> breaches,
            List<DuplicatePair> duplicates,
            Map<String, String> labels,
            int silentDays) {}

    /**
     * Two open findings of one unit, category and round that read alike (Duplicates): which one a merge keeps (the
     * numbered one) and which it folds into it.
     */
    record DuplicatePair(Duplicates.Pair pair, String unit, String kept, String dropped, int percent) {}

    public void reload() {
        reload(() -> {});
    }

    public void reload(Runnable then) {
        tasks.run("exchange.task.read", p -> read(), s -> {
            show(s);
            then.run();
        });
    }

    private Snapshot read() {
        int days =
                store.localSetting(SILENT_DAYS_KEY).map(ExchangeViewModel::days).orElse(DEFAULT_SILENT_DAYS);
        List<Store.Conflict> conflicts = store.conflicts();
        List<MergeBreach> breaches = store.breaches();
        Map<String, String> labels = new java.util.HashMap<>();
        conflicts.forEach(c -> labels.computeIfAbsent(
                c.entity() + "/" + c.entityId(), k -> service.recordLabel(c.entity(), c.entityId())));
        breaches.forEach(b -> labels.computeIfAbsent(
                b.entity() + "/" + b.entityId(), k -> service.recordLabel(b.entity(), b.entityId())));
        return new Snapshot(
                store.deviceId(),
                store.deviceName(),
                store.isHub(),
                store.wasHubUnderAnotherId(),
                store.hubDeviceId().orElse(null),
                service.keyFingerprint(),
                service.unacknowledged(),
                service.devices(),
                service.history(100),
                conflicts,
                breaches,
                duplicatePairs(),
                labels,
                days);
    }

    private List<DuplicatePair> duplicatePairs() {
        return Duplicates.pairs(findings.ledger()).stream()
                .map(p -> new DuplicatePair(p, p.first().unitName(), describe(p.kept()), describe(p.dropped()), (int)
                        Math.round(p.similarity() * 100)))
                .toList();
    }

    private String describe(org.taizhang.inspection.model.LedgerEntry e) {
        var f = e.finding();
        return m.get(
                "exchange.duplicates.finding",
                f.isNumbered() ? f.number() : m.get("exchange.duplicates.unnumbered"),
                f.description());
    }

    private static int days(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n > 0 ? n : DEFAULT_SILENT_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_SILENT_DAYS;
        }
    }

    private void show(Snapshot s) {
        hub.set(s.hub());
        deviceName.set(s.deviceName());
        deviceId.set(s.deviceId());
        fingerprint.set(s.fingerprint());
        hubDevice = s.hub() || s.hubId() == null
                ? null
                : s.devices().stream()
                        .filter(d -> d.deviceId().equals(s.hubId()))
                        .findFirst()
                        .orElse(new ExchangeService.Device(s.hubId(), null, "hub", null, null, null, false, null));
        if (s.hub()) {
            role.set(m.get("exchange.role.hub"));
        } else if (s.formerHub()) {
            role.set(m.get("exchange.role.formerHub"));
        } else if (s.hubId() == null) {
            role.set(m.get("exchange.role.unprepared"));
        } else {
            role.set(m.get("exchange.role.field"));
        }
        if (s.hub()) {
            hubText.set(m.get("exchange.device.hubIsThis"));
        } else if (s.hubId() == null) {
            hubText.set(m.get("exchange.device.noHub"));
        } else {
            hubText.set(
                    hubDevice.name() == null
                            ? s.hubId()
                            : m.get("exchange.device.hubNamed", hubDevice.name(), s.hubId()));
        }
        status.set(statusText(s));
        // only a laptop with a hub can say 已同步; anything unacknowledged, or no hub at all, is a warning
        statusWarning.set(!s.hub() && (s.hubId() == null || !s.unacknowledged().none()));
        devices.setAll(
                s.hub()
                        ? s.devices().stream()
                                .filter(d -> !d.deviceId().equals(s.deviceId()))
                                .toList()
                        : s.devices());
        silentDays.set(s.silentDays());
        List<String> silentOnes = devices.stream()
                .filter(this::silent)
                .map(d -> m.get(
                        "exchange.dashboard.silentDevice", d.name() == null ? d.deviceId() : d.name(), d.daysSilent()))
                .toList();
        silentNote.set(silentOnes.isEmpty() ? "" : m.get("exchange.dashboard.silent", String.join("、", silentOnes)));
        history.setAll(s.history());
        labels.clear();
        labels.putAll(s.labels());
        conflicts.setAll(s.conflicts());
        breaches.setAll(s.breaches());
        duplicates.setAll(s.duplicates());
        loaded.set(true);
    }

    private String statusText(Snapshot s) {
        if (s.hub()) {
            return m.get("exchange.status.hub", s.devices().size());
        }
        if (s.hubId() == null) {
            return m.get("exchange.status.unprepared");
        }
        ExchangeService.Unacknowledged u = s.unacknowledged();
        if (u.none()) {
            return m.get("exchange.status.synced");
        }
        String since = u.since() == null ? "-" : texts.time(u.since());
        return u.notExported() > 0
                ? m.get("exchange.status.unacknowledged", u.count(), since, u.notExported())
                : m.get("exchange.status.allExported", u.count(), since);
    }

    /** A record of 待处理 by its name (its id when it has none). */
    String record(String entity, String id) {
        return labels.getOrDefault(entity + "/" + id, id);
    }

    /** Whether a device has not been heard from for longer than the setting (never heard: not silent yet). */
    boolean silent(ExchangeService.Device d) {
        return d.daysSilent() != null && d.daysSilent() > silentDays.get();
    }

    /** Keeps the days after which a field device is shown as silent (a setting of this computer, the 管理员's). */
    public void saveSilentDays(int days) {
        if (days < 1 || days > 3650) {
            dialogs.showError(m.get("exchange.devices.silentDays"), m.get("exchange.devices.badDays"));
            return;
        }
        tasks.run(
                "exchange.task.setting",
                p -> {
                    store.requireAdmin(); // a setting: the 管理员's (issue 22)
                    store.putLocalSetting(SILENT_DAYS_KEY, Integer.toString(days));
                    return days;
                },
                d -> {
                    silentDays.set(d);
                    // the rows are coloured by the setting: shown again
                    List<ExchangeService.Device> rows = List.copyOf(devices);
                    devices.setAll(rows);
                });
    }

    // ---- packages out

    /** To whom a package can go: on a laptop its hub; on the hub the field devices it has heard from. */
    List<ExchangeService.Device> receivers() {
        if (hub.get()) {
            return devices.stream()
                    .filter(d -> !"hub".equals(d.role()))
                    .sorted(Comparator.comparing(
                            (ExchangeService.Device d) -> d.name() == null ? d.deviceId() : d.name(),
                            org.taizhang.core.ui.Tables.CHINESE))
                    .toList();
        }
        return hubDevice == null ? List.of() : List.of(hubDevice);
    }

    String deviceLabel(ExchangeService.Device d) {
        if (d == null) {
            return m.get("exchange.export.anyone");
        }
        return d.name() == null ? d.deviceId() : d.name();
    }

    /**
     * Writes a package for {@code to} (null: whoever imports it, on the hub only), with what it has not acknowledged
     * or everything ({@code all}); {@code protection} null: encrypted to its key. Then says what was written and
     * offers the folder.
     */
    public void export(ExchangeService.Device to, boolean all, PackageFile.Protection protection, Path file) {
        // a laptop's package goes to its hub, which the service finds itself
        String target = to == null || !hub.get() ? null : to.deviceId();
        tasks.run(
                "exchange.task.export",
                p -> service.export(file, new ExchangeService.ExportRequest(target, all, protection), p),
                e -> {
                    String how = e.toKey()
                            ? m.get("exchange.export.encryptedTo", e.target() == null ? deviceLabel(to) : e.target())
                            : protection != null && protection.encrypted()
                                    ? m.get("exchange.export.encryptedPassphrase")
                                    : m.get("exchange.export.notEncrypted");
                    String text =
                            m.get("exchange.export.written", file, e.records(), e.history(), e.attachments(), how);
                    if (e.missing() > 0) {
                        text += "\n" + m.get("exchange.export.filesMissing", e.missing());
                    }
                    written(m.get("exchange.export.title"), text, file);
                    reload();
                });
    }

    /** The hub prepares a field laptop: its name and a passphrase (or none, chosen explicitly). */
    public void prepareField(String name, PackageFile.Protection protection, Path file) {
        tasks.run("exchange.task.prepare", p -> service.prepareField(name, file, protection, p), e -> {
            String text = m.get(
                    "exchange.prepare.written",
                    name.strip(),
                    file,
                    e.records(),
                    protection.encrypted()
                            ? m.get("exchange.export.encryptedPassphrase")
                            : m.get("exchange.export.notEncrypted"));
            written(m.get("exchange.prepare.title"), text, file);
            reload();
        });
    }

    private void written(String header, String text, Path file) {
        Optional<Integer> choice =
                dialogs.choose(header, text, List.of(m.get("exchange.openFolder"), m.get("exchange.close")));
        if (choice.isPresent() && choice.get() == 0) {
            Path folder = file.toAbsolutePath().getParent();
            dialogs.open(folder == null ? file : folder);
        }
    }

    // ---- packages in

    /** One chosen file: its passphrase when it needed one, and what the preview found. */
    private static final class Chosen {
        final Path file;
        char[] passphrase;
        ExchangeService.Preview preview;
        String rejected;
        /** Why the preview refused it, noted in the history when the clerk imports the others. */
        DomainException refusal;
        /** Another hub's preparation the clerk chose to switch this laptop to (forced, past unsent work). */
        ExchangeService.ImportOptions options = ExchangeService.ImportOptions.NORMAL;

        String result;
        boolean failed;

        Chosen(Path file) {
            this.file = file;
        }

        boolean accepted() {
            return preview != null && !preview.duplicate();
        }
    }

    /** One line of the preview table: a kind of record of one package, or the package's one-line outcome. */
    record PreviewRow(
            String file,
            String from,
            String kind,
            Integer added,
            Integer changed,
            Integer conflicting,
            Integer unchanged,
            String status,
            boolean problem) {}

    /**
     * Reads the chosen packages one after the other, each verified and previewed off the JavaFX thread; a package
     * that needs a passphrase asks for it (the last one given is tried first: a drawer of sticks often shares one).
     * Nothing is written until {@link #applyChosen}.
     */
    public void choose(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        chosen.clear();
        files.stream().distinct().map(Chosen::new).forEach(chosen::add);
        previewing.set(true);
        canApply.set(false);
        showPreview();
        previewNext(0, null);
    }

    private void previewNext(int index, char[] lastPassphrase) {
        if (index >= chosen.size()) {
            showPreview();
            return;
        }
        Chosen c = chosen.get(index);
        char[] tried = c.passphrase != null ? c.passphrase : lastPassphrase;
        tasks.run(
                "exchange.task.preview",
                p -> service.preview(c.file, tried, c.options),
                preview -> {
                    c.preview = preview;
                    c.passphrase = tried;
                    showPreview();
                    previewNext(index + 1, tried);
                },
                error -> {
                    if (!(error instanceof DomainException d)) {
                        if (error instanceof CancelledException) {
                            return false;
                        }
                        c.rejected = m.get("task.internalError", String.valueOf(error));
                        showPreview();
                        previewNext(index + 1, lastPassphrase);
                        return false; // and the dialog, once: something unexpected
                    }
                    if (askToSwitch(c, d)) {
                        previewNext(index, tried);
                        return true;
                    }
                    boolean needed = d.messageKey().equals("package.error.passphraseNeeded");
                    boolean wrong = d.messageKey().equals("package.error.passphraseOrDamaged");
                    if (needed || wrong && tried != null) {
                        // a passphrase remembered from another package that does not open this one: ask, not "wrong"
                        boolean again = wrong && c.passphrase != null;
                        Optional<char[]> typed =
                                passphrases.ask(c.file.getFileName().toString(), again);
                        if (typed.isPresent()) {
                            c.passphrase = typed.get();
                            previewNext(index, typed.get());
                            return true;
                        }
                        c.rejected = wrong ? m.describe(d) : m.get("exchange.import.noPassphrase");
                    } else {
                        c.rejected = m.describe(d);
                    }
                    c.refusal = d;
                    showPreview();
                    previewNext(index + 1, lastPassphrase);
                    return true;
                });
    }

    /**
     * Another committee's hub's package: the clerk is asked whether this laptop is to switch to that hub (its
     * records replaced, after a backup); when the former hub has not acknowledged everything, asked again whether to
     * force it (an emergency package of the unacknowledged changes is written first). True when the clerk said yes.
     */
    private boolean askToSwitch(Chosen c, DomainException d) {
        String name = c.file.getFileName().toString();
        if (d.messageKey().equals("package.error.otherHub") && !c.options.switchHub()) {
            if (dialogs.confirm(
                    m.get("exchange.switch.header"),
                    m.get("exchange.switch.ask", name, d.args().length > 1 ? d.args()[1] : ""))) {
                c.options = new ExchangeService.ImportOptions(true, false);
                return true;
            }
        } else if (d.messageKey().equals("package.error.unsentBeforeSwitch") && !c.options.force()) {
            if (dialogs.confirm(
                    m.get("exchange.switch.forceHeader"),
                    m.get("exchange.switch.forceAsk", d.args().length > 1 ? d.args()[1] : 0))) {
                c.options = new ExchangeService.ImportOptions(true, true);
                return true;
            }
        }
        return false;
    }

    private void showPreview() {
        List<PreviewRow> rows = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (Chosen c : chosen) {
            String name = c.file.getFileName().toString();
            if (c.result != null) {
                rows.add(new PreviewRow(name, from(c), "", null, null, null, null, c.result, c.failed));
                continue;
            }
            if (c.rejected != null) {
                rejected++;
                rows.add(new PreviewRow(
                        name,
                        from(c),
                        "",
                        null,
                        null,
                        null,
                        null,
                        m.get("exchange.import.rejected", c.rejected),
                        true));
                continue;
            }
            if (c.preview == null) {
                rows.add(new PreviewRow(name, "", "", null, null, null, null, m.get("exchange.import.reading"), false));
                continue;
            }
            if (c.preview.duplicate()) {
                duplicates++;
                rows.add(new PreviewRow(
                        name, from(c), "", null, null, null, null, m.get("exchange.import.duplicate"), false));
                continue;
            }
            accepted++;
            Map<String, Store.Counts> counts = c.preview.counts();
            if (counts.isEmpty()) {
                rows.add(new PreviewRow(name, from(c), "", 0, 0, 0, 0, m.get("exchange.import.nothing"), false));
            }
            boolean first = true;
            for (Map.Entry<String, Store.Counts> e : counts.entrySet().stream()
                    .sorted(Comparator.comparing(e -> texts.table(e.getKey()), org.taizhang.core.ui.Tables.CHINESE))
                    .toList()) {
                Store.Counts n = e.getValue();
                rows.add(new PreviewRow(
                        first ? name : "",
                        first ? from(c) : "",
                        texts.table(e.getKey()),
                        n.added(),
                        n.changed(),
                        n.conflicting(),
                        n.unchanged(),
                        first
                                ? m.get(c.preview.switching() ? "exchange.import.switchReady" : "exchange.import.ready")
                                : "",
                        false));
                first = false;
            }
        }
        preview.setAll(rows);
        boolean done = chosen.stream().allMatch(c -> c.preview != null || c.rejected != null || c.result != null);
        boolean applied = chosen.stream().anyMatch(c -> c.result != null);
        // refused packages alone can be "imported" too: the history then notes each refusal with its reason
        canApply.set(done && !applied && accepted + rejected > 0);
        previewSummary.set(
                applied || chosen.isEmpty()
                        ? previewSummary.get()
                        : m.get("exchange.import.summary", chosen.size(), accepted, duplicates, rejected));
    }

    private String from(Chosen c) {
        if (c.preview == null) {
            return "";
        }
        var manifest = c.preview.verified().manifest();
        return manifest.sourceName() == null ? manifest.sourceDevice() : manifest.sourceName();
    }

    /**
     * Applies the accepted packages one after the other, in one job with one progress; a package refused now (its
     * file changed since, say) is reported and the others still import. A report per package afterwards.
     */
    public void applyChosen() {
        if (!canApply.get()) {
            return;
        }
        canApply.set(false);
        List<Chosen> toApply = chosen.stream().filter(Chosen::accepted).toList();
        List<Chosen> refused = chosen.stream().filter(c -> c.refusal != null).toList();
        tasks.run(
                "exchange.task.import",
                p -> {
                    refused.forEach(c -> service.refused(c.file, c.refusal));
                    for (int i = 0; i < toApply.size(); i++) {
                        Chosen c = toApply.get(i);
                        try {
                            ExchangeService.Imported done =
                                    service.importPackage(c.file, c.passphrase, c.options, part(p, i, toApply.size()));
                            c.result = imported(done);
                        } catch (DomainException e) {
                            c.result = m.get("exchange.import.rejected", m.describe(e));
                            c.failed = true;
                        }
                    }
                    return toApply;
                },
                done -> afterImport(),
                error -> {
                    if (error instanceof CancelledException) {
                        afterImport(); // those applied before the cancel stay applied: said so
                        return true;
                    }
                    reload();
                    return false;
                });
    }

    /** Package {@code index} of {@code count}'s progress as a part of the whole job's. */
    private static Progress part(Progress whole, int index, int count) {
        return new Progress() {
            @Override
            public void update(long done, long total, String message) {
                long steps = Math.max(total, 1);
                whole.update(index * steps + done, count * steps, message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }

    private String imported(ExchangeService.Imported i) {
        if (i.duplicate()) {
            return m.get("exchange.import.duplicate");
        }
        String text = i.nothingNew()
                ? m.get("exchange.import.nothingNew")
                : m.get(
                        "exchange.import.done",
                        i.applied().created(),
                        i.applied().updated(),
                        i.applied().historyAdded(),
                        i.filesStored());
        List<String> notes = new ArrayList<>();
        notes.add(text);
        if (i.applied().breaches() > 0) {
            notes.add(m.get("exchange.import.breaches", i.applied().breaches()));
        }
        if (!i.prerequisitesMet()) {
            notes.add(m.get("exchange.import.prerequisitesMissing"));
        }
        if (i.switched() != null) {
            notes.add(m.get("exchange.import.switched", i.switched().backup()));
            if (i.switched().emergency() != null) {
                notes.add(m.get(
                        "exchange.import.emergency",
                        i.switched().emergency().records(),
                        i.switched().emergency().file()));
            }
        } else if (i.identityRenewed()) {
            notes.add(m.get("exchange.import.identityRenewed"));
        }
        if (i.senderBehind()) {
            notes.add(m.get("exchange.import.senderBehind"));
        }
        return String.join("；", notes);
    }

    private void afterImport() {
        for (Chosen c : chosen) {
            if (c.result == null) {
                if (c.rejected != null) {
                    c.result = m.get("exchange.import.rejected", c.rejected);
                    c.failed = true;
                } else if (c.preview != null && c.preview.duplicate()) {
                    c.result = m.get("exchange.import.duplicate");
                } else {
                    c.result = m.get("exchange.import.notApplied");
                }
            }
        }
        long failed = chosen.stream().filter(c -> c.failed).count();
        previewSummary.set(m.get("exchange.import.finished", chosen.size(), chosen.size() - failed, failed));
        showPreview();
        List<List<String>> rows = chosen.stream()
                .map(c -> List.of(c.file.getFileName().toString(), from(c), c.result))
                .toList();
        reload(() -> dialogs.showTable(
                m.get("exchange.import.title"),
                previewSummary.get(),
                failed > 0,
                List.of(m.get("exchange.column.file"), m.get("exchange.column.from"), m.get("exchange.column.outcome")),
                rows));
    }

    /** Puts the chosen packages aside without importing anything. */
    public void clearChosen() {
        chosen.clear();
        preview.clear();
        previewSummary.set("");
        canApply.set(false);
        previewing.set(false);
    }

    // ---- 待处理

    /**
     * A clerk's decision on a conflict: {@code value} becomes the field's only value (a change of its own, kept in
     * the record's history and sent on like any other); the lists are read again.
     */
    public void resolve(Store.Conflict conflict, Object value) {
        tasks.run(
                "exchange.task.resolve",
                p -> {
                    store.resolve(conflict.entity(), conflict.entityId(), conflict.field(), value);
                    return true;
                },
                done -> reload());
    }

    /**
     * 合并: the pair is one problem; the one a merge drops is folded into the one it keeps (a 合并 step in its
     * timeline, its number never reused), after the clerk confirms.
     */
    public void mergeDuplicate(DuplicatePair d) {
        if (!dialogs.confirm(
                m.get("exchange.duplicates.mergeTitle"),
                m.get("exchange.duplicates.mergeAsk", d.dropped(), d.kept()))) {
            return;
        }
        LocalDate today = LocalDate.now(store.clock());
        tasks.run(
                "exchange.duplicates.mergeTitle",
                p -> {
                    findings.merge(d.pair().dropped().id(), d.pair().kept().id(), today);
                    return true;
                },
                done -> reload());
    }

    /**
     * 不是重复: the pair is two problems; a 备注 naming the other goes into the later one's timeline (a step: it travels,
     * and no device lists the pair again).
     */
    public void markDistinct(DuplicatePair d) {
        LocalDate today = LocalDate.now(store.clock());
        var first = d.pair().kept();
        var second = d.pair().dropped();
        String text = m.get(
                "exchange.duplicates.distinctNote",
                first.finding().isNumbered()
                        ? first.finding().number()
                        : first.finding().description());
        tasks.run(
                "exchange.duplicates.distinctTitle",
                p -> {
                    findings.markDistinct(second.id(), first.id(), text, today);
                    return true;
                },
                done -> reload());
    }

    /** Checks the rules across records again (after a clerk mended some) and shows what is still broken. */
    public void recheck() {
        tasks.run("exchange.task.recheck", p -> store.checkRecords(), found -> {
            breaches.setAll(found);
            dialogs.showInfo(
                    m.get("exchange.pending.recheck"),
                    found.isEmpty()
                            ? m.get("exchange.pending.noBreaches")
                            : m.get("exchange.pending.stillBroken", found.size()));
        });
    }

    /** When a package was last written or read, for the history's sort. */
    static Instant at(ExchangeService.LogLine l) {
        return l.at() == null ? Instant.EPOCH : l.at();
    }
}
