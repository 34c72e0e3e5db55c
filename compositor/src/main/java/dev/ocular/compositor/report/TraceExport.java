package dev.ocular.compositor.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ocular.compositor.metrics.CpuPhase;
import dev.ocular.compositor.metrics.FrameLog;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code trace.json} in the Chrome Trace Event format that Perfetto and chrome://tracing open (google/perfetto
 * docs/getting-started/other-formats.md; the format's own spec: "Trace Event Format", Google, 2016): {@code
 * {"traceEvents":[…],"displayTimeUnit":"ms"}}, one process with four named tracks — frames, CPU phases, left-eye GPU,
 * right-eye GPU — {@code ph:"X"} spans with {@code ts}/{@code dur} in µs and {@code ph:"C"} counters for frame and GPU
 * time.
 *
 * <p>Placement: the log holds start times of frames and durations of phases and GPU stages, not the absolute time
 * each phase or GPU stage began. CPU phases run one after another in the frame loop, so they are laid end to end from
 * the frame start. Each eye's GPU stages are laid end to end from the moment the frame was submitted (frame start +
 * wait + begin + record) under one span per eye and frame. The durations are exact; where a frame's spans would
 * overlap the previous frame's on the same track (GPU work pipelined past the next frame start) they are moved later
 * so that every track remains a proper stack, as the format requires of X events on one thread. Times are handled in
 * integer nanoseconds so nested spans' sums match their parent exactly.
 */
public final class TraceExport {
    static final int PID = 1;
    static final int TID_FRAMES = 1;
    static final int TID_CPU = 2;
    static final int TID_LEFT = 3;
    static final int TID_RIGHT = 4;

    private TraceExport() {
    }

    /** The track ({@code tid}) holding an eye's GPU stages. */
    public static int gpuTrack(StereoEye eye) {
        return eye == StereoEye.LEFT ? TID_LEFT : TID_RIGHT;
    }

