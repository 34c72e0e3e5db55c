package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT16_KHR;
import static org.lwjgl.vulkan.KHRCooperativeMatrix.VK_COMPONENT_TYPE_FLOAT32_KHR;

import dev.ocular.gpu.CoopMatShape;
import dev.ocular.gpu.DeviceCapabilities;
import java.util.Comparator;
import java.util.Optional;

/**
 * How the coopmat path tiles its convolutions on one device: the cooperative-matrix shape (from the device's property
 * list, never assumed), the subgroup size a workgroup is made of, how many pixel tiles one subgroup computes, and the
 * accumulator type.
 *
 * @param tilesM pixel tiles (of {@code shape.m()} pixels) per subgroup; more reuses each weight tile more often
 */
public record CoopMatPlan(CoopMatShape shape, int subgroupSize, int tilesM, boolean fp16Accumulator) {
    /**
     * On lavapipe 1 tile was 2–3× slower than 2, and 4 or 8 were no better than 2 (README, "Performance"); 2 wastes
     * least on narrow images.
     */
    public static final int DEFAULT_TILES_M = 2;

    /** The device's plan with fp32 accumulation where offered (more accurate), else fp16. */
    public static Optional<CoopMatPlan> choose(DeviceCapabilities caps) {
        return choose(caps, false).or(() -> choose(caps, true));
    }

    /** The largest subgroup-scope fp16 shape with the requested accumulator, if the device lists one. */
    public static Optional<CoopMatPlan> choose(DeviceCapabilities caps, boolean fp16Accumulator) {
        if (!caps.canRunFp16CoopMat()) {
            return Optional.empty();
        }
        int acc = fp16Accumulator ? VK_COMPONENT_TYPE_FLOAT16_KHR : VK_COMPONENT_TYPE_FLOAT32_KHR;
        return caps.coopMatShapes().stream().filter(s -> s.isFp16With(acc))
                .max(Comparator.comparingInt((CoopMatShape s) -> s.m() * s.n() * s.k()))
                .map(s -> new CoopMatPlan(s, caps.subgroupSize(), DEFAULT_TILES_M, fp16Accumulator));
    }

    public CoopMatPlan withTilesM(int newTilesM) {
        return new CoopMatPlan(shape, subgroupSize, newTilesM, fp16Accumulator);
    }

    /**
     * Channel counts are padded to a multiple of lcm(N, K): a layer's padded outputs are the next layer's padded
     * inputs, which the K loop must cover in whole tiles.
     */
    public int channelAlign() {
        int a = shape.n();
        int b = shape.k();
        return a / gcd(a, b) * b;
    }

    public int pad(int channels) {
        int align = channelAlign();
        return (channels + align - 1) / align * align;
    }

    /** Pixels one subgroup's tile row may read past an eye's last pixel. */
    public int slackPixels() {
        return shape.m() * tilesM;
    }

    public String describe() {
        return shape.describe() + ", subgroup " + subgroupSize + ", " + tilesM + " pixel tiles per subgroup";
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
