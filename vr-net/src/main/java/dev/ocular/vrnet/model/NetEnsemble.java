package dev.ocular.vrnet.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained vr-net models one upscaler runs side by side, each with its own history, whose outputs are averaged
 * per texel (an output ensemble; reference/EnsembleMean). Members trained to different points of the same trade
 * (one sharper, one steadier) err in different places, and the mean cancels part of what they disagree on
 * (docs/vrnet-model-card.md measures it). One member is the plain single network. Immutable.
 *
 * @param members 1 to {@link #MAX_MEMBERS} models, in the order their files were named
 */
public record NetEnsemble(List<NetModel> members) {
    /** The mean kernel's largest member count (a specialization constant up to this). */
    public static final int MAX_MEMBERS = 4;

    public NetEnsemble {
        members = List.copyOf(members);
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a vr-net ensemble has 1 to " + MAX_MEMBERS + " members, got "
                    + members.size());
        }
    }

    /** A single network. */
    public static NetEnsemble of(NetModel model) {
        return new NetEnsemble(List.of(model));
    }

    /** Each file as {@link NetModel#load(Path)} reads it (bad files fail with the file's name). */
    public static NetEnsemble load(List<Path> files) {
        List<NetModel> models = new ArrayList<>();
        for (Path f : files) {
            models.add(NetModel.load(f));
        }
        return new NetEnsemble(models);
    }

    public int size() {
        return members.size();
    }

    /** The first member (the only one of a single network). */
    public NetModel first() {
        return members.get(0);
    }

    /** The single member's provenance, or each member's, numbered, for an ensemble. */
    public String weightsLabel() {
        if (members.size() == 1) {
            return members.get(0).weightsLabel();
        }
        StringBuilder b = new StringBuilder("ensemble of " + members.size() + " (outputs averaged)");
        for (int i = 0; i < members.size(); i++) {
            b.append("; member ").append(i + 1).append(": ").append(members.get(i).weightsLabel());
        }
        return b.toString();
    }
}
