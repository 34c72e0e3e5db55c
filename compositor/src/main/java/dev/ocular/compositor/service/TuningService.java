package dev.ocular.compositor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocular.gpu.BadInputException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ocular serve}'s HTTP side: a Javalin server with the JSON API ({@link ApiRoutes}), a live stats stream and the
 * dashboard, in front of a running compositor's {@link CompositorControl}.
 *
 * <pre>{@code
 * ServiceConfig config = ServiceConfig.of(bind, port, token, outDir.resolve("profiles"));
 * try (TuningService service = TuningService.start(control, config)) {
 *     System.err.println("ocular: dashboard at " + service.url());   // includes ?token= when there is one
 *     frameLoop.runUntilStopped();
 * }
 * }</pre>
 *
 * Bad requests get 400 (or 401/403/404/409/413/415 where those say more) with {@code {"error": reason, "status": n}};
 * only a fault in the compositor or the service gives 500, and none of them stops the server.
 */
public final class TuningService implements AutoCloseable {
    /** Largest request body accepted; the API's bodies are a few dozen bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TuningService.class);

    private final ServiceConfig config;
    private final Javalin app;
    private final StatsBroadcaster broadcaster;

    private TuningService(ServiceConfig config, Javalin app, StatsBroadcaster broadcaster) {
        this.config = config;
        this.app = app;
        this.broadcaster = broadcaster;
    }

    /**
     * Starts serving. Returns once the port is bound.
     *
     * @throws BadInputException when the address cannot be bound (port in use, address not on this machine)
     */
    public static TuningService start(CompositorControl control, ServiceConfig config) {
        Objects.requireNonNull(control, "control");
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        ProfileWindow profile = new ProfileWindow(control, config.reportDir());
        ApiRoutes api = new ApiRoutes(control, profile, mapper);
        AccessGuard guard = new AccessGuard(config.token(), config.bindAddress());
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
        });
        StatsBroadcaster broadcaster = new StatsBroadcaster(api::livePayload);
        app.before(ctx -> {
            guard.check(ctx);
            checkDeclaredSize(ctx);
        });
        api.register(app, broadcaster);
        new DashboardAssets(config.token()).register(app);
        registerErrors(app, mapper);
        try {
            app.start(config.bindAddress(), config.port());
        } catch (JavalinBindException e) {
            broadcaster.close();
            throw new BadInputException("cannot listen on " + config.bindAddress() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        return new TuningService(config, app, broadcaster);
    }

    /** Rejects a body that says it is too large before anything reads it; chunked bodies hit Javalin's limit. */
    private static void checkDeclaredSize(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            throw new ApiException(413, "request body of " + length + " bytes is over the limit of "
                    + MAX_BODY_BYTES);
        }
    }

    private static void registerErrors(Javalin app, ObjectMapper mapper) {
        app.exception(ApiException.class, (e, ctx) -> error(ctx, mapper, e.status(), e.getMessage()));
        app.exception(BadInputException.class, (e, ctx) -> error(ctx, mapper, 400, e.getMessage()));
        app.exception(ControlConflictException.class, (e, ctx) -> error(ctx, mapper, 409, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, mapper, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, mapper, 500, "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        });
    }

    private static void error(Context ctx, ObjectMapper mapper, int status, String reason) {
        String oneLine = reason == null ? "(no reason)" : reason.replace('\n', ' ').replace('\r', ' ');
        ObjectNode body = mapper.createObjectNode().put("error", oneLine).put("status", status);
        ctx.status(status).json(body);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    public ServiceConfig config() {
        return config;
    }

    /** The dashboard's address, with {@code ?token=} when the service has a token. */
    public String url() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        String base = "http://" + host + ":" + port() + "/";
        return config.token() == null ? base : base + "?token=" + config.token();
    }

    /** Dashboards currently connected to the live stream. */
    public int liveClients() {
        return broadcaster.clientCount();
    }

    @Override
    public void close() {
        broadcaster.close();
        app.stop();
    }
}
