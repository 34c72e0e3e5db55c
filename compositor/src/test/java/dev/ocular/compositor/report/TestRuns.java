package dev.ocular.compositor.report;

import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Deterministic frame logs and run descriptions for the report and service tests. */
public final class TestRuns {
    public static final List<String> STAGES = List.of("scene", "vrnet.pack", "vrnet.conv0", "vrnet.conv1",
            "vrnet.fuse", "taau", "distortion", "compose");
    public static final long PERIOD_NANOS = 11_111_111L;

    private TestRuns() {
    }

    /**
     * A 90 Hz run: every stage runs for both eyes except {@code taau} (a vr-net run), interval jitter around the
     * period, every 50th frame late and its interval doubled, frame 7 discarded, frame 9 skipped (no GPU work),
     * history reset at frame 0.
     */
    public static FrameLog log(int frames, long seed) {
        FrameLog log = new FrameLog(STAGES);
        SplittableRandom random = new SplittableRandom(seed);
        long t = 0;
        for (int f = 0; f < frames; f++) {
            byte flags = 0;
            if (f % 50 == 49) {
                flags |= FrameLog.FLAG_LATE;
                t += PERIOD_NANOS; // the late frame starts a period later: the previous image was shown twice
            }
            flags |= f == 7 ? FrameLog.FLAG_DISCARDED : 0;
            flags |= f == 9 ? FrameLog.FLAG_SKIPPED : 0;
            flags |= f == 0 ? FrameLog.FLAG_HISTORY_RESET : 0;
            int row = log.append(f, 1_000_000_000L + t, PERIOD_NANOS, t, flags);
            log.cpu(row, CpuPhase.WAIT, 3_000_000 + random.nextLong(500_000));
            log.cpu(row, CpuPhase.BEGIN, 20_000);
            log.cpu(row, CpuPhase.RECORD, 150_000 + random.nextLong(50_000));
            log.cpu(row, CpuPhase.SUBMIT, 5_000_000 + random.nextLong(1_000_000));
            log.cpu(row, CpuPhase.END, 40_000);
            if (f != 9) {
                for (int eye = 0; eye < 2; eye++) {
                    for (int s = 0; s < STAGES.size(); s++) {
                        if (!STAGES.get(s).equals("taau")) {
                            log.gpu(row, eye, s, 100_000 + s * 50_000L + eye * 10_000L + random.nextLong(20_000));
                        }
                    }
                }
            }
            t += PERIOD_NANOS + random.nextLong(400_000) - 200_000;
        }
        return log;
    }

    public static EyeConfig eye(String preset, double ratio, String method) {
        int outW = 1440;
        int outH = 1600;
        return new EyeConfig(preset, ratio, method, 0.2, (int) Math.round(outW / ratio),
                (int) Math.round(outH / ratio), outW, outH);
    }

    public static RunInfo info(String preset, String method) {
        return new RunInfo("sponza-lite", eye(preset, 2.0, method), eye(preset, 2.0, method), "headless",
                "valve-index", "Monado 25.0", "Simulated HMD", "llvmpipe (LLVM 19)", "Mesa 26.0", "0123abc",
                Instant.parse("2026-05-01T12:00:00Z"), HostFacts.detect(), Map.of("seed", "42"));
    }

    public static RunInfo info() {
        return info("performance", "vrnet");
    }
}
