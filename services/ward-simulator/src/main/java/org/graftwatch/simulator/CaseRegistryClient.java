package org.graftwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.EventJson;

/** Registers a scenario's patient and treatments through the case registry's REST API, as a ward system would. */
public final class CaseRegistryClient {
    public static final String DEFAULT_URL = "http://127.0.0.1:8082";

    /** 201 recorded it now; 409 means an earlier replay already did, which is just as good. */
    public enum Outcome { CREATED, ALREADY_RECORDED }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final String baseUrl;
    private final Duration connectPatience;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param connectPatience how long to keep retrying while nothing answers (the registry may still be starting)
     */
    public CaseRegistryClient(String baseUrl, Duration connectPatience) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.connectPatience = connectPatience;
    }

    public Outcome registerPatient(CaseEvent.Patient patient) {
        return post("/api/patients", EventJson.write(patient), "patient " + patient.id());
    }

    public Outcome recordTreatment(String patientId, JsonNode treatment) {
        String path = "/api/patients/" + URLEncoder.encode(patientId, StandardCharsets.UTF_8).replace("+", "%20") + "/treatments";
        return post(path, treatment.toString(), treatment.path("type").asText() + " of " + treatment.path("date").asText());
    }

    /** The patient, then every treatment in scenario order: all of it is in the registry before any observation. */
    public void registerCase(Scenario scenario) {
        registerPatient(scenario.patient());
        scenario.events().forEach(event -> recordTreatment(scenario.patientId(), event));
    }

    private Outcome post(String path, String body, String what) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        return switch (response.statusCode()) {
            case 201 -> Outcome.CREATED;
            case 409 -> Outcome.ALREADY_RECORDED;
            default -> throw new ReplayException("case registry refused " + what + ": POST " + uri + " answered "
                    + response.statusCode() + " " + response.body());
        };
    }

    private HttpResponse<String> send(HttpRequest request) {
        Instant giveUp = Instant.now().plus(connectPatience);
        while (true) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new ReplayException("case registry not reachable at " + baseUrl + ": nothing answered for "
                            + connectPatience.toSeconds() + " s", e);
                }
                pause();
            } catch (IOException e) {
                throw new ReplayException("case registry at " + baseUrl + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted while calling the case registry", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting for the case registry", e);
        }
    }
}
