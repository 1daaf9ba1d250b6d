package org.graftwatch.graftmonitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.contract.Traceparent;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.PrometheusScrape;
import org.graftwatch.testsupport.TopicProbe;
import org.graftwatch.testsupport.TraceParents;
import org.junit.jupiter.api.Test;

/**
 * What ops see of the graft monitor, through the real broker: a finding continues the trace of the observations
 * that raised it ({@code traceparent} header), and /q/metrics counts the records read and set aside, times the
 * rules and shows the consumer's lag.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class ObservabilityIT {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-05-05");
    private static final Map<String, String> OBSERVATIONS = Map.of("service", "graft-monitor", "topic", Topics.OBSERVATIONS);

    /** An HSCT with one PBSC graft, then an ANC climbing past 0.5 on days +11 to +13: neutrophil engraftment. */
    private static void engraftment(TopicProbe probe, String patientId, String traceparent) {
        var graft = new CaseEvent.GraftSource("PBSC-1", CaseEvent.GraftKind.PBSC, "matched-unrelated", "10/10", null, null);
        var hsct = new CaseEvent.Treatment("HSCT-" + DAY_ZERO, CaseEvent.TreatmentType.HSCT, DAY_ZERO, "reduced-intensity",
                List.of(graft), null, null, null, null);
        probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(new CaseEvent(UUID.randomUUID().toString(),
                CaseEvent.Type.HSCT_RECORDED, patientId, "CASE-" + patientId, 1, Instant.now(),
                new CaseEvent.CaseSnapshot(new CaseEvent.Patient(patientId, "female", null, "ALL", "HEM-1"), List.of(hsct)))));
        for (int day = 1; day <= 13; day++) {
            double anc = day < 11 ? 0.05 : 0.5 + day / 10.0;
            String id = "anc-" + day;
            ObservationEvent count = new ObservationEvent(ObservationEvent.eventIdFor("lab", id, String.valueOf(anc)),
                    ObservationEvent.Type.RESULT, patientId, id, "lab", "final", Analyte.ANC, Analyte.ANC.code(),
                    Instant.parse(DAY_ZERO.plusDays(day) + "T06:00:00Z"), anc, "10*9/L", null, null, null, Instant.now());
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(count), TraceParents.header(traceparent));
        }
    }

    private static PrometheusScrape scrape() {
        return new PrometheusScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void aFindingCarriesTheTraceOfItsObservationsAndTheMetricsMove() {
        String patientId = "P-OBS-" + UUID.randomUUID().toString().substring(0, 8);
        String traceparent = Traceparent.random();
        PrometheusScrape before = scrape();
        try (TopicProbe probe = TopicProbe.connect()) {
            engraftment(probe, patientId, traceparent);
            probe.send(Topics.OBSERVATIONS, patientId, "{\"this is\": \"no observation");

            ConsumerRecord<String, String> finding = probe.await(Topics.FINDINGS, r -> patientId.equals(r.key()), Duration.ofSeconds(45)).get(0);
            String findingTrace = TraceParents.of(finding);
            assertThat(Traceparent.traceId(findingTrace)).as("the observations' trace id").isEqualTo(Traceparent.traceId(traceparent));
            assertThat(findingTrace).as("a span of its own within that trace").isNotEqualTo(traceparent);
            probe.await("graft-monitor.dlq.v1", r -> patientId.equals(r.key()), Duration.ofSeconds(30));
        }

        PrometheusScrape after = scrape();
        assertThat(after.value("graftwatch_records_processed_total", OBSERVATIONS) - before.value("graftwatch_records_processed_total", OBSERVATIONS))
                .isGreaterThanOrEqualTo(13);
        assertThat(after.value("graftwatch_records_processed_total", Map.of("service", "graft-monitor", "topic", Topics.CASE_EVENTS)))
                .isGreaterThanOrEqualTo(1);
        Map<String, String> unreadable = Map.of("service", "graft-monitor", "topic", Topics.OBSERVATIONS, "reason", "unreadable");
        assertThat(after.value("graftwatch_records_rejected_total", unreadable) - before.value("graftwatch_records_rejected_total", unreadable))
                .isGreaterThanOrEqualTo(1);
        Map<String, String> rule = Map.of("detector", "graft-monitor", "rule", "graft-assessment");
        assertThat(after.value("graftwatch_rule_evaluation_seconds_count", rule)).isGreaterThan(before.value("graftwatch_rule_evaluation_seconds_count", rule));
        assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).as("consumer lag through the Kafka binder").isTrue();
    }
}
