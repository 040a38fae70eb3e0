package dev.paved.cli.dev;

import dev.paved.core.validate.SchemaFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic platform repo of any size that validates clean: teams (some of them groups), the four
 * environments dev, staging, prod and preview, shared resources, and services of varied shapes (HTTP APIs,
 * workers, cron jobs) with dependencies, SLOs and per-environment overrides. The same size and seed always give
 * the same bytes, so benchmarks and tests can rely on the content.
 *
 * <p>Layout: {@code teams/}, {@code environments/}, {@code resources/}, {@code services/<team>/<service>.yaml}
 * (now and then two services in one file), plus the contract's JSON Schemas in {@code schema/} for editors.
 */
public final class SyntheticRepoGenerator {

    /**
     * What a generated repo declares.
     *
     * @param files declaration (YAML) files written
     * @param bytes total size of those files
     */
    public record Summary(int teams, int environments, int services, int resources, int files, long bytes) {
    }

    @FunctionalInterface
    private interface FileSink {
        void write(String path, String text) throws IOException;
    }

    private SyntheticRepoGenerator() {
    }

    /**
     * Writes a repo of {@code services} services into {@code dir}, creating it if needed. Files already there
     * with the same names are overwritten; others are left alone.
     */
    public static Summary generate(Path dir, int services, long seed) throws IOException {
        Files.createDirectories(dir);
        Path schemas = Files.createDirectories(dir.resolve("schema"));
        for (String name : SchemaFiles.NAMES) {
            Files.writeString(schemas.resolve(name), SchemaFiles.text(name), StandardCharsets.UTF_8);
        }
        return write(PlatformPlanner.plan(services, seed), (path, text) -> {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The summary {@link #generate} would return for the same arguments, without writing anything. */
    public static Summary summarize(int services, long seed) {
        try {
            return write(PlatformPlanner.plan(services, seed), (path, text) -> { });
        } catch (IOException e) {
            throw new IllegalStateException("writing nowhere cannot fail", e);
        }
    }

    private static Summary write(PlatformPlan plan, FileSink sink) throws IOException {
        Counter counter = new Counter(sink);
        for (TeamPlan team : plan.teams()) {
            counter.write("teams/" + team.name() + ".yaml", PlatformYaml.team(team));
        }
        for (String environment : PlatformPlan.ENVIRONMENTS) {
            counter.write("environments/" + environment + ".yaml", PlatformYaml.environment(environment));
        }
        for (SharedResourcePlan resource : plan.resources()) {
            counter.write("resources/" + resource.name() + ".yaml", PlatformYaml.resource(resource));
        }
        for (ServiceFile file : plan.serviceFiles()) {
            StringBuilder text = new StringBuilder();
            for (ServicePlan service : file.services()) {
                text.append(text.length() == 0 ? "" : "---\n").append(ServiceYaml.render(service));
            }
            counter.write(file.path(), text.toString());
        }
        return new Summary(plan.teams().size(), PlatformPlan.ENVIRONMENTS.size(), plan.serviceCount(),
                plan.resources().size(), counter.files, counter.bytes);
    }

    /** Prefixes every file with the editor schema line and counts what passes through. */
    private static final class Counter {
        private final FileSink sink;
        private int files;
        private long bytes;

        Counter(FileSink sink) {
            this.sink = sink;
        }

        void write(String path, String document) throws IOException {
            String up = "../".repeat((int) path.chars().filter(c -> c == '/').count());
            String text = "# yaml-language-server: $schema=" + up + "schema/paved.schema.json\n" + document;
            sink.write(path, text);
            files++;
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
