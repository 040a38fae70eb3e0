package dev.paved.core.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateVersionTest {

    private static TemplateVersion v(String text) {
        return TemplateVersion.parse(text).orElseThrow();
    }

    @Test
    void versionsSortAsSemanticVersions() {
        List<String> shuffled = List.of("3.10.0", "3.9.0", "3.10.0-rc.1", "3.10.0-rc.10", "3.10.0-rc.2",
                "3.10.0-alpha", "1.0.0", "3.10.0-rc.alpha", "3.10.1");

        assertThat(shuffled.stream().map(TemplateVersionTest::v).sorted().map(TemplateVersion::toString))
                .containsExactly("1.0.0", "3.9.0", "3.10.0-alpha", "3.10.0-rc.1", "3.10.0-rc.2", "3.10.0-rc.10",
                        "3.10.0-rc.alpha", "3.10.0", "3.10.1");
        assertThat(v("3.10.0").isRelease()).isTrue();
        assertThat(v("3.10.0-rc.1").isRelease()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.4", "v3.4.1", "3.4.1+build.5", "3.4.1-", "latest", ""})
    void whatIsNotAVersionIsNotParsed(String text) {
        assertThat(TemplateVersion.parse(text)).isEqualTo(Optional.empty());
    }
}
