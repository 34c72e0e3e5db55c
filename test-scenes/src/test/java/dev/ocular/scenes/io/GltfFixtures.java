package dev.ocular.scenes.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Writes tiny glTF 2.0 files for tests: one textured quad (two triangles) under a translated node, base colour
 * factor (0.8, 0.4, 0.2, 1) and a 4×2 base colour texture whose top-left texel is red — as a .gltf with a data-URI
 * buffer and a side-car PNG, or as a .glb with the PNG embedded in the binary chunk.
 */
final class GltfFixtures {
    static final float[] FACTOR = {0.8f, 0.4f, 0.2f, 1f};
    static final float[] TRANSLATION = {1, 2, 3};
    /** Per vertex: position (x, y, z) and the texture coordinate written for it. */
    static final float[][] VERTICES = {{0, 0, 0, 0, 1}, {1, 0, 0, 1, 1}, {1, 1, 0, 1, 0}, {0, 1, 0, 0, 0}};
    static final int[] TOP_LEFT_RGB = {255, 0, 0};

    private GltfFixtures() {
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, 0xFF000000 | (x * 60) << 8 | (y * 200));
            }
        }
        image.setRGB(0, 0, 0xFFFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** positions (48 B), normals (48 B), uvs (32 B), indices (12 B): 140 bytes. */
    private static byte[] geometry() {
        ByteBuffer b = ByteBuffer.allocate(140).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] v : VERTICES) {
            b.putFloat(v[0]).putFloat(v[1]).putFloat(v[2]);
        }
        for (int i = 0; i < 4; i++) {
            b.putFloat(0).putFloat(0).putFloat(1);
        }
        for (float[] v : VERTICES) {
            b.putFloat(v[3]).putFloat(v[4]);
        }
        for (short i : new short[] {0, 1, 2, 0, 2, 3}) {
            b.putShort(i);
        }
        return b.array();
    }

    private static String json(String bufferUri, int bufferLength, String image) {
        return """
                {"asset": {"version": "2.0"},
                 "scene": 0, "scenes": [{"nodes": [0]}],
                 "nodes": [{"mesh": 0, "translation": [1, 2, 3]}],
                 "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2},
                   "indices": 3, "material": 0}]}],
                 "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [0.8, 0.4, 0.2, 1.0],
                   "baseColorTexture": {"index": 0}}}],
                 "textures": [{"source": 0}],
                 "images": [%s],
                 "buffers": [{%s"byteLength": %d}],
                 "bufferViews": [
                   {"buffer": 0, "byteOffset": 0, "byteLength": 48},
                   {"buffer": 0, "byteOffset": 48, "byteLength": 48},
                   {"buffer": 0, "byteOffset": 96, "byteLength": 32},
                   {"buffer": 0, "byteOffset": 128, "byteLength": 12}%s],
                 "accessors": [
                   {"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3",
                    "min": [0, 0, 0], "max": [1, 1, 0]},
                   {"bufferView": 1, "componentType": 5126, "count": 4, "type": "VEC3"},
                   {"bufferView": 2, "componentType": 5126, "count": 4, "type": "VEC2"},
                   {"bufferView": 3, "componentType": 5123, "count": 6, "type": "SCALAR"}]}
                """.formatted(image, bufferUri, bufferLength,
                bufferLength > 140 ? ",\n   {\"buffer\": 0, \"byteOffset\": 140, \"byteLength\": "
                        + (bufferLength - 140) + "}" : "");
    }

    /** quad.gltf with its geometry as a data URI and the texture as the side-car tex.png. */
    static Path writeGltf(Path dir) throws IOException {
        Files.write(dir.resolve("tex.png"), png());
        String uri = "\"uri\": \"data:application/octet-stream;base64,"
                + Base64.getEncoder().encodeToString(geometry()) + "\", ";
        Path file = dir.resolve("quad.gltf");
        Files.writeString(file, json(uri, 140, "{\"uri\": \"tex.png\"}"));
        return file;
    }

    /** quad.glb: JSON chunk + binary chunk holding geometry and the PNG. */
    static Path writeGlb(Path dir) throws IOException {
        byte[] geometry = geometry();
        byte[] png = png();
        int binLength = pad(geometry.length + png.length);
        byte[] json = json("", geometry.length + png.length,
                "{\"bufferView\": 4, \"mimeType\": \"image/png\"}").getBytes(StandardCharsets.UTF_8);
        int jsonLength = pad(json.length);
        ByteBuffer glb = ByteBuffer.allocate(12 + 8 + jsonLength + 8 + binLength).order(ByteOrder.LITTLE_ENDIAN);
        glb.putInt(0x46546C67).putInt(2).putInt(glb.capacity());
        glb.putInt(jsonLength).putInt(0x4E4F534A).put(json);
        for (int i = json.length; i < jsonLength; i++) {
            glb.put((byte) ' ');
        }
        glb.putInt(binLength).putInt(0x004E4942).put(geometry).put(png);
        Path file = dir.resolve("quad.glb");
        Files.write(file, glb.array());
        return file;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
