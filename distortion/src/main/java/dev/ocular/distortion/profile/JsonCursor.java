package dev.ocular.distortion.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocular.distortion.LensInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A position in a parsed JSON document that knows its path ({@code eyes.left.lens.k[2]}), so that every rejection names
 * the file, the field and the reason in one line. Typed getters validate as they read: finite numbers, ranges, array
 * lengths, required and unknown fields.
 */
final class JsonCursor {
    private final String file;
    private final String path;
    private final JsonNode node;

    private JsonCursor(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static JsonCursor root(String file, JsonNode node) {
        JsonCursor root = new JsonCursor(file, "(root)", node);
        root.requireType(node.isObject(), "an object");
        return root;
    }

    String path() {
        return path;
    }

    String file() {
        return file;
    }

    LensInputException error(String reason) {
        return new LensInputException(file, path, reason);
    }

    private String childPath(String name) {
        return "(root)".equals(path) ? name : path + "." + name;
    }

    boolean has(String name) {
        return node.isObject() && node.has(name) && !node.get(name).isNull();
    }

    /** A required field of this object. */
    JsonCursor field(String name) {
        requireType(node.isObject(), "an object");
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw new LensInputException(file, childPath(name), "missing required field");
        }
        return new JsonCursor(file, childPath(name), child);
    }

    Optional<JsonCursor> optionalField(String name) {
        return has(name) ? Optional.of(field(name)) : Optional.empty();
    }

    /** Rejects fields other than {@code allowed}, which catches misspelt keys that would otherwise be ignored. */
    JsonCursor requireOnlyFields(Set<String> allowed) {
        requireType(node.isObject(), "an object");
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new LensInputException(file, childPath(first),
                    "unknown field (allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
        return this;
    }

    List<JsonCursor> elements(int minCount, int maxCount) {
        requireType(node.isArray(), "an array");
        if (node.size() < minCount || node.size() > maxCount) {
            throw error(minCount == maxCount
                    ? "expected " + minCount + " elements, found " + node.size()
                    : "expected " + minCount + " to " + maxCount + " elements, found " + node.size());
        }
        List<JsonCursor> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            list.add(new JsonCursor(file, path + "[" + i + "]", node.get(i)));
        }
        return list;
    }

    double number() {
        requireType(node.isNumber(), "a number");
        double value = node.asDouble();
        if (!Double.isFinite(value)) {
            throw error("not a finite number (" + value + ")");
        }
        return value;
    }

    double numberIn(double min, double max) {
        double value = number();
        if (value < min || value > max) {
            throw error(String.format(Locale.ROOT, "%s is outside the accepted range %s to %s", format(value),
                    format(min), format(max)));
        }
        return value;
    }

    double positive() {
        double value = number();
        if (!(value > 0.0)) {
            throw error(format(value) + " must be greater than 0");
        }
        return value;
    }

    int integerIn(int min, int max) {
        double value = number();
        if (value != Math.rint(value)) {
            throw error("expected an integer, found " + format(value));
        }
        if (value < min || value > max) {
            throw error(format(value) + " is outside the accepted range " + min + " to " + max);
        }
        return (int) value;
    }

    String text() {
        requireType(node.isTextual(), "a string");
        return node.asText();
    }

    /** An array of finite numbers. */
    double[] numbers(int minCount, int maxCount) {
        List<JsonCursor> items = elements(minCount, maxCount);
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = items.get(i).number();
        }
        return values;
    }

    /** A number used for both axes, or a two-element [x, y] array; both positive. */
    double[] positivePair() {
        double[] pair = node.isNumber() ? new double[] {number(), number()} : numbers(2, 2);
        for (int i = 0; i < 2; i++) {
            if (!(pair[i] > 0.0)) {
                throw new LensInputException(file, node.isNumber() ? path : path + "[" + i + "]",
                        format(pair[i]) + " must be greater than 0");
            }
        }
        return pair;
    }

    private void requireType(boolean ok, String expected) {
        if (!ok) {
            throw error("expected " + expected + ", found " + describe(node));
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string \"" + abbreviate(node.asText()) + "\"";
            case NUMBER -> "number " + node.asText();
            case BOOLEAN -> "boolean " + node.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
