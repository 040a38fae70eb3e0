package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
  * One builtin function that OPA's wasm target leaves to the host, implemented in Java over the SDK's JSON
  * nodes. A body returns the result or throws {@link BuiltinException}; OPA turns a builtin's error into an
  * undefined expression (unless strict builtin errors are on), and so does the wasm adapter.
  *
  * @param name  the builtin's name in Rego, e.g. {@code time.parse_duration_ns}
  * @param arity the number of operands
  * @param body  the implementation
  */
public record HostBuiltin(String name, int arity, Body body) {

    /** The implementation of a builtin; receives exactly {@code arity} operands. */
    @FunctionalInterface
    public interface Body {
        JsonNode apply(List<JsonNode> operands);
    }

    /** Calls the builtin, checking the number of operands. */
    public JsonNode call(List<JsonNode> operands) {
        if (operands.size() != arity) {
            throw new BuiltinException(name, "expects " + arity + " operands, got " + operands.size());
        }
        return body.apply(operands);
    }

    public JsonNode call(JsonNode... operands) {
        return call(List.of(operands));
    }
}
