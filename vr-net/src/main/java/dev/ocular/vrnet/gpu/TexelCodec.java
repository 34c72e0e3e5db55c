package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.frame.ImageData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts host float images to and from the tightly packed texels of the G-buffer and output formats: RGBA16F and
 * RG16F (IEEE binary16 per channel), D32_SFLOAT and R32_SFLOAT (the depth history).
 */
public final class TexelCodec {
    private TexelCodec() {
    }

    public static int channels(int format) {
        return switch (format) {
            case VK_FORMAT_R16G16B16A16_SFLOAT -> 4;
            case VK_FORMAT_R16G16_SFLOAT -> 2;
            case VK_FORMAT_D32_SFLOAT, VK_FORMAT_R32_SFLOAT -> 1;
            default -> throw new IllegalArgumentException("vr-net does not convert VkFormat " + format);
        };
    }

    public static int bytesPerTexel(int format) {
        return single(format) ? 4 : 2 * channels(format);
    }

    /** Whether {@code format} holds one fp32 value per texel (else binary16 per channel). */
    private static boolean single(int format) {
        return format == VK_FORMAT_D32_SFLOAT || format == VK_FORMAT_R32_SFLOAT;
    }

    /** Texels of {@code image} in {@code format}, native byte order; channel counts must match. */
    public static ByteBuffer encode(ImageData image, int format) {
        if (image.channels() != channels(format)) {
            throw new IllegalArgumentException(image.channels() + "-channel image cannot become VkFormat " + format);
        }
        float[] v = image.data();
        ByteBuffer out = ByteBuffer.allocateDirect(v.length * (single(format) ? 4 : 2))
                .order(ByteOrder.nativeOrder());
        for (float f : v) {
            if (single(format)) {
                out.putFloat(f);
            } else {
                out.putShort(Float.floatToFloat16(f));
            }
        }
        return out.flip();
    }

    public static ImageData decode(ByteBuffer texels, int width, int height, int format) {
        ImageData image = ImageData.zeros(width, height, channels(format));
        float[] v = image.data();
        ByteBuffer in = texels.duplicate().order(ByteOrder.nativeOrder());
        for (int i = 0; i < v.length; i++) {
            v[i] = single(format) ? in.getFloat(4 * i) : Float.float16ToFloat(in.getShort(2 * i));
        }
        return image;
    }

    /** Rounds every value to the nearest binary16 and back: what an RGBA16F / RG16F image stores. */
    public static ImageData roundToHalf(ImageData image) {
        float[] v = image.data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.float16ToFloat(Float.floatToFloat16(v[i]));
        }
        return new ImageData(image.width(), image.height(), image.channels(), v);
    }
}
