package dev.ocular.distortion.gpu;

import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.distortion.LensProfile;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.ImageViewCache;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.Transfers;
import java.nio.ByteBuffer;

/**
 * What both variants of the pass read besides their own lens data: the eye-image sampler, views of the images they
 * are given, and the panel's visibility bits on the device. Also checks the images of a {@code record} call against
 * the contract of {@link PanelDistortion}. Owns the sampler, the views and the buffer; closes them in reverse order.
 */
final class PanelSources implements AutoCloseable {
    private final LensProfile profile;
    private final Sampler sampler;
    private final ImageViewCache views;
    private final GpuBuffer visibility;
    private boolean closed;

    private PanelSources(LensProfile profile, Sampler sampler, ImageViewCache views, GpuBuffer visibility) {
        this.profile = profile;
        this.sampler = sampler;
        this.views = views;
        this.visibility = visibility;
    }

    static PanelSources create(GpuContext gpu, LensProfile profile) {
        // LINEAR + CLAMP_TO_BORDER + transparent black: RgbaImage.sample's bilinear rule with (0, 0, 0, 0) outside.
        Sampler sampler = Sampler.create(gpu.device(), new Sampler.Config(true, false, 0f,
                VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER, VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK));
        try {
            GpuBuffer visibility = upload(gpu, VisibilityBits.of(profile).toBytes(),
                    VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
            return new PanelSources(profile, sampler, new ImageViewCache(gpu.device()), visibility);
        } catch (RuntimeException e) {
            sampler.close();
            throw e;
        }
    }

    /** A device-local buffer holding {@code bytes} (position to limit), uploaded synchronously. */
    static GpuBuffer upload(GpuContext gpu, ByteBuffer bytes, int usage) {
        GpuBuffer buffer = gpu.buffer(bytes.remaining(), usage, MemoryUse.DEVICE_LOCAL);
        try {
            new Transfers(gpu).upload(bytes, buffer, 0);
            return buffer;
        } catch (RuntimeException e) {
            buffer.close();
            throw e;
        }
    }

    Sampler sampler() {
        return sampler;
    }

    GpuBuffer visibility() {
        return visibility;
    }

    /** A 2-D array view of every layer of an eye image. */
    ImageView eyeView(GpuImage eye) {
        return views.array(eye);
    }

    /** A 2-D view of the panel image. */
    ImageView panelView(GpuImage panel) {
        return views.single(panel);
    }

    void forget(GpuImage image) {
        views.forget(image);
    }

    /**
     * Checks the images of a record call and makes all earlier writes to the eye images visible to the shader reads
     * of {@code readStage} (synchronization2 stage).
     */
    void beginRecord(CommandBuffer cb, GpuImage left, int leftLayer, GpuImage right, int rightLayer, GpuImage panel,
                     int panelUsage, long readStage) {
        checkEye("left", left, leftLayer);
        checkEye("right", right, rightLayer);
        if (panel.width() != profile.panelWidthPx() || panel.height() != profile.panelHeightPx()) {
            throw new IllegalArgumentException("panel image is " + panel.width() + "×" + panel.height() + ", profile "
                    + profile.name() + " needs " + profile.panelWidthPx() + "×" + profile.panelHeightPx());
        }
        if (panel.format() != PanelDistortion.PANEL_FORMAT) {
            throw new IllegalArgumentException("panel image format " + panel.format() + ", expected RGBA16F ("
                    + PanelDistortion.PANEL_FORMAT + ")");
        }
        if ((panel.spec().usage() & panelUsage) != panelUsage) {
            throw new IllegalArgumentException("panel image lacks usage bits 0x" + Integer.toHexString(panelUsage));
        }
        cb.memoryBarrier(VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_WRITE_BIT, readStage,
                VK_ACCESS_2_SHADER_SAMPLED_READ_BIT);
    }

    private static void checkEye(String which, GpuImage image, int layer) {
        if (layer < 0 || layer >= image.spec().layers()) {
            throw new IllegalArgumentException(which + " eye layer " + layer + " is not in an image of "
                    + image.spec().layers() + " layer(s)");
        }
        int layout = image.layout();
        if (layout != VK_IMAGE_LAYOUT_GENERAL && layout != VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL) {
            throw new IllegalArgumentException(which + " eye image is in layout " + layout
                    + "; the pass samples it in GENERAL or SHADER_READ_ONLY_OPTIMAL");
        }
        if ((image.spec().usage() & VK_IMAGE_USAGE_SAMPLED_BIT) == 0) {
            throw new IllegalArgumentException(which + " eye image lacks SAMPLED usage");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            views.close();
            visibility.close();
            sampler.close();
        }
    }
}
