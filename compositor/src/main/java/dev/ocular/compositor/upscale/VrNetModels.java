package dev.ocular.compositor.upscale;

import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.model.SafeTensors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where vr-net's weights come from: the trained weights shipped in the vr-net jar, or a file the user names. */
public final class VrNetModels {
    /** The shipped weights, produced by `ocular train --preset shipped` (see docs/vrnet-model-card.md). */
    public static final String SHIPPED_WEIGHTS = "dev/ocular/vrnet/vrnet-v4.safetensors";

    private VrNetModels() {
    }

    /** The shipped trained model, or empty when this build carries no trained weights. */
    public static Optional<NetModel> shipped() {
        try (InputStream in = VrNetModels.class.getClassLoader().getResourceAsStream(SHIPPED_WEIGHTS)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(NetModel.fromContents(NetSpec.shipped(), SafeTensors.parse(bytes, SHIPPED_WEIGHTS),
                    SHIPPED_WEIGHTS));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SHIPPED_WEIGHTS, e);
        }
    }

    /** Weights from a safetensors file, with the spec it carries (the shipped spec when it carries none). */
    public static NetModel load(Path weights) {
        return NetModel.load(weights);
    }
}
