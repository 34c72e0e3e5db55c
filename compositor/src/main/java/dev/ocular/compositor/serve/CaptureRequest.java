package dev.ocular.compositor.serve;

import dev.ocular.compositor.quality.DisplayReferred;
import dev.ocular.compositor.quality.ErrorMapPng;
import dev.ocular.compositor.quality.Flip;
import dev.ocular.compositor.run.LoopState;
import dev.ocular.compositor.service.ImageKind;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import dev.ocular.scenes.io.PngPreview;
import dev.ocular.scenes.render.GBufferReadback;
import dev.ocular.scenes.rig.Eye;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;

/** One queued image capture, fulfilled by the frame loop after a frame completed. */
final class CaptureRequest {
    /** Supersampling of the reference the service captures: enough for a look, cheap enough for lavapipe. */
    static final int REFERENCE_FACTOR = 2;

    private final int eye;
    private final ImageKind kind;
    private final CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();

    CaptureRequest(int eye, ImageKind kind) {
        this.eye = eye;
        this.kind = kind;
    }

    CompletableFuture<Optional<byte[]>> result() {
        return result;
    }

    void fulfil(LoopState s) {
        try {
            result.complete(Optional.of(png(image(s))));
        } catch (RuntimeException | IOException e) {
            result.completeExceptionally(e);
        }
    }

    private BufferedImage image(LoopState s) {
        Eye which = eye == 0 ? Eye.LEFT : Eye.RIGHT;
        return switch (kind) {
            case INPUT -> PngPreview.colour(GBufferReadback.read(s.gpu(), s.last().gbuffers().eye(which)).colour());
            case OUTPUT -> PngPreview.colour(output(s));
            case REFERENCE -> PngPreview.colour(reference(s, which));
            case ERROR -> {
                ImageData reference = reference(s, which);
                double hfov = Math.toDegrees(s.last().frame().current().eye(which).fov().angleRight()
                        - s.last().frame().current().eye(which).fov().angleLeft());
                yield ErrorMapPng.toImage(Flip.errorMap(DisplayReferred.rgb(reference),
                        DisplayReferred.rgb(output(s)), Flip.pixelsPerDegree(reference.width(), hfov)));
            }
        };
    }

    private ImageData output(LoopState s) {
        return new ImageTransfer(s.gpu()).download(s.pipeline().output(eye));
    }

    private static ImageData reference(LoopState s, Eye which) {
        return s.pipeline().renderer().renderReference(s.last().frame(), which, s.pipeline().outputWidth(),
                s.pipeline().outputHeight(), REFERENCE_FACTOR);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
