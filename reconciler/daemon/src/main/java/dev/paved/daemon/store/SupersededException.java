package dev.paved.daemon.store;

/**
 * A run tried to journal a step after a newer run had started: another replica took over from this one (which it
 * took for dead), so this one applies no more steps.
 */
public final class SupersededException extends StateStoreException {

    public SupersededException(String message) {
        super(message);
    }
}
