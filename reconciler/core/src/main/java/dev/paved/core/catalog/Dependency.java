package dev.paved.core.catalog;

import dev.paved.core.finding.Pointers;

/**
 * One entry of a service's {@code spec.dependencies}: a resource provisioned for the service ({@code type}),
 * another service, or a shared Resource. Exactly one of the three is set in a valid declaration; any may be
 * {@code ""} in an invalid one.
 */
public record Dependency(int index, String name, String type, String service, String resource) {

    public String pointer() {
        return Pointers.child("/spec/dependencies", index);
    }

    public String pointer(String field) {
        return Pointers.child(pointer(), field);
    }
}
