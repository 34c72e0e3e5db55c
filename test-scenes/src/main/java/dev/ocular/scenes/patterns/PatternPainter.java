package dev.ocular.scenes.patterns;

import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.scenes.scene.Canvas;
import dev.ocular.scenes.scene.ColourSpace;

/** The drawing of the geometric test patterns (star, grid, bars), each box-filtered or exactly anti-aliased. */
final class PatternPainter {
    static final int SPOKE_PAIRS = 36;

    private PatternPainter() {
    }

    static void siemensStar(Canvas c) {
        double cx = c.width() / 2.0;
        double cy = c.height() / 2.0;
        double radius = 0.45 * Math.min(c.width(), c.height());
        c.paint((x, y, out) -> {
            double dx = x - cx;
            double dy = y - cy;
            double r = Math.sqrt(dx * dx + dy * dy);
            float v;
            if (r > radius) {
                v = 0.5f;
            } else {
                double sector = (Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI) * 2 * SPOKE_PAIRS;
                v = ((long) Math.floor(sector) & 1) == 0 ? 1f : 0f;
            }
            out[0] = v;
            out[1] = v;
            out[2] = v;
            out[3] = 1;
        }, 4);
        // Spoke pitch at radius r is 2πr / spokePairs pixels per black+white pair.
        float[] red = Canvas.rgba(1, 0.1f, 0.1f, 1);
        for (double pitch : new double[] {2, 4}) {
            ring(c, cx, cy, pitch * SPOKE_PAIRS / (2 * Math.PI), red);
        }
    }

    private static void ring(Canvas c, double cx, double cy, double r, float[] colour) {
        int steps = Math.max(64, (int) (r * 8));
        for (int i = 0; i < steps; i++) {
            double a = 2 * Math.PI * i / steps;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            c.rect(x - 0.5, y - 0.5, x + 0.5, y + 0.5, colour);
        }
    }

    static void grid(Canvas c, FovAngles fov) {
        double ox = c.width() * -fov.tanLeft() / (fov.tanRight() - fov.tanLeft());
        double oy = c.height() * fov.tanUp() / (fov.tanUp() - fov.tanDown());
        double spacing = Math.min(c.width(), c.height()) / 16.0;
        double line = Math.max(1, c.width() / 512.0);
        float[] white = Canvas.rgba(1, 1, 1, 1);
        for (double x = ox - Math.floor(ox / spacing) * spacing; x < c.width(); x += spacing) {
            c.rect(x - line / 2, 0, x + line / 2, c.height(), white);
        }
        for (double y = oy - Math.floor(oy / spacing) * spacing; y < c.height(); y += spacing) {
            c.rect(0, y - line / 2, c.width(), y + line / 2, white);
        }
        float[] green = Canvas.rgba(0.1f, 1, 0.2f, 1);
        double arm = spacing * 0.75;
        c.rect(ox - arm, oy - 1.5 * line, ox + arm, oy + 1.5 * line, green);
        c.rect(ox - 1.5 * line, oy - arm, ox + 1.5 * line, oy + arm, green);
    }

    static void colourBars(Canvas c) {
        float hi = (float) ColourSpace.srgbToLinear(0.75);
        float[][] bars = {{hi, hi, hi}, {hi, hi, 0}, {0, hi, hi}, {0, hi, 0}, {hi, 0, hi}, {hi, 0, 0}, {0, 0, hi},
            {0, 0, 0}};
        double barsBottom = c.height() * 2 / 3.0;
        double w = c.width() / (double) bars.length;
        for (int i = 0; i < bars.length; i++) {
            c.rect(i * w, 0, (i + 1) * w, barsBottom, Canvas.rgba(bars[i][0], bars[i][1], bars[i][2], 1));
        }
        double rampBottom = barsBottom + (c.height() - barsBottom) / 2;
        for (int x = 0; x < c.width(); x++) {
            float v = (float) ColourSpace.srgbToLinear((x + 0.5) / c.width());
            c.rect(x, barsBottom, x + 1, rampBottom, Canvas.rgba(v, v, v, 1));
        }
        double step = c.width() / 16.0;
        for (int i = 0; i < 16; i++) {
            float v = (float) ColourSpace.srgbToLinear(i / 15.0);
            c.rect(i * step, rampBottom, (i + 1) * step, c.height(), Canvas.rgba(v, v, v, 1));
        }
    }
}
