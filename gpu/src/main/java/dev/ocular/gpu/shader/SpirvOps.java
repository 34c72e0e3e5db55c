package dev.ocular.gpu.shader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the instruction stream of a SPIR-V module, enough to ask whether it uses a given opcode. */
public final class SpirvOps {
    /** SPV_KHR_cooperative_matrix: OpCooperativeMatrixMulAddKHR. */
    public static final int OP_COOPERATIVE_MATRIX_MUL_ADD_KHR = 4459;
    /** SPV_KHR_cooperative_matrix: OpTypeCooperativeMatrixKHR. */
    public static final int OP_TYPE_COOPERATIVE_MATRIX_KHR = 4456;
    private static final int MAGIC = 0x07230203;
    private static final int HEADER_WORDS = 5;

    private SpirvOps() {
    }

    /** True when some instruction of the module has {@code opcode}. */
    public static boolean contains(byte[] module, int opcode) {
        return count(module, opcode) > 0;
    }

    public static int count(byte[] module, int opcode) {
        ByteBuffer words = ByteBuffer.wrap(module).order(ByteOrder.LITTLE_ENDIAN);
        if (module.length < HEADER_WORDS * 4 || words.getInt(0) != MAGIC) {
            throw new IllegalArgumentException("not a little-endian SPIR-V module");
        }
        int found = 0;
        int pos = HEADER_WORDS;
        int total = module.length / 4;
        while (pos < total) {
            int word = words.getInt(pos * 4);
            int length = word >>> 16;
            if (length == 0) {
                throw new IllegalArgumentException("malformed SPIR-V: zero-length instruction at word " + pos);
            }
            if ((word & 0xffff) == opcode) {
                found++;
            }
            pos += length;
        }
        return found;
    }
}
