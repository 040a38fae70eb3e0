package dev.paved.core.apply;

import dev.paved.core.plan.Change;
import dev.paved.core.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A plan's id in the journal: a digest of what it was made from and what it does. */
public final class PlanIds {

    private PlanIds() {
    }

    public static String of(Plan plan) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((plan.revision() + "\n" + plan.fingerprint() + "\n").getBytes(StandardCharsets.UTF_8));
            for (Change change : plan.changes()) {
                digest.update((change.key() + " " + change.action().label() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "plan-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
