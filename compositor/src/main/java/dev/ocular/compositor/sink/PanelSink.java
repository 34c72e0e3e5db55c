package dev.ocular.compositor.sink;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.compositor.pipeline.LiveSettings;
import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.gpu.PanelDistortion;
import dev.ocular.distortion.gpu.PanelVariant;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.frame.ImageTransfer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The panel sink, for display-only headsets and lens testing: ocular pre-distorts both eyes with the chosen lens
 * profile (per colour channel, mesh variant) into the side-by-side panel image and writes it as a PNG sequence. A lens
 * change takes effect at the next frame.
 */
public final class PanelSink implements FrameSink {
    public static final String STAGE = "distortion";

    private final GpuContext gpu;
    private final LensProfiles profiles = new LensProfiles();
    private final ImageTransfer io;
    private final SequenceWriter writer;
    private final double fps;
    private String profileName;
    private PanelDistortion pass;
    private GpuImage panel;

    public PanelSink(GpuContext gpu, String profile, Path framesDir, int every, double fps) {
        this.gpu = gpu;
        this.io = new ImageTransfer(gpu);
        this.writer = new SequenceWriter(framesDir, every);
        this.fps = fps;
        use(profile);
    }

    private void use(String name) {
        LensProfile profile = profiles.resolve(name);
        close();
        pass = PanelDistortion.create(gpu, profile, PanelVariant.MESH);
        panel = gpu.image(ImageSpec.of(profile.panelWidthPx(), profile.panelHeightPx(), PanelDistortion.PANEL_FORMAT,
                pass.panelUsage() | VK_IMAGE_USAGE_SAMPLED_BIT));
        profileName = name;
    }

    @Override
    public List<String> stages() {
        return List.of(STAGE);
    }

    @Override
    public void record(CommandBuffer cb, StereoPipeline pipeline, LiveSettings.Snapshot settings, StageTimer timer) {
        if (settings.lensProfile() != null && !settings.lensProfile().equals(profileName)) {
            gpu.device().waitIdle();
            use(settings.lensProfile());
        }
        // One pass distorts both eyes into the panel; its time is booked on the left eye's track.
        timer.begin(cb, 0, STAGE);
        pass.record(cb, pipeline.output(0), 0, pipeline.output(1), 0, panel);
        timer.end(cb, 0, STAGE);
    }

    @Override
    public void frameDone(int frame, StereoPipeline pipeline) {
        if (writer.wants(frame)) {
            writer.write("panel", frame, io.download(panel));
        }
    }

    @Override
    public Map<String, Object> finish() {
        Map<String, Object> out = writer.finish(fps);
        out.put("lens_profile", profileName);
        return out;
    }

    @Override
    public void close() {
        if (pass != null) {
            if (panel != null) {
                pass.forget(panel);
            }
            pass.close();
            pass = null;
        }
        if (panel != null) {
            panel.close();
            panel = null;
        }
    }
}
