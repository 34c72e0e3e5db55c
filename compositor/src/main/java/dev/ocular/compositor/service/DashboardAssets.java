package dev.ocular.compositor.service;

import dev.ocular.compositor.report.WebAsset;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's files, served from the classpath: the page, its script and style sheet, and ECharts from its
 * WebJar (the machines are offline; no CDN). The page's script URLs carry the request's token, because a browser
 * loading {@code <script src>} cannot add an Authorization header.
 */
final class DashboardAssets {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final String indexTemplate = WebAsset.web("index.html");
    private final byte[] script = WebAsset.bytes(WebAsset.WEB + "dashboard.js");
    private final byte[] css = WebAsset.bytes(WebAsset.WEB + "dashboard.css");
    private final byte[] echarts = WebAsset.bytes(WebAsset.ECHARTS);
    private final String token;

    /** @param token the service's token, or null */
    DashboardAssets(String token) {
        this.token = token;
    }

    void register(Javalin app) {
        app.get("/", this::index);
        app.get("/dashboard.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", script));
        app.get("/dashboard.css", ctx -> asset(ctx, "text/css; charset=utf-8", css));
        app.get("/assets/echarts.min.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", echarts));
    }

    private void index(Context ctx) {
        // The token passed the guard already; it is URL-safe by ServiceConfig's rules, escaping is belt and braces.
        String query = token == null ? "" : "?token=" + token.replace("&", "&amp;").replace("\"", "&quot;");
        String page = indexTemplate.replace("{{query}}", query);
        ctx.header("Content-Security-Policy", CSP).header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8").result(page.getBytes(StandardCharsets.UTF_8));
    }

    private static void asset(Context ctx, String type, byte[] bytes) {
        ctx.contentType(type).header("Cache-Control", "no-cache").result(bytes);
    }
}
