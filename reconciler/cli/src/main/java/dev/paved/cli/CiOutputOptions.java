package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.core.ci.CiResult;
import dev.paved.core.report.PullRequestComment;
import dev.paved.core.report.RuleDocs;
import dev.paved.core.report.SourceLinks;
import dev.paved.core.report.Style;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where {@code paved ci} writes its result: several formats in one run, each to a file or standard output. */
final class CiOutputOptions {

    /** One {@code -o FORMAT[=FILE]}: a null file is standard output. */
    record Target(CiFormat format, Path file) {
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=FILE]", converter = TargetConverter.class,
            description = "Write the result in this format: text, markdown (the pull-request comment), json, sarif"
                    + " or github (workflow annotations), to FILE or else standard output (repeatable; at most one"
                    + " to standard output; default: text).")
    List<Target> targets = new ArrayList<>();

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Terminal.ColourMode colour;

    @Option(names = "--link-base", paramLabel = "URL", description = "Link findings in the comment to"
            + " URL/PATH#LLINE, e.g. https://github.com/acme/platform/blob/COMMIT (default: from GitHub Actions'"
            + " or GitLab CI's variables, at the head commit; else no links).")
    String linkBase;

    @Option(names = "--artifact-url", paramLabel = "URL",
            description = "Where the full report is, named in the comment when it is too long for a comment.")
    String artifactUrl;

    @Option(names = "--docs-url", paramLabel = "URL", description = "Where Paved's docs/ folder is published:"
            + " a finding without a hint then links to the section that explains its rule.")
    String docsUrl;

    /** @throws PavedException when more than one format would go to standard output */
    List<Target> targets() {
        List<Target> chosen = targets.isEmpty() ? List.of(new Target(CiFormat.TEXT, null)) : targets;
        if (chosen.stream().filter(t -> t.file() == null).count() > 1) {
            throw new PavedException("-o: at most one format can go to standard output; give the others a file,"
                    + " e.g. -o markdown=comment.md");
        }
        return chosen;
    }

    CiFormat.Context context(Terminal terminal, String headCommit, String folder) {
        SourceLinks links = linkBase != null ? new SourceLinks(linkBase, folder)
                : SourceLinks.fromCi(terminal.env(), headCommit, folder).orElse(null);
        RuleDocs docs = docsUrl == null ? null : new RuleDocs(docsUrl);
        return new CiFormat.Context(terminal.style(colour), new PullRequestComment.Options(links, docs, artifactUrl,
                PullRequestComment.GITHUB_LIMIT), folder, docs);
    }

    /** Renders the result in every format asked for, each to its file or to standard output. */
    void write(CiResult result, List<Target> chosen, CiFormat.Context context, Terminal terminal) {
        for (Target target : chosen) {
            CiFormat.Context forFile = target.file() == null ? context : new CiFormat.Context(
                    Style.PLAIN, context.comment(), context.folder(), context.docs());
            String text = target.format().render(result, forFile);
            if (target.file() == null) {
                terminal.out().print(text);
                continue;
            }
            try {
                Path parent = target.file().toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(target.file(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PavedException("write " + target.file() + ": " + e.getMessage(), e);
            }
        }
    }

    /** {@code markdown=comment.md}, {@code sarif}, …: a usage error that lists the formats otherwise. */
    static final class TargetConverter implements CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            int equals = value.indexOf('=');
            String name = equals < 0 ? value : value.substring(0, equals);
            CiFormat format = Arrays.stream(CiFormat.values())
                    .filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException("unknown format '" + name
                            + "': use one of " + Arrays.stream(CiFormat.values())
                            .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
            if (equals >= 0 && equals == value.length() - 1) {
                throw new CommandLine.TypeConversionException("'" + value + "': no file after '='");
            }
            return new Target(format, equals < 0 ? null : Path.of(value.substring(equals + 1)));
        }
    }
}
