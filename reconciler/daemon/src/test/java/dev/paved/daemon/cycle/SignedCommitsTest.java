package dev.paved.daemon.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.GitFixture;
import dev.paved.core.testing.RepoFixture;
import dev.paved.daemon.cycle.CycleResult.Outcome;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.signing.CommitSignatures;
import dev.paved.daemon.signing.OpenPgpTestKey;
import dev.paved.daemon.signing.SshTestKey;
import dev.paved.daemon.signing.TestSigner;
import dev.paved.daemon.signing.TrustedKeys;
import dev.paved.daemon.store.Run;
import dev.paved.daemon.store.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconcile cycles that apply only commits signed by a trusted key, against a real Git remote whose commits are
 * signed with real keys: an OpenPGP key made with BouncyCastle and SSH keys made and used by {@code ssh-keygen}. A
 * commit that is unsigned, signed by another key or whose signature does not match is refused like a commit with
 * errors: never applied, the last good commit stays in force, and the run and the refusal say why.
 */
class SignedCommitsTest {

    private static OpenPgpTestKey alice;

    @TempDir
    Path temp;

    private CycleFixture fixture;
    private GitFixture remote;
    private SshTestKey bob;
    private SshTestKey eve;
    private RepoSource source;
    private ReconcileCycle cycle;

    @BeforeAll
    static void openPgpKey() {
        alice = OpenPgpTestKey.generate("Alice <alice@example.com>");
    }

    @BeforeEach
    void setUp() throws IOException {
        fixture = new CycleFixture(temp);
        remote = fixture.remote;
        bob = SshTestKey.generate(temp.resolve("ssh"), "bob", "bob@example.com");
        eve = SshTestKey.generate(temp.resolve("ssh"), "eve", "eve@example.com");
        Path trusted = Files.createDirectories(temp.resolve("trusted"));
        alice.writePublicKey(trusted.resolve("alice.asc"));
        Files.copy(bob.publicKey(), trusted.resolve("bob.pub"));
        source = fixture.source(CommitSignatures.trusting(TrustedKeys.load(trusted)));
        cycle = fixture.cycle(source, CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC);
    }

    @AfterEach
    void tearDown() {
        source.close();
        fixture.close();
    }

    @Test
    void anOpenPgpSignedCommitIsAppliedAndAnUnsignedOneRefusedWhileTheLastGoodStays() throws IOException {
        CycleResult nothing = cycle.run("test"); // on the fixture's first commit, which is unsigned
        assertThat(nothing.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(nothing.message()).endsWith(" is not signed; only commits signed by a trusted key are applied;"
                + " no commit has been applied yet");
        assertThat(fixture.live("manifests-prod")).doesNotExist();

        setReplicas("6", "7");
        String good = remote.commit("cart: 7 replicas, signed by alice", alice.signer());
        CycleResult applied = cycle.run("test");

        assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.APPLIED);
        assertThat(applied.changes()).isEqualTo(93);
        assertThat(fixture.state.lastGood()).contains(good);
        assertThat(cart()).contains("\"replicas\": 7");

        setReplicas("7", "12");
        String unsigned = remote.commit("cart: 12 replicas, unsigned");
        CycleResult refused = cycle.run("test");

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.fetched()).isEqualTo(unsigned);
        assertThat(refused.message()).isEqualTo("commit " + unsigned.substring(0, 12) + " is not signed; only commits"
                + " signed by a trusted key are applied; the last good commit " + good.substring(0, 12)
                + " stays in force");
        assertThat(fixture.state.lastGood()).contains(good);
        assertThat(cart()).as("the last good state stays").contains("\"replicas\": 7");
        assertThat(fixture.store.refusal(unsigned)).hasValueSatisfying(refusal -> assertThat(refusal.reason())
                .isEqualTo(refused.message()));
        assertThat(cycle.run("test").message()).as("checked again, and refused for the same reason")
                .isEqualTo(refused.message());
        assertThat(fixture.store.runs(10)).extracting(Run::outcome).containsExactly(RunOutcome.REFUSED,
                RunOutcome.REFUSED, RunOutcome.APPLIED, RunOutcome.REFUSED);
    }

    @Test
    void anSshSignedCommitIsAppliedAndOnesSignedByAnotherKeyOrTamperedWithAreRefused() throws IOException {
        setReplicas("6", "7");
        String good = remote.commit("cart: 7 replicas, signed by bob", bob.signer());
        CycleResult applied = cycle.run("test");

        assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.APPLIED);
        assertThat(fixture.state.lastGood()).contains(good);

        setReplicas("7", "8");
        String byEve = remote.commit("cart: 8 replicas, signed by eve", eve.signer());
        CycleResult untrusted = cycle.run("test");

        assertThat(untrusted.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(untrusted.message()).isEqualTo("commit " + byEve.substring(0, 12) + " is not signed by a trusted"
                + " key: signed by SSH key " + eve.fingerprint() + " which is not trusted; the last good commit "
                + good.substring(0, 12) + " stays in force");

        setReplicas("8", "9");
        String tampered = remote.commit("cart: 9 replicas, not what bob signed", TestSigner.tampered(bob::sign));
        CycleResult bad = cycle.run("test");

        assertThat(bad.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(bad.message()).isEqualTo("commit " + tampered.substring(0, 12) + " is not signed by a trusted key:"
                + " its SSH signature by key " + bob.fingerprint() + " does not match the commit (bad signature);"
                + " the last good commit " + good.substring(0, 12) + " stays in force");
        assertThat(fixture.state.lastGood()).contains(good);
        assertThat(cart()).as("the last good state stays").contains("\"replicas\": 7");

        setReplicas("9", "10");
        String signed = remote.commit("cart: 10 replicas, signed by bob", bob.signer());
        CycleResult next = cycle.run("test");

        assertThat(next.outcome()).as(next.message()).isEqualTo(Outcome.APPLIED);
        assertThat(fixture.state.lastGood()).contains(signed);
        assertThat(cart()).contains("\"replicas\": 10");
    }

    private void setReplicas(String from, String to) throws IOException {
        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "replicas: " + from,
                "replicas: " + to);
    }

    private String cart() throws IOException {
        return Files.readString(fixture.live("manifests-prod/prod/workload/cart.json"));
    }
}
