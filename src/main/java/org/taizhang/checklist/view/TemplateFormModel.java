package org.taizhang.checklist.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taizhang.checklist.TemplateRules;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;

/**
 * The template editor's form, with no controls: the template's own fields, and its categories and items as one
 * value replaced on every edit (records are immutable, so "changed since loaded" and the live checks work for
 * the tree as for a text field). The checks are {@link TemplateRules}, the same publishing runs: the points of
 * each category add up, the pass score fits, the bands do not overlap. A published template is shown read-only.
 */
public final class TemplateFormModel extends org.taizhang.core.ui.FormModel<ChecklistTemplate> {
    /** 五星≥90*；四星≥80 …: a band per part, * when it needs a scored bonus (innovation) item. */
    private static final Pattern BAND =
            Pattern.compile("\\s*([^≥>=\\s]+)\\s*(?:≥|>=)\\s*(\\d+(?:\\.\\d+)?)\\s*(\\*?)\\s*");

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty year = new SimpleStringProperty("");
    private final StringProperty passScore = new SimpleStringProperty("");
    private final StringProperty bonusCap = new SimpleStringProperty("");
    private final StringProperty bands = new SimpleStringProperty("");
    private final ObjectProperty<NotApplicablePolicy> notApplicable =
            new SimpleObjectProperty<>(NotApplicablePolicy.RESCALE);
    private final ObjectProperty<List<ChecklistCategory>> categories = new SimpleObjectProperty<>(List.of());
    private final ReadOnlyBooleanWrapper published = new ReadOnlyBooleanWrapper();

    private String id;
    private int version = 1;
    private int defaultYear = java.time.Year.now().getValue();

    public TemplateFormModel() {
        track(name, year, passScore, bonusCap, bands, notApplicable, categories);
    }

    /** The year a new template starts in (the registry's date). */
    public void setDefaultYear(int y) {
        defaultYear = y;
    }

    @Override
    protected void fill(ChecklistTemplate t) {
        unreadable.clear();
        id = t.id();
        version = t.version();
        name.set(t.name());
        year.set(t.year() == 0 ? "" : Integer.toString(t.year()));
        passScore.set(plain(t.passScore()));
        bonusCap.set(plain(t.bonusCap()));
        notApplicable.set(t.notApplicable());
        bands.set(bandsText(t.bands()));
        categories.set(t.categories());
        published.set(t.isPublished());
        setReadOnly(t.isPublished()); // published templates never change: 保存 and 删除 are off
    }

    @Override
    public ChecklistTemplate read() {
        return new ChecklistTemplate(
                id,
                name.get() == null ? "" : name.get().strip(),
                version,
                parseYear(),
                published.get() ? ChecklistTemplate.Status.PUBLISHED : ChecklistTemplate.Status.DRAFT,
                categories.get(),
                decimal(passScore.get()),
                parseBands(bands.get()),
                decimal(bonusCap.get()),
                notApplicable.get());
    }

    @Override
    protected ChecklistTemplate blank() {
        return new ChecklistTemplate(
                Ids.newId(),
                "",
                1,
                defaultYear,
                ChecklistTemplate.Status.DRAFT,
                List.of(),
                null,
                List.of(),
                null,
                NotApplicablePolicy.RESCALE);
    }

    @Override
    protected List<Issue> check(ChecklistTemplate t) {
        List<Issue> issues = new ArrayList<>();
        if (parseYear() == 0) {
            issues.add(Issue.error("year", "checklist.input.year", year.get()));
        }
        if (!passScore.get().isBlank() && decimal(passScore.get()) == null) {
            issues.add(Issue.error("passScore", "checklist.input.number", passScore.get()));
        }
        if (!bonusCap.get().isBlank() && decimal(bonusCap.get()) == null) {
            issues.add(Issue.error("bonusCap", "checklist.input.number", bonusCap.get()));
        }
        unreadable.forEach((field, text) -> issues.add(Issue.error(field, "checklist.input.number", text)));
        for (String part : bandParts(bands.get())) {
            if (!BAND.matcher(part).matches()) {
                issues.add(Issue.error("bands", "checklist.input.band", part.strip()));
            }
        }
        issues.addAll(TemplateRules.check(t));
        return issues;
    }

    /**
     * Numbers typed in the chosen item's or category's fields ({@code points}, {@code deduction}, {@code floor},
     * {@code categoryPoints}) that cannot be read: an error until corrected, never dropped for the old value.
     */
    private final java.util.Map<String, String> unreadable = new java.util.TreeMap<>();

    /** What was typed in one of those fields; the editor tells each keystroke (and a refill from the tree). */
    public void typed(String field, String text) {
        String t = text == null ? "" : text.strip();
        boolean changed = t.isEmpty() || decimal(t) != null
                ? unreadable.remove(field) != null
                : !t.equals(unreadable.put(field, t));
        if (changed) {
            validate();
        }
    }

