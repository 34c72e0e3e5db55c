package dev.ocular.distortion.gpu;

import static org.lwjgl.vulkan.VK10.VK_FORMAT_R16G16B16A16_SFLOAT;

import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.mesh.MeshBudget;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;

/**
 * The distortion pass on the GPU: composes the side-by-side panel image from the two eye images, sampling red, green
 * and blue at each channel's own texture coordinate, with the conventions of {@code CpuDistortionPass} (its CPU twin):
 * bilinear sampling between texel centres, transparent black outside the eye image, hidden pixels opaque black.
 *
 * <p><b>Images.</b> Eye images: any sampled float format (the compositor's are RGBA16F), any size (texture
 * coordinates cover each eye's field of view), in {@code GENERAL} or {@code SHADER_READ_ONLY_OPTIMAL} layout (the
 * layout {@link GpuImage#layout()} tracks is used as is); each eye is a layer of its image, both eyes may be two layers
 * of one image. Prior writes to them need no barrier from the caller: {@link #record} makes all earlier writes visible
 * to its shader reads. Panel: {@link #PANEL_FORMAT}, exactly the profile's panel size, with the usage
 * {@link #panelUsage()} names; any tracked layout on entry (contents outside the panel are never touched, every panel
 * pixel is written), left in {@code GENERAL} with its writes available to any later stage.
 *
 * <p><b>Lifetime and threading.</b> Owns its pipelines, buffers, sampler and the views it makes of the images passed
 * to {@link #record}; those views are cached per image until {@link #forget} or {@link #close}. The images passed in
 * must outlive the command buffer's execution. Record from one thread.
 */
public interface PanelDistortion extends AutoCloseable {
    /**
     * The panel format: RGBA16F, linear light. Chosen over RGBA8 sRGB because the pass itself must not round (the GPU
     * output is compared with the CPU twin to 0.5/255, fp16 keeps 11 significant bits) and because a storage image
     * cannot be sRGB; the panel sink encodes for its display.
     */
    int PANEL_FORMAT = VK_FORMAT_R16G16B16A16_SFLOAT;

    /** Builds the pass: for {@link PanelVariant#MESH} the meshes are built to {@link MeshBudget#DEFAULT} first. */
    static PanelDistortion create(GpuContext gpu, LensProfile profile, PanelVariant variant) {
        return switch (variant) {
            case MESH -> MeshPanelDistortion.create(gpu, profile,
                    MeshPanelDistortion.buildMeshes(profile, MeshBudget.DEFAULT));
            case PER_PIXEL -> PerPixelPanelDistortion.create(gpu, profile);
        };
    }

    LensProfile profile();

    PanelVariant variant();

    /** VkImageUsageFlags the panel image must have: COLOR_ATTACHMENT for the mesh variant, STORAGE per pixel. */
    int panelUsage();

    /**
     * Records the pass into {@code cb}: both eyes, the whole panel.
     *
     * @param leftLayer array layer of {@code leftEye} holding the left eye's image
     * @param rightLayer array layer of {@code rightEye} holding the right eye's image
     * @throws IllegalArgumentException when an image does not fit (size, format, usage, layer, layout)
     */
    void record(CommandBuffer cb, GpuImage leftEye, int leftLayer, GpuImage rightEye, int rightLayer,
                GpuImage panelOut);

    /** Drops the cached views of an image the caller is about to destroy. */
    void forget(GpuImage image);

    /** Frees everything the pass owns; idempotent. The device must be done with recorded work. */
    @Override
    void close();
}
