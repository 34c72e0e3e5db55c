package dev.ocular.scenes.scene;

/**
 * Procedural surface textures the built-in scenes share (ground, walls, fences), painted deterministically on a
 * {@link Canvas}. Each method documents what makes the texture hard for an upscaler.
 */
public final class ProceduralTextures {
    private ProceduralTextures() {
    }

    /** Mottled grass/earth: broadband noise, tiles seamlessly. */
    public static Texture grass(long seed, int size) {
        Canvas c = new Canvas(size, size);
        c.paint((x, y, out) -> {
            double n = Noise.fractal(seed, x / size * 16, y / size * 16, 16);
            out[0] = (float) (0.06 + 0.10 * n);
            out[1] = (float) (0.14 + 0.16 * n);
            out[2] = (float) (0.04 + 0.05 * n);
            out[3] = 1;
        }, 1);
        return c.toTexture("grass", true);
    }

    /** A checkerboard of {@code checks}² squares: the canonical moiré generator on receding planes. */
    public static Texture checker(int size, int checks, float dark, float light) {
        Canvas c = new Canvas(size, size).fill(dark, dark, dark, 1);
        double cell = (double) size / checks;
        float[] white = Canvas.rgba(light, light, light, 1);
        for (int y = 0; y < checks; y++) {
            for (int x = (y & 1); x < checks; x += 2) {
                c.rect(x * cell, y * cell, (x + 1) * cell, (y + 1) * cell, white);
            }
        }
        return c.toTexture("checker" + checks, true);
    }

    /** Brick courses with thin mortar lines and per-brick tint: fine horizontal detail that ghosts when it moves. */
    public static Texture bricks(long seed, int size) {
        Canvas c = new Canvas(size, size).fill(0.55f, 0.52f, 0.48f, 1);
        int rows = 16;
        int cols = 8;
        double bh = (double) size / rows;
        double bw = (double) size / cols;
        double mortar = Math.max(1.0, size / 256.0);
        for (int r = 0; r < rows; r++) {
            double offset = (r & 1) * bw / 2;
            for (int k = -1; k < cols; k++) {
                double tint = Noise.hash(seed, k + 100L * r, 7);
                float[] brick = Canvas.rgba((float) (0.35 + 0.2 * tint), (float) (0.12 + 0.08 * tint),
                        (float) (0.08 + 0.05 * tint), 1);
                double x0 = offset + k * bw;
                c.rect(x0 + mortar, r * bh + mortar, x0 + bw - mortar, (r + 1) * bh - mortar, brick);
            }
        }
        return c.toTexture("bricks", true);
    }

    /**
     * Chain-link fence: two families of diagonal wires of {@code wireFraction} of the mesh pitch, transparent between
     * them (alpha-tested). Under minification the mips average the wires away — aliasing and vanishing wires.
     */
    public static Texture chainLink(int size, int diamonds, double wireFraction) {
        Canvas c = new Canvas(size, size);
        c.paint((x, y, out) -> {
            double u = x / size * diamonds;
            double v = y / size * diamonds;
            double d1 = Math.abs(frac(u + v + 0.5) - 0.5);
            double d2 = Math.abs(frac(u - v + 0.5) - 0.5);
            boolean wire = Math.min(d1, d2) < wireFraction / 2;
            out[0] = 0.62f;
            out[1] = 0.64f;
            out[2] = 0.66f;
            out[3] = wire ? 1 : 0;
        }, 4);
        return c.toTexture("chain-link", true);
    }

    /** Office-window grid for distant buildings: lit and dark panes a few texels wide. */
    public static Texture windows(long seed, int size, int cells) {
        Canvas c = new Canvas(size, size).fill(0.16f, 0.17f, 0.19f, 1);
        double cell = (double) size / cells;
        for (int y = 0; y < cells; y++) {
            for (int x = 0; x < cells; x++) {
                boolean lit = Noise.hash(seed, x, y) < 0.35;
                float[] pane = lit ? Canvas.rgba(0.9f, 0.8f, 0.55f, 1) : Canvas.rgba(0.05f, 0.07f, 0.1f, 1);
                c.rect(x * cell + cell * 0.2, y * cell + cell * 0.25, (x + 1) * cell - cell * 0.2,
                        (y + 1) * cell - cell * 0.15, pane);
            }
        }
        return c.toTexture("windows", true);
    }

    static double frac(double v) {
        return v - Math.floor(v);
    }
}
