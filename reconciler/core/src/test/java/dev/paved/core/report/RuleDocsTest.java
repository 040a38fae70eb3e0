package dev.paved.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every docs section a rule links to exists: the page is in docs/ and has a heading with that anchor. */
class RuleDocsTest {

    private static final Path DOCS = Path.of(System.getProperty("paved.repoRoot", "../..")).resolve("docs");

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    @Test
    void everyLinkedSectionExists() throws IOException {
        for (String section : RuleDocs.SECTIONS.values()) {
            String page = section.substring(0, section.indexOf('#'));
            Set<String> anchors = Files.readAllLines(DOCS.resolve(page)).stream().filter(l -> l.startsWith("#"))
                    .map(RuleDocsTest::anchor).collect(Collectors.toSet());
            assertThat(anchors).as(page).contains(section.substring(section.indexOf('#') + 1));
        }
    }

    @Test
    void onlyPavedsOwnRulesHaveASection() {
        RuleDocs docs = new RuleDocs("https://paved.example/docs/");

        assertThat(docs.link("PAVED-ENV-001")).contains(
                "https://paved.example/docs/policies.md#environments-package-pavedenvironments");
        assertThat(docs.link("schema.required")).contains("https://paved.example/docs/validation.md#schema-check");
        assertThat(docs.link("ACME-SVC-001")).isEmpty();
        assertThat(docs.link("policy.main.deny_x")).isEmpty();
    }
}
