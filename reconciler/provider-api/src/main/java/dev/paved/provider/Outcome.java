package dev.paved.provider;

import java.util.List;
import java.util.Objects;

/** The result of a provider call: a value or an error, never an exception for an expected failure. */
public sealed interface Outcome<T> {

    record Ok<T>(T value) implements Outcome<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(ProviderError error) implements Outcome<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> failed(ProviderError error) {
        return new Failed<>(error);
    }

    /** Convenience for providers: the observed resources. */
    static Outcome<List<LiveResource>> observed(List<LiveResource> resources) {
        return new Ok<>(List.copyOf(resources));
    }
}
