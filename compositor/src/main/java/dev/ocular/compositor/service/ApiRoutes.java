package dev.ocular.compositor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.compositor.report.EyeConfig;
import dev.ocular.compositor.report.ReportFiles;
import dev.ocular.compositor.report.RunReport;
import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.SummaryJson;
import dev.ocular.compositor.report.TuningOptions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The JSON API under {@code /api}: state, options, recent frames, the live stream, per-eye and lens changes,
 * captures, and the profiling window with its report. Bodies are validated by {@link RequestBodies} before the
 * compositor sees them. REPORTS.md lists every route.
 */
final class ApiRoutes {
    /** Frames per live update and the default of {@code GET /api/frames}: about 3 s at 90 Hz. */
    static final int LIVE_FRAMES = 300;

    private final CompositorControl control;
    private final TuningOptions options;
    private final RequestBodies bodies;
    private final ProfileWindow profile;
    private final ObjectMapper mapper;

    ApiRoutes(CompositorControl control, ProfileWindow profile, ObjectMapper mapper) {
        this.control = control;
        this.options = control.options();
        this.bodies = new RequestBodies(options);
        this.profile = profile;
        this.mapper = mapper;
    }

    void register(Javalin app, StatsBroadcaster broadcaster) {
        app.get("/api/state", ctx -> ctx.json(stateJson()));
        app.get("/api/options", ctx -> ctx.json(mapper.valueToTree(options)));
        app.get("/api/frames", ctx -> ctx.json(framesJson(maxFrames(ctx))));
        SseHandler stream = new SseHandler(broadcaster::add);
        app.get("/api/stream", ctx -> {
            // Javalin's SSE handler answers an empty 200 to anything but exactly this header; say why instead.
            if (!"text/event-stream".equals(ctx.header("Accept"))) {
                throw new ApiException(406, "the live stream needs 'Accept: text/event-stream' (use EventSource)");
            }
            stream.handle(ctx);
        });
        app.patch("/api/eyes/{eye}", this::changeEye);
        app.put("/api/lens", this::changeLens);
        app.get("/api/eyes/{eye}/images/{kind}", this::capture);
        app.get("/api/profile", ctx -> ctx.json(profileJson()));
        app.post("/api/profile/start", this::startProfile);
        app.post("/api/profile/stop", this::stopProfile);
        app.get("/api/profile/report.zip", this::reportZip);
        app.get("/api/profile/files/{name}", this::reportFile);
    }

    /** One live update: state and recent frames. */
    String livePayload() {
        ObjectNode n = mapper.createObjectNode();
        n.set("state", stateJson());
        n.set("frames", framesJson(LIVE_FRAMES));
        return n.toString();
    }

    private ObjectNode stateJson() {
        ObjectNode n = mapper.valueToTree(control.state());
        n.put("profiling", profile.isOpen());
        return n;
    }

    private static int maxFrames(Context ctx) {
        String text = ctx.queryParam("max");
        if (text == null) {
            return LIVE_FRAMES;
        }
        try {
            int max = Integer.parseInt(text.strip());
            if (max >= 1 && max <= FrameWindow.MAX_FRAMES) {
                return max;
            }
        } catch (NumberFormatException e) {
            // Falls through to the 400 below, which names the accepted range.
        }
        throw new ApiException(400, "query 'max': expected an integer in 1.." + FrameWindow.MAX_FRAMES);
    }

    private ObjectNode framesJson(int max) {
        FrameWindow w = control.recentFrames(max);
        ObjectNode n = mapper.createObjectNode();
        ArrayNode frames = n.putArray("frame");
        for (int f : w.frame()) {
            frames.add(f);
        }
        column(n.putArray("interval_ms"), w.intervalMs());
        column(n.putArray("left_gpu_ms"), w.leftGpuMs());
        column(n.putArray("right_gpu_ms"), w.rightGpuMs());
        return n;
    }

