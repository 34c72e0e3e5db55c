package dev.ocular.compositor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Text files shipped on the classpath: ocular's report and dashboard scripts (under {@link #WEB}) and the chart
 * library's WebJar. A missing one is a packaging bug, reported with its path.
 */
public final class WebAsset {
    /** Classpath folder of ocular's web files. */
    public static final String WEB = "dev/ocular/compositor/web/";
    /**
     * Apache ECharts' "common" build (line, bar, scatter, grid, tooltip, legend, data zoom) from the
     * org.webjars.npm:echarts WebJar; the version in this path must match the root pom's.
     */
    public static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js";
    public static final String ECHARTS_NAME = "Apache ECharts 5.3.1 (Apache-2.0)";

    private WebAsset() {
    }

    /** One of ocular's web files, by its name under {@link #WEB}. */
    public static String web(String name) {
        return text(WEB + name);
    }

    /** Any classpath text resource, UTF-8. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String path) {
        try (InputStream in = WebAsset.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading classpath resource " + path, e);
        }
    }

    /**
     * Script text made safe to place between {@code <script>} tags: the HTML parser ends a script at the first
     * {@code </script} whatever the JavaScript context, and {@code <!--} changes its state (HTML Living Standard,
     * "Restrictions for contents of script elements"). Both can only occur inside JS strings, regexes and comments,
     * where the escape {@code \x3C} stands for the same {@code <}.
     */
    public static String inlineScript(String js) {
        return js.replaceAll("(?i)<(/script|!--)", "\\\\x3C$1");
    }

    /**
     * JSON made safe for a {@code <script type="application/json">} block: {@code <} only occurs inside JSON
     * strings, where {@code \u003c} is the same character.
     */
    public static String inlineJson(String json) {
        return json.replace("<", "\\u003c");
    }
}
