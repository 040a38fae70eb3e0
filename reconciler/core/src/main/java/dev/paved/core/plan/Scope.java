package dev.paved.core.plan;

/** One provider instance in one environment: the unit of observation. */
public record Scope(String environment, String instance) implements Comparable<Scope> {

    @Override
    public int compareTo(Scope other) {
        int byEnvironment = environment.compareTo(other.environment);
        return byEnvironment != 0 ? byEnvironment : instance.compareTo(other.instance);
    }

    @Override
    public String toString() {
        return Observed.scope(environment, instance);
    }
}
