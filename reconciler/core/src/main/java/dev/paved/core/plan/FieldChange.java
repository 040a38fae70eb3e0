package dev.paved.core.plan;

import tools.jackson.databind.JsonNode;

/**
 * One leaf that differs between live and desired.
 *
 * @param path   dotted path, e.g. {@code containers[0].image}
 * @param before the live value, or a missing node when the field is new
 * @param after  the desired value, or a missing node when the field goes away
 */
public record FieldChange(String path, JsonNode before, JsonNode after) {
}
