import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.model.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A copy of a weights file, tensors unchanged, under another spec: args IN OUT SPEC_JSON NOTE. */
public class Respec {
    public static void main(String[] a) throws Exception {
        NetModel m = NetModel.load(Path.of(a[0]));
        NetSpec spec = NetSpec.parse(Files.readString(Path.of(a[2])), a[2]);
        Map<String, String> meta = new LinkedHashMap<>(m.metadata());
        meta.put(NetModel.META_SPEC, spec.toJson());
        meta.put(NetModel.META_PROVENANCE, meta.get(NetModel.META_PROVENANCE) + "; probe: " + a[3]);
        NetModel.of(spec, m.allLayers(), meta).save(Path.of(a[1]), Tensor.DType.F32);
    }
}
