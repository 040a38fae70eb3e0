package dev.paved.policy.builtins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.styra.opa.wasm.OpaBuiltin;
import com.styra.opa.wasm.OpaWasm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
  * A {@link HostBuiltin} as the SDK calls it. Unlike {@code OpaBuiltin.from(...)}, which reads operands through
  * {@code opa_json_dump} (sets become arrays, {@code 1.0} becomes a double) and cannot say "undefined", this
  * reads each operand with the module's {@code opa_value_dump} into {@link RegoValueReader}'s nodes and answers
  * address 0 (undefined, as OPA does without strict builtin errors) when the builtin throws
  * {@link BuiltinException}.
  */
final class SdkBuiltin implements OpaBuiltin.Builtin {

    private final HostBuiltin builtin;
    private final Consumer<BuiltinException> errors;

    SdkBuiltin(HostBuiltin builtin, Consumer<BuiltinException> errors) {
        this.builtin = builtin;
        this.errors = errors;
    }

    @Override
    public String name() {
        return builtin.name();
    }

    @Override
    public int asBuiltin0(OpaWasm wasm) {
        return call(wasm);
    }

    @Override
    public int asBuiltin1(OpaWasm wasm, int a) {
        return call(wasm, a);
    }

    @Override
    public int asBuiltin2(OpaWasm wasm, int a, int b) {
        return call(wasm, a, b);
    }

    @Override
    public int asBuiltin3(OpaWasm wasm, int a, int b, int c) {
        return call(wasm, a, b, c);
    }

    @Override
    public int asBuiltin4(OpaWasm wasm, int a, int b, int c, int d) {
        return call(wasm, a, b, c, d);
    }

    private int call(OpaWasm wasm, int... addresses) {
        var operands = new ArrayList<JsonNode>(addresses.length);
        for (int address : addresses) {
            operands.add(RegoValueReader.read(valueDump(wasm, address)));
        }
        JsonNode result;
        try {
            result = builtin.call(operands);
        } catch (BuiltinException e) {
            errors.accept(e);
            return 0;
        }
        try {
            return wasm.writeResult(wasm.jsonMapper().writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(builtin.name() + ": cannot write result " + result, e);
        }
    }

    private static String valueDump(OpaWasm wasm, int address) {
        int text = wasm.exports().opaValueDump(address);
        try {
            return wasm.memory().readCString(text, StandardCharsets.UTF_8);
        } finally {
            wasm.exports().opaFree(text);
        }
    }
}
