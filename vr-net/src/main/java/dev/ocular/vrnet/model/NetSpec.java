package dev.ocular.vrnet.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The vrnet architecture as data: which input channels the pack op builds, the convolution stack, which parameter each
 * head channel carries, and the constants of the pack and fuse ops. Read by the CPU reference and both GPU executors;
 * the format is documented in vr-net/README.md. Immutable.
 *
 * @param motionSoftsign pack op: motion channels are m / (motionSoftsign + |m|), m in low-resolution pixels
 * @param layers         the feature network at low resolution; the last layer is the head
 * @param head           what each head channel carries: {@link #HEAD}, then {@code guide_0 … guide_{n−1}}, low-resolution
 *                       context the refine stage reads at output resolution
 * @param refine         the refine stage at output resolution (README "Refine"): its first layer reads the fused
 *                       output and the guides (3 + n channels), its last writes a 3-channel residual; empty: no refine
 *                       stage (then there are no guides)
 * @param refineGate     the refine residual's gate (README "Refine", step 3): where the fused output's local contrast
 *                       is below this (tone-mapped units) the residual is scaled down in proportion, so flat regions
 *                       keep the fused pixel; 0 turns the gate off
 * @param refineKernel   0: the last refine layer writes the residual itself; k (odd): it writes k² per-pixel weights
 *                       and the residual is their filter over the fused colour's differences (README "Refine",
 *                       reference/KernelResidual)
 * @param refineClamp    true: the refined colour is clamped per channel to the fused colour's 3 × 3 neighbourhood
 *                       range, so the stage can restore detail but never overshoot past its neighbours (README
 *                       "Refine", step 4; reference/RefineOp.refinedToneMapped)
 */
