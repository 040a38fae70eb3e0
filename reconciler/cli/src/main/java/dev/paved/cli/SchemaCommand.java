package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.core.parse.Kind;
import dev.paved.core.validate.SchemaFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paved schema}: print or export the JSON Schemas of the platform contract. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of a kind, or export all schemas for editors.",
                "Without arguments, lists the schema files."})
final class SchemaCommand implements Callable<Integer> {

    @ParentCommand
    private PavedCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND",
            description = "Team, Environment, Service, Resource, or 'all' for the combined editor schema.")
    private String kind;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Write every schema file into DIR (created if needed), for a"
                    + " '# yaml-language-server: $schema=DIR/paved.schema.json' line.")
    private Path exportTo;

    @Override
    public Integer call() throws IOException {
        var out = root.terminal().out();
        if (exportTo != null) {
            Files.createDirectories(exportTo);
            for (String name : SchemaFiles.NAMES) {
                Files.writeString(exportTo.resolve(name), SchemaFiles.text(name), StandardCharsets.UTF_8);
            }
            out.println("wrote " + SchemaFiles.NAMES.size() + " schema files to " + exportTo);
            return ExitCodes.OK;
        }
        if (kind == null) {
            SchemaFiles.NAMES.forEach(out::println);
            return ExitCodes.OK;
        }
        out.print(SchemaFiles.text(fileFor(kind)));
        return ExitCodes.OK;
    }

    private static String fileFor(String kind) {
        if (kind.equalsIgnoreCase("all")) {
            return "paved.schema.json";
        }
        for (Kind k : Kind.values()) {
            if (k.yamlName().equalsIgnoreCase(kind)) {
                return k.schemaFile();
            }
        }
        throw new PavedException("unknown kind '" + kind + "'; expected one of "
                + String.join(", ", Kind.yamlNames()) + " or all");
    }
}
