package dev.paved.cli.dev;

import dev.paved.cli.Main;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a copy of a synthetic repo one that {@code paved serve} applies: the generator plants a few policy errors
 * (unapproved template versions, PAVED-SVC-014; literal values in secret-looking variables, PAVED-SVC-010), and the
 * daemon refuses any commit with an error. Each is fixed where {@code paved validate} points: the version becomes
 * the first approved one the finding names, the variable is renamed. Fails naming the finding it cannot fix.
 */
public final class RepoCleaner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern APPROVED = Pattern.compile("upgrade to (?:one of )?(\\d[^ ,;]*)");
    private static final int ROUNDS = 3;

    private RepoCleaner() {
    }

    /** Fixes every error finding of {@code repo} in place; returns how many lines were changed. */
    public static int clean(Path repo, PrintStream log) throws IOException {
        int fixed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<JsonNode> errors = errors(repo);
            if (errors.isEmpty()) {
                log.printf("%s: %d policy errors of the generator fixed; it validates without errors%n", repo, fixed);
                return fixed;
            }
            for (JsonNode error : errors) {
                fix(repo, error);
                fixed++;
            }
        }
        throw new IllegalStateException(repo + " still has errors after " + ROUNDS + " rounds of fixes: "
                + errors(repo));
    }

    private static void fix(Path repo, JsonNode error) throws IOException {
        Path file = repo.resolve(error.path("file").asString(""));
        int line = error.path("line").asInt();
        String rule = error.path("rule").asString("");
        String message = error.path("message").asString("");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String text = lines.get(line - 1);
        Matcher approved = APPROVED.matcher(message);
        String changed;
        if (rule.equals("PAVED-SVC-014") && approved.find()) {
            changed = text.replaceFirst("version: \\S+", "version: " + approved.group(1));
        } else if (rule.equals("PAVED-SVC-010")) {
            String variable = error.path("path").asString("").replaceFirst(".*\\.", "");
            changed = text.replace(variable + ":", "SETTING_L" + line + ":");
        } else {
            changed = text;
        }
        if (changed.equals(text)) {
            throw new IllegalStateException("cannot fix " + file + ":" + line + ": " + rule + " " + message);
        }
        lines.set(line - 1, changed);
        Files.write(file, lines);
    }

    /** The error findings of {@code paved validate REPO -o json}, run in-process. */
    private static List<JsonNode> errors(Path repo) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.execute(Main.plainTerminal(new PrintWriter(out), new PrintWriter(err)),
                "validate", repo.toString(), "-o", "json");
        JsonNode report;
        try {
            report = JSON.readTree(out.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("paved validate " + repo + " printed no JSON report: " + err, e);
        }
        List<JsonNode> errors = new ArrayList<>();
        report.path("findings").forEach(finding -> {
            if (finding.path("severity").asString("").equals("error")) {
                errors.add(finding);
            }
        });
        return errors;
    }
}
