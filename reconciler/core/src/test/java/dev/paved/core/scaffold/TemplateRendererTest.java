package dev.paved.core.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final Map<String, TemplateValue> VALUES = Map.of(
            "name", new TemplateValue.Scalar("ledger-v2"),
            "team", new TemplateValue.Scalar("payments"),
            "deployments", new TemplateValue.Block(List.of("dev: {}", "staging: {}")),
            "promotionFrom", new TemplateValue.Missing("template environment 1.0.0 needs --set promotionFrom=VALUE"));

    @Test
    void placeholdersAreFilledAndABlockTakesTheIndentationOfItsLine() {
        String text = "metadata:\n  name: {{name}}\n  title: \"{{ name }} of {{team}}\"\nspec:\n  deployments:\n"
                + "    {{deployments}}\n";

        assertThat(TemplateRenderer.render(text, "t/service.yaml", VALUES)).isEqualTo("metadata:\n  name: ledger-v2\n"
                + "  title: \"ledger-v2 of payments\"\nspec:\n  deployments:\n    dev: {}\n    staging: {}\n");
    }

    @Test
    void everyMistakeNamesTheFileAndLine() {
        assertThatThrownBy(() -> TemplateRenderer.render("a: 1\nname: {{nmae}}\n", "t/service.yaml", VALUES))
                .isInstanceOf(ScaffoldException.class)
                .hasMessage("t/service.yaml:2: unknown placeholder {{nmae}} (did you mean 'name'?); known:"
                        + " deployments, name, promotionFrom, team");
        assertThatThrownBy(() -> TemplateRenderer.render("x: {{deployments}}\n", "t/s.yaml", VALUES))
                .hasMessage("t/s.yaml:1: {{deployments}} is a list of lines and must stand alone on its line");
        assertThatThrownBy(() -> TemplateRenderer.render("x: {{ name\n", "t/s.yaml", VALUES))
                .hasMessage("t/s.yaml:1: '{{' does not open a placeholder such as {{name}}");
        assertThatThrownBy(() -> TemplateRenderer.render("from: {{promotionFrom}}\n", "t/s.yaml", VALUES))
                .hasMessage("template environment 1.0.0 needs --set promotionFrom=VALUE");
    }

    @Test
    void aMissingValueIsNoErrorWhenTheFileDoesNotUseIt() {
        assertThat(TemplateRenderer.render("name: {{name}}", "t/s.yaml", VALUES)).isEqualTo("name: ledger-v2");
    }
}
