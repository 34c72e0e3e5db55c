package dev.ocular.scenes.render;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.Transfers;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import java.nio.ByteBuffer;

/**
 * Copies an {@link EyeGBuffer} to the host as {@link GBufferData}: fp16 colour and motion widened to float, depth as
 * is. Synchronous (submits and waits); the images return to the layout they were in.
 */
public final class GBufferReadback {
    private GBufferReadback() {
    }

    public static GBufferData read(GpuContext gpu, EyeGBuffer g) {
        Transfers transfers = new Transfers(gpu);
        ImageData colour = halves(layer(transfers, g.colour(), 8, g.layer()), g.width(), g.height(), 4);
        ImageData motion = halves(layer(transfers, g.motion(), 4, g.layer()), g.width(), g.height(), 2);
        ByteBuffer depthBytes = layer(transfers, g.depth(), 4, g.layer());
        float[] depth = new float[g.width() * g.height()];
        depthBytes.asFloatBuffer().get(depth);
        return new GBufferData(colour, new ImageData(g.width(), g.height(), 1, depth), motion, g.jitterX(),
                g.jitterY());
    }

    /** The bytes of one array layer of mip 0 (layers are stored one after another by the copy). */
    private static ByteBuffer layer(Transfers transfers, GpuImage image, int bytesPerTexel, int layer) {
        ByteBuffer all = transfers.downloadImage(image, bytesPerTexel);
        int size = image.width() * image.height() * bytesPerTexel;
        return all.slice(layer * size, size).order(all.order());
    }

    private static ImageData halves(ByteBuffer bytes, int width, int height, int channels) {
        float[] data = new float[width * height * channels];
        var shorts = bytes.asShortBuffer();
        for (int i = 0; i < data.length; i++) {
            data[i] = Float.float16ToFloat(shorts.get(i));
        }
        return new ImageData(width, height, channels, data);
    }
}
