package org.taizhang.organization.model;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable picture of the live registry (tombstones left out), with the lookups the rules, the views and
 * the import need. Changing it means making a new one ({@link #with(Organization)} …), which is how the import
 * checks a whole file against "the registry as it would be".
 */
public final class Registry {
    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    private final Map<String, Unit> units;
    private final Map<String, Community> communities;
    private final Map<String, Organization> organizations;
    private final Map<String, List<Organization>> childrenByParent = new HashMap<>();
    private final Map<String, List<Organization>> topLevelByUnit = new HashMap<>();
    private final Map<String, List<Organization>> byUnitAndName = new HashMap<>();
    /** The organizations an export lists (null: all); lookups still find every one, so parents keep their names. */
    private final java.util.Set<String> listed;
    // by stripped name: the import looks every row up by name, the rules check every name for a twin
    private final Map<String, List<Unit>> unitsByName = new HashMap<>();
    private final Map<String, List<Community>> communitiesByName = new HashMap<>();

    public Registry(Collection<Unit> units, Collection<Community> communities, Collection<Organization> organizations) {
        this(units, communities, organizations, null);
    }

    private Registry(
            Collection<Unit> units,
            Collection<Community> communities,
            Collection<Organization> organizations,
            java.util.Set<String> listed) {
        this.listed = listed == null ? null : java.util.Set.copyOf(listed);
        this.units = index(units, Unit::id);
        this.communities = index(communities, Community::id);
        this.organizations = index(organizations, Organization::id);
        for (Unit u : this.units.values()) {
            unitsByName
                    .computeIfAbsent(stripped(u.name()), k -> new ArrayList<>(1))
                    .add(u);
        }
        for (Community c : this.communities.values()) {
            communitiesByName
                    .computeIfAbsent(stripped(c.name()), k -> new ArrayList<>(1))
                    .add(c);
        }
        for (Organization o : this.organizations.values()) {
            byUnitAndName
                    .computeIfAbsent(unitAndName(o.unitId(), o.name()), k -> new ArrayList<>())
                    .add(o);
            if (o.parentId() == null) {
                topLevelByUnit
                        .computeIfAbsent(o.unitId(), k -> new ArrayList<>())
                        .add(o);
            } else {
                childrenByParent
                        .computeIfAbsent(o.parentId(), k -> new ArrayList<>())
                        .add(o);
            }
        }
        childrenByParent.values().forEach(l -> l.sort(ORGANIZATION_ORDER));
        topLevelByUnit.values().forEach(l -> l.sort(ORGANIZATION_ORDER));
    }

    public static Registry empty() {
        return new Registry(List.of(), List.of(), List.of());
    }

    /** Leading organizations first, then the clerk's order, then by name. */
    public static final Comparator<Organization> ORGANIZATION_ORDER = Comparator.comparing(
                    (Organization o) -> o.kind() != null && o.kind().isBranch()) // a half-filled form has no kind yet
            .thenComparingInt(Organization::sortOrder)
            .thenComparing(o -> o.name() == null ? "" : o.name(), CHINESE);

    private static <T> Map<String, T> index(Collection<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T t : items) {
            map.put(id.apply(t), t);
        }
        return map;
    }

    public List<Unit> units() {
        List<Unit> list = new ArrayList<>(units.values());
        list.sort(Comparator.comparingInt(Unit::sortOrder).thenComparing(Unit::name, CHINESE));
        return list;
    }

    public List<Community> communities() {
        List<Community> list = new ArrayList<>(communities.values());
        list.sort(Comparator.comparing(Community::name, CHINESE));
        return list;
    }

    /**
     * The same registry listing only the organizations {@code ids} (what the window shows): exports write those,
     * in tree order, and still name a parent that is not listed.
     */
    public Registry listing(java.util.Set<String> ids) {
        return new Registry(units.values(), communities.values(), organizations.values(), ids);
    }

    /** All organizations in tree order: unit by unit, each organization followed by its descendants. */
    public List<Organization> organizations() {
        List<Organization> all = allOrganizations();
        return listed == null
                ? all
                : all.stream().filter(o -> listed.contains(o.id())).toList();
    }

    private List<Organization> allOrganizations() {
        List<Organization> list = new ArrayList<>(organizations.size());
        for (Unit u : units()) {
            for (Organization top : topLevel(u.id())) {
                addSubtree(top, list);
            }
        }
        if (list.size() < organizations.size()) { // orphans (a unit deleted elsewhere): still shown, never hidden
            organizations.values().stream().filter(o -> !list.contains(o)).forEach(list::add);
        }
        return list;
    }

    private void addSubtree(Organization o, List<Organization> into) {
        into.add(o);
        for (Organization c : children(o.id())) {
            addSubtree(c, into);
        }
    }

    /** True when a unit, community or organization has this id. */
    public boolean hasRecord(String id) {
        return unit(id).isPresent()
                || community(id).isPresent()
                || organization(id).isPresent();
    }

    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(id == null ? null : units.get(id));
    }

    public Optional<Community> community(String id) {
        return Optional.ofNullable(id == null ? null : communities.get(id));
    }

    public Optional<Organization> organization(String id) {
        return Optional.ofNullable(id == null ? null : organizations.get(id));
    }

    public Optional<Unit> unitNamed(String name) {
        return unitsNamed(name).stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public Optional<Community> communityNamed(String name) {
        return communitiesNamed(name).stream()
                .filter(c -> c.name().equals(name))
                .findFirst();
    }

    /** The units whose name is {@code name} once both are stripped of surrounding blanks. */
    public List<Unit> unitsNamed(String name) {
        return unitsByName.getOrDefault(stripped(name), List.of());
    }

    /** The communities whose name is {@code name} once both are stripped of surrounding blanks. */
    public List<Community> communitiesNamed(String name) {
        return communitiesByName.getOrDefault(stripped(name), List.of());
    }

    private static String stripped(String name) {
        return name == null ? "" : name.strip();
    }

    /** The first organization of a unit with this name; see {@link #organizationsNamed} when several may share it. */
    public Optional<Organization> organizationNamed(String unitId, String name) {
        return organizationsNamed(unitId, name).stream().findFirst();
    }

    /** All organizations of a unit with this name (branches may share one under different parents). */
    public List<Organization> organizationsNamed(String unitId, String name) {
        return List.copyOf(byUnitAndName.getOrDefault(unitAndName(unitId, name), List.of()));
    }

    private static String unitAndName(String unitId, String name) {
        return unitId + "\n" + (name == null ? "" : name.strip());
    }

    public List<Organization> children(String organizationId) {
        return childrenByParent.getOrDefault(organizationId, List.of());
    }

    public List<Organization> topLevel(String unitId) {
        return topLevelByUnit.getOrDefault(unitId, List.of());
    }

    public List<Organization> ofUnit(String unitId) {
        return organizations.values().stream()
                .filter(o -> o.unitId().equals(unitId))
                .toList();
    }

    /**
     * The 共同体 an organization belongs to: its own, then those of the organizations above it, nearest first (a
     * branch belongs to its 机关党委's community). The board counts a branch in the first; the list shows it under
     * each.
     */
    public List<String> communityIdsOf(Organization o) {
        List<String> ids = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Organization at = o; at != null && seen.add(at.id()); ) { // seen: a damaged tree must not loop
            if (at.communityId() != null && !ids.contains(at.communityId())) {
                ids.add(at.communityId());
            }
            at = at.parentId() == null ? null : organizations.get(at.parentId());
        }
        return ids;
    }

    public List<Organization> membersOf(String communityId) {
        return organizations().stream()
                .filter(o -> communityId.equals(o.communityId()))
                .toList();
    }

    /** Organizations with the same parent (or, at the top, the same unit), excluding {@code o} itself. */
    public List<Organization> siblingsOf(Organization o) {
        List<Organization> same = o.parentId() == null ? topLevel(o.unitId()) : children(o.parentId());
        return same.stream().filter(s -> !s.id().equals(o.id())).toList();
    }

    /** True when {@code candidate} is {@code organizationId} or lies below it. */
    public boolean isSelfOrDescendant(String candidate, String organizationId) {
        String current = candidate;
        int guard = organizations.size() + 1;
        while (current != null && guard-- > 0) {
            if (current.equals(organizationId)) {
                return true;
            }
            current = organization(current).map(Organization::parentId).orElse(null);
        }
        return false;
    }

    /** 1 for the top level, 2 for its children … */
    public int depth(Organization o) {
        int depth = 1;
        String parent = o.parentId();
        while (parent != null && depth <= organizations.size()) {
            depth++;
            parent = organization(parent).map(Organization::parentId).orElse(null);
        }
        return depth;
    }

    public int organizationCount() {
        return listed == null
                ? organizations.size()
                : (int) organizations.keySet().stream().filter(listed::contains).count();
    }

    /**
     * 党员总数: the members of each unit's top-level organizations. A 机关党委's or 党总支's count already includes
     * its branches, so summing every organization would count those members twice. Unknown counts add nothing.
     */
    public long memberTotal() {
        return organizations.values().stream()
                .filter(listed == null ? Organization::isTopLevel : this::topmostListed)
                .mapToLong(o -> o.memberCount() == null ? 0 : o.memberCount())
                .sum();
    }

    /** Listed, with no listed organization above it: its count already holds those of the listed below it. */
    private boolean topmostListed(Organization o) {
        if (!listed.contains(o.id())) {
            return false;
        }
        String p = o.parentId();
        int guard = 0;
        while (p != null && guard++ <= organizations.size()) {
            if (listed.contains(p)) {
                return false;
            }
            p = organization(p).map(Organization::parentId).orElse(null);
        }
        return true;
    }

    public Registry with(Unit u) {
        Map<String, Unit> copy = new LinkedHashMap<>(units);
        copy.put(u.id(), u);
        return new Registry(copy.values(), communities.values(), organizations.values());
    }

    public Registry with(Community c) {
        Map<String, Community> copy = new LinkedHashMap<>(communities);
        copy.put(c.id(), c);
        return new Registry(units.values(), copy.values(), organizations.values());
    }

    public Registry with(Organization o) {
        Map<String, Organization> copy = new LinkedHashMap<>(organizations);
        copy.put(o.id(), o);
        return new Registry(units.values(), communities.values(), copy.values());
    }

    /** Builds the registry after a batch of changes in one step (the import's thousands of rows). */
    public Registry withAll(Collection<Unit> u, Collection<Community> c, Collection<Organization> o) {
        Map<String, Unit> us = new LinkedHashMap<>(units);
        u.forEach(x -> us.put(x.id(), x));
        Map<String, Community> cs = new LinkedHashMap<>(communities);
        c.forEach(x -> cs.put(x.id(), x));
        Map<String, Organization> os = new LinkedHashMap<>(organizations);
        o.forEach(x -> os.put(x.id(), x));
        return new Registry(us.values(), cs.values(), os.values());
    }
}
