package dev.ocular.vrnet;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.gpu.GpuRunner;
import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.reference.ReferenceEnsemble;
import dev.ocular.vrnet.reference.ReferenceNet;
import java.util.List;

/**
 * vrnet on host data, one frame per call, for tests, benchmarks and evaluation: low-resolution G-buffers in,
 * full-resolution linear RGBA out (a new image per eye). Each runner keeps every eye's fused history (colour and
 * accumulated weight, README §3) for the next call. Implementations: {@link ReferenceNet} (CPU) and {@link GpuRunner} (scalar or coopmat Vulkan).
 * Not thread-safe.
 */
public interface VrNetRunner extends AutoCloseable {
    /** Most eyes one frame may carry: a stereo pair. */
    int MAX_EYES = 2;

    NetPath path();

    /** Runs one frame for 1 or 2 eyes (index 0 = left); eyes may differ in size and ratio. */
    List<ImageData> run(List<EyeInput> eyes);

    @Override
    void close();

    /** Opens a runner for {@code path}; {@code gpu} may be null for the reference path. */
    static VrNetRunner open(GpuContext gpu, NetModel model, NetPath path) {
        return open(gpu, NetEnsemble.of(model), path);
    }

    /** Opens a runner of every member of {@code models}, outputs averaged; {@code gpu} may be null for the reference. */
    static VrNetRunner open(GpuContext gpu, NetEnsemble models, NetPath path) {
        if (path == NetPath.REFERENCE) {
            return models.size() == 1 ? new ReferenceNet(models.first()) : new ReferenceEnsemble(models);
        }
        if (gpu == null) {
            throw new IllegalArgumentException("vr-net path " + path.id() + " needs a Vulkan device");
        }
        return GpuRunner.create(gpu, models, path);
    }

    /** Refuses empty or over-long frames and unsupported ratios with a one-line message. */
    static void checkEyes(List<EyeInput> eyes) {
        if (eyes.isEmpty() || eyes.size() > MAX_EYES) {
            throw new IllegalArgumentException("a frame has 1 or 2 eyes, got " + eyes.size());
        }
        for (int e = 0; e < eyes.size(); e++) {
            EyeInput eye = eyes.get(e);
            eye.params().checkRatio(e, eye.gbuffer().width(), eye.gbuffer().height());
        }
    }
}
