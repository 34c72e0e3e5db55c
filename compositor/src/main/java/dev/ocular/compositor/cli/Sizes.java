package dev.ocular.compositor.cli;

import dev.ocular.gpu.BadInputException;

/** WxH size options. */
final class Sizes {
    /** Largest eye image side ocular accepts (the Vulkan limit of common devices). */
    static final int MAX = 16384;

    private Sizes() {
    }

    static int[] parse(String text, String field) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new BadInputException(field + ": expected WIDTHxHEIGHT, got '" + text + "'");
        }
        try {
            int w = Integer.parseInt(parts[0]);
            int h = Integer.parseInt(parts[1]);
            if (w < 1 || h < 1 || w > MAX || h > MAX) {
                throw new BadInputException(field + ": " + text + " is outside 1.." + MAX + " per side");
            }
            return new int[] {w, h};
        } catch (NumberFormatException e) {
            throw new BadInputException(field + ": expected WIDTHxHEIGHT, got '" + text + "'");
        }
    }
}