    // ---- editing the tree (each replaces the categories as a whole)

    /** Adds a category at the end and returns its key. */
    public String addCategory(String code, String categoryName) {
        String key = Ids.newId();
        List<ChecklistCategory> next = new ArrayList<>(categories.get());
        next.add(new ChecklistCategory(key, code, categoryName, BigDecimal.ZERO, List.of()));
        categories.set(List.copyOf(next));
        return key;
    }

    /** Adds an item to the category (a yes/no item of 1 point, to be edited) and returns its key. */
    public String addItem(String categoryKey, String number) {
        String key = Ids.newId();
        ChecklistItem item = new ChecklistItem(
                key,
                number,
                "",
                BigDecimal.ONE,
                ScoringMode.YES_NO,
                null,
                null,
                false,
                Set.of(),
                false,
                false,
                Set.of(),
                List.of());
        updateCategory(categoryKey, c -> {
            List<ChecklistItem> items = new ArrayList<>(c.items());
            items.add(item);
            return new ChecklistCategory(c.key(), c.code(), c.name(), c.points(), items);
        });
        return key;
    }

    public void updateCategory(String categoryKey, UnaryOperator<ChecklistCategory> change) {
        List<ChecklistCategory> next = new ArrayList<>();
        for (ChecklistCategory c : categories.get()) {
            next.add(c.key().equals(categoryKey) ? change.apply(c) : c);
        }
        categories.set(List.copyOf(next));
    }

    public void updateItem(String itemKey, UnaryOperator<ChecklistItem> change) {
        List<ChecklistCategory> next = new ArrayList<>();
        for (ChecklistCategory c : categories.get()) {
            List<ChecklistItem> items = new ArrayList<>();
            for (ChecklistItem i : c.items()) {
                items.add(i.key().equals(itemKey) ? change.apply(i) : i);
            }
            next.add(new ChecklistCategory(c.key(), c.code(), c.name(), c.points(), items));
        }
        categories.set(List.copyOf(next));
    }

    /** Removes a category (with its items) or an item. */
    public void remove(String key) {
        List<ChecklistCategory> next = new ArrayList<>();
        for (ChecklistCategory c : categories.get()) {
            if (!c.key().equals(key)) {
                next.add(new ChecklistCategory(
                        c.key(),
                        c.code(),
                        c.name(),
                        c.points(),
                        c.items().stream().filter(i -> !i.key().equals(key)).toList()));
            }
        }
        categories.set(List.copyOf(next));
    }

    /** Points of the regular items, which the categories add up to: the live total. */
    public BigDecimal itemTotal() {
        return categories.get().stream()
                .flatMap(c -> c.items().stream())
                .filter(i -> !i.bonus() && i.maxPoints() != null)
                .map(ChecklistItem::maxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Points the categories say they hold. */
    public BigDecimal categoryTotal() {
        return categories.get().stream()
                .map(c -> c.points() == null ? BigDecimal.ZERO : c.points())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---- text ↔ values

    static String bandsText(List<RatingBand> list) {
        List<String> parts = new ArrayList<>();
        list.stream()
                .sorted((a, b) -> b.minScore().compareTo(a.minScore()))
                .forEach(b -> parts.add(b.name() + "≥" + plain(b.minScore()) + (b.needsInnovation() ? "*" : "")));
        return String.join("；", parts);
    }

    static List<RatingBand> parseBands(String text) {
        List<RatingBand> list = new ArrayList<>();
        for (String part : bandParts(text)) {
            Matcher mm = BAND.matcher(part);
            if (mm.matches()) {
                list.add(new RatingBand(
                        mm.group(1), new BigDecimal(mm.group(2)), !mm.group(3).isEmpty()));
            }
        }
        return list;
    }

    private static List<String> bandParts(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[;；,，、]"))
                .filter(s -> !s.isBlank())
                .toList();
    }

    private int parseYear() {
        try {
            int y = Integer.parseInt(year.get().strip());
            return y >= 2000 && y <= 2100 ? y : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The keys an item continues (承接条目), typed with 、 or ， or spaces between them. */
    static List<String> keys(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[、,，;；\\s]+"))
                .filter(k -> !k.isBlank())
                .distinct()
                .toList();
    }

    static String keysText(List<String> keys) {
        return String.join("、", keys);
    }

    static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    // ---- properties

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty yearProperty() {
        return year;
    }

    public StringProperty passScoreProperty() {
        return passScore;
    }

    public StringProperty bonusCapProperty() {
        return bonusCap;
    }

    public StringProperty bandsProperty() {
        return bands;
    }

    public ObjectProperty<NotApplicablePolicy> notApplicableProperty() {
        return notApplicable;
    }

    public ObjectProperty<List<ChecklistCategory>> categoriesProperty() {
        return categories;
    }

    public ReadOnlyBooleanProperty publishedProperty() {
        return published.getReadOnlyProperty();
    }
}
