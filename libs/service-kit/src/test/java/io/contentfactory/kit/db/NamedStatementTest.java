package io.contentfactory.kit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NamedStatementTest {

    @Test
    void eachNameBecomesOneNumberedParameterInOrderOfFirstUse() {
        NamedStatement statement = NamedStatement.of(
                "update t set a = #{first}, b = #{second}::timestamptz where id = #{first} and c = #{third_one}");

        assertThat(statement.sql()).isEqualTo("update t set a = $1, b = $2::timestamptz where id = $1 and c = $3");
        assertThat(statement.parameters()).containsExactly("first", "second", "third_one");
    }

    @Test
    void partsWrittenApartComposeWithoutNumbering() {
        String fence = "where id = #{claim_id}";
        String event = "insert into outbox select #{event_id}::uuid from changed";
        NamedStatement statement =
                NamedStatement.of("with changed as (update t set x = #{x} " + fence + " returning id) " + event);
        UUID claim = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        Tuple tuple = statement.bind(Arguments.of()
                .uuid("event_id", eventId)
                .and(Arguments.of().text("x", "value").uuid("claim_id", claim)));

        assertThat(statement.sql())
                .isEqualTo("with changed as (update t set x = $1 where id = $2 returning id)"
                        + " insert into outbox select $3::uuid from changed");
        assertThat(tuple.getString(0)).isEqualTo("value");
        assertThat(tuple.getUUID(1)).isEqualTo(claim);
        assertThat(tuple.getUUID(2)).isEqualTo(eventId);
    }

    @Test
    void nullIsAValueAndAnInstantIsSentInUtc() {
        NamedStatement statement = NamedStatement.of("select #{nothing}::text, #{at}::timestamptz");
        Instant at = Instant.parse("2026-12-03T10:15:30Z");

        Tuple tuple = statement.bind(Arguments.of().text("nothing", null).instant("at", at));

        assertThat(tuple.getValue(0)).isNull();
        assertThat(tuple.getValue(1)).isEqualTo(OffsetDateTime.of(2026, 12, 3, 10, 15, 30, 0, ZoneOffset.UTC));
    }

    @Test
    void aMissingValueAnUnknownNameAndANameGivenTwiceAreRefused() {
        NamedStatement statement = NamedStatement.of("select #{a}, #{b}");

        assertThatThrownBy(() -> statement.bind(Arguments.of().text("a", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#{b}");
        assertThatThrownBy(() -> statement.bind(
                        Arguments.of().text("a", "1").text("b", "2").text("c", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[c]");
        assertThatThrownBy(
                        () -> Arguments.of().text("a", "1").and(Arguments.of().text("a", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void castsAndJsonOperatorsAreLeftAlone() {
        NamedStatement statement = NamedStatement.of("select x::jsonb ? 'k', y #> '{a}' from t where z = #{z}");

        assertThat(statement.sql()).isEqualTo("select x::jsonb ? 'k', y #> '{a}' from t where z = $1");
    }
}