    public static void write(FrameLog log, RunInfo info, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            // The stream belongs to the caller (AtomicFile closes it after the move is prepared).
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("traceEvents");
            metadata(g, info);
            long[] cursor = new long[TID_RIGHT + 1];
            for (int row = 0; row < log.size(); row++) {
                frame(g, log, row, cursor);
            }
            g.writeEndArray();
            g.writeStringField("displayTimeUnit", "ms");
            g.writeObjectFieldStart("otherData");
            g.writeStringField("producer", "ocular");
            g.writeStringField("scene", info.scene());
            g.writeStringField("date", info.date().toString());
            g.writeStringField("placement", "durations exact; CPU phases end to end from frame start; GPU stages "
                    + "end to end from submission; shifted later where a track would overlap");
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void metadata(JsonGenerator g, RunInfo info) throws IOException {
        meta(g, "process_name", 0, "name", "ocular " + info.scene());
        String[] names = {null, "Frames", "CPU phases", "Left eye GPU", "Right eye GPU"};
        for (int tid = TID_FRAMES; tid <= TID_RIGHT; tid++) {
            meta(g, "thread_name", tid, "name", names[tid]);
            g.writeStartObject();
            g.writeStringField("name", "thread_sort_index");
            g.writeStringField("ph", "M");
            g.writeNumberField("pid", PID);
            g.writeNumberField("tid", tid);
            g.writeObjectFieldStart("args");
            g.writeNumberField("sort_index", tid);
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void meta(JsonGenerator g, String name, int tid, String key, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", PID);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField(key, value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void frame(JsonGenerator g, FrameLog log, int row, long[] cursor) throws IOException {
        long start = log.startNanos(row);
        long length = frameLength(log, row);
        long frameStart = place(cursor, TID_FRAMES, start, length);
        span(g, TID_FRAMES, "frame", "frame " + log.frameIndex(row), frameStart, length, log, row);
        long submitAt = start;
        long t = Math.max(start, cursor[TID_CPU]);
        for (CpuPhase phase : CpuPhase.values()) {
            long dur = nanos(log.cpuMicros(row, phase));
            if (phase == CpuPhase.SUBMIT) {
                submitAt = t;
            }
            if (dur >= 0) {
                span(g, TID_CPU, "cpu", phase.label(), t, dur, log, row);
                t += dur;
            }
        }
        cursor[TID_CPU] = t;
        for (StereoEye eye : StereoEye.values()) {
            eyeGpu(g, log, row, eye, submitAt, cursor);
        }
        counters(g, log, row, start);
    }

    /** The frame's span on the Frames track: until the next frame starts, or its CPU phases for the last frame. */
    private static long frameLength(FrameLog log, int row) {
        if (row + 1 < log.size()) {
            return Math.max(0, log.startNanos(row + 1) - log.startNanos(row));
        }
        long sum = 0;
        for (CpuPhase phase : CpuPhase.values()) {
            sum += Math.max(0, nanos(log.cpuMicros(row, phase)));
        }
        return sum;
    }

    private static void eyeGpu(JsonGenerator g, FrameLog log, int row, StereoEye eye, long submitAt, long[] cursor)
            throws IOException {
        int tid = gpuTrack(eye);
        long total = 0;
        for (int s = 0; s < log.stages().size(); s++) {
            total += Math.max(0, nanos(log.gpuMicros(row, eye.index(), s)));
        }
        boolean ran = !Float.isNaN(RunStats.gpuTotalOrNaN(log, row, eye));
        if (!ran) {
            return;
        }
        long t = place(cursor, tid, submitAt, total);
        span(g, tid, "gpu", eye.key() + " eye frame " + log.frameIndex(row), t, total, log, row);
        for (int s = 0; s < log.stages().size(); s++) {
            long dur = nanos(log.gpuMicros(row, eye.index(), s));
            if (dur >= 0) {
                span(g, tid, "gpu.stage", log.stages().get(s), t, dur, log, row);
                t += dur;
            }
        }
    }

    /** Start of a span of {@code length} wanted at {@code wanted} on a track, not before the track's last end. */
    private static long place(long[] cursor, int tid, long wanted, long length) {
        long t = Math.max(wanted, cursor[tid]);
        cursor[tid] = t + length;
        return t;
    }

    private static void counters(JsonGenerator g, FrameLog log, int row, long start) throws IOException {
        if (row > 0) {
            counter(g, "frame interval (ms)", start, "interval",
                    (log.startNanos(row) - log.startNanos(row - 1)) / 1e6);
        }
        g.writeStartObject();
        g.writeStringField("name", "GPU time (ms)");
        g.writeStringField("ph", "C");
        g.writeNumberField("pid", PID);
        g.writeNumberField("tid", TID_FRAMES);
        g.writeFieldName("ts");
        g.writeNumber(DecimalText.nanosAsMicros(start));
        g.writeObjectFieldStart("args");
        for (StereoEye eye : StereoEye.values()) {
            float total = RunStats.gpuTotalOrNaN(log, row, eye);
            g.writeFieldName(eye.key());
            g.writeNumber(DecimalText.format(Float.isNaN(total) ? 0 : total / 1000.0, 4));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void counter(JsonGenerator g, String name, long ts, String key, double value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("ph", "C");
        g.writeNumberField("pid", PID);
        g.writeNumberField("tid", TID_FRAMES);
        g.writeFieldName("ts");
        g.writeNumber(DecimalText.nanosAsMicros(ts));
        g.writeObjectFieldStart("args");
        g.writeFieldName(key);
        g.writeNumber(DecimalText.format(value, 4));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void span(JsonGenerator g, int tid, String cat, String name, long ts, long dur, FrameLog log,
            int row) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("cat", cat);
        g.writeStringField("ph", "X");
        g.writeNumberField("pid", PID);
        g.writeNumberField("tid", tid);
        g.writeFieldName("ts");
        g.writeNumber(DecimalText.nanosAsMicros(ts));
        g.writeFieldName("dur");
        g.writeNumber(DecimalText.nanosAsMicros(dur));
        g.writeObjectFieldStart("args");
        g.writeNumberField("frame", log.frameIndex(row));
        if (tid == TID_FRAMES) {
            byte f = log.flags(row);
            g.writeBooleanField("late", (f & FrameLog.FLAG_LATE) != 0);
            g.writeBooleanField("discarded", (f & FrameLog.FLAG_DISCARDED) != 0);
            g.writeBooleanField("skipped", (f & FrameLog.FLAG_SKIPPED) != 0);
            g.writeBooleanField("history_reset", (f & FrameLog.FLAG_HISTORY_RESET) != 0);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** µs float → integer ns; −1 for NaN (not measured). */
    private static long nanos(float micros) {
        return Float.isNaN(micros) ? -1 : Math.round(micros * 1000.0);
    }
}
