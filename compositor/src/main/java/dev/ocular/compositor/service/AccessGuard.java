package dev.ocular.compositor.service;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Checks every request before it reaches a handler.
 * <ul>
 * <li>With a token: {@code Authorization: Bearer TOKEN} or {@code ?token=TOKEN} (the dashboard page and its
 * EventSource cannot set headers), compared in constant time.</li>
 * <li>Without one (loopback only): the Host header must name this machine, so a web page that re-binds its own
 * domain name to 127.0.0.1 (DNS rebinding) cannot drive the compositor from the wearer's browser.</li>
 * <li>Requests that change something must send {@code Content-Type: application/json}: a cross-site form cannot,
 * which stops cross-site request forgery.</li>
 * </ul>
 */
final class AccessGuard {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final byte[] token;
    private final String bindAddress;

    AccessGuard(String token, String bindAddress) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.bindAddress = bindAddress;
    }

    void check(Context ctx) {
        if (token != null) {
            checkToken(ctx);
        } else {
            checkLocalHost(ctx);
        }
        if (MUTATING.contains(ctx.method().name())) {
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new ApiException(415, "send Content-Type: application/json");
            }
        }
    }

    private void checkToken(Context ctx) {
        String given = null;
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        } else if (ctx.queryParam("token") != null) {
            given = ctx.queryParam("token");
        }
        if (given == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "a token is required: header 'Authorization: Bearer TOKEN' or ?token=TOKEN");
        }
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiException(401, "wrong token");
        }
    }

    private void checkLocalHost(Context ctx) {
        String host = ctx.header("Host");
        if (host == null) {
            throw new ApiException(400, "missing Host header");
        }
        String name = hostName(host).toLowerCase(Locale.ROOT);
        if (!LOCAL_HOSTS.contains(name) && !name.equals(bindAddress.toLowerCase(Locale.ROOT))) {
            throw new ApiException(403, "Host '" + host + "' is not this machine; without a token the service only "
                    + "answers requests addressed to localhost");
        }
    }

    /** The host part of a Host header: "[::1]:8097" → "[::1]", "localhost:8097" → "localhost". */
    static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