public record NetSpec(String architecture, int version, List<String> inputs, float motionSoftsign,
        List<LayerSpec> layers, List<String> head, FuseConstants fuse, List<LayerSpec> refine, float refineGate,
        int refineKernel, boolean refineClamp) {

    public static final String ARCHITECTURE = "vrnet";
    public static final int VERSION = 4;
    /** Input channels of version 2 (unchanged since 1), in order (definitions: README, "Pack"). */
    public static final List<String> INPUTS = List.of("colour_r", "colour_g", "colour_b", "depth", "motion_x",
            "motion_y", "lens_x", "lens_y", "jitter_x", "jitter_y", "history_r", "history_g", "history_b",
            "history_valid");
    /**
     * An optional input after {@link #INPUTS}: the eye's upscale ratio (README, "Pack"). Without it the feature net
     * sees the same low-resolution image at every ratio and has to pick one history cap and sharpening for all.
     */
    public static final String UPSCALE = "upscale";
    /**
     * An optional input after {@link #INPUTS} (and after {@link #UPSCALE} when both are present): whether the previous
     * frame's depth where this pixel's surface was agrees with the current depth (README, "Pack"). Without it the head
     * cannot tell rigid reprojection, whose history is good at any speed, from disocclusion, whose history is wrong.
     */
    public static final String DISOCCLUSION = "disocclusion";
    /** The optional inputs, in the order a spec lists them after {@link #INPUTS}. */
    public static final List<String> OPTIONAL_INPUTS = List.of(UPSCALE, DISOCCLUSION);
    /** The fuse op's head channels (unchanged since version 2), in order (definitions: README, "Reconstruct / fuse"). */
    public static final List<String> HEAD = List.of("sigma", "history_cap", "clip_gamma", "residual_y",
            "residual_co", "residual_cg");
    /** Name of guide channel i, after {@link #HEAD}. */
    public static final String GUIDE_PREFIX = "guide_";
    /** The per-pixel filter sizes a spec may ask for ({@code refineKernel}): 3 × 3 or 5 × 5 taps. */
    public static final List<Integer> REFINE_KERNELS = List.of(3, 5);

    /** Channels of the refine stage's input before the guides: the fused output, tone-mapped (README "Refine"). */
    public static final int REFINE_COLOUR = 3;
    /** Class-path resource of the spec ocular ships. */
    public static final String SHIPPED_RESOURCE = "dev/ocular/vrnet/vrnet-v4.json";

    public NetSpec {
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
        head = List.copyOf(head);
        refine = List.copyOf(refine);
    }

    /** The head's channel names for {@code guides} guide channels. */
    public static List<String> headNames(int guides) {
        List<String> names = new java.util.ArrayList<>(HEAD);
        for (int i = 0; i < guides; i++) {
            names.add(GUIDE_PREFIX + i);
        }
        return List.copyOf(names);
    }

    /** The spec ocular ships (vrnet-v4.json on the class path). */
    public static NetSpec shipped() {
        try (InputStream in = NetSpec.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new ModelFormatException(SHIPPED_RESOURCE, "file", "not found on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SHIPPED_RESOURCE, e);
        }
    }

    /** This spec with {@code refineClamp} set as given (everything else equal). */
    public NetSpec withRefineClamp(boolean clamp) {
        return new NetSpec(architecture, version, inputs, motionSoftsign, layers, head, fuse, refine, refineGate,
                refineKernel, clamp);
    }

    /** This spec with the {@link #UPSCALE} input added (the first layer reads one more channel). */
    public NetSpec withUpscaleInput() {
        return withInput(UPSCALE);
    }

    /** This spec with the {@link #DISOCCLUSION} input added (the first layer reads one more channel). */
    public NetSpec withDisocclusionInput() {
        return withInput(DISOCCLUSION);
    }

    /** {@link #INPUTS}, then each of {@link #OPTIONAL_INPUTS} that {@code wanted} accepts, in that order. */
    public static List<String> inputsWith(java.util.function.Predicate<String> wanted) {
        List<String> names = new java.util.ArrayList<>(INPUTS);
        OPTIONAL_INPUTS.stream().filter(wanted).forEach(names::add);
        return List.copyOf(names);
    }

    /** Adds one of {@link #OPTIONAL_INPUTS} in its canonical place; present already, the spec is unchanged. */
    private NetSpec withInput(String name) {
        if (inputs.contains(name)) {
            return this;
        }
        List<String> wider = inputsWith(o -> o.equals(name) || inputs.contains(o));
        List<LayerSpec> features = new java.util.ArrayList<>(layers);
        LayerSpec first = features.get(0);
        features.set(0, new LayerSpec(first.name(), first.kind(), first.in() + 1, first.out(), first.activation()));
        return new NetSpec(architecture, version, wider, motionSoftsign, features, head, fuse, refine, refineGate,
                refineKernel, refineClamp);
    }

    /** Reads and validates a spec file; any problem is a one-line {@link ModelFormatException}. */
    public static NetSpec load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file.toString(), "file", "does not exist", e);
        } catch (IOException e) {
            throw new ModelFormatException(file.toString(), "file", "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses and validates spec JSON; {@code source} names it in error messages. */
    public static NetSpec parse(String json, String source) {
        return new NetSpecJson(source).parse(json);
    }

    public String toJson() {
        return NetSpecJson.write(this);
    }

    public int inputChannels() {
        return inputs.size();
    }

    public int headChannels() {
        return head.size();
    }

    /** Channels the last refine layer writes for a refineKernel: the residual (3), or the kernel's k² weights. */
    public static int refineOutputs(int refineKernel) {
        return refineKernel == 0 ? REFINE_COLOUR : refineKernel * refineKernel;
    }

    /** Guide channels: head channels after the fuse op's six, read by the refine stage. */
    public int guides() {
        return head.size() - HEAD.size();
    }

    /** Multiply-adds per low-resolution pixel over the feature layers. */
    public long macsPerPixel() {
        return layers.stream().mapToLong(LayerSpec::macsPerPixel).sum();
    }

    /** Multiply-adds per output pixel of the refine stage (0 without one). */
    public long refineMacsPerPixel() {
        // A per-pixel kernel adds its k² multiply-adds per colour channel (reference/KernelResidual).
        return refine.stream().mapToLong(LayerSpec::macsPerPixel).sum()
                + (long) refineKernel * refineKernel * REFINE_COLOUR;
    }

    /** Every layer: the feature layers, then the refine stage's (the order weights and gradients are kept in). */
    public List<LayerSpec> allLayers() {
        List<LayerSpec> all = new java.util.ArrayList<>(layers);
        all.addAll(refine);
        return List.copyOf(all);
    }

    /** Weights and biases over all layers of both stages. */
    public long parameterCount() {
        return allLayers().stream().mapToLong(l -> l.macsPerPixel() + l.out()).sum();
    }

    /** The largest channel count of any low-resolution tensor the net passes between ops (pack output, layers). */
    public int widestTensor() {
        return Math.max(inputChannels(), layers.stream().mapToInt(LayerSpec::out).max().orElse(0));
    }

    /** The largest channel count of any output-resolution tensor of the refine stage (0 without one). */
    public int widestRefineTensor() {
        return refine.isEmpty() ? 0 : Math.max(refine.get(0).in(), refine.stream().mapToInt(LayerSpec::out).max()
                .orElse(0));
    }
}
