package dev.ocular.gpu.frame;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.Transfers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Host {@link ImageData} ↔ GPU images for the formats ocular's frames use: RGBA16F (colour), RG16F (motion), R32F and
 * D32_SFLOAT (depth). 16-bit floats are rounded to nearest on upload. Synchronous; for set-up, tests and tools.
 */
public final class ImageTransfer {
    private final GpuContext gpu;
    private final Transfers transfers;

    public ImageTransfer(GpuContext gpu) {
        this.gpu = gpu;
        this.transfers = new Transfers(gpu);
    }

    /** Channels of a supported format. */
    public static int channels(int format) {
        return switch (format) {
            case VK_FORMAT_R16G16B16A16_SFLOAT, VK_FORMAT_R32G32B32A32_SFLOAT -> 4;
            case VK_FORMAT_R16G16_SFLOAT -> 2;
            case VK_FORMAT_R32_SFLOAT, VK_FORMAT_D32_SFLOAT, VK_FORMAT_R16_SFLOAT -> 1;
            default -> throw new IllegalArgumentException("unsupported frame format " + format);
        };
    }

    private static boolean half(int format) {
        return format == VK_FORMAT_R16G16B16A16_SFLOAT || format == VK_FORMAT_R16G16_SFLOAT
                || format == VK_FORMAT_R16_SFLOAT;
    }

    /** Packs to the format's texel bytes (native order). */
    public static ByteBuffer pack(ImageData image, int format) {
        if (image.channels() != channels(format)) {
            throw new IllegalArgumentException(image.channels() + " channels do not fit format " + format);
        }
        float[] d = image.data();
        boolean h = half(format);
        ByteBuffer bytes = ByteBuffer.allocateDirect(d.length * (h ? 2 : 4)).order(ByteOrder.nativeOrder());
        for (float v : d) {
            if (h) {
                bytes.putShort(Float.floatToFloat16(v));
            } else {
                bytes.putFloat(v);
            }
        }
        return bytes.flip();
    }

    public static ImageData unpack(ByteBuffer bytes, int width, int height, int format) {
        int channels = channels(format);
        float[] d = new float[width * height * channels];
        boolean h = half(format);
        ByteBuffer b = bytes.duplicate().order(ByteOrder.nativeOrder());
        for (int i = 0; i < d.length; i++) {
            d[i] = h ? Float.float16ToFloat(b.getShort()) : b.getFloat();
        }
        return new ImageData(width, height, channels, d);
    }

    /** The values the GPU will see after upload (fp16 rounding where the format has it). */
    public static ImageData rounded(ImageData image, int format) {
        return unpack(pack(image, format), image.width(), image.height(), format);
    }

    /** Creates an image of {@code format} holding {@code image}, left in {@code finalLayout}. */
    public GpuImage upload(ImageData image, int format, int usage, int finalLayout) {
        GpuImage target = gpu.image(ImageSpec.of(image.width(), image.height(), format, usage));
        try {
            transfers.uploadImage(pack(image, format), target, finalLayout);
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    public ImageData download(GpuImage image) {
        int format = image.format();
        int bytesPerTexel = channels(format) * (half(format) ? 2 : 4);
        return unpack(transfers.downloadImage(image, bytesPerTexel), image.width(), image.height(), format);
    }
}
