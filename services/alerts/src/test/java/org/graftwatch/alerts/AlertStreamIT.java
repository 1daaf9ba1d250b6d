package org.graftwatch.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/** The SSE stream resumes after a disconnect from Last-Event-ID with no change missed and none repeated. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class AlertStreamIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instant ONSET = Instant.parse("2025-03-12T03:10:00Z");
    private static final List<AlertKind> KINDS = List.of(AlertKind.FEBRILE_NEUTROPENIA, AlertKind.GVHD_ONSET, AlertKind.RELAPSE,
            AlertKind.POOR_COUNT_RECOVERY, AlertKind.CHIMERISM_DECLINE);

    @TestHTTPResource("/api/alerts/stream")
    URL stream;

    record Event(long id, String name, AlertEvent alert) {
    }

    /**
     * A minimal EventSource over a plain socket, so that closing it really drops the connection (as a browser losing
     * the network would); reads the chunked stream on its own thread until closed.
     */
    static final class StreamClient implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        /** What the stream sent, for the failure message. */
        final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Socket socket;

        StreamClient(URL url, String lastEventId) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAccept: text/event-stream\r\n" + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream head = new BufferedInputStream(socket.getInputStream());
            assertThat(ChunkedBody.line(head)).startsWith("HTTP/1.1 200");
            for (String line = ChunkedBody.line(head); line != null && !line.isEmpty(); line = ChunkedBody.line(head)) {
                // headers: the body is chunked
            }
            BufferedReader body = new BufferedReader(new InputStreamReader(new ChunkedBody(head), StandardCharsets.UTF_8));
            Thread readerThread = new Thread(() -> read(body), "sse-test-client");
            readerThread.setDaemon(true);
            readerThread.start();
        }

        private void read(BufferedReader reader) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (lines.size() < 20) {
                        lines.add(line);
                    }
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(Long.parseLong(id), name, EventJson.read(data.toString(), AlertEvent.class)));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = field(line);
                    } else if (line.startsWith("event:")) {
                        name = field(line);
                    } else if (line.startsWith("data:")) {
                        data.append(field(line));
                    }
                }
            } catch (IOException closed) {
                // the test disconnected
            } catch (RuntimeException e) {
                lines.add("unreadable: " + e);
            }
        }

        private static String field(String line) {
            String value = line.substring(line.indexOf(':') + 1);
            return value.startsWith(" ") ? value.substring(1) : value;
        }

        /** The next {@code count} events about the patient, skipping other tests' alerts. */
        List<Event> next(String patientId, int count) throws InterruptedException {
            List<Event> mine = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (mine.size() < count) {
                Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(event).as("event %d of %d for %s; stream sent %s", mine.size() + 1, count, patientId, lines).isNotNull();
                if (patientId.equals(event.alert().patientId())) {
                    mine.add(event);
                }
            }
            return mine;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The payload of an HTTP/1.1 chunked body, read from after the headers. */
    static final class ChunkedBody extends InputStream {
        private final InputStream in;
        private int left;

        ChunkedBody(InputStream in) {
            this.in = in;
        }

        /** One CRLF-terminated ASCII line, without the CRLF; null at the end of the stream. */
        static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    return null;
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        /** Returns what the current chunk has at hand, without waiting to fill {@code buffer}: events arrive one by one. */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) {
                    size = line(in); // the CRLF closing the previous chunk
                }
                if (size == null || (left = Integer.parseInt(size.strip(), 16)) == 0) {
                    return -1;
                }
            }
            int read = in.read(buffer, offset, Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }
    }

    private static Finding finding(String patientId, int n) {
        return ClinicianActionsIT.finding(patientId, KINDS.get(n), Severity.INFO, ONSET.plusSeconds(3600L * n), null);
    }

    @Test
    void aClientResumingWithLastEventIdMissesNothingAndGetsNothingTwice() throws Exception {
        String patientId = "P-SSE-" + UUID.randomUUID().toString().substring(0, 8);
        List<Event> received = new ArrayList<>();
        try (TopicProbe probe = TopicProbe.connect()) {
            try (StreamClient first = new StreamClient(stream, null)) {
                probe.send(Topics.FINDINGS, patientId, EventJson.write(finding(patientId, 0)));
                probe.send(Topics.FINDINGS, patientId, EventJson.write(finding(patientId, 1)));
                received.addAll(first.next(patientId, 2));
            }
            // while disconnected
            probe.send(Topics.FINDINGS, patientId, EventJson.write(finding(patientId, 2)));
            probe.send(Topics.FINDINGS, patientId, EventJson.write(finding(patientId, 3)));
            probe.await(Topics.ALERTS, r -> patientId.equals(r.key()), 4, WAIT);

            try (StreamClient resumed = new StreamClient(stream, Long.toString(received.get(received.size() - 1).id()))) {
                received.addAll(resumed.next(patientId, 2));
                probe.send(Topics.FINDINGS, patientId, EventJson.write(finding(patientId, 4)));
                received.addAll(resumed.next(patientId, 1));
                assertThat(resumed.events.poll(2, TimeUnit.SECONDS)).as("nothing more for this patient")
                        .matches(e -> e == null || !patientId.equals(e.alert().patientId()));
            }
        }
        assertThat(received).extracting(e -> e.alert().kind()).containsExactlyElementsOf(KINDS);
        assertThat(received).extracting(Event::name).containsOnly("alert");
        assertThat(received).extracting(Event::id).isSorted().doesNotHaveDuplicates();
        assertThat(received).extracting(e -> e.alert().alertId()).containsExactlyElementsOf(
                KINDS.stream().map(k -> finding(patientId, KINDS.indexOf(k)).episodeId()).toList());
    }

    @Test
    void aMalformedLastEventIdIsAnOperationOutcome() {
        given().header("Last-Event-ID", "yesterday").accept("text/event-stream").get("/api/alerts/stream").then()
                .statusCode(400).body("resourceType", equalTo("OperationOutcome"));
    }
}
