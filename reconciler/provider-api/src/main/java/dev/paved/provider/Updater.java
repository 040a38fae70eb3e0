package dev.paved.provider;

import java.util.Set;

/** Opt-in capability: the provider can change resources in place. */
public interface Updater {

    /**
     * The top-level properties whose change needs the resource destroyed and created again (e.g. a database's
     * name); a plan shows such a change as a replacement. Empty when everything can change in place.
     */
    default Set<String> replaceOnChange(String type) {
        return Set.of();
    }

    /** Brings an owned resource to the desired properties (idempotent). */
    Outcome<LiveResource> update(DesiredResource desired, LiveResource live);
}
