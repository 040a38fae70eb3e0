package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.List;

/**
  * {@code object.subset(super, sub)} exactly as OPA's {@code subset.go} defines it:
  * <ul>
  *   <li>objects: every key of sub is in super with an equal value, or with a value that is recursively a
  *       subset (object in object, set in set, array in array);</li>
  *   <li>sets: every member of sub is in super;</li>
  *   <li>arrays: sub appears in super as a contiguous run ({@code [1, 2, 3]} contains {@code [2, 3]}, not
  *       {@code [1, 3]});</li>
  *   <li>an array super and a set sub: counting the elements of super that are in sub reaches the size of sub
  *       (so duplicates in super count twice, and an empty set is a subset of any non-empty array but not of
  *       {@code []});</li>
  *   <li>any other combination is an error.</li>
  * </ul>
  * Elements are compared with Rego equality ({@code 1 == 1.0}), never recursively inside arrays and sets.
  */
final class ObjectSubset {

    static final String NAME = "object.subset";

    private ObjectSubset() {}

    static List<HostBuiltin> all() {
        return List.of(new HostBuiltin(NAME, 2,
                operands -> BooleanNode.valueOf(subset(operands.get(0), operands.get(1)))));
    }

    static boolean subset(JsonNode sup, JsonNode sub) {
        if (sup.isObject() && sub.isObject()) {
            return objectSubset(sup, sub);
        }
        if (RegoValues.isSet(sup) && RegoValues.isSet(sub)) {
            return setSubset(sup, sub);
        }
        if (RegoValues.isArray(sup) && RegoValues.isArray(sub)) {
            return arraySubset(sup, sub);
        }
        if (RegoValues.isArray(sup) && RegoValues.isSet(sub)) {
            return arraySetSubset(sup, sub);
        }
        throw new BuiltinException(NAME, "both arguments object.subset must be of the same type or array and set");
    }

    private static boolean objectSubset(JsonNode sup, JsonNode sub) {
        for (var field : sub.properties()) {
            var superValue = sup.get(field.getKey());
            var subValue = field.getValue();
            if (superValue == null) {
                return false;
            }
            if (RegoValues.equal(subValue, superValue)) {
                continue;
            }
            boolean nested;
            if (superValue.isObject() && subValue.isObject()) {
                nested = objectSubset(superValue, subValue);
            } else if (RegoValues.isSet(superValue) && RegoValues.isSet(subValue)) {
                nested = setSubset(superValue, subValue);
            } else if (RegoValues.isArray(superValue) && RegoValues.isArray(subValue)) {
                nested = arraySubset(superValue, subValue);
            } else {
                nested = false;
            }
            if (!nested) {
                return false;
            }
        }
        return true;
    }

    private static boolean setSubset(JsonNode sup, JsonNode sub) {
        for (var member : sub) {
            if (!contains(sup, member)) {
                return false;
            }
        }
        return true;
    }

    private static boolean arraySubset(JsonNode sup, JsonNode sub) {
        if (sub.size() > sup.size()) {
            return false;
        }
        if (RegoValues.equal(sub, sup)) {
            return true;
        }
        int superCursor = 0;
        int subCursor = 0;
        while (true) {
            if (subCursor == sub.size()) {
                return true;
            }
            if (superCursor + subCursor == sup.size()) {
                return false;
            }
            if (RegoValues.equal(sup.get(superCursor + subCursor), sub.get(subCursor))) {
                subCursor++;
            } else {
                superCursor++;
                subCursor = 0;
            }
        }
    }

    private static boolean arraySetSubset(JsonNode sup, JsonNode sub) {
        int unmatched = sub.size();
        for (var element : sup) {
            if (contains(sub, element)) {
                unmatched--;
            }
            if (unmatched == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode collection, JsonNode value) {
        for (var member : collection) {
            if (RegoValues.equal(member, value)) {
                return true;
            }
        }
        return false;
    }
}
