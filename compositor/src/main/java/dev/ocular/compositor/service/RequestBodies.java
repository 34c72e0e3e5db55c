package dev.ocular.compositor.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.ocular.compositor.report.TuningOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates request bodies against the compositor's {@link TuningOptions}. Every failure is an {@link
 * ApiException} 400 with a one-line reason naming the field; nothing a client sends reaches the compositor
 * unchecked.
 */
final class RequestBodies {
    private static final Set<String> EYE_FIELDS = Set.of("preset", "method", "sharpening");

    private final TuningOptions options;
    private final ObjectMapper mapper;

    RequestBodies(TuningOptions options) {
        this.options = options;
        this.mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** {@code {"preset"?: name, "method"?: name, "sharpening"?: number}}, at least one field. */
    EyeChange eyeChange(byte[] body) {
        JsonNode root = object(body);
        checkFields(root, EYE_FIELDS);
        if (root.isEmpty()) {
            throw bad("set at least one of preset, method, sharpening");
        }
        String preset = root.has("preset") ? choice(root, "preset", options.presets()) : null;
        String method = root.has("method") ? choice(root, "method", options.methods()) : null;
        Double sharpening = null;
        if (root.has("sharpening")) {
            JsonNode v = root.get("sharpening");
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw bad("field 'sharpening': expected a number");
            }
            double s = v.doubleValue();
            if (s < options.sharpeningMin() || s > options.sharpeningMax()) {
                throw bad("field 'sharpening': " + s + " is outside [" + options.sharpeningMin() + ", "
                        + options.sharpeningMax() + "]");
            }
            sharpening = s;
        }
        return new EyeChange(preset, method, sharpening);
    }

    /** {@code {"profile": name}}. */
    String lensProfile(byte[] body) {
        JsonNode root = object(body);
        checkFields(root, Set.of("profile"));
        if (!root.has("profile")) {
            throw bad("field 'profile' is required");
        }
        if (options.lensProfiles().isEmpty()) {
            throw bad("this compositor applies no lens profiles (sink without lens distortion)");
        }
        return choice(root, "profile", options.lensProfiles());
    }

    private JsonNode object(byte[] body) {
        if (body.length == 0) {
            throw bad("the body is empty; expected a JSON object");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("the body is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            // readTree on a byte array does no I/O; keep the cause rather than pretend it cannot happen.
            throw new UncheckedIOException("reading a request body from memory", e);
        }
        if (root == null || root.getNodeType() != JsonNodeType.OBJECT) {
            throw bad("expected a JSON object");
        }
        return root;
    }

    private static void checkFields(JsonNode root, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                throw bad("unknown field '" + truncate(name) + "' (expected " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String choice(JsonNode root, String field, List<String> allowed) {
        JsonNode v = root.get(field);
        if (!v.isTextual()) {
            throw bad("field '" + field + "': expected a string");
        }
        Optional<String> match = allowed.stream().filter(a -> a.equalsIgnoreCase(v.textValue())).findFirst();
        return match.orElseThrow(() -> bad("field '" + field + "': unknown " + field + " '" + truncate(v.textValue())
                + "' (expected " + String.join(", ", allowed) + ")"));
    }

    /** Echoing a client's string back keeps it short and on one line. */
    private static String truncate(String s) {
        String one = s.replaceAll("[\\r\\n\\t]", " ");
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ApiException bad(String reason) {
        return new ApiException(400, reason);
    }
}
