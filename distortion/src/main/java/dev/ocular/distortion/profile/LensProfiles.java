package dev.ocular.distortion.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ocular.distortion.LensInputException;
import dev.ocular.distortion.LensProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads lens profiles: the built-in ones packaged with ocular and user files, in ocular's format or as a Valve per-unit
 * HMD JSON file (recognised by its {@code tracking_to_eye_transform} field). Every failure is a
 * {@link LensInputException} with a one-line message naming the file, the field and the reason.
 *
 * <p>Holds only an immutable JSON reader configuration; safe to share between threads.
 */
public final class LensProfiles {
    /** Prefix that selects a built-in profile explicitly, e.g. {@code builtin:rift-dk1}. */
    public static final String BUILTIN_PREFIX = "builtin:";
    private static final String RESOURCE_DIRECTORY = "dev/ocular/distortion/profiles";
    private static final String INDEX = "index.txt";

    // NaN and Infinity are accepted by the parser so that the validator can name them, instead of a vague parse error.
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Names of the built-in profiles, in catalogue order. */
    public List<String> builtinNames() {
        List<String> names = new ArrayList<>();
        ProfileSource index = ProfileSource.builtin(RESOURCE_DIRECTORY, INDEX);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(index.open(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the built-in profile index is missing from the package", e);
        }
        return List.copyOf(names);
    }

    /** Loads every built-in profile. */
    public List<LensProfile> builtins() {
        return builtinNames().stream().map(this::builtin).toList();
    }

    /** Loads a built-in profile by name. */
    public LensProfile builtin(String name) {
        if (!builtinNames().contains(name)) {
            throw new LensInputException(BUILTIN_PREFIX + name, "(profile)",
                    "no built-in profile of that name (built-ins: " + String.join(", ", builtinNames()) + ")");
        }
        return load(ProfileSource.builtin(RESOURCE_DIRECTORY, name + ".json"), name);
    }

    /** Loads a profile file. */
    public LensProfile load(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        return load(ProfileSource.file(file), stem);
    }

    /**
     * Resolves what a user typed after {@code --profile}: {@code builtin:NAME}, an existing file, or a built-in name.
     */
    public LensProfile resolve(String nameOrPath) {
        if (nameOrPath.startsWith(BUILTIN_PREFIX)) {
            return builtin(nameOrPath.substring(BUILTIN_PREFIX.length()));
        }
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path) || !builtinNames().contains(nameOrPath)) {
            return load(path);
        }
        return builtin(nameOrPath);
    }

    private LensProfile load(ProfileSource source, String fallbackName) {
        JsonNode root = parse(source);
        JsonCursor cursor = JsonCursor.root(source.name(), root);
        if (cursor.has(ValveLensFileReader.MARKER)) {
            return ValveLensFileReader.read(source, sanitize(fallbackName), cursor);
        }
        return OcularProfileReader.read(source, cursor);
    }

    private static String sanitize(String name) {
        String cleaned = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return cleaned.isEmpty() ? "valve-lens-file" : cleaned;
    }

    private JsonNode parse(ProfileSource source) {
        try (InputStream in = source.open()) {
            JsonNode node = mapper.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new LensInputException(source.name(), "(file)", "empty file");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "(file)" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new LensInputException(source.name(), where, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new LensInputException(source.name(), "(file)", "no such file", e);
        } catch (IOException e) {
            throw new LensInputException(source.name(), "(file)", "cannot read: " + e.getMessage(), e);
        }
    }
}
