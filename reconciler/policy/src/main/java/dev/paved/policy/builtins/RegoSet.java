package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collection;

/**
  * A Rego set in the SDK's JSON model. JSON has no sets, so the SDK's own argument path ({@code opa_json_dump})
  * turns them into arrays; {@link RegoValueReader} reads the wasm module's value dump instead and keeps them as
  * this node, its members sorted and unique in OPA's order. It serializes as a JSON array, as OPA does.
  */
@SuppressWarnings("unchecked") // deepCopy() narrows JsonNode's <T> deepCopy(), as ArrayNode's does
public final class RegoSet extends ArrayNode {

    private RegoSet() {
        super(JsonNodeFactory.instance);
    }

    /** A set of the given members, sorted and without duplicates. */
    public static RegoSet of(Collection<? extends JsonNode> members) {
        var sorted = new ArrayList<JsonNode>(members);
        sorted.sort(RegoValues::compare);
        var set = new RegoSet();
        for (var member : sorted) {
            if (set.isEmpty() || RegoValues.compare(set.get(set.size() - 1), member) != 0) {
                set.add(member);
            }
        }
        return set;
    }

    /** A copy is a set too. */
    @Override
    public RegoSet deepCopy() {
        var copy = new RegoSet();
        forEach(member -> copy.add(member.deepCopy()));
        return copy;
    }
}
