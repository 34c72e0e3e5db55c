package dev.ocular.compositor.sink;

import dev.ocular.gpu.BadInputException;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.io.PngPreview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A numbered PNG sequence per stream (left, right, panel…) under {@code dir}, each file written to a temporary name
 * and renamed, and — when ffmpeg is on the PATH — one MP4 per stream at the end.
 */
final class SequenceWriter {
    private final Path dir;
    private final int every;
    private final Map<String, Integer> written = new LinkedHashMap<>();

    SequenceWriter(Path dir, int every) {
        if (every < 1) {
            throw new BadInputException("--write-every: must be at least 1, got " + every);
        }
        this.dir = dir;
        this.every = every;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + dir, e);
        }
    }

    boolean wants(int frame) {
        return frame % every == 0;
    }

    void write(String stream, int frame, ImageData image) {
        Path target = dir.resolve(String.format("%s_%06d.png", stream, frame));
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        PngPreview.write(PngPreview.colour(image), tmp);
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
        written.merge(stream, 1, Integer::sum);
    }

    /** Encodes each stream to MP4 with ffmpeg when present; returns what was written. */
    Map<String, Object> finish(double fps) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("frames_dir", dir.toString());
        out.put("png_frames", new LinkedHashMap<>(written));
        List<String> videos = new ArrayList<>();
        String ffmpeg = findOnPath("ffmpeg");
        if (ffmpeg == null) {
            out.put("mp4", "not written: ffmpeg is not on the PATH");
            return out;
        }
        for (String stream : written.keySet()) {
            Path mp4 = dir.resolve(stream + ".mp4");
            encode(ffmpeg, stream, fps / every, mp4);
            videos.add(mp4.toString());
        }
        out.put("mp4", videos);
        return out;
    }

    private void encode(String ffmpeg, String stream, double fps, Path mp4) {
        Path tmp = dir.resolve("." + stream + ".tmp.mp4");
        try {
            Process p = new ProcessBuilder(ffmpeg, "-y", "-loglevel", "error", "-framerate", Double.toString(fps),
                    "-pattern_type", "glob", "-i", dir.resolve(stream + "_*.png").toString(), "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", tmp.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed encoding " + mp4 + ": " + log.strip());
            }
            Files.move(tmp, mp4, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("running ffmpeg for " + mp4, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding " + mp4, e);
        }
    }

    private static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(d, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
