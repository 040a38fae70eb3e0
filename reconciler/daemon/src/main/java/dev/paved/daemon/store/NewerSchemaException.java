package dev.paved.daemon.store;

/**
 * The database holds migrations this Paved does not know: a newer Paved wrote it. It is refused rather than
 * used, since this version cannot know what the newer schema means.
 */
public class NewerSchemaException extends StateStoreException {

    public NewerSchemaException(String message) {
        super(message);
    }
}
