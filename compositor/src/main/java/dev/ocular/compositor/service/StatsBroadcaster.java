package dev.ocular.compositor.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes live stats to every connected dashboard as server-sent events ({@code event: stats}), {@link #RATE_HZ}
 * times a second. The payload is built once per tick, and only while someone listens.
 */
final class StatsBroadcaster implements AutoCloseable {
    static final int RATE_HZ = 4;
    private static final Logger LOG = LoggerFactory.getLogger(StatsBroadcaster.class);

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Supplier<String> payload;
    private final ScheduledExecutorService timer;

    StatsBroadcaster(Supplier<String> payload) {
        this.payload = payload;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ocular-service-stats");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tick, 0, 1000 / RATE_HZ, TimeUnit.MILLISECONDS);
    }

    void add(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
    }

    int clientCount() {
        return clients.size();
    }

    private void tick() {
        if (clients.isEmpty()) {
            return;
        }
        String event;
        String data;
        try {
            data = payload.get();
            event = "stats";
        } catch (RuntimeException e) {
            // A failing tick must not end the schedule (an exception would cancel it for good): log it, tell the
            // dashboards, and try again next tick.
            LOG.warn("live stats failed", e);
            data = JsonNodeFactory.instance.objectNode().put("error", "live stats failed: " + e.getMessage())
                    .toString();
            event = "stats-error";
        }
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent(event, data);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (SseClient client : clients) {
            client.close();
        }
        clients.clear();
    }
}
