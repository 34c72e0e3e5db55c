package dev.ocular.compositor.cli;

import dev.ocular.gpu.BadInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses per-eye option values: either one value for both eyes ({@code quality}) or {@code left=…,right=…} (an eye
 * left out keeps the default).
 */
final class EyeOptions {
    private EyeOptions() {
    }

    /** @return [left, right] */
    static String[] parse(String text, String field, String defaultValue) {
        String[] out = {defaultValue, defaultValue};
        if (text == null) {
            return out;
        }
        if (!text.contains("=")) {
            out[0] = text.trim();
            out[1] = text.trim();
            return out;
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[1].isBlank()) {
                throw new BadInputException(field + ": expected left=VALUE,right=VALUE or one VALUE, got '" + text
                        + "'");
            }
            String eye = kv[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (!eye.equals("left") && !eye.equals("right")) {
                throw new BadInputException(field + ": unknown eye '" + kv[0] + "' (left or right)");
            }
            if (seen.put(eye, kv[1].trim()) != null) {
                throw new BadInputException(field + ": eye '" + eye + "' given twice");
            }
        }
        out[0] = seen.getOrDefault("left", defaultValue);
        out[1] = seen.getOrDefault("right", defaultValue);
        return out;
    }
}
