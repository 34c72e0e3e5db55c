package dev.ocular.compositor.sink;

import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.ImageTransfer;
import java.nio.file.Path;
import java.util.Map;

/** The headless sink: each eye's reconstructed output as a PNG sequence (and MP4 when ffmpeg is present). */
public final class HeadlessSink implements FrameSink {
    private final ImageTransfer io;
    private final SequenceWriter writer;
    private final double fps;

    public HeadlessSink(GpuContext gpu, Path framesDir, int every, double fps) {
        this.io = new ImageTransfer(gpu);
        this.writer = new SequenceWriter(framesDir, every);
        this.fps = fps;
    }

    @Override
    public void frameDone(int frame, StereoPipeline pipeline) {
        if (writer.wants(frame)) {
            writer.write("left", frame, io.download(pipeline.output(0)));
            writer.write("right", frame, io.download(pipeline.output(1)));
        }
    }

    @Override
    public Map<String, Object> finish() {
        return writer.finish(fps);
    }

    @Override
    public void close() {
        // Nothing GPU-side: downloads use temporary staging buffers.
    }
}
