package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of {@code paved policy test}: Conftest's eight, in its order, then Paved's markdown. */
public enum OutputFormat {
    STDOUT(new StdoutRenderer()),
    JSON(new JsonRenderer()),
    TAP(new TapRenderer()),
    TABLE(new TableRenderer()),
    JUNIT(new JunitRenderer()),
    GITHUB(new GithubRenderer()),
    AZUREDEVOPS(new AzureDevOpsRenderer()),
    SARIF(new SarifRenderer()),
    /** A pull-request comment. */
    MARKDOWN(new MarkdownRenderer());

    private final Renderer renderer;

    OutputFormat(Renderer renderer) {
        this.renderer = renderer;
    }

    /** As given to {@code -o}, e.g. {@code azuredevops}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String render(List<CheckResult> results, RenderOptions options) {
        return renderer.render(results, options);
    }

    /** The format named {@code id}; an unknown name is an {@link IllegalArgumentException} listing the formats. */
    public static OutputFormat of(String id) {
        return Arrays.stream(values()).filter(format -> format.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown output format '" + id + "': use one of "
                        + ids()));
    }

    /** e.g. {@code stdout, json, tap, …, markdown}. */
    public static String ids() {
        return Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", "));
    }
}
