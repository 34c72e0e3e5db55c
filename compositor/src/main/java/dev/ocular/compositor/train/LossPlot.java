package dev.ocular.compositor.train;

import dev.ocular.gpu.io.AtomicFile;
import dev.ocular.vrnet.train.LossLog;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The loss curve as a PNG: training loss per round (blue) and validation loss where measured (orange), on a
 * logarithmic loss axis over optimiser steps. Written through a temporary file and a rename.
 */
public final class LossPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int MARGIN = 70;

    private LossPlot() {
    }

    public static void write(LossLog log, String title, Path target) throws IOException {
        BufferedImage image = draw(log.rows(), title);
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    static BufferedImage draw(List<LossLog.Row> rows, String title) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(title, MARGIN, 25);
            g.drawRect(MARGIN, MARGIN / 2 + 10, WIDTH - 2 * MARGIN, HEIGHT - MARGIN - MARGIN / 2 - 10);
            if (rows.isEmpty()) {
                return image;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (LossLog.Row r : rows) {
                for (double v : new double[] {r.trainLoss(), r.validationLoss()}) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            double maxStep = Math.max(1, rows.get(rows.size() - 1).step());
            Axis axis = new Axis(Math.log10(lo) - 0.02, Math.log10(hi) + 0.02, maxStep);
            g.drawString(String.format(Locale.ROOT, "%.4g", hi), 5, axis.y(hi) + 5);
            g.drawString(String.format(Locale.ROOT, "%.4g", lo), 5, axis.y(lo) + 5);
            g.drawString("step " + (long) maxStep, WIDTH - MARGIN - 60, HEIGHT - MARGIN / 2 + 5);
            g.setStroke(new BasicStroke(1.5f));
            plot(g, rows, axis, false, new Color(0x1f77b4));
            plot(g, rows, axis, true, new Color(0xff7f0e));
            // The legend sits under the plot: the title line is too short for it once a title names its member.
            g.setColor(new Color(0x1f77b4));
            g.drawString("train (mean per round)", MARGIN, HEIGHT - 8);
            g.setColor(new Color(0xff7f0e));
            g.drawString("validation", MARGIN + 200, HEIGHT - 8);
            return image;
        } finally {
            g.dispose();
        }
    }

    private record Axis(double logLo, double logHi, double maxStep) {
        int x(double step) {
            return (int) Math.round(MARGIN + (WIDTH - 2 * MARGIN) * step / maxStep);
        }

        int y(double loss) {
            double t = (Math.log10(loss) - logLo) / (logHi - logLo);
            return (int) Math.round(HEIGHT - MARGIN / 2.0 - t * (HEIGHT - MARGIN - MARGIN / 2.0 - 10));
        }
    }

    private static void plot(Graphics2D g, List<LossLog.Row> rows, Axis axis, boolean validation, Color colour) {
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (LossLog.Row r : rows) {
            double v = validation ? r.validationLoss() : r.trainLoss();
            if (!(v > 0) || !Double.isFinite(v)) {
                continue;
            }
            if (started) {
                path.lineTo(axis.x(r.step()), axis.y(v));
            } else {
                path.moveTo(axis.x(r.step()), axis.y(v));
                started = true;
            }
        }
        g.setColor(colour);
        g.draw(path);
    }
}
