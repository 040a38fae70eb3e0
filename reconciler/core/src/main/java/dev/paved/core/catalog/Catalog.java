package dev.paved.core.catalog;

import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.DeclaredName;
import dev.paved.core.parse.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every declaration of one snapshot, indexed by kind and name. When a name is declared twice, the first
 * declaration (by file path, then document) is the one found; the duplicate is a finding, not a crash.
 * Declarations that could not be loaded but named themselves are known by name only ({@link #declares}).
 */
public final class Catalog {

    private static final Comparator<Declaration> SOURCE_ORDER = Comparator.comparing(Declaration::file)
            .thenComparingInt(Declaration::document);

    private final List<Declaration> all;
    private final Map<Kind, List<Declaration>> byKind = new EnumMap<>(Kind.class);
    private final Map<Kind, Map<String, Declaration>> byName = new EnumMap<>(Kind.class);
    private final Set<DeclaredName> unloaded;
    private final Map<Declaration, List<String>> deployedTo = new IdentityHashMap<>();
    private final Map<Declaration, List<Dependency>> dependencies = new IdentityHashMap<>();

    private Catalog(List<Declaration> sorted, Collection<DeclaredName> unloaded) {
        this.all = List.copyOf(sorted);
        this.unloaded = Set.copyOf(unloaded);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
            byName.put(kind, new LinkedHashMap<>());
        }
        for (Declaration declaration : all) {
            byKind.get(declaration.kind()).add(declaration);
            byName.get(declaration.kind()).putIfAbsent(declaration.name(), declaration);
            if (declaration.kind() == Kind.SERVICE) { // read once here; every rule asks
                deployedTo.put(declaration, Specs.deployedTo(declaration));
                dependencies.put(declaration, Specs.dependencies(declaration));
            }
        }
    }

    public static Catalog of(Collection<Declaration> declarations) {
        return of(declarations, List.of());
    }

    public static Catalog of(Collection<Declaration> declarations, Collection<DeclaredName> unloaded) {
        List<Declaration> sorted = new ArrayList<>(declarations);
        sorted.sort(SOURCE_ORDER);
        return new Catalog(sorted, unloaded);
    }

    /** All declarations in source order. */
    public List<Declaration> all() {
        return all;
    }

    /** The declarations of one kind in source order, duplicates included. */
    public List<Declaration> of(Kind kind) {
        return java.util.Collections.unmodifiableList(byKind.get(kind));
    }

    public Optional<Declaration> find(Kind kind, String name) {
        return Optional.ofNullable(byName.get(kind).get(name));
    }

    public boolean contains(Kind kind, String name) {
        return byName.get(kind).containsKey(name);
    }

    /**
     * True when {@code name} is declared as {@code kind}, even by a declaration that could not be loaded:
     * a reference to it is then not "missing", whatever else is wrong.
     */
    public boolean declares(Kind kind, String name) {
        return contains(kind, name) || unloaded.stream().anyMatch(u -> u.kind() == kind && u.name().equals(name));
    }

    /** The declared names of one kind, in source order. */
    public Set<String> names(Kind kind) {
        return java.util.Collections.unmodifiableSet(byName.get(kind).keySet());
    }

    /** The kinds that declare {@code name}, for messages such as "'x' is a Service, not a Team". */
    public List<Kind> kindsNamed(String name) {
        return byName.entrySet().stream().filter(e -> e.getValue().containsKey(name)).map(Map.Entry::getKey).toList();
    }

    /** The environments a service is deployed to, in source order (see {@link Specs#deployedTo}). */
    public List<String> deployedTo(Declaration service) {
        return deployedTo.getOrDefault(service, List.of());
    }

    /** A service's dependencies, in source order (see {@link Specs#dependencies}). */
    public List<Dependency> dependencies(Declaration service) {
        return dependencies.getOrDefault(service, List.of());
    }

    public int count(Kind kind) {
        return byKind.get(kind).size();
    }

    public int size() {
        return all.size();
    }
}
