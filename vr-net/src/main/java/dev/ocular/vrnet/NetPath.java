package dev.ocular.vrnet;

import dev.ocular.gpu.DeviceCapabilities;
import java.util.Locale;
import java.util.Map;

/** The executors of a vrnet spec. All three compute the same function; the reference is the oracle for the others. */
public enum NetPath {
    /** CPU, float32, one obviously correct loop nest per op. */
    REFERENCE,
    /** Vulkan compute with fp32 storage and arithmetic; any Vulkan 1.3 device ocular runs on. */
    SCALAR,
    /** Vulkan compute with fp16 storage and cooperative-matrix (tensor core) convolutions. */
    COOPMAT;

    /** Environment variable that forces a path: reference, scalar or coopmat. */
    public static final String ENV = "OCULAR_NET_PATH";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses reference|scalar|coopmat; {@code field} names where the value came from, for the error. */
    public static NetPath parse(String value, String field) {
        for (NetPath p : values()) {
            if (p.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new dev.ocular.gpu.BadInputException(field + ": unknown vr-net path '" + value
                + "' (expected reference, scalar or coopmat)");
    }

    /**
     * The path to run by default: coopmat where fp16 cooperative matrices run on real hardware, else scalar. On a CPU
     * device (lavapipe) cooperative matrices are emulated — Mesa lowers each 8×8×8 MulAdd to subgroup reductions that
     * llvmpipe runs lane by lane — and measured slower than the scalar kernels (docs/perf), so scalar is chosen there;
     * coopmat can still be forced (tests do).
     */
    public static NetPath choose(DeviceCapabilities caps) {
        boolean emulated = caps.deviceType() == org.lwjgl.vulkan.VK10.VK_PHYSICAL_DEVICE_TYPE_CPU;
        return caps.canRunFp16CoopMat() && !emulated ? COOPMAT : SCALAR;
    }

    /**
     * The path to run: {@code requested} (an API or CLI choice, may be null), else {@link #ENV} from {@code env}, else
     * {@link #choose}. Forcing coopmat on a device without fp16 cooperative matrices is an error, not a fallback.
     */
    public static NetPath resolve(String requested, Map<String, String> env, DeviceCapabilities caps) {
        NetPath path;
        if (requested != null && !requested.isBlank()) {
            path = parse(requested, "path");
        } else if (env.get(ENV) != null && !env.get(ENV).isBlank()) {
            path = parse(env.get(ENV), ENV);
        } else {
            return choose(caps);
        }
        if (path == COOPMAT && !caps.canRunFp16CoopMat()) {
            throw new dev.ocular.gpu.BadInputException("vr-net path coopmat was forced but device " + caps.name()
                    + " cannot run fp16 cooperative matrices");
        }
        return path;
    }
}
