package dev.paved.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.PavedException;
import dev.paved.provider.testkit.InMemoryProviderType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    @Test
    void findsProviderTypesThroughServiceLoader() {
        assertThat(ProviderRegistry.discover().ids()).contains(InMemoryProviderType.ID);
    }

    @Test
    void twoTypesWithOneIdStopStartup() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new InMemoryProviderType(), new InMemoryProviderType())))
                .isInstanceOf(PavedException.class)
                .hasMessageContaining("provider id 'in-memory' is provided twice");
    }

    @Test
    void anUnknownTypeIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new InMemoryProviderType())).type("postgress"))
                .isInstanceOf(PavedException.class)
                .hasMessage("no provider type 'postgress' on the class path; known: in-memory");
    }
}
