package dev.ocular.vrnet.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes the spec JSON, checking every field so a bad spec fails with the JSON path of the first problem.
 * Unknown fields are errors too: a misspelt field must not silently fall back to a default.
 */
final class NetSpecJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    /** Widest tensor a layer may produce; far above what a per-pixel net needs, low enough to bound buffer sizes. */
    static final int MAX_CHANNELS = 256;
    static final int MAX_LAYERS = 32;

    private final String source;

    NetSpecJson(String source) {
        this.source = source;
    }

    NetSpec parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw fail("json", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw fail("json", "top level must be an object");
        }
        onlyFields(root, "", Set.of("architecture", "version", "inputs", "pack", "layers", "head", "fuse",
                "refine", "refineGate", "refineKernel", "refineClamp"));
        String architecture = text(root, "architecture");
        if (!NetSpec.ARCHITECTURE.equals(architecture)) {
            throw fail("architecture", "'" + architecture + "' is not supported (expected '" + NetSpec.ARCHITECTURE
                    + "')");
        }
        int version = integer(root, "version");
        if (version != NetSpec.VERSION) {
            throw fail("version", version + " is not supported (this build reads version " + NetSpec.VERSION + ")");
        }
        List<String> inputs = inputs(root);
        JsonNode pack = object(root, "pack");
        onlyFields(pack, "pack.", Set.of("motionSoftsign"));
        float softsign = positive(pack, "pack.", "motionSoftsign");
        Set<String> seen = new HashSet<>();
        List<LayerSpec> layers = layers(root, "layers", inputs.size(), seen, false);
        List<String> head = headNames(root);
        LayerSpec last = layers.get(layers.size() - 1);
        if (last.out() != head.size()) {
            throw fail("layers[" + (layers.size() - 1) + "].out", last.out() + " does not match the " + head.size()
                    + " head channels");
        }
        FuseConstants fuse = fuse(object(root, "fuse"));
        int guides = head.size() - NetSpec.HEAD.size();
        List<LayerSpec> refine = layers(root, "refine", NetSpec.REFINE_COLOUR + guides, seen, true);
        if (refine.isEmpty() && guides > 0) {
            throw fail("refine", "is empty, but the head has " + guides + " guide channels only a refine stage reads");
        }
        int kernel = root.has("refineKernel") ? integer(root, "refineKernel") : 0;
        if (kernel != 0 && !NetSpec.REFINE_KERNELS.contains(kernel)) {
            throw fail("refineKernel", "need 0 (the last layer writes the residual) or one of "
                    + NetSpec.REFINE_KERNELS + " (it writes k x k filter weights), got " + kernel);
        }
        if (!refine.isEmpty()) {
            int n = refine.size() - 1;
            int outputs = NetSpec.refineOutputs(kernel);
            if (refine.get(n).out() != outputs || refine.get(n).activation() != Activation.NONE) {
                throw fail("refine[" + n + "]", "the last refine layer must write " + outputs + " channels ("
                        + (kernel == 0 ? "the residual" : "the filter weights") + ") with activation none");
            }
        }
        float gate = number(root, "", "refineGate");
        if (!(gate >= 0f && gate <= 1f)) {
            throw fail("refineGate", "need 0 <= refineGate <= 1 (tone-mapped contrast; 0: no gate), got " + gate);
        }
        boolean clamp = root.has("refineClamp") && bool(root, "refineClamp");
        if (clamp && refine.isEmpty()) {
            throw fail("refineClamp", "is true, but there is no refine stage to clamp");
        }
        return new NetSpec(architecture, version, inputs, softsign, layers, head, fuse, refine, gate, kernel, clamp);
    }

    /** The fuse op's six channels, then guide_0 … guide_{n−1}. */
    private List<String> headNames(JsonNode root) {
        JsonNode array = root.get("head");
        int guides = array != null && array.isArray() ? Math.max(0, array.size() - NetSpec.HEAD.size()) : 0;
        return names(root, "head", NetSpec.headNames(guides));
    }

    /**
     * A layer stack; names must be unique across both stacks ({@code seen}). The refine stack may be empty, the feature
     * stack may not.
     */
    private List<LayerSpec> layers(JsonNode root, String field, int inputChannels, Set<String> seen,
            boolean mayBeEmpty) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray() || (array.isEmpty() && !mayBeEmpty)) {
            throw fail(field, mayBeEmpty ? "must be an array (empty: no refine stage)" : "must be a non-empty array");
        }
        if (array.size() > MAX_LAYERS) {
            throw fail(field, array.size() + " layers exceed the limit of " + MAX_LAYERS);
        }
        List<LayerSpec> layers = new ArrayList<>();
        int channels = inputChannels;
        for (int i = 0; i < array.size(); i++) {
            String at = field + "[" + i + "].";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                throw fail(field + "[" + i + "]", "must be an object");
            }
            onlyFields(node, at, Set.of("name", "kind", "in", "out", "activation"));
            String name = text(node, at, "name");
            if (!NAME.matcher(name).matches() || !seen.add(name)) {
                throw fail(at + "name", "'" + name + "' must be unique and match " + NAME.pattern());
            }
            LayerKind kind = LayerKind.byJsonName(text(node, at, "kind"));
            if (kind == null) {
                throw fail(at + "kind", "'" + node.get("kind").asText() + "' is not conv3x3 or conv1x1");
            }
            Activation activation = Activation.byJsonName(text(node, at, "activation"));
            if (activation == null) {
                throw fail(at + "activation", "'" + node.get("activation").asText() + "' is not relu or none");
            }
            int in = channelCount(node, at, "in");
            int out = channelCount(node, at, "out");
            if (in != channels) {
                throw fail(at + "in", in + " does not match the " + channels + " channels feeding it");
            }
            layers.add(new LayerSpec(name, kind, in, out, activation));
            channels = out;
        }
        return layers;
    }

    private FuseConstants fuse(JsonNode node) {
        onlyFields(node, "fuse.", Set.of("sigmaBase", "sigmaOctaves", "capOctaves", "gammaBase", "gammaOctaves",
                "residualScale", "maxHistory", "minHistory", "fastMotion", "rejection"));
        float sigmaBase = number(node, "fuse.", "sigmaBase");
        float sigmaOctaves = number(node, "fuse.", "sigmaOctaves");
        float capOctaves = number(node, "fuse.", "capOctaves");
        float gammaBase = number(node, "fuse.", "gammaBase");
        float gammaOctaves = number(node, "fuse.", "gammaOctaves");
        float residual = number(node, "fuse.", "residualScale");
        float maxHistory = number(node, "fuse.", "maxHistory");
        float minHistory = number(node, "fuse.", "minHistory");
        float fastMotion = number(node, "fuse.", "fastMotion");
        float rejection = number(node, "fuse.", "rejection");
        // σ ≥ 0.1 output px keeps the nearest sample's weight exp(−d²/2σ²) (d ≤ √2 · ratio/2) out of fp32 underflow.
        if (!(sigmaBase * Math.pow(2, -sigmaOctaves) >= 0.1 && sigmaBase * Math.pow(2, sigmaOctaves) <= 4)) {
            throw fail("fuse.sigmaBase", "need 0.1 <= sigmaBase·2^±sigmaOctaves <= 4, got " + sigmaBase + ", "
                    + sigmaOctaves);
        }
        if (!(sigmaOctaves >= 0 && capOctaves >= 0 && capOctaves <= 4 && gammaOctaves >= 0 && gammaOctaves <= 4)) {
            throw fail("fuse.capOctaves", "need octave ranges in [0, 4], got " + sigmaOctaves + ", " + capOctaves
                    + ", " + gammaOctaves);
        }
        if (!(gammaBase > 0f && gammaBase <= 16f)) {
            throw fail("fuse.gammaBase", "need 0 < gammaBase <= 16, got " + gammaBase);
        }
        if (!(residual >= 0f && residual <= 1f)) {
            throw fail("fuse.residualScale", "need 0 <= residualScale <= 1, got " + residual);
        }
        if (!(minHistory > 0f && maxHistory >= minHistory && maxHistory <= 1000f)) {
            throw fail("fuse.maxHistory", "need 0 < minHistory <= maxHistory <= 1000, got " + minHistory + ", "
                    + maxHistory);
        }
        if (!(fastMotion > 0f && fastMotion <= 1000f)) {
            throw fail("fuse.fastMotion", "need 0 < fastMotion <= 1000, got " + fastMotion);
        }
        if (!(rejection >= 0f && rejection <= 16f)) {
            throw fail("fuse.rejection", "need 0 <= rejection <= 16, got " + rejection);
        }
        return new FuseConstants(sigmaBase, sigmaOctaves, capOctaves, gammaBase, gammaOctaves, residual, maxHistory,
                minHistory, fastMotion, rejection);
    }

    /** Version 4's inputs, then any of {@link NetSpec#OPTIONAL_INPUTS} the file lists, in their order. */
    private List<String> inputs(JsonNode root) {
        JsonNode array = root.get("inputs");
        Set<String> listed = new HashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> listed.add(n.asText()));
        }
        return names(root, "inputs", NetSpec.inputsWith(listed::contains));
    }

    /** The list must equal the version's fixed channel list: the ops' code defines what each channel means. */
    private List<String> names(JsonNode root, String field, List<String> expected) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            throw fail(field, "must be an array of channel names");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw fail(field + "[" + i + "]", "must be a string");
            }
            names.add(array.get(i).asText());
        }
        if (!names.equals(expected)) {
            throw fail(field, names + " differs from version " + NetSpec.VERSION + "'s " + expected);
        }
        return names;
    }

    private void onlyFields(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw fail(prefix + name, "unknown field (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private JsonNode object(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw fail(field, "must be an object");
        }
        return node;
    }

    private String text(JsonNode node, String field) {
        return text(node, "", field);
    }

    private String text(JsonNode node, String prefix, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw fail(prefix + field, "must be a string");
        }
        return v.asText();
    }

    private int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isInt()) {
            throw fail(field, "must be an integer");
        }
        return v.asInt();
    }

    private boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw fail(field, "must be true or false");
        }
        return v.asBoolean();
    }

    private int channelCount(JsonNode node, String prefix, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isInt() || v.asInt() < 1 || v.asInt() > MAX_CHANNELS) {
            throw fail(prefix + field, "must be an integer channel count in [1, " + MAX_CHANNELS + "]");
        }
        return v.asInt();
    }

    private float number(JsonNode node, String prefix, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw fail(prefix + field, "must be a finite number");
        }
        return (float) v.asDouble();
    }

    private float positive(JsonNode node, String prefix, String field) {
        float v = number(node, prefix, field);
        if (!(v > 0f)) {
            throw fail(prefix + field, "must be positive, got " + v);
        }
        return v;
    }

    private ModelFormatException fail(String field, String problem) {
        return new ModelFormatException(source, field, problem);
    }

    static String write(NetSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", spec.architecture());
        root.put("version", spec.version());
        spec.inputs().forEach(root.putArray("inputs")::add);
        root.putObject("pack").put("motionSoftsign", spec.motionSoftsign());
        writeLayers(root.putArray("layers"), spec.layers());
        spec.head().forEach(root.putArray("head")::add);
        FuseConstants f = spec.fuse();
        root.putObject("fuse").put("sigmaBase", f.sigmaBase()).put("sigmaOctaves", f.sigmaOctaves())
                .put("capOctaves", f.capOctaves()).put("gammaBase", f.gammaBase())
                .put("gammaOctaves", f.gammaOctaves()).put("residualScale", f.residualScale())
                .put("maxHistory", f.maxHistory()).put("minHistory", f.minHistory())
                .put("fastMotion", f.fastMotion()).put("rejection", f.rejection());
        writeLayers(root.putArray("refine"), spec.refine());
        root.put("refineGate", spec.refineGate());
        if (spec.refineKernel() != 0) {
            // Written only when used, so a residual spec's JSON (and the metadata of weights carrying it) is unchanged.
            root.put("refineKernel", spec.refineKernel());
        }
        if (spec.refineClamp()) {
            // Likewise written only when set.
            root.put("refineClamp", true);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising a spec tree cannot fail", e);
        }
    }

    private static void writeLayers(ArrayNode array, List<LayerSpec> layers) {
        for (LayerSpec l : layers) {
            array.addObject().put("name", l.name()).put("kind", l.kind().jsonName()).put("in", l.in())
                    .put("out", l.out()).put("activation", l.activation().jsonName());
        }
    }
}
