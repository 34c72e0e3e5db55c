package dev.ocular.scenes.render;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.Acquired;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.Transfers;
import dev.ocular.scenes.scene.Mesh;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.Texture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A scene's static GPU data: every mesh packed into one vertex and one index buffer, and its textures (plus a 1×1
 * white texture for untextured materials). Owns all of it; closes textures, then buffers.
 */
final class GpuScene implements AutoCloseable {
    /** Where one mesh sits in the shared buffers. */
    record MeshRange(int firstIndex, int indexCount, int vertexOffset) {
    }

    private final GpuBuffer vertices;
    private final GpuBuffer indices;
    private final List<MeshRange> ranges;
    private final List<GpuTexture> textures;
    private final GpuTexture white;

    private GpuScene(GpuBuffer vertices, GpuBuffer indices, List<MeshRange> ranges, List<GpuTexture> textures,
            GpuTexture white) {
        this.vertices = vertices;
        this.indices = indices;
        this.ranges = ranges;
        this.textures = textures;
        this.white = white;
    }

    static GpuScene upload(GpuContext gpu, Scene scene) {
        long vertexBytes = 0;
        long indexBytes = 0;
        for (Mesh m : scene.meshes()) {
            vertexBytes += (long) m.vertices().length * Float.BYTES;
            indexBytes += (long) m.indices().length * Integer.BYTES;
        }
        ByteBuffer vb = ByteBuffer.allocateDirect(Math.toIntExact(vertexBytes)).order(ByteOrder.nativeOrder());
        ByteBuffer ib = ByteBuffer.allocateDirect(Math.toIntExact(indexBytes)).order(ByteOrder.nativeOrder());
        List<MeshRange> ranges = new ArrayList<>();
        int firstIndex = 0;
        int firstVertex = 0;
        for (Mesh m : scene.meshes()) {
            vb.asFloatBuffer().put(m.vertices());
            vb.position(vb.position() + m.vertices().length * Float.BYTES);
            ib.asIntBuffer().put(m.indices());
            ib.position(ib.position() + m.indices().length * Integer.BYTES);
            ranges.add(new MeshRange(firstIndex, m.indices().length, firstVertex));
            firstIndex += m.indices().length;
            firstVertex += m.vertexCount();
        }
        vb.flip();
        ib.flip();
        Acquired made = new Acquired();
        try {
            GpuBuffer vertices = made.keep(gpu.buffer(vertexBytes, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                    MemoryUse.DEVICE_LOCAL));
            GpuBuffer indices = made.keep(gpu.buffer(indexBytes, VK_BUFFER_USAGE_INDEX_BUFFER_BIT,
                    MemoryUse.DEVICE_LOCAL));
            Transfers transfers = new Transfers(gpu);
            transfers.upload(vb, vertices, 0);
            transfers.upload(ib, indices, 0);
            List<GpuTexture> textures = new ArrayList<>();
            for (Texture t : scene.textures()) {
                textures.add(made.keep(GpuTexture.upload(gpu, t)));
            }
            GpuTexture white = made.keep(GpuTexture.upload(gpu, new Texture("white", 1, 1,
                    new byte[] {-1, -1, -1, -1}, false)));
            return new GpuScene(vertices, indices, List.copyOf(ranges), List.copyOf(textures), white);
        } catch (RuntimeException e) {
            throw made.failed(e);
        }
    }

    GpuBuffer vertices() {
        return vertices;
    }

    GpuBuffer indices() {
        return indices;
    }

    MeshRange range(int mesh) {
        return ranges.get(mesh);
    }

    /** The texture for a material's index, or white for −1. */
    GpuTexture texture(int index) {
        return index < 0 ? white : textures.get(index);
    }

    @Override
    public void close() {
        white.close();
        for (int i = textures.size() - 1; i >= 0; i--) {
            textures.get(i).close();
        }
        indices.close();
        vertices.close();
    }
}
