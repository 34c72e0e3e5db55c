package dev.ocular.compositor.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocular.compositor.report.StereoEye;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API over real HTTP against the {@link RecordingControl} test double, loopback without a token. */
class TuningServiceApiTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path reports;

    private RecordingControl control;
    private TuningService service;
    private Http http;

    @BeforeEach
    void start() {
        control = new RecordingControl();
        service = TuningService.start(control, ServiceConfig.of("127.0.0.1", 0, null, reports));
        http = new Http("http://127.0.0.1:" + service.port(), null);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void stateOptionsAndFrames() throws InterruptedException {
        JsonNode state = http.get("/api/state").json();
        assertEquals("checker", state.get("scene").asText());
        assertEquals("FOCUSED", state.get("session_state").asText());
        assertEquals("quality", state.at("/left/preset").asText());
        assertEquals(960, state.at("/left/render_width").asInt());
        assertFalse(state.get("profiling").asBoolean());
        JsonNode options = http.get("/api/options").json();
        assertEquals(5, options.get("presets").size());
        assertEquals(1.0, options.get("sharpening_max").asDouble());
        Thread.sleep(120);
        JsonNode frames = http.get("/api/frames?max=5").json();
        assertEquals(5, frames.get("frame").size());
        assertEquals(5, frames.get("left_gpu_ms").size());
        assertTrue(frames.at("/left_gpu_ms/0").asDouble() > 0);
    }

    @Test
    void changingAnEyeReachesTheCompositorValidated() {
        Http.Reply r = http.send("PATCH", "/api/eyes/left", "{\"preset\":\"Performance\",\"sharpening\":0.25}");
        assertEquals(200, r.status(), r.text());
        assertEquals("performance", r.json().at("/settings/preset").asText(), "canonical name");
        assertEquals(720, r.json().at("/settings/render_width").asInt());
        assertEquals(List.of("changeEye(left, EyeChange[preset=performance, method=null, sharpening=0.25])"),
                control.callsStartingWith("changeEye"));
        assertEquals(2.0, control.ratio(StereoEye.LEFT));
        assertEquals(1.5, control.ratio(StereoEye.RIGHT), "the other eye is untouched");
        Http.Reply lens = http.send("PUT", "/api/lens", "{\"profile\":\"quest-3\"}");
        assertEquals(200, lens.status(), lens.text());
        assertEquals(List.of("changeLens(quest-3)"), control.callsStartingWith("changeLens"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "PATCH | /api/eyes/left   | {\"preset\":\"insane\"}          | unknown preset 'insane'",
        "PATCH | /api/eyes/left   | {\"method\":\"dlss\"}            | unknown method 'dlss'",
        "PATCH | /api/eyes/left   | {\"preset\":3}                   | expected a string",
        "PATCH | /api/eyes/left   | {\"sharpening\":\"0.5\"}         | expected a number",
        "PATCH | /api/eyes/left   | {\"sharpening\":1.5}             | outside [0.0, 1.0]",
        "PATCH | /api/eyes/left   | {\"prest\":\"quality\"}          | unknown field 'prest'",
        "PATCH | /api/eyes/left   | {}                               | at least one of",
        "PATCH | /api/eyes/left   | [1,2]                            | expected a JSON object",
        "PATCH | /api/eyes/left   | null                             | expected a JSON object",
        "PATCH | /api/eyes/left   | {\"preset\":                     | not valid JSON",
        "PATCH | /api/eyes/left   | {\"preset\":\"quality\"} {}      | not valid JSON",
        "PATCH | /api/eyes/left   | `{\"preset\":\"a\",\"preset\":\"b\"}` | not valid JSON",
        "PATCH | /api/eyes/middle | {\"preset\":\"quality\"}         | unknown eye 'middle'",
        "PUT   | /api/lens        | {\"profile\":\"pimax\"}          | unknown profile 'pimax'",
        "PUT   | /api/lens        | {}                               | 'profile' is required",
    })
    void badPayloadsAre400WithAReason(String method, String path, String body, String reason) {
        Http.Reply r = http.send(method, path, body);
        assertEquals(400, r.status(), r.text());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode error = r.json();
        assertTrue(error.get("error").asText().contains(reason), error.toString());
        assertEquals(400, error.get("status").asInt());
        assertEquals(List.of(), control.callsStartingWith("changeEye"), "nothing reached the compositor");
        assertEquals(200, http.get("/api/state").status(), "the service keeps running");
    }

    @Test
    void emptyBodyAndEmptyPatchAre400() {
        Http.Reply r = http.send("PATCH", "/api/eyes/right", null);
        assertEquals(400, r.status(), r.text());
        assertTrue(r.json().get("error").asText().contains("empty"));
    }

    @Test
    void oversizedBodiesAreRejectedAndTheServiceSurvives() {
        String big = "{\"preset\":\"" + "q".repeat(TuningService.MAX_BODY_BYTES) + "\"}";
        Http.Reply declared = http.send("PATCH", "/api/eyes/left", big);
        assertEquals(413, declared.status(), declared.text());
        assertTrue(declared.json().get("error").asText().contains("over the limit"));
        // Chunked: no Content-Length, so only reading the body finds out.
        HttpRequest chunked = http.request("/api/eyes/left").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build();
        Http.Reply streamed = http.send(chunked);
        assertEquals(413, streamed.status(), streamed.text());
        assertEquals(200, http.get("/api/state").status());
    }

    @Test
    void mutationsNeedJsonContentType() {
        HttpRequest form = http.request("/api/profile/start")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).build();
        assertEquals(415, http.send(form).status());
        assertEquals(List.of(), control.callsStartingWith("startProfiling"));
    }

    @Test
    void capturesArePngsAndMissingImagesAre404() {
        Http.Reply r = http.get("/api/eyes/right/images/output");
        assertEquals(200, r.status());
        assertEquals("image/png", r.contentType());
        assertArrayEquals(PNG, Arrays.copyOf(r.body(), 4));
        assertEquals(List.of("capture(right, output)"), control.callsStartingWith("capture"));
        assertEquals(400, http.get("/api/eyes/right/images/depth").status());
        control.withoutReference();
        Http.Reply none = http.get("/api/eyes/left/images/reference");
        assertEquals(404, none.status());
        assertTrue(none.json().get("error").asText().contains("no reference image"));
    }

    @Test
    void profilingWindowWritesAndServesItsReport() throws IOException, InterruptedException {
        assertEquals(409, http.send("POST", "/api/profile/stop", "{}").status(), "stop before start");
        assertEquals(404, http.get("/api/profile/report.zip").status(), "no report yet");
        assertEquals(200, http.send("POST", "/api/profile/start", "{}").status());
        assertTrue(http.get("/api/state").json().get("profiling").asBoolean());
        assertEquals(409, http.send("POST", "/api/profile/start", "{}").status(), "already open");
        Thread.sleep(300);
        Http.Reply stop = http.send("POST", "/api/profile/stop", "{}");
        assertEquals(200, stop.status(), stop.text());
        assertTrue(stop.json().at("/summary/counts/frames").asInt() >= 20, stop.text());
        assertEquals(4, stop.json().get("files").size());
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                http.get("/api/profile/report.zip").body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
                assertTrue(zip.readAllBytes().length > 0, e.getName());
            }
        }
        assertEquals(List.of("summary.json", "frames.csv", "trace.json", "report.html"), entries);
        Http.Reply csv = http.get("/api/profile/files/frames.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertTrue(http.get("/api/profile/files/trace.json").json().has("traceEvents"));
        assertEquals(400, http.get("/api/profile/files/..%2Fsecret").status());
        assertEquals(400, http.get("/api/profile/files/passwd").status());
    }

    @Test
    void unknownRoutesAndCompositorFaultsAnswerJsonAndTheServiceSurvives() {
        Http.Reply missing = http.get("/api/nothing-here");
        assertEquals(404, missing.status());
        assertTrue(missing.json().has("error"), missing.text());
        assertEquals(400, http.get("/api/frames?max=0").status());
        assertEquals(400, http.get("/api/frames?max=lots").status());
        control.failStateWith(new IllegalStateException("device lost"));
        Http.Reply fault = http.get("/api/state");
        assertEquals(500, fault.status());
        assertTrue(fault.json().get("error").asText().contains("device lost"));
        control.failStateWith(null);
        assertEquals(200, http.get("/api/state").status());
    }

    @Test
    void liveStreamSendsStatsEvents() throws IOException, InterruptedException {
        assertEquals(406, http.get("/api/stream").status(), "not an event-stream client");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                + "/api/stream")).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                response.headers().map().toString());
        int events = 0;
        long lastFrame = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && events < 3; line = in.readLine()) {
                if (line.startsWith("data: ")) {
                    JsonNode data = new Http.Reply(200, "", line.substring(6).getBytes(StandardCharsets.UTF_8))
                            .json();
                    JsonNode frames = data.at("/frames/frame");
                    long frame = frames.get(frames.size() - 1).asLong();
                    assertTrue(frame > lastFrame, "each update carries newer frames");
                    lastFrame = frame;
                    assertEquals("quality", data.at("/state/right/preset").asText());
                    events++;
                }
            }
        }
        assertEquals(3, events);
    }
}
