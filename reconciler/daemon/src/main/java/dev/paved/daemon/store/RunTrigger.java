package dev.paved.daemon.store;

import java.util.Arrays;
import java.util.Locale;

/** What started a run. */
public enum RunTrigger {
    SCHEDULE,
    WEBHOOK,
    API,
    STARTUP,
    RESYNC,
    /** Another replica's run that stopped mid-cycle (the replica died), run again by the one taking over. */
    RECOVERY;

    /** The name stored and shown: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunTrigger of(String label) {
        return Arrays.stream(values()).filter(trigger -> trigger.label().equals(label)).findFirst()
                .orElseThrow(() -> new StateStoreException("unknown run trigger '" + label + "' in the state store"));
    }
}
