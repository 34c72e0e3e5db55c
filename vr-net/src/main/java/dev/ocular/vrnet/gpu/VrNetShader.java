package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.shader.ShaderSource;
import java.util.Map;

/**
 * Every shader variant vr-net compiles: the module's one table (style: variants come from one declarative place).
 * {@code ACT_F16} stores activations as fp16 (the coopmat path); {@code ACC_F16} accumulates in fp16 where a device
 * offers no fp32 accumulator; {@code REFINE} makes the fuse kernel also write the refine stage's input (spec version 3).
 * Tile sizes, guide counts and the ensemble's member count are specialization constants, not variants.
 */
public enum VrNetShader {
    PACK_F32("pack.comp", Map.of()),
    PACK_F16("pack.comp", Map.of("ACT_F16", "1")),
    CONV_SCALAR("conv_scalar.comp", Map.of()),
    CONV_COOPMAT_F32_ACC("conv_coopmat.comp", Map.of()),
    CONV_COOPMAT_F16_ACC("conv_coopmat.comp", Map.of("ACC_F16", "1")),
    FUSE_F32("fuse.comp", Map.of()),
    FUSE_F16("fuse.comp", Map.of("ACT_F16", "1")),
    FUSE_REFINE_F32("fuse.comp", Map.of("REFINE", "1")),
    FUSE_REFINE_F16("fuse.comp", Map.of("ACT_F16", "1", "REFINE", "1")),
    REFINE_APPLY_F32("refine_apply.comp", Map.of()),
    REFINE_APPLY_F16("refine_apply.comp", Map.of("ACT_F16", "1")),
    ENSEMBLE_MEAN("ensemble_mean.comp", Map.of());

    public static final String DIRECTORY = "dev/ocular/vrnet/shaders/";

    private final ShaderSource source;

    VrNetShader(String file, Map<String, String> defines) {
        this.source = ShaderSource.of(DIRECTORY + file, defines);
    }

    public ShaderSource source() {
        return source;
    }

    public static VrNetShader pack(boolean fp16Activations) {
        return fp16Activations ? PACK_F16 : PACK_F32;
    }

    public static VrNetShader fuse(boolean fp16Activations, boolean refine) {
        if (refine) {
            return fp16Activations ? FUSE_REFINE_F16 : FUSE_REFINE_F32;
        }
        return fp16Activations ? FUSE_F16 : FUSE_F32;
    }

    public static VrNetShader refineApply(boolean fp16Activations) {
        return fp16Activations ? REFINE_APPLY_F16 : REFINE_APPLY_F32;
    }

    public static VrNetShader coopMatConv(boolean fp16Accumulator) {
        return fp16Accumulator ? CONV_COOPMAT_F16_ACC : CONV_COOPMAT_F32_ACC;
    }
}
