package dev.paved.daemon.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Splitting a raw commit object into the signed payload and the signature, as Git does. */
class SignedCommitTest {

    private static final String HEADERS = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
            + "parent 8d1e3a1b6f0b0c1e8b2f3a4c5d6e7f8091a2b3c4\n"
            + "author Alice <alice@example.com> 1767603600 +0000\n"
            + "committer Alice <alice@example.com> 1767603600 +0000\n";
    private static final String MERGETAG = "mergetag object 8d1e3a1b6f0b0c1e8b2f3a4c5d6e7f8091a2b3c4\n"
            + " type commit\n tag v1\n \n a tag's message\n";
    private static final String MESSAGE = "\nThe subject\n\ngpgsig in the body is message, not a header\n";

    @Test
    void theSignatureHeaderIsTakenOutAndUnindentedAndEverythingElseKept() {
        String raw = HEADERS + MERGETAG + "gpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n \n"
                + " -----END SSH SIGNATURE-----\n" + MESSAGE;

        SignedCommit split = SignedCommit.of(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(split.payload(), StandardCharsets.UTF_8)).isEqualTo(HEADERS + MERGETAG + MESSAGE);
        assertThat(split.signature()).hasValueSatisfying(signature -> assertThat(new String(signature,
                StandardCharsets.UTF_8)).isEqualTo("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n\n"
                + "-----END SSH SIGNATURE-----\n"));
    }

    @Test
    void anUnsignedCommitIsItsOwnPayload() {
        String raw = HEADERS + MESSAGE;

        SignedCommit split = SignedCommit.of(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(split.signature()).isEmpty();
        assertThat(new String(split.payload(), StandardCharsets.UTF_8)).isEqualTo(raw);
    }
}
