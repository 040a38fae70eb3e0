package dev.paved.daemon.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** While the remote cannot be fetched, the periodic cycle waits 1, 2, 4, then at most 8 intervals. */
class CycleSchedulerBackoffTest {

    @Test
    void theWaitDoublesWithEachFailedFetchUpToEightIntervals() {
        assertThat(IntStream.rangeClosed(0, 6).mapToLong(CycleScheduler::backoff).toArray())
                .containsExactly(1, 1, 2, 4, 8, 8, 8);
    }
}
