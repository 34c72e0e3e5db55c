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
 */
public record NetSpec(String architecture, int version, List<String> inputs, float motionSoftsign,
        List<LayerSpec> layers, List<String> head, FuseConstants fuse) {

    public static final String ARCHITECTURE = "vrnet";
    public static final int VERSION = 2;
    /** Input channels of version 2 (unchanged since 1), in order (definitions: README, "Pack"). */
    public static final List<String> INPUTS = List.of("colour_r", "colour_g", "colour_b", "depth", "motion_x",
            "motion_y", "lens_x", "lens_y", "jitter_x", "jitter_y", "history_r", "history_g", "history_b",
            "history_valid");
    /** Head channels of version 2, in order (definitions: README, "Reconstruct / fuse"). */
    public static final List<String> HEAD = List.of("sigma", "history_cap", "clip_gamma", "residual_y",
            "residual_co", "residual_cg");
    /** Class-path resource of the spec ocular ships. */
    public static final String SHIPPED_RESOURCE = "dev/ocular/vrnet/vrnet-v2.json";

    public NetSpec {
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
        head = List.copyOf(head);
    }

    /** The spec ocular ships (vrnet-v2.json on the class path). */
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

    /** Multiply-adds per low-resolution pixel over all layers. */
    public long macsPerPixel() {
        return layers.stream().mapToLong(LayerSpec::macsPerPixel).sum();
    }

    /** Weights and biases over all layers. */
    public long parameterCount() {
        return layers.stream().mapToLong(l -> l.macsPerPixel() + l.out()).sum();
    }

    /** The largest channel count of any tensor the net passes between ops (pack output, layer outputs). */
    public int widestTensor() {
        return Math.max(inputChannels(), layers.stream().mapToInt(LayerSpec::out).max().orElse(0));
    }
}
