package dev.ocular.distortion.gpu;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.gpu.Acquired;
import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.SpecConstants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-pixel variant of the distortion pass ({@code panel_per_pixel.comp}): one compute dispatch per eye evaluates
 * the lens at every pixel centre of the eye's viewport, per channel, and samples the eye image there. Radial lenses of
 * a known family are evaluated in GLSL from their parameters; any other model reads a table of its exact values at
 * the pixel centres ({@link PerPixelLensData}). CPU twin: {@code CpuDistortionPass.perPixel}.
 *
 * <p>Owns one kernel per lens source in use, one lens-data buffer per eye and the shared {@link PanelSources};
 * closes them in reverse order of creation.
 */
public final class PerPixelPanelDistortion implements PanelDistortion {
    /**
     * Largest |GPU − CPU twin| per channel, for eye images whose neighbouring texels differ by at most ~0.1 (those of
     * {@code PanelDistortionTest}). The kernel evaluates the lens in single precision (UV error ~1e-6, a few
     * ten-thousandths of a texel), the sampler quantises its bilinear weights (to 1/256 on NVIDIA) and the output is
     * fp16. Measured: 0.125/255 on lavapipe, 0.08/255 on an H100 (driver 580). For content that jumps by a full step
     * between texels the weight quantisation reaches ~1.6/255 on the H100 (lavapipe filters in float: 0.13/255), so
     * this bound is for smooth images only; a quarter-pixel slip would exceed it tenfold even there.
     */
    public static final double MAX_ABS_VS_CPU = 0.5 / 255.0;

    /** viewportX, eyeWidth, eyeHeight, panelWidth, layer (panel_per_pixel.comp's push block). */
    private static final int PUSH_BYTES = 20;
    private static final int GROUP = 8;

    private final LensProfile profile;
    private final PanelSources sources;
    private final Map<LensSource, ComputeKernel> kernels;
    private final Map<Eye, LensSource> lensSources;
    private final Map<Eye, GpuBuffer> lensData;
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
    private boolean closed;

    private PerPixelPanelDistortion(LensProfile profile, PanelSources sources, Map<LensSource, ComputeKernel> kernels,
                                    Map<Eye, LensSource> lensSources, Map<Eye, GpuBuffer> lensData) {
        this.profile = profile;
        this.sources = sources;
        this.kernels = kernels;
        this.lensSources = lensSources;
        this.lensData = lensData;
    }

    public static PerPixelPanelDistortion create(GpuContext gpu, LensProfile profile) {
        Acquired made = new Acquired();
        try {
            PanelSources sources = PanelSources.create(gpu, profile);
            made.keep(sources);
            Map<Eye, LensSource> lensSources = new EnumMap<>(Eye.class);
            Map<Eye, GpuBuffer> lensData = new EnumMap<>(Eye.class);
            for (Eye eye : Eye.values()) {
                PerPixelLensData data = PerPixelLensData.of(profile.eye(eye), profile.visibility(eye));
                GpuBuffer buffer = PanelSources.upload(gpu, data.toBytes(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
                made.keep(buffer);
                lensSources.put(eye, data.source());
                lensData.put(eye, buffer);
            }
            Map<LensSource, ComputeKernel> kernels = new EnumMap<>(LensSource.class);
            for (LensSource source : lensSources.values()) {
                if (!kernels.containsKey(source)) {
                    ComputeKernel kernel = ComputeKernel.create(gpu, new ComputeKernel.Spec(
                            DistortionShaderCatalog.perPixel(source), List.of(
                                    VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE,
                                    VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER),
                            PUSH_BYTES, SpecConstants.none(), false));
                    made.keep(kernel);
                    kernels.put(source, kernel);
                }
            }
            return new PerPixelPanelDistortion(profile, sources, kernels, lensSources, lensData);
        } catch (RuntimeException e) {
            throw made.failed(e);
        }
    }

    /** How this pass finds an eye's texture coordinates: analytically (which family) or from the table. */
    public LensSource lensSource(Eye eye) {
        return lensSources.get(eye);
    }

    @Override
    public LensProfile profile() {
        return profile;
    }

    @Override
    public PanelVariant variant() {
        return PanelVariant.PER_PIXEL;
    }

    @Override
    public int panelUsage() {
        return VK_IMAGE_USAGE_STORAGE_BIT;
    }

    @Override
    public void record(CommandBuffer cb, GpuImage leftEye, int leftLayer, GpuImage rightEye, int rightLayer,
                       GpuImage panelOut) {
        sources.beginRecord(cb, leftEye, leftLayer, rightEye, rightLayer, panelOut, panelUsage(),
                VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT);
        // Also a barrier when the panel is already GENERAL: whoever read the previous frame must be done.
        cb.transition(panelOut, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
        dispatchEye(cb, Eye.LEFT, leftEye, leftLayer, panelOut);
        dispatchEye(cb, Eye.RIGHT, rightEye, rightLayer, panelOut);
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT);
    }

    private void dispatchEye(CommandBuffer cb, Eye eye, GpuImage image, int layer, GpuImage panelOut) {
        EyeProfile ep = profile.eye(eye);
        push.clear();
        push.putInt(ep.viewportX()).putInt(ep.widthPx()).putInt(ep.heightPx()).putInt(profile.panelWidthPx())
                .putInt(layer).flip();
        kernels.get(lensSources.get(eye)).dispatch(cb, Bindings.create()
                        .sampled(0, sources.eyeView(image), sources.sampler(), image.layout())
                        .storageImage(1, sources.panelView(panelOut))
                        .storage(2, sources.visibility())
                        .storage(3, lensData.get(eye)), push,
                ComputeKernel.groups(ep.widthPx(), GROUP), ComputeKernel.groups(ep.heightPx(), GROUP), 1);
    }

    @Override
    public void forget(GpuImage image) {
        sources.forget(image);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            List<ComputeKernel> all = new ArrayList<>(kernels.values());
            for (int i = all.size() - 1; i >= 0; i--) {
                all.get(i).close();
            }
            lensData.get(Eye.RIGHT).close();
            lensData.get(Eye.LEFT).close();
            sources.close();
        }
    }
}
