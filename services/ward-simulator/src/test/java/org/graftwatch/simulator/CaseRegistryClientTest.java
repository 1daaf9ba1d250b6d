package org.graftwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.graftwatch.contract.EventJson;
import org.graftwatch.simulator.FakeCaseRegistry.Answer;
import org.junit.jupiter.api.Test;

class CaseRegistryClientTest {
    private static final Scenario SCENARIO = Scenario.parse("""
            {"id": "reg", "patient": {"id": "P-REG-01", "sex": "male", "birthDate": "1989-05-14", "diagnosis": "AML", "ward": "HEM-3"},
             "events": [
               {"type": "CAR_T", "date": "2025-01-06", "target": "CLL1", "product": "CAR-CLL1"},
               {"type": "HSCT", "date": "2025-03-10", "conditioning": "myeloablative",
                "sources": [{"id": "UCB-1", "kind": "UCB", "donorRelation": "unrelated", "hlaMatch": "5/8"}]},
               {"type": "DLI", "date": "2025-05-02", "source": "UCB-1", "cd3PerKg": 1.0e7}]}
            """, "reg.json");

    @Test
    void registersThePatientThenEveryTreatmentAsTheScenarioStatesIt() throws IOException {
        try (FakeCaseRegistry registry = FakeCaseRegistry.start(0, request -> new Answer(201, "{}"))) {
            new CaseRegistryClient(registry.url(), Duration.ofSeconds(1)).registerCase(SCENARIO);

            assertThat(registry.requests).extracting(FakeCaseRegistry.Request::path).containsExactly(
                    "/api/patients", "/api/patients/P-REG-01/treatments", "/api/patients/P-REG-01/treatments",
                    "/api/patients/P-REG-01/treatments");
            assertThat(registry.requests).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.contentType()).isEqualTo("application/json");
            });
            JsonNode patient = json(registry.requests.get(0).body());
            assertThat(patient.path("id").asText()).isEqualTo("P-REG-01");
            assertThat(patient.path("birthDate").asText()).isEqualTo("1989-05-14");
            assertThat(patient.path("ward").asText()).isEqualTo("HEM-3");
            JsonNode hsct = json(registry.requests.get(2).body());
            assertThat(hsct).isEqualTo(SCENARIO.events().get(1));
            assertThat(hsct.path("sources").get(0).path("hlaMatch").asText()).isEqualTo("5/8");
            assertThat(json(registry.requests.get(3).body()).path("cd3PerKg").asDouble()).isEqualTo(1.0e7);
        }
    }

    @Test
    void anEarlierReplaysRecordsAreFine() throws IOException {
        try (FakeCaseRegistry registry = FakeCaseRegistry.start(0, request -> new Answer(409, "{\"resourceType\":\"OperationOutcome\"}"))) {
            CaseRegistryClient client = new CaseRegistryClient(registry.url() + "/", Duration.ofSeconds(1));

            assertThat(client.registerPatient(SCENARIO.patient())).isEqualTo(CaseRegistryClient.Outcome.ALREADY_RECORDED);
            assertThat(client.recordTreatment("P-REG-01", SCENARIO.events().get(0))).isEqualTo(CaseRegistryClient.Outcome.ALREADY_RECORDED);
            assertThat(registry.requests).extracting(FakeCaseRegistry.Request::path)
                    .containsExactly("/api/patients", "/api/patients/P-REG-01/treatments");
        }
    }

    @Test
    void aRefusalFailsWithTheOperationOutcome() throws IOException {
        String outcome = """
                {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"business-rule","diagnostics":"DLI source X is not a graft source"}]}""";
        try (FakeCaseRegistry registry = FakeCaseRegistry.start(0, request -> request.path().endsWith("/treatments")
                ? new Answer(422, outcome) : new Answer(201, "{}"))) {
            CaseRegistryClient client = new CaseRegistryClient(registry.url(), Duration.ofSeconds(1));

            assertThatThrownBy(() -> client.registerCase(SCENARIO))
                    .isInstanceOf(ReplayException.class)
                    .hasMessageContaining("CAR_T of 2025-01-06")
                    .hasMessageContaining("422")
                    .hasMessageContaining("DLI source X is not a graft source");
            assertThat(registry.requests).hasSize(2);
        }
    }

    @Test
    void waitsForARegistryThatIsStillStarting() throws Exception {
        int port = freePort();
        CompletableFuture<FakeCaseRegistry> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return FakeCaseRegistry.start(port, request -> new Answer(201, "{}"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
        try {
            CaseRegistryClient client = new CaseRegistryClient("http://127.0.0.1:" + port, Duration.ofSeconds(10));

            assertThat(client.registerPatient(SCENARIO.patient())).isEqualTo(CaseRegistryClient.Outcome.CREATED);
        } finally {
            starting.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void givesUpOnARegistryThatNeverAnswers() throws IOException {
        CaseRegistryClient client = new CaseRegistryClient("http://127.0.0.1:" + freePort(), Duration.ofMillis(300));

        assertThatThrownBy(() -> client.registerPatient(SCENARIO.patient()))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("case registry not reachable at http://127.0.0.1:");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode json(String body) throws IOException {
        return EventJson.mapper().readTree(body);
    }
}
