package dev.ocular.scenes.render;

import dev.ocular.scenes.scene.Environment;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.ParticleSystem;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * The byte layout of the per-frame storage buffer, mirroring frame.glsl (std430): a frame block (environment + up to
 * {@value #MAX_VIEWS} views), the object array and the particle array, each at a 256-byte aligned offset (the largest
 * minStorageBufferOffsetAlignment Vulkan allows). Packing is pure host code.
 */
final class FrameData {
    static final int MAX_VIEWS = 4;
    static final int HEADER_BYTES = 5 * 16;
    static final int VIEW_BYTES = 4 * 64 + 4 * 16;
    static final int FRAME_BLOCK_BYTES = HEADER_BYTES + MAX_VIEWS * VIEW_BYTES;
    static final int OBJECT_BYTES = 2 * 64 + 3 * 16;
    static final int PARTICLE_BYTES = ParticleSystem.FLOATS_PER_PARTICLE * Float.BYTES;
    private static final int ALIGN = 256;

    final int objectsOffset;
    final int objectsBytes;
    final int particlesOffset;
    final int particlesBytes;
    final int totalBytes;
    private final float[] particleScratch;

    FrameData(int objects, int particles) {
        objectsOffset = align(FRAME_BLOCK_BYTES);
        objectsBytes = Math.max(1, objects) * OBJECT_BYTES;
        particlesOffset = align(objectsOffset + objectsBytes);
        // An empty particle array still needs a valid descriptor range.
        particlesBytes = Math.max(1, particles) * PARTICLE_BYTES;
        totalBytes = particlesOffset + particlesBytes;
        particleScratch = new float[Math.max(1, particles) * ParticleSystem.FLOATS_PER_PARTICLE];
    }

    private static int align(int n) {
        return (n + ALIGN - 1) / ALIGN * ALIGN;
    }

    void writeEnvironment(ByteBuffer dst, Environment env) {
        ByteBuffer b = dst.duplicate().order(ByteOrder.nativeOrder());
        float cosRadius = (float) Math.cos(Math.toRadians(env.sunRadiusDegrees()));
        vec4(b, 0, env.sunDirection().x(), env.sunDirection().y(), env.sunDirection().z(), cosRadius);
        vec4(b, 16, env.sunColour().x(), env.sunColour().y(), env.sunColour().z(), env.sunDiscScale());
        vec4(b, 32, env.skyZenith().x(), env.skyZenith().y(), env.skyZenith().z(), 0);
        vec4(b, 48, env.skyHorizon().x(), env.skyHorizon().y(), env.skyHorizon().z(), 0);
        vec4(b, 64, env.ground().x(), env.ground().y(), env.ground().z(), 0);
    }

    void writeViews(ByteBuffer dst, List<ViewData> views) {
        if (views.size() > MAX_VIEWS) {
            throw new IllegalArgumentException(views.size() + " views exceed the frame block's " + MAX_VIEWS);
        }
        ByteBuffer b = dst.duplicate().order(ByteOrder.nativeOrder());
        for (int i = 0; i < views.size(); i++) {
            ViewData v = views.get(i);
            int at = HEADER_BYTES + i * VIEW_BYTES;
            mat4(b, at, v.viewProj());
            mat4(b, at + 64, v.viewProjCurrent());
            mat4(b, at + 128, v.viewProjPrevious());
            mat4(b, at + 192, new Matrix4f(v.viewProj()).invert());
            vec4(b, at + 256, v.position().x, v.position().y, v.position().z, 1);
            vec4(b, at + 272, v.right().x, v.right().y, v.right().z, 0);
            vec4(b, at + 288, v.up().x, v.up().y, v.up().z, 0);
            vec4(b, at + 304, v.width(), v.height(), 1f / v.width(), 1f / v.height());
        }
    }

    /** Objects at {@code time}, with their models at {@code previousTime} for motion vectors. */
    void writeObjects(ByteBuffer dst, Scene scene, double time, double previousTime) {
        ByteBuffer b = dst.duplicate().order(ByteOrder.nativeOrder());
        Matrix4f model = new Matrix4f();
        List<SceneObject> objects = scene.objects();
        for (int i = 0; i < objects.size(); i++) {
            SceneObject o = objects.get(i);
            Material m = o.material();
            int at = objectsOffset + i * OBJECT_BYTES;
            mat4(b, at, o.animation().model(time, model));
            mat4(b, at + 64, o.animation().model(previousTime, model));
            vec4(b, at + 128, m.r(), m.g(), m.b(), m.a());
            vec4(b, at + 144, m.shininess(), m.specular(), m.emissive(), m.alphaCutoff());
            b.putInt(at + 160, m.texture() >= 0 ? 1 : 0).putInt(at + 164, m.unlit() ? 1 : 0)
                    .putInt(at + 168, 0).putInt(at + 172, 0);
        }
    }

    void writeParticles(ByteBuffer dst, ParticleSystem particles, double time) {
        if (particles.count() == 0) {
            return;
        }
        particles.write(time, particleScratch);
        ByteBuffer b = dst.duplicate().order(ByteOrder.nativeOrder());
        int n = particles.count() * ParticleSystem.FLOATS_PER_PARTICLE;
        for (int i = 0; i < n; i++) {
            b.putFloat(particlesOffset + 4 * i, particleScratch[i]);
        }
    }

    private static void vec4(ByteBuffer b, int at, float x, float y, float z, float w) {
        b.putFloat(at, x).putFloat(at + 4, y).putFloat(at + 8, z).putFloat(at + 12, w);
    }

    private static void mat4(ByteBuffer b, int at, Matrix4fc m) {
        m.get(at, b);
    }
}
