package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_STORAGE_IMAGE;

import dev.ocular.gpu.Bindings;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ComputeKernel;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.SpecConstants;
import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.reference.EnsembleMean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.List;

/**
 * An output ensemble's mean on shaders/ensemble_mean.comp: one eye per dispatch, the members' output images (RGBA16F,
 * GENERAL layout, e.g. each member's {@link EyeOutputs#outputView()}) averaged per texel and channel into an RGBA16F
 * storage image in GENERAL layout. The member count is a specialization constant, so one kernel serves one ensemble.
 * CPU twin: reference/EnsembleMean.
 *
 * <p>Tolerances, against {@code EnsembleMean.apply} (unrounded fp32) on binary16-exact members: the kernel sums in the
 * same order; its division may differ from Java's by a few fp32 ulps (Vulkan allows 2.5), far below what remains, the
 * store's rounding to fp16 (to nearest, {@code Perceptual.fp16}): half an ulp.
 *
 * <p>Not thread-safe: record from one thread. The caller orders the dispatch after the members' writes and before the
 * output's readers, and keeps the views alive until the work has run. Owns only its {@link ComputeKernel}.
 */
final class EnsembleMeanKernel implements AutoCloseable {
    /** Half an fp16 ulp is at most 2^-11 of a value, so its square, 2.4e-7, bounds the NMSE. */
    static final double NMSE = 3e-7;
    /** Half an fp16 ulp of values below 16 (the test's colours): 2^-8 = 3.9e-3. */
    static final double MAX_ABS = 4e-3;
    static final int GROUP = 8;
    /** The shader's member bindings (0–3); the output is the next one. */
    private static final int SLOTS = NetEnsemble.MAX_MEMBERS;
    /** The eye's width and height. */
    private static final int PUSH_BYTES = 2 * 4;

    private final ComputeKernel kernel;
    private final int members;
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
    /** One entry per eye: each eye's members and output keep their images from frame to frame. */
    private final CachedBindings cache = new CachedBindings(2 * (SLOTS + 1), 2);

    private EnsembleMeanKernel(ComputeKernel kernel, int members) {
        this.kernel = kernel;
        this.members = members;
    }

    /** @param members the ensemble's size, 2 to {@link NetEnsemble#MAX_MEMBERS} (a specialization constant) */
    static EnsembleMeanKernel create(GpuContext gpu, int members) {
        if (members < EnsembleMean.MIN_MEMBERS || members > SLOTS) {
            throw new IllegalArgumentException("an ensemble mean takes " + EnsembleMean.MIN_MEMBERS + " to " + SLOTS
                    + " members, got " + members);
        }
        return new EnsembleMeanKernel(ComputeKernel.create(gpu, new ComputeKernel.Spec(
                VrNetShader.ENSEMBLE_MEAN.source(), Collections.nCopies(SLOTS + 1, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE),
                PUSH_BYTES, SpecConstants.none().with(0, members), false)), members);
    }

    int members() {
        return members;
    }

    /**
     * Writes the mean of {@code members} (this kernel's count of views, in ensemble order) into the top-left
     * {@code width × height} texels of {@code output}; every image must be at least that large.
     */
    void record(CommandBuffer cb, List<ImageView> members, ImageView output, int width, int height) {
        if (members.size() != this.members) {
            throw new IllegalArgumentException("this ensemble mean averages " + this.members + " members, got "
                    + members.size());
        }
        for (int m = 0; m < this.members; m++) {
            requireCovers("member " + m, members.get(m), width, height);
        }
        requireCovers("output", output, width, height);
        push.putInt(0, width).putInt(4, height).position(0).limit(PUSH_BYTES);
        kernel.dispatch(cb, bindings(members, output), push, ComputeKernel.groups(width, GROUP),
                ComputeKernel.groups(height, GROUP), 1);
    }

    private Bindings bindings(List<ImageView> members, ImageView output) {
        long[] key = cache.key();
        for (int s = 0; s < SLOTS; s++) {
            ViewKeys.put(key, 2 * s, slot(members, s));
        }
        ViewKeys.put(key, 2 * SLOTS, output);
        Bindings cached = cache.lookup();
        if (cached != null) {
            return cached;
        }
        Bindings b = Bindings.create();
        for (int s = 0; s < SLOTS; s++) {
            b.storageImage(s, slot(members, s));
        }
        return cache.store(b.storageImage(SLOTS, output));
    }

    /**
     * The view bound at member binding {@code s}: past the ensemble's size, its last member again. The shader never
     * reads those bindings, but every binding it declares must hold a valid descriptor.
     */
    private ImageView slot(List<ImageView> members, int s) {
        return members.get(Math.min(s, this.members - 1));
    }

    private static void requireCovers(String what, ImageView view, int width, int height) {
        GpuImage image = view.image();
        if (width <= 0 || height <= 0 || image.width() < width || image.height() < height) {
            throw new IllegalArgumentException("ensemble mean of " + width + "x" + height + ": " + what + " is "
                    + image.width() + "x" + image.height());
        }
    }

    @Override
    public void close() {
        kernel.close();
    }
}
