package dev.ocular.compositor.service;

import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.report.EyeConfig;
import dev.ocular.compositor.report.StereoEye;
import dev.ocular.compositor.report.TestRuns;
import dev.ocular.compositor.report.TuningOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * TEST DOUBLE — not the compositor. A small, real implementation of {@link CompositorControl} for the API and browser
 * tests: it keeps per-eye settings, makes up 90 Hz frames as wall-clock time passes (each eye's GPU time falls with
 * its render area, so a preset change shows in the chart), renders tiny PNGs, and records every call the service
 * makes. The end-to-end test against the real compositor belongs with the frame loop.
 */
final class RecordingControl implements CompositorControl {
    static final TuningOptions OPTIONS = new TuningOptions(
            List.of("native", "quality", "balanced", "performance", "ultra-performance"),
            List.of("vrnet", "taau", "bicubic"), List.of("valve-index", "quest-3"), 0, 1, List.of());
    private static final Map<String, Double> RATIOS = Map.of("native", 1.0, "quality", 1.5, "balanced", 1.7,
            "performance", 2.0, "ultra-performance", 3.0);
    private static final long PERIOD_NANOS = 11_111_111L;

    /** Every call, in order, as "method(args)". */
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final FrameLog log = new FrameLog(List.of("scene", "vrnet.fuse", "compose"));
    private final long startNanos = System.nanoTime();
    private final EyeConfig[] eyes = {TestRuns.eye("quality", 1.5, "vrnet"), TestRuns.eye("quality", 1.5, "vrnet")};
    private String lens = "valve-index";
    private boolean hasReference = true;
    private int profileStartRow = -1;
    private long resets;
    /** When set, state() throws it: a compositor fault, to see the service answer 500 and survive. */
    private volatile RuntimeException stateFault;

    @Override
    public TuningOptions options() {
        return OPTIONS;
    }

    @Override
    public synchronized CompositorState state() {
        calls.add("state()");
        if (stateFault != null) {
            throw stateFault;
        }
        advance();
        return new CompositorState("checker", "headless", "FOCUSED", "Monado (test double)", "Simulated HMD", lens,
                new FrameCounters(log.size(), 0, 0, 0, resets), eyes[0], eyes[1]);
    }

    @Override
    public synchronized FrameWindow recentFrames(int max) {
        advance();
        return FrameWindow.tail(log, max);
    }

    @Override
    public synchronized EyeConfig changeEye(StereoEye eye, EyeChange change) {
        calls.add("changeEye(" + eye.key() + ", " + change + ")");
        EyeConfig old = eyes[eye.index()];
        String preset = change.preset() != null ? change.preset() : old.preset();
        String method = change.method() != null ? change.method() : old.method();
        double sharpening = change.sharpening() != null ? change.sharpening() : old.sharpening();
        EyeConfig sized = TestRuns.eye(preset, RATIOS.get(preset), method);
        eyes[eye.index()] = new EyeConfig(preset, sized.ratio(), method, sharpening, sized.renderWidth(),
                sized.renderHeight(), sized.outputWidth(), sized.outputHeight());
        resets++;
        return eyes[eye.index()];
    }

    @Override
    public synchronized void changeLens(String profile) {
        calls.add("changeLens(" + profile + ")");
        lens = profile;
    }

    @Override
    public synchronized Optional<byte[]> capture(StereoEye eye, ImageKind kind) {
        calls.add("capture(" + eye.key() + ", " + kind.key() + ")");
        if (!hasReference && (kind == ImageKind.REFERENCE || kind == ImageKind.ERROR)) {
            return Optional.empty();
        }
        return Optional.of(png(16 + kind.ordinal(), 9, 0x204060 * (eye.index() + 1)));
    }

    @Override
    public synchronized void startProfiling() {
        calls.add("startProfiling()");
        advance();
        profileStartRow = log.size();
    }

    @Override
    public synchronized ProfileCapture stopProfiling() {
        calls.add("stopProfiling()");
        advance();
        FrameLog window = new FrameLog(log.stages());
        for (int row = profileStartRow; row < log.size(); row++) {
            int r = window.append(log.frameIndex(row), log.displayTime(row), PERIOD_NANOS, log.startNanos(row),
                    log.flags(row));
            for (int eye = 0; eye < 2; eye++) {
                for (int s = 0; s < log.stages().size(); s++) {
                    window.gpu(r, eye, s, Math.round(log.gpuMicros(row, eye, s) * 1000.0));
                }
            }
            window.cpu(r, CpuPhase.SUBMIT, Math.round(log.cpuMicros(row, CpuPhase.SUBMIT) * 1000.0));
        }
        profileStartRow = -1;
        return new ProfileCapture(window, TestRuns.info(eyes[0].preset(), eyes[0].method()), null);
    }

    synchronized void withoutReference() {
        hasReference = false;
    }

    void failStateWith(RuntimeException fault) {
        stateFault = fault;
    }

    synchronized double ratio(StereoEye eye) {
        return eyes[eye.index()].ratio();
    }

    /** Appends the frames a 90 Hz loop would have produced by now; GPU time ∝ render pixels of each eye. */
    private void advance() {
        long now = System.nanoTime() - startNanos;
        long next = (long) log.size() * PERIOD_NANOS;
        while (next <= now) {
            int f = log.size();
            int row = log.append(f, next + PERIOD_NANOS, PERIOD_NANOS, next, (byte) 0);
            for (int eye = 0; eye < 2; eye++) {
                double area = 1 / (eyes[eye].ratio() * eyes[eye].ratio());
                log.gpu(row, eye, 0, Math.round(3_000_000 * area + (f % 7) * 10_000));
                log.gpu(row, eye, 1, Math.round(2_000_000 * area));
                log.gpu(row, eye, 2, 150_000);
            }
            log.cpu(row, CpuPhase.SUBMIT, 6_000_000);
            next += PERIOD_NANOS;
        }
    }

    static byte[] png(int w, int h, int rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (rgb + x * 0x0a0000 + y * 0x000a00) & 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    List<String> callsStartingWith(String prefix) {
        List<String> out = new ArrayList<>();
        for (String c : calls) {
            if (c.startsWith(prefix)) {
                out.add(c);
            }
        }
        return out;
    }
}
