package dev.ocular.compositor.upscale;

import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.model.SafeTensors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where vr-net's weights come from: the trained members shipped in the vr-net jar (an output ensemble), or files the
 * user names.
 */
public final class VrNetModels {
    /** The shipped weights of member 1, produced by `ocular train --preset shipped` (docs/vrnet-model-card.md). */
    public static final String SHIPPED_WEIGHTS = "dev/ocular/vrnet/vrnet-v4.safetensors";
    /** Every shipped member, in order: the training command writes member k ≥ 2 to OUT/member-k/vrnet.safetensors. */
    public static final List<String> SHIPPED_MEMBERS = List.of(SHIPPED_WEIGHTS,
            "dev/ocular/vrnet/vrnet-v4-member2.safetensors");

    private VrNetModels() {
    }

    /**
     * The shipped trained ensemble, or empty when this build carries no trained weights; a build that carries some
     * members but not all is broken and fails here.
     */
    public static Optional<NetEnsemble> shipped() {
        List<NetModel> members = new ArrayList<>();
        for (String resource : SHIPPED_MEMBERS) {
            try (InputStream in = VrNetModels.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    if (!members.isEmpty()) {
                        throw new IllegalStateException(resource + " is missing but " + SHIPPED_MEMBERS.get(0)
                                + " is there: the build ships a partial ensemble");
                    }
                    return Optional.empty();
                }
                members.add(NetModel.fromContents(NetSpec.shipped(), SafeTensors.parse(in.readAllBytes(), resource),
                        resource));
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + resource, e);
            }
        }
        return Optional.of(new NetEnsemble(members));
    }

    /** Weights from a safetensors file, with the spec it carries (the shipped spec when it carries none). */
    public static NetModel load(Path weights) {
        return NetModel.load(weights);
    }

    /** An ensemble of one member per file, each as {@link #load(Path)} reads it. */
    public static NetEnsemble ensemble(List<Path> weights) {
        return NetEnsemble.load(weights);
    }
}
