package dev.paved.daemon.signing;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.GpgConfig.GpgFormat;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which fetched commits may be applied, as far as signatures go. {@link #ANY} (the default) lets every commit
 * through; {@link #trusting(TrustedKeys)} only a commit whose own signature ({@code gpgsig}: OpenPGP or SSH) is
 * good and made by a trusted key. Only the commit itself is checked, not its ancestors: it is the tree of that
 * commit that is applied, and its signer vouches for all of it.
 */
public final class CommitSignatures {

    /** Signatures are not checked: every commit may be applied. */
    public static final CommitSignatures ANY = new CommitSignatures(null);

    private static final Logger log = LoggerFactory.getLogger(CommitSignatures.class);

    private final TrustedKeys keys;

    private CommitSignatures(TrustedKeys keys) {
        this.keys = keys;
    }

    /** Only commits signed by one of {@code keys} may be applied. */
    public static CommitSignatures trusting(TrustedKeys keys) {
        return new CommitSignatures(keys);
    }

    public boolean required() {
        return keys != null;
    }

    /**
     * Why {@code commit} must not be applied, e.g. {@code commit 3f2a9c1d0b7e is not signed by a trusted key: signed
     * by SSH key SHA256:… which is not trusted}; empty when it may be (or signatures are not checked).
     */
    public Optional<String> refusal(Repository repository, String commit) {
        if (keys == null) {
            return Optional.empty();
        }
        String name = "commit " + commit.substring(0, Math.min(12, commit.length()));
        SignedCommit signed;
        try {
            ObjectLoader object = repository.open(ObjectId.fromString(commit));
            signed = SignedCommit.of(object.getCachedBytes());
        } catch (IOException | RuntimeException e) {
            return Optional.of(name + " cannot be read to check its signature: " + e.getMessage());
        }
        if (signed.signature().isEmpty()) {
            return Optional.of(name + " is not signed; only commits signed by a trusted key are applied");
        }
        Verdict verdict = check(repository, signed.payload(), signed.signature().get());
        if (verdict instanceof Verdict.Refused refused) {
            return Optional.of(name + " is not signed by a trusted key: " + refused.reason());
        }
        log.debug("{} is signed by {}", name, ((Verdict.Trusted) verdict).signer());
        return Optional.empty();
    }

    /** {@code any commit}, or the trusted keys: {@code 1 OpenPGP key (…) and 2 SSH keys from PATH}. */
    @Override
    public String toString() {
        return keys == null ? "any commit" : keys.describe();
    }

    private Verdict check(Repository repository, byte[] payload, byte[] signature) {
        GpgFormat format = SignatureVerifiers.getFormat(signature);
        if (format == GpgFormat.OPENPGP) {
            return keys.openPgp().verify(payload, signature);
        }
        if (format == GpgFormat.SSH) {
            return keys.ssh().verify(repository, payload, signature);
        }
        return new Verdict.Refused("it is signed in the " + (format == null ? "unknown" : format.toConfigValue())
                + " format, which Paved does not check (OpenPGP and SSH signatures only)");
    }
}
