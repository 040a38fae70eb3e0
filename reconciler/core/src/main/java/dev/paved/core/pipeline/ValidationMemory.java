package dev.paved.core.pipeline;

import dev.paved.core.source.Snapshot;
import dev.paved.core.source.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What loading and schema-checking each file of the last snapshot validated gave, in memory, by path and content
 * id (a Git blob id): validating the next commit of the same repo parses and checks only the files whose content
 * changed, and reuses the very same declarations for the others. Loading a file depends on nothing but its path
 * and bytes, so reusing an outcome is exact. Only the last snapshot's files are kept. For a long-running process
 * (the daemon) validating one repo commit after commit; snapshots without content ids (working trees) are loaded
 * in full.
 */
public final class ValidationMemory {

    private record Entry(String contentId, ValidationService.FileOutcome outcome) {
    }

    private volatile Map<String, Entry> last = Map.of();

    /** Safe from many threads at once: reads the last snapshot's entries, never a half-written map. */
    Optional<ValidationService.FileOutcome> find(Snapshot snapshot, SourceFile file) {
        Entry entry = last.get(file.path());
        Optional<String> id = snapshot.contentId(file);
        return entry != null && id.isPresent() && id.get().equals(entry.contentId())
                ? Optional.of(entry.outcome()) : Optional.empty();
    }

    /** Keeps the outcomes of {@code snapshot}'s files, and only those. */
    void remember(Snapshot snapshot, List<ValidationService.FileOutcome> outcomes) {
        Map<String, Entry> entries = new HashMap<>(outcomes.size() * 2);
        for (int i = 0; i < outcomes.size(); i++) {
            SourceFile file = snapshot.files().get(i);
            ValidationService.FileOutcome outcome = outcomes.get(i);
            snapshot.contentId(file).ifPresent(id -> entries.put(file.path(), new Entry(id, outcome)));
        }
        last = entries;
    }
}
