package dev.paved.daemon.signing;

import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.transport.CredentialsProvider;

/** A JGit {@link Signer} for tests: signs the commit's bytes with a function (a test key's signing). */
public final class TestSigner implements Signer {

    private final UnaryOperator<byte[]> sign;

    private TestSigner(UnaryOperator<byte[]> sign) {
        this.sign = sign;
    }

    public static Signer of(UnaryOperator<byte[]> sign) {
        return new TestSigner(sign);
    }

    /**
     * Signs something other than the commit: the commit with one byte of its message changed. The signature is good
     * for those bytes, not for the commit: what a commit altered after it was signed carries.
     */
    public static Signer tampered(UnaryOperator<byte[]> sign) {
        return new TestSigner(data -> {
            byte[] altered = data.clone();
            altered[altered.length - 2] ^= 1;
            return sign.apply(altered);
        });
    }

    @Override
    public GpgSignature sign(Repository repository, GpgConfig config, byte[] data, PersonIdent committer,
                             String signingKey, CredentialsProvider credentialsProvider) {
        return new GpgSignature(sign.apply(data));
    }

    @Override
    public boolean canLocateSigningKey(Repository repository, GpgConfig config, PersonIdent committer,
                                       String signingKey, CredentialsProvider credentialsProvider) {
        return true;
    }
}
