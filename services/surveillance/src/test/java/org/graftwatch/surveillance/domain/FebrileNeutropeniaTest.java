package org.graftwatch.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FebrileNeutropeniaTest {
    private static final FebrileNeutropeniaCriteria IDSA = new FebrileNeutropeniaCriteria(38.3, 38.0, Duration.ofHours(1),
            0.5, Duration.ofHours(48), Duration.ofHours(72));
    private final FebrileNeutropenia rule = new FebrileNeutropenia(IDSA);

    private static Reading at(String time, double value) {
        return new Reading("obs-" + time, Instant.parse(time), value);
    }

    private static final List<Reading> NEUTROPENIC = List.of(at("2025-06-08T06:00:00Z", 0.02));

    @Test
    void fnToShockSustainedFeverCompletesTheHourAtTenOClock() {
        var temps = List.of(at("2025-06-08T08:00:00Z", 37.4), at("2025-06-08T09:00:00Z", 38.0), at("2025-06-08T10:00:00Z", 38.1),
                at("2025-06-08T12:00:00Z", 38.6));
        var episodes = rule.evaluate(temps, NEUTROPENIC);
        assertThat(episodes).hasSize(1);
        assertThat(episodes.get(0).onset().at()).isEqualTo(Instant.parse("2025-06-08T10:00:00Z"));
        assertThat(episodes.get(0).fever()).extracting(Reading::value).containsExactly(38.0, 38.1);
        assertThat(episodes.get(0).anc().value()).isEqualTo(0.02);
    }

    @Test
    void singleTemperature38Point3CountsAnd38Point2DoesNot() {
        assertThat(rule.evaluate(List.of(at("2025-06-08T12:00:00Z", 38.3)), NEUTROPENIC)).hasSize(1);
        assertThat(rule.evaluate(List.of(at("2025-06-08T12:00:00Z", 38.2)), NEUTROPENIC)).isEmpty();
    }

    @Test
    void sustainedMeansAFullHourWithNoReadingBelow38() {
        assertThat(rule.evaluate(List.of(at("2025-06-08T09:00:00Z", 38.0), at("2025-06-08T09:59:00Z", 38.1)), NEUTROPENIC)).isEmpty();
        assertThat(rule.evaluate(List.of(at("2025-06-08T09:00:00Z", 38.0), at("2025-06-08T10:00:00Z", 38.1)), NEUTROPENIC)).hasSize(1);
        assertThat(rule.evaluate(List.of(at("2025-06-08T09:00:00Z", 38.0), at("2025-06-08T09:30:00Z", 37.9),
                at("2025-06-08T10:00:00Z", 38.1)), NEUTROPENIC)).isEmpty();
    }

    @Test
    void ancMustBeBelowHalfInTheLatestValueWithin48Hours() {
        var fever = List.of(at("2025-06-08T12:00:00Z", 38.6));
        assertThat(rule.evaluate(fever, List.of(at("2025-06-08T06:00:00Z", 0.49)))).hasSize(1);
        assertThat(rule.evaluate(fever, List.of(at("2025-06-08T06:00:00Z", 0.5)))).isEmpty();
        assertThat(rule.evaluate(fever, List.of(at("2025-06-06T12:00:00Z", 0.1)))).hasSize(1);
        assertThat(rule.evaluate(fever, List.of(at("2025-06-06T11:59:00Z", 0.1)))).isEmpty();
        // the latest value decides: a recovered count after a low one is not neutropenia
        assertThat(rule.evaluate(fever, List.of(at("2025-06-07T06:00:00Z", 0.1), at("2025-06-08T06:00:00Z", 3.2)))).isEmpty();
        // a count drawn after the fever does not date it back
        assertThat(rule.evaluate(fever, List.of(at("2025-06-08T13:00:00Z", 0.1)))).isEmpty();
    }

    @Test
    void oneEpisodeUntilThreeAfebrileDaysThenANewOne() {
        var counts = List.of(at("2025-06-08T06:00:00Z", 0.02), at("2025-06-11T06:00:00Z", 0.03), at("2025-06-15T06:00:00Z", 0.04));
        var temps = List.of(at("2025-06-08T12:00:00Z", 38.6), at("2025-06-09T12:00:00Z", 38.9), at("2025-06-10T12:00:00Z", 37.0),
                at("2025-06-12T11:00:00Z", 38.5), at("2025-06-13T06:00:00Z", 36.8), at("2025-06-15T12:00:00Z", 38.4));
        var episodes = rule.evaluate(temps, counts);
        assertThat(episodes).extracting(e -> e.onset().at()).containsExactly(
                Instant.parse("2025-06-08T12:00:00Z"), Instant.parse("2025-06-15T12:00:00Z"));
    }

    @Test
    void uneventfulFeverWithNormalCountsIsNotFebrileNeutropenia() {
        assertThat(rule.evaluate(List.of(at("2025-05-03T14:00:00Z", 38.4)), List.of(at("2025-05-03T06:00:00Z", 3.2)))).isEmpty();
    }
}
