package dev.ocular.scenes.render;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.SpecConstants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * GPU kernel {@code box_downsample.comp}: averages each k×k block of a supersampled RGBA16F tile into one RGBA32F
 * pixel of a row-major output buffer, at the tile's place. CPU twin: {@link BoxDownsampleReference}.
 */
public final class BoxDownsample implements AutoCloseable {
    /**
     * Tolerance against {@link BoxDownsampleReference} (same fp16 inputs, same summation order in fp32; only fused
     * multiply-adds or a reordered sum may differ): NMSE 1e-10, max-abs 1e-4 for values up to ~100 (HDR highlights).
     */
    public static final double NMSE_TOLERANCE = 1e-10;
    public static final double MAX_ABS_TOLERANCE = 1e-4;
    private static final int GROUP = 8;
    private static final int PUSH_BYTES = 24;

    private final ComputeKernel kernel;

    private BoxDownsample(ComputeKernel kernel) {
        this.kernel = kernel;
    }

    public static BoxDownsample create(GpuContext gpu) {
        return new BoxDownsample(ComputeKernel.create(gpu, new ComputeKernel.Spec(SceneShaders.BOX_DOWNSAMPLE,
                List.of(VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER), PUSH_BYTES,
                SpecConstants.none(), false)));
    }

    /**
     * Records the downsample of the top-left {@code factor·tileWidth × factor·tileHeight} texels of {@code tile}
     * (SHADER_READ_ONLY_OPTIMAL, read with texelFetch so the sampler's filter is irrelevant) into {@code output}
     * pixels [x0, x0 + tileWidth) × [y0, y0 + tileHeight) of an image {@code outputWidth} pixels wide. Earlier
     * compute writes to {@code output} are ordered before this one.
     */
    public void record(CommandBuffer cb, ImageView tile, Sampler sampler, GpuBuffer output, int x0, int y0,
            int tileWidth, int tileHeight, int factor, int outputWidth) {
        cb.computeToCompute();
        ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
        push.putInt(x0).putInt(y0).putInt(tileWidth).putInt(tileHeight).putInt(factor).putInt(outputWidth).flip();
        kernel.dispatch(cb, Bindings.create().sampled(0, tile, sampler, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)
                .storage(1, output), push, ComputeKernel.groups(tileWidth, GROUP), ComputeKernel.groups(tileHeight,
                GROUP), 1);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
