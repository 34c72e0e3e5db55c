package dev.ocular.compositor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding, tokens and the checks every request goes through. */
class AccessTest {
    private static final String TOKEN = "test-token-0123456789abcdef";

    @TempDir
    Path reports;

    @Test
    void loopbackNeedsNoTokenAnyOtherAddressGetsOne() {
        ServiceConfig local = ServiceConfig.of(null, ServiceConfig.DEFAULT_PORT, null, reports);
        assertEquals("127.0.0.1", local.bindAddress());
        assertNull(local.token());
        ServiceConfig open = ServiceConfig.of("0.0.0.0", 0, null, reports);
        assertTrue(open.tokenGenerated());
        assertTrue(open.token().length() >= 40, open.token());
        assertFalse(open.token().equals(ServiceConfig.of("0.0.0.0", 0, null, reports).token()), "random");
        assertEquals(TOKEN, ServiceConfig.of("0.0.0.0", 0, TOKEN, reports).token());
    }

    @Test
    void badServiceOptionsAreBadInput() {
        List<String> messages = List.of(
                assertThrows(BadInputException.class, () -> ServiceConfig.of(null, 70_000, null, reports))
                        .getMessage(),
                assertThrows(BadInputException.class, () -> ServiceConfig.of(null, 0, "short", reports))
                        .getMessage(),
                assertThrows(BadInputException.class, () -> ServiceConfig.of(null, 0, "has spaces in it ok?", reports))
                        .getMessage(),
                assertThrows(BadInputException.class, () -> ServiceConfig.of("no-such-host.invalid", 0, null,
                        reports)).getMessage());
        assertTrue(messages.get(0).startsWith("--port"));
        assertTrue(messages.get(1).startsWith("--token"));
        assertTrue(messages.get(3).startsWith("--bind"));
        messages.forEach(m -> assertFalse(m.contains("\n"), m));
    }

    @Test
    void portInUseIsBadInput() {
        try (TuningService first = TuningService.start(new RecordingControl(),
                ServiceConfig.of("127.0.0.1", 0, null, reports))) {
            BadInputException e = assertThrows(BadInputException.class, () -> TuningService.start(
                    new RecordingControl(), ServiceConfig.of("127.0.0.1", first.port(), null, reports)));
            assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + first.port()), e.getMessage());
        }
    }

    @Test
    void tokenIsCheckedOnEveryRequest() {
        ServiceConfig config = ServiceConfig.of("0.0.0.0", 0, null, reports);
        try (TuningService service = TuningService.start(new RecordingControl(), config)) {
            String base = "http://127.0.0.1:" + service.port();
            assertTrue(service.url().endsWith("/?token=" + config.token()), service.url());
            Http anonymous = new Http(base, null);
            for (String path : List.of("/", "/dashboard.js", "/assets/echarts.min.js", "/api/state", "/api/stream",
                    "/api/nothing")) {
                Http.Reply r = anonymous.get(path);
                assertEquals(401, r.status(), path);
                assertTrue(r.json().get("error").asText().contains("token is required"), path);
            }
            assertEquals(401, new Http(base, "x".repeat(43)).get("/api/state").status(), "wrong token");
            assertEquals(200, new Http(base, config.token()).get("/api/state").status(), "bearer header");
            Http.Reply page = anonymous.get("/?token=" + config.token());
            assertEquals(200, page.status(), "query parameter, as the page uses");
            assertTrue(page.text().contains("/dashboard.js?token=" + config.token()),
                    "the page's scripts carry the token on");
            assertEquals(401, anonymous.send("PATCH", "/api/eyes/left", "{\"preset\":\"native\"}").status());
        }
    }

    /** DNS rebinding: a page whose own name resolves to 127.0.0.1 sends its name in Host; that is refused. */
    @Test
    void withoutTokenOnlyLocalHostNamesAreServed() throws IOException {
        try (TuningService service = TuningService.start(new RecordingControl(),
                ServiceConfig.of("127.0.0.1", 0, null, reports))) {
            assertTrue(rawGet(service.port(), "evil.example:" + service.port()).startsWith("HTTP/1.1 403"));
            assertTrue(rawGet(service.port(), "localhost:" + service.port()).startsWith("HTTP/1.1 200"));
            assertTrue(rawGet(service.port(), "127.0.0.1").startsWith("HTTP/1.1 200"));
        }
    }

    /** java.net.http will not send a chosen Host header; a socket will. */
    private static String rawGet(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/options HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
