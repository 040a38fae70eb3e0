package dev.paved.daemon.signing;

/** What checking one signature against the trusted keys found. */
sealed interface Verdict {

    /** A good signature by a trusted key. @param signer who: the key and its user id or principal */
    record Trusted(String signer) implements Verdict {
    }

    /** Not to be applied. @param reason why, e.g. {@code signed by SSH key SHA256:… which is not trusted} */
    record Refused(String reason) implements Verdict {
    }
}
