package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;

/** One cross-file rule of the platform contract, checked over a whole snapshot. */
interface ReferenceRule {

    void check(Catalog catalog, FindingSink out);
}
