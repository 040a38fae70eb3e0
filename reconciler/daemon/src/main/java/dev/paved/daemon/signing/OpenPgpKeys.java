package dev.paved.daemon.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Trusted OpenPGP public keys (as {@code gpg --armor --export} writes them) and the check of a detached OpenPGP
 * signature, such as Git's {@code gpgsig}, against them: the signature must be made by one of the keys (a primary
 * key or a subkey), match the signed bytes, and be made while the key was neither revoked nor expired.
 */
final class OpenPgpKeys {

    private final List<PGPPublicKeyRing> rings;

    private OpenPgpKeys(List<PGPPublicKeyRing> rings) {
        this.rings = List.copyOf(rings);
    }

    static OpenPgpKeys none() {
        return new OpenPgpKeys(List.of());
    }

    /** Reads armored (or binary) public key blocks; each file may hold several keys. */
    static OpenPgpKeys read(List<Path> files) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = TrustedKeys.readAll(file);
            if (new String(bytes, StandardCharsets.US_ASCII).contains("PRIVATE KEY BLOCK")) {
                throw new TrustedKeysException(file + ": is a private key; give the public key (gpg --armor --export"
                        + " KEY-ID)");
            }
            int before = rings.size();
            try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
                PGPPublicKeyRingCollection read = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
                read.getKeyRings().forEachRemaining(rings::add);
            } catch (IOException | PGPException | RuntimeException e) {
                throw new TrustedKeysException(file + ": not an OpenPGP public key block: " + e.getMessage(), e);
            }
            if (rings.size() == before) {
                throw new TrustedKeysException(file + ": holds no OpenPGP public key");
            }
        }
        return new OpenPgpKeys(rings);
    }

    int size() {
        return rings.size();
    }

    /** The primary keys, as {@code FINGERPRINT (user id)}. */
    List<String> describe() {
        return rings.stream().map(ring -> describe(ring.getPublicKey())).toList();
    }

    /** Checks an armored detached signature over {@code payload}. */
    Verdict verify(byte[] payload, byte[] armored) {
        List<PGPSignature> signatures = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
            for (Object object : new BcPGPObjectFactory(in)) {
                if (object instanceof PGPSignatureList list) {
                    list.forEach(signatures::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Verdict.Refused("its OpenPGP signature cannot be read: " + e.getMessage());
        }
        if (signatures.isEmpty()) {
            return new Verdict.Refused("its OpenPGP signature holds no signature packet");
        }
        Verdict verdict = null;
        for (PGPSignature signature : signatures) {
            verdict = verify(payload, signature);
            if (verdict instanceof Verdict.Trusted) {
                return verdict;
            }
        }
        return verdict;
    }

    private Verdict verify(byte[] payload, PGPSignature signature) {
        List<KeyIdentifier> issuers = signature.getKeyIdentifiers();
        for (PGPPublicKeyRing ring : rings) {
            for (KeyIdentifier issuer : issuers) {
                PGPPublicKey key = ring.getPublicKey(issuer);
                if (key != null) {
                    return verify(payload, signature, ring, key);
                }
            }
        }
        String issuer = issuers.stream().filter(id -> id.getFingerprint() != null).findFirst()
                .or(() -> issuers.stream().findFirst()).map(OpenPgpKeys::display).orElse("(no issuer)");
        return new Verdict.Refused("signed by OpenPGP key " + issuer + " which is not trusted");
    }

    private static Verdict verify(byte[] payload, PGPSignature signature, PGPPublicKeyRing ring, PGPPublicKey key) {
        String signer = describe(ring.getPublicKey());
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key);
            signature.update(payload);
            if (!signature.verify()) {
                return new Verdict.Refused("its OpenPGP signature by key " + signer + " does not match the commit"
                        + " (bad signature)");
            }
        } catch (PGPException | RuntimeException e) {
            return new Verdict.Refused("its OpenPGP signature by key " + signer + " cannot be checked: "
                    + e.getMessage());
        }
        for (PGPPublicKey checked : List.of(ring.getPublicKey(), key)) {
            if (checked.hasRevocation()) {
                return new Verdict.Refused("signed by OpenPGP key " + signer + " which is revoked");
            }
            Instant made = signature.getCreationTime().toInstant();
            long valid = checked.getValidSeconds();
            if (valid > 0 && made.isAfter(checked.getCreationTime().toInstant().plusSeconds(valid))) {
                return new Verdict.Refused("signed by OpenPGP key " + signer + " which had expired");
            }
        }
        return new Verdict.Trusted("OpenPGP key " + signer);
    }

    private static String describe(PGPPublicKey primary) {
        Iterator<String> ids = primary.getUserIDs();
        String fingerprint = HexFormat.of().formatHex(primary.getFingerprint()).toUpperCase(Locale.ROOT);
        return ids.hasNext() ? fingerprint + " (" + ids.next() + ")" : fingerprint;
    }

    private static String display(KeyIdentifier issuer) {
        return issuer.getFingerprint() != null
                ? HexFormat.of().formatHex(issuer.getFingerprint()).toUpperCase(Locale.ROOT)
                : String.format(Locale.ROOT, "%016X", issuer.getKeyId());
    }
}
