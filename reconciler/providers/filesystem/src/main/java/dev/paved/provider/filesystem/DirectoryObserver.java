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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Observes one environment: lists {@code <root>/<environment>/*}{@code /*.json}, reads the files (in parallel when
 * asked to) and keeps those that carry Paved's mark for their own path. Foreign, unparsable and temporary files are invisible;
 * a resource file that exists but cannot be read fails the whole observe, since leaving it out would make a plan
 * create it again.
 */
final class DirectoryObserver {

    /** A file that may hold a resource. */
    private record Candidate(ResourceKey key, Path file) {
    }

    /** What reading a candidate gave: a live resource, nothing (foreign, unparsable, gone), or an error. */
    private sealed interface Read {

        record Found(LiveResource live) implements Read {
        }

        record Invisible() implements Read {
        }

        record Unreadable(ProviderError error) implements Read {
        }
    }

    private static final Read INVISIBLE = new Read.Invisible();

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
        return read(candidates);
    }

    /** The resources among {@code keys} of {@code environment}: their files only are read, in key order. */
    Outcome<List<LiveResource>> observe(String environment, Set<ResourceKey> keys) {
        Optional<String> problem = ResourceLayout.problem(environment);
        if (problem.isPresent()) {
            return Outcome.failed(ProviderError.permanent("observe " + instance + "/" + environment + ": "
                    + problem.get()));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ResourceKey key : new TreeSet<>(keys)) {
            if (key.environment().equals(environment) && ResourceLayout.problem(key).isEmpty()) {
                candidates.add(new Candidate(key, layout.file(key)));
            }
        }
        return read(candidates);
    }

    private Outcome<List<LiveResource>> read(List<Candidate> candidates) {
        var reads = (parallel ? candidates.parallelStream() : candidates.stream()).map(this::read).toList();
        List<LiveResource> live = new ArrayList<>(reads.size());
        for (Read read : reads) {
            if (read instanceof Read.Unreadable unreadable) {
                return Outcome.failed(unreadable.error());
            }
            if (read instanceof Read.Found found) {
                live.add(found.live());
            }
        }
        return Outcome.observed(live);
    }

    /** Candidates in key order (types, then names, sorted), so that observe reports everything deterministically. */
    private List<Candidate> list(String environment) throws IOException {
        List<String> types = new ArrayList<>();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(layout.environment(environment))) {
            for (Path directory : directories) {
                String type = directory.getFileName().toString();
                if (ResourceLayout.problem(type).isEmpty()) {
                    types.add(type);
                }
            }
        }
        Collections.sort(types);
        List<Candidate> candidates = new ArrayList<>();
        for (String type : types) {
            candidates.addAll(listType(environment, type));
        }
        return candidates;
    }

    private List<Candidate> listType(String environment, String type) throws IOException {
        Path directory = layout.environment(environment).resolve(type);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(ResourceLayout.SUFFIX)) {
                    names.add(fileName.substring(0, fileName.length() - ResourceLayout.SUFFIX.length()));
                }
            }
        } catch (NotDirectoryException | NoSuchFileException notAType) {
            return List.of(); // a stray file beside the type directories, or a directory removed meanwhile
        }
        Collections.sort(names);
        List<Candidate> candidates = new ArrayList<>(names.size());
        for (String name : names) {
            if (ResourceLayout.problem(name).isEmpty()) {
                candidates.add(new Candidate(new ResourceKey(environment, type, name),
                        directory.resolve(name + ResourceLayout.SUFFIX)));
            }
        }
        return candidates;
    }

    private Read read(Candidate candidate) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(candidate.file());
        } catch (NoSuchFileException deletedMeanwhile) {
            return INVISIBLE;
        } catch (IOException e) {
            if (!Files.isRegularFile(candidate.file())) {
                return INVISIBLE; // e.g. a directory named like a resource file: not Paved's
            }
            return new Read.Unreadable(Failures.of("observe", instance + "/" + candidate.key(), e));
        }
        return codec.read(bytes)
                .filter(document -> document.isPavedsAt(candidate.key()))
                .<Read>map(document -> new Read.Found(document.live(candidate.key(), candidate.file())))
                .orElse(INVISIBLE);
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
