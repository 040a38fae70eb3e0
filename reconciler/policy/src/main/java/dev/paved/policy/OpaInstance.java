package dev.paved.policy;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.styra.opa.wasm.DefaultMappers;
import com.styra.opa.wasm.OpaBuiltin;
import com.styra.opa.wasm.OpaWasm;
import com.styra.opa.wasm.OpaWasm_ModuleExports;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One instance of a compiled policy, driven through OPA's WebAssembly ABI (1.x) as the SDK's {@code OpaPolicy}
 * drives it, plus what the SDK lacks: changing the data document in place ({@code opa_value_add_path},
 * {@code opa_value_remove_path}), as OPA's own Go SDK does, instead of parsing all of it again. Memory is a
 * bump-allocated heap: the data document sits at the bottom, and every evaluation starts again just above it, so
 * an evaluation's garbage never outlives it. Not thread-safe.
 */
final class OpaInstance {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int INITIAL_PAGES = 10;

    private final OpaWasm wasm;
    private final OpaWasm_ModuleExports exports;
    private final int baseHeap;
    private int dataAddr = -1;
    private int dataHeap;

    OpaInstance(byte[] module, OpaBuiltin.Builtin[] builtins, int maxPages) {
        wasm = OpaWasm.builder().withInputStream(new ByteArrayInputStream(module))
                .withJsonMapper(DefaultMappers.jsonMapper).withYamlMapper(DefaultMappers.yamlMapper)
                .withDefaultBuiltins(false)
                .addBuiltins(builtins).withMemory(new ByteArrayMemory(new MemoryLimits(INITIAL_PAGES, maxPages)))
                .build();
        exports = wasm.exports();
        long major = exports.opaWasmAbiVersion().getValue();
        long minor = exports.opaWasmAbiMinorVersion().getValue();
        if (major != 1 || minor < 2) {
            throw new PolicyException("the compiled policy uses OPA's wasm ABI " + major + "." + minor
                    + "; Paved runs 1.2 and later 1.x");
        }
        baseHeap = exports.opaHeapPtrGet();
        dataHeap = baseHeap;
    }

    /** Replaces the data document. */
    void data(String json) {
        exports.opaHeapPtrSet(baseHeap);
        dataAddr = parse(json);
        dataHeap = exports.opaHeapPtrGet();
    }

    /** Puts a value (JSON) at a path of the data document, or removes the path when the value is null. */
    void patch(PolicyData.Patch patch) {
        if (dataAddr == -1) {
            data("{}");
        }
        exports.opaHeapPtrSet(dataHeap);
        int path = parse(JSON.writeValueAsString(patch.path()));
        int status = patch.value() == null ? exports.opaValueRemovePath(dataAddr, path)
                : exports.opaValueAddPath(dataAddr, path, parse(patch.value()));
        if (status != 0 && !(patch.value() == null && status == 3)) { // 3: the path was not there to remove
            throw new PolicyException("change the data document at " + patch.path() + ": OPA error " + status);
        }
        dataHeap = exports.opaHeapPtrGet();
    }

    /** Evaluates one entrypoint for one input document; the result set as JSON. */
    String evaluate(int entrypoint, String input) {
        if (dataAddr == -1) {
            data("{}");
        }
        exports.opaHeapPtrSet(dataHeap);
        int inputAddr = parse(input);
        int context = exports.opaEvalCtxNew();
        exports.opaEvalCtxSetData(context, dataAddr);
        exports.opaEvalCtxSetInput(context, inputAddr);
        exports.opaEvalCtxSetEntrypoint(context, entrypoint);
        int status = exports.eval(context);
        if (status != 0) {
            throw new PolicyException("evaluation failed with OPA error " + status);
        }
        return dump(exports.opaEvalCtxGetResult(context));
    }

    /** Entrypoint name → id. */
    Map<String, Integer> entrypoints() {
        exports.opaHeapPtrSet(dataHeap);
        return JSON.readValue(dump(exports.entrypoints()), new TypeReference<Map<String, Integer>>() { });
    }

    /** Parses JSON into a value on the heap; its address. */
    private int parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        grow(bytes.length);
        int raw = exports.opaMalloc(bytes.length);
        wasm.memory().write(raw, bytes);
        int value = exports.opaJsonParse(raw, bytes.length);
        exports.opaFree(raw);
        if (value == 0) {
            throw new PolicyException("the policy module could not parse a JSON document of " + bytes.length
                    + " bytes");
        }
        return value;
    }

    private String dump(int value) {
        int text = exports.opaJsonDump(value);
        String json = wasm.memory().readCString(text);
        exports.opaFree(text);
        return json;
    }

    /** Grows memory ahead of a large allocation, as the SDK does before writing input. */
    private void grow(int bytes) {
        long missing = (long) exports.opaHeapPtrGet() + 2L * bytes - (long) wasm.memory().pages() * Memory.PAGE_SIZE;
        if (missing > 0 && wasm.memory().grow((int) ((missing + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE)) == -1) {
            throw new PolicyException("opa_malloc: the policy ran out of memory for a document of " + bytes
                    + " bytes");
        }
    }

}
