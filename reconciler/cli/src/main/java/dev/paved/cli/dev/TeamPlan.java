package dev.paved.cli.dev;

/**
 * A synthetic Team.
 *
 * @param name       the team's name
 * @param domain     the business domain its services are labelled with
 * @param parent     the parent (group) team, or {@code null} for a group
 * @param costCenter a four-digit cost center, for labels
 */
record TeamPlan(String name, String domain, String parent, int costCenter) {

    boolean isGroup() {
        return parent == null;
    }
}
