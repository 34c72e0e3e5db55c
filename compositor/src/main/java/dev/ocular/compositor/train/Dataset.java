package dev.ocular.compositor.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ocular.gpu.BadInputException;
import dev.ocular.gpu.io.AtomicFile;
import dev.ocular.vrnet.train.SequenceSource;
import dev.ocular.vrnet.train.TrainSequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A rendered dataset on disk: {@value #MANIFEST} lists every shard (one sequence each, {@link SequenceShard}) with
 * its split and SHA-256, and the plan it was rendered from. A shard whose bytes no longer match its hash, or that
 * does not parse, is one line of bad input naming it — never silently skipped. Immutable; safe to read from several
 * threads.
 */
public final class Dataset {
    public static final String MANIFEST = "dataset.json";
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One shard: a sequence of one eye of one shot. */
    public record Entry(String file, String split, String shot, String eye, String scene, String motion, long seed,
            double ratio, int frames, String sha256) {
    }

    /** The manifest file's contents. */
    public record Manifest(int format, String plan, List<Entry> shards) {
    }

    private final Path root;
    private final Manifest manifest;

    private Dataset(Path root, Manifest manifest) {
        this.root = root;
        this.manifest = manifest;
    }

    /** Opens the dataset at {@code root}; a missing or malformed manifest is bad input. */
    public static Dataset open(Path root) {
        Path file = root.resolve(MANIFEST);
        Manifest m;
        try {
            m = JSON.readValue(Files.readAllBytes(file), Manifest.class);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no dataset here (run `ocular train` to render one)", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a dataset manifest (" + oneLine(e.getMessage()) + ")", e);
        }
        if (m.format() != FORMAT || m.shards() == null || m.plan() == null) {
            throw new BadInputException(file + ": unsupported dataset format " + m.format());
        }
        return new Dataset(root, m);
    }

    /** Writes a manifest atomically (temporary file, then rename). */
    static void writeManifest(Path root, Manifest manifest) throws IOException {
        AtomicFile.write(root.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
    }

    public Manifest manifest() {
        return manifest;
    }

    public Path root() {
        return root;
    }

    /** The sequences of one split, read (and hash-checked) on demand. */
    public SequenceSource split(String split) {
        List<Entry> entries = manifest.shards().stream().filter(e -> e.split().equals(split)).toList();
        return new SequenceSource() {
            @Override
            public int size() {
                return entries.size();
            }

            @Override
            public TrainSequence sequence(int index) {
                return read(entries.get(index));
            }
        };
    }

    /** Reads one shard, checking its hash first. */
    public TrainSequence read(Entry e) {
        Path file = root.resolve(e.file());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException ex) {
            throw new BadInputException(file + ": dataset shard is missing", ex);
        } catch (IOException ex) {
            throw new BadInputException(file + ": cannot read dataset shard (" + oneLine(ex.getMessage()) + ")", ex);
        }
        if (!sha256(bytes).equals(e.sha256())) {
            throw new BadInputException(file + ": dataset shard is corrupt (SHA-256 differs from " + MANIFEST + ")");
        }
        return SequenceShard.read(file, e.shot() + "/" + e.eye());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String describe(Manifest m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising a manifest record cannot fail", e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
