package dev.ocular.scenes.io;

import static org.lwjgl.assimp.Assimp.*;
import static org.lwjgl.system.MemoryStack.stackPush;

import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.SceneBuilder;
import dev.ocular.scenes.scene.Texture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.lwjgl.assimp.AIColor4D;
import org.lwjgl.assimp.AIMaterial;
import org.lwjgl.assimp.AIScene;
import org.lwjgl.assimp.AIString;
import org.lwjgl.assimp.AITexel;
import org.lwjgl.assimp.AITexture;
import org.lwjgl.system.MemoryStack;

/** glTF materials → ocular {@link Material}s, decoding base colour textures (embedded or side-car) once each. */
final class GltfTextures {
    /** A texture the file references but that cannot be read or decoded. */
    static final class UnreadableTexture extends RuntimeException {
        UnreadableTexture(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final AIScene scene;
    private final Path directory;
    private final Map<String, Texture> decoded = new HashMap<>();

    GltfTextures(AIScene scene, Path directory) {
        this.scene = scene;
        this.directory = directory;
    }

    static Material material(AIMaterial m, GltfTextures textures, SceneBuilder builder, Map<Texture, Integer> indexOf) {
        float[] factor = {1, 1, 1, 1};
        try (MemoryStack stack = stackPush()) {
            AIColor4D colour = AIColor4D.malloc(stack);
            if (aiGetMaterialColor(m, AI_MATKEY_BASE_COLOR, aiTextureType_NONE, 0, colour) == aiReturn_SUCCESS
                    || aiGetMaterialColor(m, AI_MATKEY_COLOR_DIFFUSE, aiTextureType_NONE, 0, colour)
                            == aiReturn_SUCCESS) {
                factor = new float[] {colour.r(), colour.g(), colour.b(), colour.a()};
            }
            float cutoff = 0;
            AIString mode = AIString.malloc(stack);
            if (aiGetMaterialString(m, AI_MATKEY_GLTF_ALPHAMODE, aiTextureType_NONE, 0, mode) == aiReturn_SUCCESS
                    && "MASK".equals(mode.dataString())) {
                float[] value = {0.5f};
                aiGetMaterialFloatArray(m, AI_MATKEY_GLTF_ALPHACUTOFF, aiTextureType_NONE, 0, value, new int[] {1});
                cutoff = value[0];
            }
            int texture = -1;
            String ref = textureReference(m, stack);
            if (ref != null) {
                Texture t = textures.decode(ref);
                texture = indexOf.computeIfAbsent(t, k -> builder.texture(k));
            }
            return new Material(factor[0], factor[1], factor[2], factor[3], texture, 32, 0.1f, 0, cutoff, false);
        }
    }

    /** The base colour (or, for older exporters, diffuse) texture path of {@code m}; null when it has none. */
    private static String textureReference(AIMaterial m, MemoryStack stack) {
        AIString path = AIString.calloc(stack);
        for (int type : new int[] {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}) {
            if (aiGetMaterialTexture(m, type, 0, path, (int[]) null, null, null, null, null, null) == aiReturn_SUCCESS
                    && !path.dataString().isEmpty()) {
                return path.dataString();
            }
        }
        return null;
    }

    Texture decode(String reference) {
        Texture cached = decoded.get(reference);
        if (cached != null) {
            return cached;
        }
        Texture t = load(reference);
        decoded.put(reference, t);
        return t;
    }

    private Texture load(String reference) {
        AITexture embedded = aiGetEmbeddedTexture(scene, reference);
        if (embedded != null) {
            return embedded(embedded, reference);
        }
        Path file = directory.resolve(URLDecoder.decode(reference, StandardCharsets.UTF_8));
        try {
            return fromImage(ImageIO.read(file.toFile()), reference);
        } catch (IOException e) {
            throw new UnreadableTexture("cannot read texture " + file + ": " + e.getMessage(), e);
        }
    }

    private static Texture embedded(AITexture t, String reference) {
        if (t.mHeight() == 0) {
            ByteBuffer data = t.pcDataCompressed();
            byte[] bytes = new byte[t.mWidth()];
            data.get(0, bytes);
            try {
                return fromImage(ImageIO.read(new ByteArrayInputStream(bytes)), reference);
            } catch (IOException e) {
                throw new UnreadableTexture("cannot decode embedded texture " + reference + ": " + e.getMessage(), e);
            }
        }
        int w = t.mWidth();
        int h = t.mHeight();
        byte[] rgba = new byte[w * h * 4];
        AITexel.Buffer texels = t.pcData();
        for (int i = 0; i < w * h; i++) {
            AITexel texel = texels.get(i);
            rgba[4 * i] = texel.r();
            rgba[4 * i + 1] = texel.g();
            rgba[4 * i + 2] = texel.b();
            rgba[4 * i + 3] = texel.a();
        }
        return new Texture(reference, w, h, rgba, true);
    }

    private static Texture fromImage(BufferedImage image, String reference) {
        if (image == null) {
            throw new UnreadableTexture("texture " + reference + " is not an image ImageIO can decode", null);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgba = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int i = 4 * (y * w + x);
                rgba[i] = (byte) (argb >> 16);
                rgba[i + 1] = (byte) (argb >> 8);
                rgba[i + 2] = (byte) argb;
                rgba[i + 3] = (byte) (argb >>> 24);
            }
        }
        return new Texture(reference, w, h, rgba, true);
    }
}
