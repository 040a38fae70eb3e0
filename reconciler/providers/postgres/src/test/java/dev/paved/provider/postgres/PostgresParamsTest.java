package dev.paved.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.Outcome;
import dev.paved.provider.ResourceKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PostgresParamsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceKey KEY = new ResourceKey("dev", "postgres", "x-db");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                             | {'size':'small','extensions':[],'connectionLimit':20}",
        "{'size':'medium'}                              | {'size':'medium','extensions':[],'connectionLimit':50}",
        "{'size':'large','connectionLimit':7}           | {'size':'large','extensions':[],'connectionLimit':7}",
        "{'extensions':['pgcrypto','citext','pgcrypto']} | {'size':'small','extensions':['citext','pgcrypto'],'connectionLimit':20}",
        "{'extensions':['uuid-ossp']}                   | {'size':'small','extensions':['uuid-ossp'],'connectionLimit':20}",
    })
    void normalisingFillsDefaultsAndSortsExtensions(String given, String expected) {
        ObjectNode normalised = ok(parse(given)).toProperties();

        assertThat(normalised).isEqualTo(json(expected));
        assertThat(ok(PostgresParams.parse(KEY, normalised)).toProperties()).as("idempotent").isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'size':'huge'}              | size must be one of small, medium, large",
        "{'size':3}                   | size must be one of small, medium, large",
        "{'connectionLimit':0}        | connectionLimit must be a whole number from 1 to 10000",
        "{'connectionLimit':'20'}     | connectionLimit must be a whole number from 1 to 10000",
        "{'connectionLimit':2.5}      | connectionLimit must be a whole number from 1 to 10000",
        "{'extensions':'pgcrypto'}    | extensions must be a list of extension names",
        "{'extensions':['x; DROP']}   | extension \"x; DROP\" is not an extension name",
        "{'owner':'me'}               | unknown parameter 'owner'",
    })
    void invalidParametersArePermanentErrors(String given, String problem) {
        Outcome<PostgresParams> parsed = parse(given);

        assertThat(parsed).isInstanceOf(Outcome.Failed.class);
        var error = ((Outcome.Failed<PostgresParams>) parsed).error();
        assertThat(error.retryable()).isFalse();
        assertThat(error.message()).isEqualTo("resource dev/postgres/x-db: " + problem);
    }

    private static Outcome<PostgresParams> parse(String json) {
        return PostgresParams.parse(KEY, json(json));
    }

    private static ObjectNode json(String singleQuoted) {
        return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
    }

    private static <T> T ok(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<T>) outcome).value();
    }
}
