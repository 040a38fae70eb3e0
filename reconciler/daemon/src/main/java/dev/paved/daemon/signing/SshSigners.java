package dev.paved.daemon.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifier.SignatureVerification;
import org.eclipse.jgit.signing.ssh.SigningKeyDatabase;
import org.eclipse.jgit.signing.ssh.SshSignatureVerifierFactory;
import org.eclipse.jgit.signing.ssh.VerificationException;

/**
 * Trusted SSH keys, from OpenSSH public key files ({@code id_ed25519.pub}) and allowed-signers files (what Git's
 * {@code gpg.ssh.allowedSignersFile} names: {@code principals [options] key}), and the check of an SSH signature
 * ({@code -----BEGIN SSH SIGNATURE-----}, namespace {@code git}) against them with JGit's verifier. JGit reads one
 * allowed-signers file, so the keys are written to one, in a temporary file; its options ({@code namespaces=},
 * {@code valid-after=}, {@code valid-before=}, {@code cert-authority}) keep their meaning.
 */
final class SshSigners {

    private static final Pattern EMAIL_LIKE = Pattern.compile("[\\w.+-]+@[\\w.-]+");
    private static final Pattern JGIT_LINE = Pattern.compile("line (\\d+)");

    /** Where a line of the combined allowed-signers file came from. */
    private record Origin(Path file, int line) {
        @Override
        public String toString() {
            return file + " line " + line;
        }
    }

    private final int keys;
    private final GpgConfig config;
    private final SignatureVerifier verifier = new SshSignatureVerifierFactory().create();

    private SshSigners(int keys, GpgConfig config) {
        this.keys = keys;
        this.config = config;
    }

    static SshSigners none() {
        return new SshSigners(0, null);
    }

    /**
     * Reads public key files (each line a key: {@code ssh-ed25519 AAAA… comment}; its principal is the comment when
     * it looks like an e-mail address, else the file's name) and allowed-signers files (each line kept as it is).
     */
    static SshSigners read(List<Path> publicKeyFiles, List<Path> allowedSignersFiles) {
        List<String> lines = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        PublicKey probe = null;
        for (Path file : publicKeyFiles) {
            String principal = file.getFileName().toString().replaceFirst("\\.pub$", "").replaceAll("[\\s,]", "_");
            for (Line line : Line.of(file)) {
                String[] fields = line.text().split("\\s+");
                if (fields.length < 2) {
                    throw new TrustedKeysException(line.where() + ": not an OpenSSH public key (type, key, comment)");
                }
                probe = key(line, fields[0], fields[1]).orElseThrow(() -> new TrustedKeysException(line.where()
                        + ": not an OpenSSH public key: unknown key type " + fields[0]));
                String who = fields.length > 2 && EMAIL_LIKE.matcher(fields[2]).matches() ? fields[2] : principal;
                lines.add(who + " " + fields[0] + " " + fields[1]);
                origins.add(new Origin(file, line.number()));
            }
        }
        for (Path file : allowedSignersFiles) {
            for (Line line : Line.of(file)) {
                probe = keyIn(line);
                lines.add(line.text());
                origins.add(new Origin(file, line.number()));
            }
        }
        if (lines.isEmpty()) {
            return none();
        }
        Path combined = write(lines);
        Config settings = new Config();
        settings.setString("gpg", "ssh", "allowedSignersFile", combined.toString());
        GpgConfig config = new GpgConfig(settings);
        check(config, probe, origins);
        return new SshSigners(lines.size(), config);
    }

    int size() {
        return keys;
    }

    /** Checks an armored SSH signature over {@code payload} (a commit without its signature). */
    Verdict verify(Repository repository, byte[] payload, byte[] armored) {
        if (config == null) {
            return new Verdict.Refused("signed with an SSH key, and no SSH key is trusted");
        }
        SignatureVerification result;
        try {
            result = verifier.verify(repository, config, payload, armored);
        } catch (IOException e) {
            return new Verdict.Refused("its SSH signature cannot be checked: " + e.getMessage());
        }
        String key = result.keyFingerprint() == null ? "" : " by key " + result.keyFingerprint();
        if (result.verified()) {
            return new Verdict.Trusted("SSH key " + result.keyFingerprint() + " (" + result.keyUser() + ")");
        }
        if (result.trustLevel() == SignatureVerifier.TrustLevel.UNKNOWN) {
            return new Verdict.Refused("signed by SSH key " + result.keyFingerprint() + " which is not trusted");
        }
        if (result.message() == null) {
            return new Verdict.Refused("its SSH signature" + key + " does not match the commit (bad signature)");
        }
        return new Verdict.Refused("its SSH signature" + key + " is not accepted: " + result.message());
    }

    /** The key on an allowed-signers line: the first "type base64" pair after the principals that is a key. */
    private static PublicKey keyIn(Line line) {
        String[] fields = line.text().split("\\s+");
        if (fields.length > 1 && key(line, fields[0], fields[1]).isPresent()) {
            throw new TrustedKeysException(line.where() + ": an allowed-signers line starts with the principals it"
                    + " names (e.g. alice@example.com " + fields[0] + " …), not with the key");
        }
        for (int i = 1; i + 1 < fields.length; i++) {
            Optional<PublicKey> key = fields[i].contains("-") ? key(line, fields[i], fields[i + 1]) : Optional.empty();
            if (key.isPresent()) {
                return key.get();
            }
        }
        throw new TrustedKeysException(line.where() + ": not an allowed-signers line (principals, options, key):"
                + " no public key found on it");
    }

    private static Optional<PublicKey> key(Line line, String type, String data) {
        try {
            return Optional.ofNullable(PublicKeyEntry.parsePublicKeyEntry(type + " " + data)
                    .resolvePublicKey(null, null, null));
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            if (!data.matches("[A-Za-z0-9+/]+=*")) {
                return Optional.empty();
            }
            throw new TrustedKeysException(line.where() + ": the " + type + " key cannot be read: " + e.getMessage(),
                    e);
        }
    }

    private static Path write(List<String> lines) {
        try {
            Path file = Files.createTempFile("paved-allowed-signers-", "");
            file.toFile().deleteOnExit();
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new TrustedKeysException("write the allowed signers for JGit: " + e.getMessage(), e);
        }
    }

    /** Has JGit read the combined file once, so what it cannot parse fails now, naming the file and line. */
    private static void check(GpgConfig config, PublicKey probe, List<Origin> origins) {
        try {
            SigningKeyDatabase.getInstance().isAllowed(null, config, probe, "git", null);
        } catch (VerificationException fine) {
            // the file was read; this key is not allowed for some reason, which is for signatures to find out
        } catch (IOException e) {
            Matcher line = JGIT_LINE.matcher(String.valueOf(e.getMessage()));
            String where = line.find() && Integer.parseInt(line.group(1)) <= origins.size()
                    ? origins.get(Integer.parseInt(line.group(1)) - 1).toString() : "the trusted SSH keys";
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new TrustedKeysException(where + ": not an allowed-signers line: " + why, e);
        }
    }
}