    /** NaN becomes null: JSON has no NaN and the chart shows a gap. Rounded to 0.1 µs to keep updates small. */
    private static void column(ArrayNode out, float[] values) {
        for (float v : values) {
            if (Float.isFinite(v)) {
                out.add(Math.round(v * 10_000.0) / 10_000.0);
            } else {
                out.addNull();
            }
        }
    }

    private void changeEye(Context ctx) throws IOException {
        StereoEye eye = StereoEye.parse(ctx.pathParam("eye"));
        EyeChange change = bodies.eyeChange(body(ctx));
        EyeConfig applied = control.changeEye(eye, change);
        ObjectNode n = mapper.createObjectNode();
        n.put("eye", eye.key());
        n.set("settings", mapper.valueToTree(applied));
        ctx.json(n);
    }

    private void changeLens(Context ctx) throws IOException {
        String profileName = bodies.lensProfile(body(ctx));
        control.changeLens(profileName);
        ctx.json(mapper.createObjectNode().put("lens_profile", profileName));
    }

    /**
     * The request body, at most {@link TuningService#MAX_BODY_BYTES}. Declared lengths are checked before any handler
     * runs; this catches chunked bodies, which declare none (Javalin's own limit only looks at the declared length).
     */
    private static byte[] body(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(TuningService.MAX_BODY_BYTES + 1);
            if (bytes.length > TuningService.MAX_BODY_BYTES) {
                throw new ApiException(413, "request body is over the limit of " + TuningService.MAX_BODY_BYTES
                        + " bytes");
            }
            return bytes;
        }
    }

    private void capture(Context ctx) {
        StereoEye eye = StereoEye.parse(ctx.pathParam("eye"));
        ImageKind kind = ImageKind.parse(ctx.pathParam("kind"));
        byte[] png = control.capture(eye, kind).orElseThrow(() -> new ApiException(404,
                "no " + kind.key() + " image for the " + eye.key() + " eye in this configuration"));
        ctx.contentType("image/png").header("Cache-Control", "no-store").result(png);
    }

    private void startProfile(Context ctx) {
        profile.start();
        ctx.json(profileJson());
    }

    private void stopProfile(Context ctx) throws IOException {
        RunReport report = profile.stop();
        ObjectNode n = profileJson();
        n.set("summary", SummaryJson.summary(report.stats(), report.info(), report.quality()));
        ctx.json(n);
    }

    private ObjectNode profileJson() {
        ObjectNode n = mapper.createObjectNode();
        n.put("profiling", profile.isOpen());
        ArrayNode files = n.putArray("files");
        if (profile.latestFiles().isPresent()) {
            RunReport.FILE_NAMES.forEach(files::add);
            n.put("report_dir", profile.latestFiles().get().summaryJson().getParent().toString());
        }
        return n;
    }

    private ReportFiles latest() {
        return profile.latestFiles().orElseThrow(() -> new ApiException(404,
                "no profiling report yet: POST /api/profile/start, then /api/profile/stop"));
    }

    private void reportZip(Context ctx) throws IOException {
        ReportFiles files = latest();
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"ocular-profile.zip\"");
        try (ZipOutputStream zip = new ZipOutputStream(ctx.outputStream())) {
            for (Path file : files.all()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private void reportFile(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (!RunReport.FILE_NAMES.contains(name)) {
            throw new ApiException(400, "unknown report file '" + name + "' (expected "
                    + String.join(", ", RunReport.FILE_NAMES) + ")");
        }
        Path file = latest().summaryJson().resolveSibling(name);
        String type = switch (name) {
            case RunReport.FRAMES_CSV -> "text/csv; charset=utf-8";
            case RunReport.REPORT_HTML -> "text/html; charset=utf-8";
            default -> "application/json";
        };
        String disposition = name.equals(RunReport.REPORT_HTML) ? "inline" : "attachment";
        ctx.contentType(type).header("Content-Disposition", disposition + "; filename=\"" + name + "\"");
        ctx.result(Files.newInputStream(file));
    }
}
