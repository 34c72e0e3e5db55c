package dev.ocular.compositor.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ocular.compositor.metrics.FrameLog;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.cpu.CpuDistortionPass;
import dev.ocular.distortion.cpu.RgbaImage;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import dev.ocular.scenes.io.ExrFiles;
import dev.ocular.scenes.io.PngPreview;
import dev.ocular.scenes.io.StagedOutput;
import dev.ocular.scenes.render.GBufferReadback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes what a run leaves behind, all or nothing (staged, then moved): per eye the low-resolution input (colour,
 * depth and motion EXR + preview PNG) and the reconstructed output (EXR + PNG) of the last frame, the panel frame
 * distorted with the run's lens profile, and {@code run.json}.
 */
final class RunOutputs {
    static final String RUN_JSON = "run.json";
    private static final String[] EYES = {"left", "right"};

    private RunOutputs() {
    }

    /** Downloads the last frame's images; call after the GPU finished it. */
    static Map<String, ImageData> capture(GpuContext gpu, StereoPipeline pipeline, StereoPipeline.Frame last) {
        ImageTransfer io = new ImageTransfer(gpu);
        Map<String, ImageData> images = new java.util.LinkedHashMap<>();
        for (dev.ocular.scenes.rig.Eye eye : dev.ocular.scenes.rig.Eye.values()) {
            GBufferData g = GBufferReadback.read(gpu, last.gbuffers().eye(eye));
            images.put(EYES[eye.index()] + "_input_colour", g.colour());
            images.put(EYES[eye.index()] + "_input_depth", g.depth());
            images.put(EYES[eye.index()] + "_input_motion", g.motion());
            images.put(EYES[eye.index()] + "_output", io.download(pipeline.output(eye.index())));
        }
        return images;
    }

    /** Writes images, the panel frame and run.json into {@code out}; returns the run.json path. */
    static Path write(Path out, Map<String, ImageData> images, LensProfile lens, Map<String, Object> report) {
        try (StagedOutput staged = StagedOutput.in(out)) {
            for (String eye : EYES) {
                ImageData colour = images.get(eye + "_input_colour");
                ImageData depth = images.get(eye + "_input_depth");
                ImageData motion = images.get(eye + "_input_motion");
                ExrFiles.write(staged.file(eye + "_input.exr"), interleave(colour, depth, motion),
                        List.of("R", "G", "B", "A", "Z", "motion.X", "motion.Y"), true);
                PngPreview.write(PngPreview.colour(colour), staged.file(eye + "_input.png"));
                ImageData output = images.get(eye + "_output");
                ExrFiles.write(staged.file(eye + "_output.exr"), output, List.of("R", "G", "B", "A"), true);
                PngPreview.write(PngPreview.colour(output), staged.file(eye + "_output.png"));
            }
            for (String eye : EYES) {
                ImageData reference = images.get(eye + "_reference");
                if (reference != null) {
                    ExrFiles.write(staged.file(eye + "_reference.exr"), reference, List.of("R", "G", "B", "A"), true);
                    PngPreview.write(PngPreview.colour(reference), staged.file(eye + "_reference.png"));
                }
            }
            if (lens != null) {
                RgbaImage panel = new CpuDistortionPass(lens).perPixel(rgba(images.get("left_output")),
                        rgba(images.get("right_output")));
                PngPreview.write(PngPreview.colour(new ImageData(panel.width(), panel.height(), 4, panel.data())),
                        staged.file("panel.png"));
            }
            Path json = staged.file(RUN_JSON);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
            staged.commit();
            return out.resolve(RUN_JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("writing run outputs into " + out, e);
        }
    }

    private static RgbaImage rgba(ImageData image) {
        RgbaImage r = new RgbaImage(image.width(), image.height());
        System.arraycopy(image.data(), 0, r.data(), 0, image.data().length);
        return r;
    }

    private static ImageData interleave(ImageData colour, ImageData depth, ImageData motion) {
        int n = colour.width() * colour.height();
        float[] d = new float[n * 7];
        for (int i = 0; i < n; i++) {
            System.arraycopy(colour.data(), 4 * i, d, 7 * i, 4);
            d[7 * i + 4] = depth.data()[i];
            d[7 * i + 5] = motion.data()[2 * i];
            d[7 * i + 6] = motion.data()[2 * i + 1];
        }
        return new ImageData(colour.width(), colour.height(), 7, d);
    }

    /** Frame interval statistics (start to start, ms) of the log: mean and p99. */
    static double[] frameTimeMs(FrameLog log) {
        int n = log.size();
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] intervals = new double[n - 1];
        double sum = 0;
        for (int i = 1; i < n; i++) {
            intervals[i - 1] = (log.startNanos(i) - log.startNanos(i - 1)) / 1e6;
            sum += intervals[i - 1];
        }
        Arrays.sort(intervals);
        int p99 = (int) Math.ceil(0.99 * intervals.length) - 1;
        return new double[] {sum / intervals.length, intervals[Math.max(0, p99)]};
    }

    static String eyeName(int eye) {
        return EYES[eye];
    }

    static Eye distortionEye(int eye) {
        return eye == 0 ? Eye.LEFT : Eye.RIGHT;
    }
}
