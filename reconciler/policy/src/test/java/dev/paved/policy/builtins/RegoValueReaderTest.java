package dev.paved.policy.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the wasm module's {@code opa_value_dump} writes reads back to the same OPA text. */
class RegoValueReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "{1, 2}                        | {1, 2}                | set",
            "{3,1,2,1}                     | {1, 2, 3}             | set",
            "set()                         | set()                 | set",
            "{}                            | {}                    | object",
            "{\"b\": [1.0, 1e3], \"a\": null} | {\"a\": null, \"b\": [1.0, 1e3]} | object",
            "{\"k\": {\"x\", {1}}}          | {\"k\": {\"x\", {1}}}  | object",
            "[-0, 12345678901234567890, 0.5] | [-0, 12345678901234567890, 0.5] | array",
            "\"\\u00e9\\n\\\"\"            | \"é\\n\\\"\"          | string",
            "true                          | true                  | boolean",
            "{1: \"a\"}                    | {\"1\": \"a\"}        | object",
    })
    void readsValueDumps(String dump, String text, String type) {
        var value = RegoValueReader.read(dump);
        assertThat(RegoText.format(value)).isEqualTo(text);
        assertThat(RegoValues.typeName(value)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"[1,", "{\"a\" 1}", "01", "1.", "nul", "[1] x", "\"\\q\""})
    void refusesWhatIsNotAValue(String text) {
        assertThatThrownBy(() -> RegoValueReader.read(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
