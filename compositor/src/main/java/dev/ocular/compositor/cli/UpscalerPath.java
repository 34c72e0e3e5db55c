package dev.ocular.compositor.cli;

import dev.ocular.gpu.DeviceCapabilities;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.gpu.CoopMatPlan;
import java.util.LinkedHashMap;
import java.util.Map;

/** What `ocular info` reports as the vr-net executor a device will run (vr-net's own choice). */
final class UpscalerPath {
    private UpscalerPath() {
    }

    static Map<String, Object> describe(DeviceCapabilities d) {
        Map<String, Object> m = new LinkedHashMap<>();
        String forced = System.getenv(NetPath.ENV);
        if (forced != null && !forced.isBlank()) {
            m.put("forced_by", NetPath.ENV);
        }
        try {
            m.put("path", NetPath.resolve(null, System.getenv(), d).id());
        } catch (RuntimeException e) {
            m.put("path", "unavailable");
            m.put("reason", e.getMessage());
        }
        m.put("default_path", NetPath.choose(d).id());
        CoopMatPlan.choose(d).ifPresent(plan -> m.put("coopmat_shape", plan.describe()));
        if (d.canRunFp16CoopMat() && NetPath.choose(d) == NetPath.SCALAR) {
            m.put("note", "cooperative matrices are emulated on this CPU device and slower than scalar; "
                    + "OCULAR_NET_PATH=coopmat forces them");
        }
        return m;
    }
}
