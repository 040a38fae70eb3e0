package dev.paved.provider;

/** Opt-in capability: the provider can create resources, marking them as owned by Paved. */
public interface Creator {

    /** Creates the resource; when it already exists and is Paved's, makes it match (idempotent). */
    Outcome<LiveResource> create(DesiredResource desired);
}
