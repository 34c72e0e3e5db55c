package dev.ocular.compositor.train;

import dev.ocular.gpu.BadInputException;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.SafeTensors;
import dev.ocular.vrnet.model.Tensor;
import dev.ocular.vrnet.train.TrainFrame;
import dev.ocular.vrnet.train.TrainSequence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One training sequence (one eye of one {@link Shot}) as a safetensors file. Tensors, F frames of an h × w
 * low-resolution crop and an H × W output crop:
 * <ul>
 * <li>{@code colour} [F, h, w, 3] F16 — the render target is RGBA16F, so this is lossless; alpha (coverage) is always 1
 * for the built-in scenes and is not stored</li>
 * <li>{@code depth} [F, h, w] F32 (D32, reverse-Z), {@code motion} [F, h, w, 2] F16 (RG16F, lossless)</li>
 * <li>{@code jitter} [F, 2] F32, {@code reset} [F] F32 (1 on the first frame and on cuts)</li>
 * <li>{@code lens} [4] F32: vr-net's lens centre u, v and scale x, y for the crop</li>
 * <li>{@code reference} [F, H, W, 3] F16 — the k×k supersampled reference, linear HDR</li>
 * </ul>
 * Metadata names the shot. Written atomically; reading checks every shape, so a damaged file is one line of bad
 * input naming it.
 */
public final class SequenceShard {
    private SequenceShard() {
    }

    public static void write(Path file, TrainSequence sequence, Map<String, String> metadata) throws IOException {
        List<TrainFrame> frames = sequence.frames();
        TrainFrame first = frames.get(0);
        int n = frames.size();
        int w = first.gbuffer().width();
        int h = first.gbuffer().height();
        int ow = first.params().outWidth();
        int oh = first.params().outHeight();
        float[] colour = new float[n * w * h * 3];
        float[] depth = new float[n * w * h];
        float[] motion = new float[n * w * h * 2];
        float[] jitter = new float[n * 2];
        float[] reset = new float[n];
        float[] reference = new float[n * ow * oh * 3];
        for (int f = 0; f < n; f++) {
            TrainFrame frame = frames.get(f);
            GBufferData g = frame.gbuffer();
            copyChannels(g.colour(), 3, colour, f * w * h * 3);
            copyChannels(g.depth(), 1, depth, f * w * h);
            copyChannels(g.motion(), 2, motion, f * w * h * 2);
            copyChannels(frame.reference(), 3, reference, f * ow * oh * 3);
            jitter[2 * f] = g.jitterX();
            jitter[2 * f + 1] = g.jitterY();
            reset[f] = frame.params().reset() ? 1f : 0f;
        }
        EyeParams p = first.params();
        Map<String, Tensor> tensors = new TreeMap<>();
        tensors.put("colour", new Tensor(Tensor.DType.F16, new int[] {n, h, w, 3}, colour));
        tensors.put("depth", new Tensor(Tensor.DType.F32, new int[] {n, h, w}, depth));
        tensors.put("motion", new Tensor(Tensor.DType.F16, new int[] {n, h, w, 2}, motion));
        tensors.put("jitter", new Tensor(Tensor.DType.F32, new int[] {n, 2}, jitter));
        tensors.put("reset", new Tensor(Tensor.DType.F32, new int[] {n}, reset));
        tensors.put("lens", new Tensor(Tensor.DType.F32, new int[] {4}, new float[] {p.lensCentreU(),
            p.lensCentreV(), p.lensScaleX(), p.lensScaleY()}));
        tensors.put("reference", new Tensor(Tensor.DType.F16, new int[] {n, oh, ow, 3}, reference));
        SafeTensors.write(file, metadata, tensors);
    }

    /** Reads a shard; {@code name} labels the sequence. Any damage → {@link BadInputException} naming the file. */
    public static TrainSequence read(Path file, String name) {
        SafeTensors.Contents c = SafeTensors.read(file);
        Tensor colour = require(c, file, "colour", 4, 3);
        int n = colour.shape()[0];
        int h = colour.shape()[1];
        int w = colour.shape()[2];
        Tensor depth = requireShape(c, file, "depth", n, h, w);
        Tensor motion = requireShape(c, file, "motion", n, h, w, 2);
        Tensor jitter = requireShape(c, file, "jitter", n, 2);
        Tensor reset = requireShape(c, file, "reset", n);
        Tensor lens = requireShape(c, file, "lens", 4);
        Tensor reference = require(c, file, "reference", 4, 3);
        int oh = reference.shape()[1];
        int ow = reference.shape()[2];
        if (reference.shape()[0] != n || n == 0) {
            throw bad(file, "reference", "has " + reference.shape()[0] + " frames, colour has " + n);
        }
        float[] l = lens.values();
        List<TrainFrame> frames = new ArrayList<>();
        try {
            for (int f = 0; f < n; f++) {
                ImageData col = expand(colour.values(), f * w * h * 3, w, h, 3, 4);
                ImageData dep = expand(depth.values(), f * w * h, w, h, 1, 1);
                ImageData mot = expand(motion.values(), f * w * h * 2, w, h, 2, 2);
                ImageData ref = expand(reference.values(), f * ow * oh * 3, ow, oh, 3, 4);
                GBufferData g = new GBufferData(col, dep, mot, jitter.values()[2 * f], jitter.values()[2 * f + 1]);
                EyeParams p = new EyeParams(ow, oh, l[0], l[1], l[2], l[3], reset.values()[f] != 0f);
                frames.add(new TrainFrame(g, p, ref));
            }
            return new TrainSequence(name, frames);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    private static void copyChannels(ImageData image, int channels, float[] dst, int offset) {
        int pixels = image.width() * image.height();
        int stride = image.channels();
        float[] src = image.data();
        for (int i = 0; i < pixels; i++) {
            for (int c = 0; c < channels; c++) {
                dst[offset + i * channels + c] = src[i * stride + c];
            }
        }
    }

    /** Interleaved image of {@code channels} stored channels, padded to {@code total} (extra channels = 1: alpha). */
    private static ImageData expand(float[] src, int offset, int w, int h, int channels, int total) {
        ImageData out = ImageData.zeros(w, h, total);
        float[] d = out.data();
        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < total; c++) {
                d[i * total + c] = c < channels ? src[offset + i * channels + c] : 1f;
            }
        }
        return out;
    }

    private static Tensor require(SafeTensors.Contents c, Path file, String name, int rank, int lastDim) {
        Tensor t = c.tensors().get(name);
        if (t == null) {
            throw bad(file, name, "missing");
        }
        if (t.shape().length != rank || t.shape()[rank - 1] != lastDim) {
            throw bad(file, name, "shape " + t.shapeString() + ", expected rank " + rank + " ending in " + lastDim);
        }
        return t;
    }

    private static Tensor requireShape(SafeTensors.Contents c, Path file, String name, int... shape) {
        Tensor t = c.tensors().get(name);
        if (t == null) {
            throw bad(file, name, "missing");
        }
        if (!java.util.Arrays.equals(t.shape(), shape)) {
            throw bad(file, name, "shape " + t.shapeString() + ", expected " + java.util.Arrays.toString(shape));
        }
        return t;
    }

    private static BadInputException bad(Path file, String tensor, String problem) {
        return new BadInputException(file + ": tensor '" + tensor + "': " + problem);
    }
}
