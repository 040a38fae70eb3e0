package dev.paved.policy.builtins;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.styra.opa.wasm.DefaultMappers;
import com.styra.opa.wasm.OpaBuiltin;
import com.styra.opa.wasm.OpaWasm;
import com.styra.opa.wasm.builtins.Yaml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
  * The builtins Paved provides to policies compiled with {@code opa build -t wasm}, and the way to hand them to
  * the OPA Java WebAssembly SDK.
  *
  * <p><b>What OPA leaves to the host.</b> OPA v1.22.3's wasm compiler ({@code internal/compiler/wasm/wasm.go},
  * {@code builtinsFunctions}) compiles 96 builtins into the module: arithmetic, comparison, aggregates
  * ({@code count sum max min sort all any}), bits, sets and arrays, {@code object.get/keys/remove/union/
  * union_n/filter}, {@code json.marshal/unmarshal/is_valid/filter/remove}, base64, {@code net.cidr_contains/
  * intersects/overlap}, {@code glob.match}, {@code regex.match/is_valid/find_all_string_submatch_n},
  * {@code re_match}, {@code graph.reachable}, {@code walk}, the plain string functions ({@code concat
  * contains startswith endswith indexof lower upper replace strings.replace_n split substring trim*
  * format_int strings.reverse}), {@code numbers.range}, {@code to_number}, {@code type_name} and the
  * {@code is_*} checks (see {@link WasmNativeBuiltins#NAMES}). Every other builtin a policy calls becomes an
  * import the host must provide: among them {@code sprintf}, all of {@code time.*}, {@code regex.replace},
  * {@code regex.split}, {@code regex.find_n}, {@code regex.template_match}, {@code regex.globs_match},
  * {@code semver.*}, {@code strings.any_prefix_match}, {@code strings.any_suffix_match}, {@code strings.count},
  * {@code units.*}, {@code object.subset}, {@code yaml.*}, {@code crypto.*}, {@code io.jwt.*}, {@code hex.*},
  * {@code uuid.*}, {@code urlquery.*}, {@code net.cidr_merge/expand/is_valid}, {@code http.send},
  * {@code opa.runtime}.
  *
  * <p><b>What Paved provides.</b> {@link #PAVED}: {@code sprintf}, {@code time.now_ns},
  * {@code time.parse_rfc3339_ns}, {@code time.parse_duration_ns}, {@code regex.replace}, {@code regex.split},
  * {@code semver.compare}, {@code semver.is_valid}, {@code strings.any_prefix_match},
  * {@code units.parse_bytes} and {@code object.subset}, written in Java and tested against the real
  * {@code opa} (fixtures under {@code src/test/resources/fixtures/builtins}). {@link #FROM_SDK}:
  * {@code yaml.marshal}, {@code yaml.unmarshal} and {@code yaml.is_valid}, the SDK's own implementations
  * (not parity-tested by Paved). A policy that imports any other builtin must be rejected when it is built,
  * naming the builtin: {@link #missing(Collection)} of {@link #importedBy(byte[])}.
  *
  * <p><b>Handing them to the SDK.</b> {@code OpaPolicy.builder().withDefaultBuiltins(false)
  * .addBuiltins(hostBuiltins.forSdk())}. {@code withDefaultBuiltins(false)} is required: the SDK registers its
  * defaults after the caller's, so its naive {@code sprintf} would otherwise replace Paved's. Like the SDK's
  * policy instances, a {@code HostBuiltins} is meant for one instance at a time: call
  * {@link #startEvaluation()} before each evaluation so that {@code time.now_ns} is read once per evaluation,
  * as OPA does.
  */
public final class HostBuiltins {

    /** The builtins Paved implements. */
    public static final Set<String> PAVED = Set.of(
            Sprintf.NAME, TimeBuiltins.NOW_NS, TimeBuiltins.PARSE_RFC3339_NS, TimeBuiltins.PARSE_DURATION_NS,
            RegexBuiltins.REPLACE, RegexBuiltins.SPLIT, SemverBuiltins.COMPARE, SemverBuiltins.IS_VALID,
            StringsBuiltins.ANY_PREFIX_MATCH, UnitsBuiltins.PARSE_BYTES, ObjectSubset.NAME);

    /** The builtins passed through from the SDK's own defaults. */
    public static final Set<String> FROM_SDK = Set.of("yaml.marshal", "yaml.unmarshal", "yaml.is_valid");

    private final EvaluationClock clock;
    private final Map<String, HostBuiltin> builtins = new LinkedHashMap<>();

    private HostBuiltins(EvaluationClock clock) {
        this.clock = clock;
        var all = new ArrayList<HostBuiltin>();
        all.add(Sprintf.builtin());
        all.addAll(TimeBuiltins.all(clock));
        all.addAll(new RegexBuiltins().all());
        all.addAll(SemverBuiltins.all());
        all.addAll(StringsBuiltins.all());
        all.addAll(UnitsBuiltins.all());
        all.addAll(ObjectSubset.all());
        all.forEach(b -> builtins.put(b.name(), b));
    }

    public static HostBuiltins create(EvaluationClock clock) {
        return new HostBuiltins(clock);
    }

    public static HostBuiltins create() {
        return new HostBuiltins(EvaluationClock.system());
    }

    /** Every builtin name a policy may import: Paved's and the SDK's. */
    public static Set<String> names() {
        var names = new TreeSet<>(PAVED);
        names.addAll(FROM_SDK);
        return names;
    }

    public static boolean provides(String name) {
        return PAVED.contains(name) || FROM_SDK.contains(name);
    }

    /**
      * The host builtins a compiled policy needs that nobody provides, sorted: what the build step reports.
      * {@code imported} is what {@link #importedBy(byte[])} read from the module (never a builtin compiled into
      * wasm).
      */
    public static List<String> missing(Collection<String> imported) {
        return imported.stream().filter(name -> !provides(name)).sorted().distinct().toList();
    }

    /**
      * The host builtins a compiled policy module imports (the names in its {@code builtins} export), read by
      * instantiating it without running anything. Throws {@link IllegalArgumentException} if it is not an OPA
      * wasm module.
      */
    public static Set<String> importedBy(byte[] wasmModule) {
        OpaWasm wasm;
        try {
            wasm = OpaWasm.builder().withInputStream(new ByteArrayInputStream(wasmModule)).withDefaultBuiltins(false)
                    .withJsonMapper(DefaultMappers.jsonMapper).withYamlMapper(DefaultMappers.yamlMapper)
                    .withMemory(new ByteArrayMemory(new MemoryLimits(10, 1024))).disableCompiler().build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an OPA wasm policy module: " + e.getMessage(), e);
        }
        try {
            var names = new TreeSet<String>();
            wasm.jsonMapper().readTree(wasm.readString(wasm.exports().builtins())).fieldNames()
                    .forEachRemaining(names::add);
            return names;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable builtins export: " + e.getMessage(), e);
        }
    }

    public Optional<HostBuiltin> get(String name) {
        return Optional.ofNullable(builtins.get(name));
    }

    /** Forgets the previous evaluation's {@code time.now_ns}. */
    public void startEvaluation() {
        clock.startEvaluation();
    }

    /** The builtins for {@code OpaPolicy.Builder.addBuiltins}; builtin errors are dropped (undefined). */
    public OpaBuiltin.Builtin[] forSdk() {
        return forSdk(error -> { });
    }

    /** As {@link #forSdk()}, telling {@code errors} about each builtin error (for debug logging). */
    public OpaBuiltin.Builtin[] forSdk(Consumer<BuiltinException> errors) {
        var sdk = new ArrayList<OpaBuiltin.Builtin>();
        builtins.values().forEach(b -> sdk.add(new SdkBuiltin(b, errors)));
        sdk.addAll(List.of(Yaml.all()));
        return sdk.toArray(OpaBuiltin.Builtin[]::new);
    }
}
