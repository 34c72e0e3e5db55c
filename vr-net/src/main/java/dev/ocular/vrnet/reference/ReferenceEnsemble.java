package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.VrNetRunner;
import dev.ocular.vrnet.model.NetEnsemble;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU twin of gpu/GpuEnsemble: one {@link ReferenceNet} per member, each keeping its own history, and per eye
 * the {@link EnsembleMean} of their outputs. Not thread-safe.
 */
public final class ReferenceEnsemble implements VrNetRunner {
    private final List<ReferenceNet> members = new ArrayList<>();

    /** @param models two or more members (one member is a plain {@link ReferenceNet}) */
    public ReferenceEnsemble(NetEnsemble models) {
        if (models.size() < 2) {
            throw new IllegalArgumentException("an ensemble runner needs 2 or more members, got " + models.size());
        }
        models.members().forEach(m -> members.add(new ReferenceNet(m)));
    }

    @Override
    public NetPath path() {
        return NetPath.REFERENCE;
    }

    @Override
    public List<ImageData> run(List<EyeInput> eyes) {
        List<List<ImageData>> perMember = new ArrayList<>();
        for (ReferenceNet net : members) {
            perMember.add(net.run(eyes));
        }
        List<ImageData> outputs = new ArrayList<>();
        for (int e = 0; e < eyes.size(); e++) {
            List<ImageData> eye = new ArrayList<>();
            for (List<ImageData> m : perMember) {
                eye.add(m.get(e));
            }
            outputs.add(EnsembleMean.apply(eye));
        }
        return outputs;
    }

    @Override
    public void close() {
        for (int i = members.size() - 1; i >= 0; i--) {
            members.get(i).close();
        }
    }
}
