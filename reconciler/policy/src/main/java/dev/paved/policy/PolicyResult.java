package dev.paved.policy;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One message of a policy rule: a plain string, or an object with {@code msg} plus metadata (e.g. a rule id or
 * {@code _loc}), as Conftest allows.
 *
 * @param rule     the rule that produced it, e.g. {@code deny_image_pinned}
 * @param message  the {@code msg}
 * @param metadata every other field of an object result; empty for a string result
 */
public record PolicyResult(String rule, String message, ObjectNode metadata) {

    public PolicyResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** A metadata field as text, e.g. {@code rule}; empty when absent. */
    public String text(String field) {
        return metadata.path(field).asString("");
    }
}
