package dev.ocular.distortion.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.cpu.CpuDistortionPass;
import dev.ocular.distortion.cpu.MeshInterpolation;
import dev.ocular.distortion.cpu.RgbaImage;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.distortion.testing.TestLenses;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.Transfers;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import dev.ocular.gpu.testing.DeviceTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GPU pass against its CPU twin, both variants: every built-in profile (resized to about 200×220 per eye so the
 * software rasteriser finishes quickly, with its real coefficients), odd viewport and image sizes, the table path for
 * two-dimensional models, and eyes as layers of one image. Outputs are NaN-poisoned first, so an unwritten pixel
 * fails the comparison.
 */
@DeviceTest
class PanelDistortionTest {
    private static final int EYE_AREA = 200 * 220;
    private static final int SAMPLED = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_STORAGE_BIT;

    static Stream<Arguments> builtins() {
        List<Arguments> all = new ArrayList<>();
        for (String name : new LensProfiles().builtinNames()) {
            for (PanelVariant variant : PanelVariant.values()) {
                all.add(Arguments.of(name, variant));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("builtins")
    void builtinProfileMatchesTheCpuTwin(String name, PanelVariant variant, GpuContext gpu) {
        LensProfile full = new LensProfiles().builtin(name);
        EyeProfile eye = full.eye(Eye.LEFT);
        double scale = Math.sqrt((double) EYE_AREA / ((double) eye.widthPx() * eye.heightPx()));
        LensProfile profile = full.resized((int) Math.round(eye.widthPx() * scale),
                (int) Math.round(eye.heightPx() * scale));
        int w = profile.eye(Eye.LEFT).widthPx();
        int h = profile.panelHeightPx();
        compare(gpu, profile, variant, smoothEye(w + 13, h + 7, 1), smoothEye(w + 13, h + 7, 2));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PanelVariant.class)
    void oddViewportsAndOddEyeImages(PanelVariant variant, GpuContext gpu) {
        LensProfiles profiles = new LensProfiles();
        compare(gpu, profiles.builtin("rift-dk1").resized(101, 117), variant, smoothEye(87, 131, 3),
                smoothEye(87, 131, 4));
        compare(gpu, profiles.builtin("valve-index-sample").resized(97, 107), variant, smoothEye(111, 95, 5),
                smoothEye(111, 95, 6));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PanelVariant.class)
    void twoDimensionalModelsMatchTheCpuTwin(PanelVariant variant, GpuContext gpu) {
        compare(gpu, TestLenses.tangential(121, 103), variant, smoothEye(133, 117, 7), smoothEye(133, 117, 8));
        compare(gpu, TestLenses.measuredGrid(96, 111, 9, 11), variant, smoothEye(101, 119, 9),
                smoothEye(101, 119, 10));
    }

    private static ImageData smoothEye(int width, int height, long seed) {
        return PanelTestImages.smooth(width, height, seed);
    }

    /** Uploads both eyes as their own images in GENERAL (the compositor's layout), runs the pass, compares. */
    private static void compare(GpuContext gpu, LensProfile profile, PanelVariant variant, ImageData left,
                                ImageData right) {
        ImageTransfer io = new ImageTransfer(gpu);
        try (GpuImage leftImage = io.upload(left, VK_FORMAT_R16G16B16A16_SFLOAT, SAMPLED, VK_IMAGE_LAYOUT_GENERAL);
                GpuImage rightImage = io.upload(right, VK_FORMAT_R16G16B16A16_SFLOAT, SAMPLED,
                        VK_IMAGE_LAYOUT_GENERAL);
                PanelDistortion pass = PanelDistortion.create(gpu, profile, variant)) {
            ImageData actual = run(gpu, pass, leftImage, 0, rightImage, 0);
            RgbaImage expected = cpuTwin(pass, PanelTestImages.toRgba(left), PanelTestImages.toRgba(right));
            assertWithinTolerance(pass, left, expected, actual);
        }
    }

    /** Runs the pass into a fresh NaN-poisoned panel and reads it back. */
    static ImageData run(GpuContext gpu, PanelDistortion pass, GpuImage left, int leftLayer, GpuImage right,
                         int rightLayer) {
        LensProfile profile = pass.profile();
        try (GpuImage panel = gpu.image(ImageSpec.of(profile.panelWidthPx(), profile.panelHeightPx(),
                PanelDistortion.PANEL_FORMAT, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_STORAGE_BIT))) {
            gpu.run(cb -> {
                cb.transition(panel, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, 0,
                        VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
                PanelTestImages.poison(cb.handle(), panel);
                pass.record(cb, left, leftLayer, right, rightLayer, panel);
            });
            assertEquals(VK_IMAGE_LAYOUT_GENERAL, panel.layout(), "the pass leaves the panel in GENERAL");
            ImageData out = new ImageTransfer(gpu).download(panel);
            pass.forget(panel);
            return out;
        }
    }

    static RgbaImage cpuTwin(PanelDistortion pass, RgbaImage left, RgbaImage right) {
        CpuDistortionPass cpu = new CpuDistortionPass(pass.profile());
        return switch (pass) {
            case MeshPanelDistortion mesh -> cpu.viaMesh(mesh.meshes(), MeshInterpolation.TRIANGLES, left, right);
            case PerPixelPanelDistortion perPixel -> cpu.perPixel(left, right);
            default -> throw new IllegalArgumentException("no CPU twin for " + pass);
        };
    }

    static double tolerance(PanelVariant variant) {
        return variant == PanelVariant.MESH ? MeshPanelDistortion.MAX_ABS_VS_CPU
                : PerPixelPanelDistortion.MAX_ABS_VS_CPU;
    }

    private static void assertWithinTolerance(PanelDistortion pass, ImageData source, RgbaImage expected,
                                              ImageData actual) {
        LensProfile profile = pass.profile();
        ErrorStats stats = ErrorStats.compare(expected.data(), actual.data());
        String what = String.format(Locale.ROOT, "%s %s, panel %d×%d, eye image %d×%d (max texel step %.3f): %s, "
                        + "max-abs %.3f/255", profile.name(), pass.variant().cliName(), profile.panelWidthPx(),
                profile.panelHeightPx(), source.width(), source.height(), PanelTestImages.maxNeighbourStep(source),
                stats, 255 * stats.maxAbs());
        System.out.println("panel distortion: " + what);
        assertEquals(0, stats.nonFinite(), "unwritten (NaN) pixels: " + what);
        assertTrue(stats.maxAbs() <= tolerance(pass.variant()), what);
        // Guard against a vacuous pass: most of each eye is visible and shows the image, not black.
        assertTrue(mean(expected) > 0.1, "the reference panel is nearly black: " + what);
    }

    private static double mean(RgbaImage image) {
        double sum = 0.0;
        float[] data = image.data();
        for (int i = 0; i < data.length; i += 4) {
            sum += data[i] + data[i + 1] + data[i + 2];
        }
        return sum / (3.0 * data.length / 4);
    }

    /** Uploads two eye images as layers 0 and 1 of one image, left in SHADER_READ_ONLY_OPTIMAL. */
    static GpuImage layered(GpuContext gpu, ImageData layer0, ImageData layer1) {
        GpuImage image = gpu.image(new ImageSpec(layer0.width(), layer0.height(), 2, 1,
                VK_FORMAT_R16G16B16A16_SFLOAT, VK_IMAGE_USAGE_SAMPLED_BIT));
        try {
            ByteBuffer a = ImageTransfer.pack(layer0, VK_FORMAT_R16G16B16A16_SFLOAT);
            ByteBuffer b = ImageTransfer.pack(layer1, VK_FORMAT_R16G16B16A16_SFLOAT);
            ByteBuffer both = ByteBuffer.allocateDirect(a.remaining() + b.remaining()).order(a.order());
            both.put(a).put(b).flip();
            new Transfers(gpu).uploadImage(both, image, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
            return image;
        } catch (RuntimeException e) {
            image.close();
            throw e;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PanelVariant.class)
    void eyesAsLayersOfOneImage(PanelVariant variant, GpuContext gpu) {
        LensProfile profile = new LensProfiles().builtin("rift-cv1").resized(90, 100);
        ImageData layer0 = smoothEye(95, 104, 11);
        ImageData layer1 = smoothEye(95, 104, 12);
        try (GpuImage eyes = layered(gpu, layer0, layer1);
                PanelDistortion pass = PanelDistortion.create(gpu, profile, variant)) {
            // The left eye is layer 1 and the right eye layer 0: a pass that ignored the layer index would fail.
            ImageData actual = run(gpu, pass, eyes, 1, eyes, 0);
            RgbaImage expected = cpuTwin(pass, PanelTestImages.toRgba(layer1), PanelTestImages.toRgba(layer0));
            assertWithinTolerance(pass, layer0, expected, actual);
            // The comparison can fail: the eyes swapped back differ from the reference by far more than the bound.
            ImageData swapped = run(gpu, pass, eyes, 0, eyes, 1);
            double maxAbs = ErrorStats.compare(expected.data(), swapped.data()).maxAbs();
            assertTrue(maxAbs > 20 * tolerance(variant), "swapped eyes differ by only " + maxAbs);
        }
    }

    @Test
    void recordRejectsImagesThatDoNotFit(GpuContext gpu) {
        LensProfile profile = TestLenses.dk1Like(40, 44);
        ImageTransfer io = new ImageTransfer(gpu);
        try (GpuImage eye = io.upload(smoothEye(40, 44, 13), VK_FORMAT_R16G16B16A16_SFLOAT, SAMPLED,
                    VK_IMAGE_LAYOUT_GENERAL);
                GpuImage wrongSize = gpu.image(ImageSpec.of(82, 44, PanelDistortion.PANEL_FORMAT,
                        VK_IMAGE_USAGE_STORAGE_BIT));
                GpuImage noStorage = gpu.image(ImageSpec.of(80, 44, PanelDistortion.PANEL_FORMAT,
                        VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT));
                PanelDistortion pass = PanelDistortion.create(gpu, profile, PanelVariant.PER_PIXEL);
                CommandBuffer cb = gpu.commandPool().allocate()) {
            cb.begin();
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> pass.record(cb, eye, 0, eye, 0, wrongSize));
            assertTrue(size.getMessage().contains("82×44"), size.getMessage());
            IllegalArgumentException usage = assertThrows(IllegalArgumentException.class,
                    () -> pass.record(cb, eye, 0, eye, 0, noStorage));
            assertTrue(usage.getMessage().contains("usage"), usage.getMessage());
            IllegalArgumentException layer = assertThrows(IllegalArgumentException.class,
                    () -> pass.record(cb, eye, 1, eye, 0, noStorage));
            assertTrue(layer.getMessage().contains("layer 1"), layer.getMessage());
            cb.end();
        }
    }
}
