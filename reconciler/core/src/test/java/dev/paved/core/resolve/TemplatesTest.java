package dev.paved.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written scanner finds and replaces exactly what the documented pattern matches. */
class TemplatesTest {

    /** The grammar as the contract documents it. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{dependencies\\.([a-z][-a-z0-9]*)\\.([A-Za-z][A-Za-z0-9_]*)}");

    private static final Map<String, String> OUTPUTS = Map.of("db.host", "db.dev.local", "db.port", "5432",
            "cache-1.url", "redis://c:6379", "q.A_b9", "$1\\x");

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "${dependencies.db.host}", "postgres://${dependencies.db.host}:${dependencies.db.port}/x",
            "${dependencies.db.host}${dependencies.db.port}", "${dependencies.cache-1.url}", "${dependencies.q.A_b9}",
            "${dependencies.Db.host}", "${dependencies.db.9host}", "${dependencies.db.host", "${dependencies.db}",
            "${dependencies.-db.host}", "${dependencies..host}", "${dependencies.db.}", "$${dependencies.db.host}}",
            "${dependencies.${dependencies.db.host}", "${dependencies.db.ho-st}", "${dependencies.db.host} ${env.X}",
            "${dependencies.unknown.host}", "a ${dependencies.db.port} ${dependencies.unknown.x}", "${dependencies.",
            "${dependencies.d"})
    void matchesTheDocumentedPattern(String value) {
        List<Templates.Reference> expected = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            expected.add(new Templates.Reference(matcher.group(1), matcher.group(2)));
        }
        assertThat(Templates.references(value)).isEqualTo(expected);
        assertThat(Templates.substitute(value, (d, o) -> OUTPUTS.get(d + "." + o))).isEqualTo(substituted(value));
    }

    private static String substituted(String value) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String resolved = OUTPUTS.get(matcher.group(1) + "." + matcher.group(2));
            if (resolved == null) {
                return Templates.UNKNOWN;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        return matcher.appendTail(out).toString();
    }
}
