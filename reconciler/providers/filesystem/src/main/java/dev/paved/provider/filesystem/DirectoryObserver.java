package dev.paved.provider.filesystem;

import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ResourceKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Observes one environment: lists {@code <root>/<environment>/*}{@code /*.json}, reads the files in parallel and
 * keeps those that carry Paved's mark for their own path. Foreign, unparsable and temporary files are invisible;
 * a resource file that exists but cannot be read fails the whole observe, since leaving it out would make a plan
 * create it again.
 */
final class DirectoryObserver {

    /** A file that may hold a resource. */
    private record Candidate(ResourceKey key, Path file) {
    }

    /** What reading a candidate gave: a live resource, nothing (foreign, gone), or an error. */
    private record Read(Optional<LiveResource> live, Optional<ProviderError> error) {

        static final Read NOTHING = new Read(Optional.empty(), Optional.empty());
    }

    private final String instance;
    private final ResourceLayout layout;
    private final DocumentCodec codec;
    private final boolean parallel;

    DirectoryObserver(String instance, ResourceLayout layout, DocumentCodec codec, boolean parallel) {
        this.instance = instance;
        this.layout = layout;
        this.codec = codec;
        this.parallel = parallel;
    }

    Outcome<List<LiveResource>> observe(String environment) {
        String subject = instance + "/" + environment;
        Optional<String> problem = ResourceLayout.problem(environment);
        if (problem.isPresent()) {
            return Outcome.failed(ProviderError.permanent("observe " + subject + ": " + problem.get()));
        }
        List<Candidate> candidates;
        try {
            candidates = list(environment);
        } catch (NoSuchFileException noEnvironmentYet) {
            return rootUsable(subject).<Outcome<List<LiveResource>>>map(Outcome::failed)
                    .orElseGet(() -> Outcome.observed(List.of()));
        } catch (IOException e) {
            return Outcome.failed(Failures.of("observe", subject, e));
        }
        var reads = (parallel ? candidates.parallelStream() : candidates.stream()).map(this::read).toList();
        List<LiveResource> live = new ArrayList<>(reads.size());
        for (Read read : reads) {
            if (read.error().isPresent()) {
                return Outcome.failed(read.error().get());
            }
            read.live().ifPresent(live::add);
        }
        return Outcome.observed(live);
    }

    /** Candidates in key order, so that observe reports resources and errors deterministically. */
    private List<Candidate> list(String environment) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        try (DirectoryStream<Path> types = Files.newDirectoryStream(layout.environment(environment))) {
            for (Path typeDirectory : types) {
                String type = typeDirectory.getFileName().toString();
                if (ResourceLayout.problem(type).isEmpty()) {
                    listType(environment, type, typeDirectory, candidates);
                }
            }
        }
        candidates.sort(Comparator.comparing(Candidate::key));
        return candidates;
    }

    private static void listType(String environment, String type, Path typeDirectory, List<Candidate> into)
            throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(typeDirectory)) {
            for (Path file : files) {
                ResourceLayout.keyOf(environment, type, file.getFileName().toString())
                        .ifPresent(key -> into.add(new Candidate(key, file)));
            }
        } catch (NotDirectoryException | NoSuchFileException notAType) {
            // a stray file beside the type directories, or a directory removed meanwhile
        }
    }

    private Read read(Candidate candidate) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(candidate.file());
        } catch (NoSuchFileException deletedMeanwhile) {
            return Read.NOTHING;
        } catch (IOException e) {
            if (!Files.isRegularFile(candidate.file())) {
                return Read.NOTHING; // e.g. a directory named like a resource file: not Paved's
            }
            return new Read(Optional.empty(),
                    Optional.of(Failures.of("observe", instance + "/" + candidate.key(), e)));
        }
        return codec.read(bytes)
                .filter(document -> document.isPavedsAt(candidate.key()))
                .map(document -> new Read(Optional.of(document.live(candidate.key(), candidate.file())),
                        Optional.empty()))
                .orElse(Read.NOTHING);
    }

    /** An absent environment is empty, provided the root itself exists or can be created. */
    private Optional<ProviderError> rootUsable(String subject) {
        try {
            Files.createDirectories(layout.root());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Failures.of("observe", subject, e));
        }
    }
}
