package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.Transfers;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.VrNetRunner;
import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.model.NetModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link GpuEnsemble} (one {@link GpuVrNet} per member) driven from host data: each call uploads the G-buffers (RGBA16F colour, D32 depth, RG16F motion,
 * so values are rounded to what a renderer's images hold), runs one frame synchronously and downloads the outputs.
 * For tests, benchmarks and evaluation; the frame loop records {@link GpuEnsemble} directly. Owns its net and images.
 */
public final class GpuRunner implements VrNetRunner {
    private final GpuContext gpu;
    private final GpuEnsemble net;
    private final Transfers transfers;
    private final List<GpuImage[]> inputs = new ArrayList<>();

    private GpuRunner(GpuContext gpu, GpuEnsemble net) {
        this.gpu = gpu;
        this.net = net;
        this.transfers = new Transfers(gpu);
    }

    public static GpuRunner create(GpuContext gpu, NetModel model, NetPath path) {
        return create(gpu, NetEnsemble.of(model), path);
    }

    /** Every member of {@code models} on {@code path}, outputs averaged (GpuEnsemble). */
    public static GpuRunner create(GpuContext gpu, NetEnsemble models, NetPath path) {
        return new GpuRunner(gpu, GpuEnsemble.create(gpu, models, path));
    }

    /** What this runner records (benchmarks record it themselves). */
    public GpuEnsemble net() {
        return net;
    }

    @Override
    public NetPath path() {
        return net.path();
    }

    @Override
    public List<ImageData> run(List<EyeInput> eyes) {
        List<EyeGBuffer> gbuffers = upload(eyes);
        List<EyeParams> params = eyes.stream().map(EyeInput::params).toList();
        gpu.run(cb -> net.record(cb, gbuffers, params, null, 0));
        List<ImageData> outputs = new ArrayList<>();
        for (int e = 0; e < eyes.size(); e++) {
            GpuImage out = net.output(e);
            outputs.add(TexelCodec.decode(transfers.downloadImage(out, 8), out.width(), out.height(),
                    EyeOutputs.FORMAT));
        }
        return outputs;
    }

    /**
     * Uploads a frame's G-buffers into this runner's images (reused while sizes stay) and returns them as the frame
     * loop would pass them to {@link GpuVrNet#record}; valid until the next upload. Benchmarks record with these.
     */
    public List<EyeGBuffer> upload(List<EyeInput> eyes) {
        VrNetRunner.checkEyes(eyes);
        List<EyeGBuffer> gbuffers = new ArrayList<>();
        for (int e = 0; e < eyes.size(); e++) {
            gbuffers.add(upload(e, eyes.get(e).gbuffer()));
        }
        return gbuffers;
    }

    private EyeGBuffer upload(int eye, GBufferData g) {
        while (inputs.size() <= eye) {
            inputs.add(null);
        }
        GpuImage[] images = inputs.get(eye);
        if (images == null || images[0].width() != g.width() || images[0].height() != g.height()) {
            if (images != null) {
                gpu.device().waitIdle();
                net.forgetInputs();
                closeAll(images);
            }
            images = allocate(g.width(), g.height());
            inputs.set(eye, images);
        }
        int shaderRead = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
        transfers.uploadImage(TexelCodec.encode(g.colour(), VK_FORMAT_R16G16B16A16_SFLOAT), images[0], shaderRead);
        transfers.uploadImage(TexelCodec.encode(g.depth(), VK_FORMAT_D32_SFLOAT), images[1], shaderRead);
        transfers.uploadImage(TexelCodec.encode(g.motion(), VK_FORMAT_R16G16_SFLOAT), images[2], shaderRead);
        return new EyeGBuffer(images[0], images[1], images[2], 0, g.jitterX(), g.jitterY());
    }

    private GpuImage[] allocate(int w, int h) {
        GpuImage[] images = new GpuImage[3];
        int[] formats = {VK_FORMAT_R16G16B16A16_SFLOAT, VK_FORMAT_D32_SFLOAT, VK_FORMAT_R16G16_SFLOAT};
        try {
            for (int i = 0; i < 3; i++) {
                images[i] = gpu.image(ImageSpec.of(w, h, formats[i], VK_IMAGE_USAGE_SAMPLED_BIT));
            }
            return images;
        } catch (RuntimeException e) {
            closeAll(images);
            throw e;
        }
    }

    private static void closeAll(GpuImage[] images) {
        for (int i = images.length - 1; i >= 0; i--) {
            if (images[i] != null) {
                images[i].close();
            }
        }
    }

    @Override
    public void close() {
        net.close(); // first: it holds views of the input images below

        for (int e = inputs.size() - 1; e >= 0; e--) {
            if (inputs.get(e) != null) {
                closeAll(inputs.get(e));
            }
        }
        inputs.clear();
    }
}
