package dev.paved.daemon.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.eclipse.jgit.lib.Signer;

/**
 * An OpenPGP key made with BouncyCastle for a test (RSA 2048, one user id), whose {@link #signer()} signs commits
 * with a detached armored signature, as {@code gpg} does for {@code git commit -S}.
 */
public final class OpenPgpTestKey {

    private final PGPKeyPair pair;
    private final PGPPublicKeyRing publicRing;

    private OpenPgpTestKey(PGPKeyPair pair, PGPPublicKeyRing publicRing) {
        this.pair = pair;
        this.publicRing = publicRing;
    }

    public static OpenPgpTestKey generate(String userId) {
        try {
            RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
            rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
            PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(),
                    new Date(System.currentTimeMillis() - 60_000));
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), null, null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
            return new OpenPgpTestKey(pair, rings.generatePublicKeyRing());
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the armored public key ({@code gpg --armor --export}) to {@code file}; returns it. */
    public Path writePublicKey(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = new ArmoredOutputStream(bytes)) {
            publicRing.encode(armored);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes.toByteArray());
    }

    /** The fingerprint in upper-case hex, as {@code gpg --fingerprint} shows it (without spaces). */
    public String fingerprint() {
        return HexFormat.of().formatHex(publicRing.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** An armored detached signature of {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(new BcPGPContentSignerBuilder(
                    PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), pair.getPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, new Date());
            hashed.setIssuerFingerprint(false, pair.getPublicKey());
            generator.setHashedSubpackets(hashed.generate());
            generator.update(data);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream armored = new ArmoredOutputStream(bytes)) {
                generator.generate().encode(armored);
            }
            return bytes.toByteArray();
        } catch (PGPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs commits with this key. */
    public Signer signer() {
        return TestSigner.of(this::sign);
    }
}
