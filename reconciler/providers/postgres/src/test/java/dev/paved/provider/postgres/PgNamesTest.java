package dev.paved.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.Outcome;
import dev.paved.provider.ResourceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgNamesTest {

    @ParameterizedTest
    @CsvSource({
        "prod, payments-api-db, prod_payments_api_db",
        "dev, a, dev_a",
        "ephemeral-pr-42, orders-db, ephemeral_pr_42_orders_db",
    })
    void namesAreEnvironmentAndNameWithUnderscores(String environment, String name, String expected) {
        assertThat(names(environment, name)).isEqualTo(Outcome.ok(new PgNames(expected, expected)));
    }

    @ParameterizedTest
    @CsvSource({"Prod, db", "prod, Db", "1prod, db", "prod, db.x", "prod, db/../x", "prod, db'x", "prod, db\"x",
        "'', db", "prod, db x"})
    void unsafeNamesAreRefusedPermanently(String environment, String name) {
        Outcome<PgNames> derived = names(environment, name);

        assertThat(derived).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed<PgNames>) derived).error().retryable()).isFalse();
    }

    @Test
    void longNamesAreCutToSixtyThreeCharactersWithAHashThatKeepsThemApart() {
        String name = "a-very-long-service-name-that-goes-on-and-on-and-on-db";
        PgNames one = ((Outcome.Ok<PgNames>) names("production-eu-west", name)).value();
        PgNames other = ((Outcome.Ok<PgNames>) names("production-eu-west", name + "2")).value();

        assertThat(one.database()).hasSize(63).matches(PgNames.VALID.pattern())
                .isEqualTo("production_eu_west_a_very_long_service_name_that_goes__7b89b012");
        assertThat(other.database()).hasSize(63).isNotEqualTo(one.database());
        assertThat(names("production-eu-west", name)).as("stable").isEqualTo(Outcome.ok(one));
    }

    private static Outcome<PgNames> names(String environment, String name) {
        return PgNames.derive(new ResourceKey(environment, "postgres", name));
    }
}
