package dev.ocular.compositor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * trace.json is Chrome Trace Event JSON: the required top level, named process and tracks, each eye's GPU stages on
 * its own track with at least one complete event per stage that ran in every frame, and X events that nest on every
 * track (what chrome://tracing and Perfetto require of spans on one thread).
 */
class TraceExportTest {
    private final ObjectMapper mapper = new ObjectMapper();

    /** A complete event with exact µs times (BigDecimal: the file has three decimals of ns precision). */
    record Span(int tid, String name, BigDecimal ts, BigDecimal dur, int frame) {
        BigDecimal end() {
            return ts.add(dur);
        }
    }

    private JsonNode trace(FrameLog log) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceExport.write(log, TestRuns.info(), out);
        return mapper.readTree(out.toByteArray());
    }

    @Test
    void validTraceWithPerEyeTracksAndOneSpanPerStagePerFrame() throws IOException {
        FrameLog log = TestRuns.log(120, 7);
        JsonNode root = trace(log);
        assertEquals("ms", root.get("displayTimeUnit").asText());
        JsonNode events = root.get("traceEvents");
        assertTrue(events.isArray() && !events.isEmpty());
        Map<Integer, String> trackNames = new HashMap<>();
        List<Span> spans = new ArrayList<>();
        int counters = 0;
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            assertTrue(e.get("pid").isInt() && e.get("tid").isInt() && e.get("name").isTextual(), e.toString());
            switch (ph) {
                case "M" -> {
                    if (e.get("name").asText().equals("thread_name")) {
                        trackNames.put(e.get("tid").asInt(), e.at("/args/name").asText());
                    }
                }
                case "X" -> spans.add(new Span(e.get("tid").asInt(), e.get("name").asText(),
                        e.get("ts").decimalValue(), e.get("dur").decimalValue(), e.at("/args/frame").asInt()));
                case "C" -> {
                    counters++;
                    assertTrue(e.get("ts").isNumber() && e.get("args").size() > 0, e.toString());
                }
                default -> fail("unexpected phase " + ph);
            }
        }
        int left = TraceExport.gpuTrack(StereoEye.LEFT);
        int right = TraceExport.gpuTrack(StereoEye.RIGHT);
        assertEquals("Left eye GPU", trackNames.get(left));
        assertEquals("Right eye GPU", trackNames.get(right));
        assertEquals("CPU phases", trackNames.get(TraceExport.TID_CPU));
        assertTrue(counters >= 2 * log.size() - 1, "frame interval and GPU time counters per frame");
        Set<String> perEyeStageFrame = new HashSet<>();
        for (Span s : spans) {
            assertTrue(s.ts().signum() >= 0 && s.dur().signum() >= 0, s.toString());
            if (s.tid() == left || s.tid() == right) {
                perEyeStageFrame.add(s.tid() + "/" + s.name() + "/" + s.frame());
            }
        }
        for (int row = 0; row < log.size(); row++) {
            for (StereoEye eye : StereoEye.values()) {
                for (int s = 0; s < log.stages().size(); s++) {
                    boolean ran = !Float.isNaN(log.gpuMicros(row, eye.index(), s));
                    String key = TraceExport.gpuTrack(eye) + "/" + log.stages().get(s) + "/" + log.frameIndex(row);
                    assertEquals(ran, perEyeStageFrame.contains(key), key);
                }
            }
            for (CpuPhase phase : CpuPhase.values()) {
                int frame = log.frameIndex(row);
                assertTrue(spans.stream().anyMatch(sp -> sp.tid() == TraceExport.TID_CPU
                        && sp.name().equals(phase.label()) && sp.frame() == frame), phase + " " + frame);
            }
        }
        assertNested(spans);
    }

    /** GPU work longer than a frame (pipelined) is shifted, never overlapping; durations stay exact. */
    @Test
    void pipelinedGpuWorkStillNestsAndKeepsDurations() throws IOException {
        FrameLog log = new FrameLog(List.of("scene", "vrnet.fuse"));
        for (int f = 0; f < 30; f++) {
            int row = log.append(f, 0, 10_000_000, f * 10_000_000L, (byte) 0);
            log.cpu(row, CpuPhase.WAIT, 1_000_000);
            log.cpu(row, CpuPhase.SUBMIT, 2_000_000);
            for (int eye = 0; eye < 2; eye++) {
                log.gpu(row, eye, 0, 9_000_000);
                log.gpu(row, eye, 1, 4_000_123);
            }
        }
        List<Span> spans = new ArrayList<>();
        for (JsonNode e : trace(log).get("traceEvents")) {
            if (e.get("ph").asText().equals("X")) {
                spans.add(new Span(e.get("tid").asInt(), e.get("name").asText(), e.get("ts").decimalValue(),
                        e.get("dur").decimalValue(), e.at("/args/frame").asInt()));
            }
        }
        assertNested(spans);
        assertTrue(spans.stream().filter(s -> s.name().equals("vrnet.fuse"))
                .allMatch(s -> s.dur().compareTo(new BigDecimal("4000.123")) == 0));
    }

    /** Per track, sorted by start (longer first on ties), every span ends before the next starts or contains it. */
    static void assertNested(List<Span> spans) {
        Map<Integer, List<Span>> byTrack = new HashMap<>();
        spans.forEach(s -> byTrack.computeIfAbsent(s.tid(), k -> new ArrayList<>()).add(s));
        for (List<Span> track : byTrack.values()) {
            track.sort(Comparator.comparing(Span::ts).thenComparing(Span::dur, Comparator.reverseOrder()));
            List<Span> stack = new ArrayList<>();
            for (Span s : track) {
                while (!stack.isEmpty() && stack.get(stack.size() - 1).end().compareTo(s.ts()) <= 0) {
                    stack.remove(stack.size() - 1);
                }
                if (!stack.isEmpty()) {
                    Span parent = stack.get(stack.size() - 1);
                    assertTrue(s.end().compareTo(parent.end()) <= 0,
                            "track " + s.tid() + ": " + s + " overlaps " + parent + " without nesting");
                }
                stack.add(s);
            }
        }
    }
}
