package dev.ocular.gpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkSpecializationInfo;
import org.lwjgl.vulkan.VkSpecializationMapEntry;

/**
 * Specialization constants by constant_id, each 32 bits (int, uint, float or bool). Immutable; {@code with} returns
 * a copy. Tile sizes and cooperative-matrix shapes travel this way so one SPIR-V module serves every device.
 */
public final class SpecConstants {
    private final TreeMap<Integer, Integer> values;

    private SpecConstants(TreeMap<Integer, Integer> values) {
        this.values = values;
    }

    public static SpecConstants none() {
        return new SpecConstants(new TreeMap<>());
    }

    public SpecConstants with(int id, int value) {
        TreeMap<Integer, Integer> copy = new TreeMap<>(values);
        copy.put(id, value);
        return new SpecConstants(copy);
    }

    public SpecConstants withFloat(int id, float value) {
        return with(id, Float.floatToRawIntBits(value));
    }

    public Map<Integer, Integer> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** The Vulkan struct, allocated on {@code stack}; null when there are no constants. */
    VkSpecializationInfo toVk(MemoryStack stack) {
        if (values.isEmpty()) {
            return null;
        }
        VkSpecializationMapEntry.Buffer entries = VkSpecializationMapEntry.calloc(values.size(), stack);
        ByteBuffer data = stack.malloc(4 * values.size()).order(ByteOrder.nativeOrder());
        int i = 0;
        for (Map.Entry<Integer, Integer> e : values.entrySet()) {
            entries.get(i).constantID(e.getKey()).offset(4 * i).size(4);
            data.putInt(4 * i, e.getValue());
            i++;
        }
        return VkSpecializationInfo.calloc(stack).pMapEntries(entries).pData(data);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
