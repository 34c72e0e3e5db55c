package dev.ocular.vrnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetSpecTest {

    @Test
    void shippedSpecIsSmallEnoughToTrainOnTwoCores() {
        NetSpec spec = NetSpec.shipped();
        assertEquals(NetSpec.INPUTS, spec.inputs());
        assertEquals(NetSpec.headNames(4), spec.head());
        assertEquals(4, spec.guides());
        assertEquals(3, spec.layers().size());
        assertEquals(4, spec.refine().size());
        assertEquals(14 * 32 * 9 + 32 * 32 * 9 + 32 * 10, spec.macsPerPixel());
        assertEquals(3, spec.refineKernel());
        assertTrue(spec.refineClamp());
        assertEquals(7 * 8 * 9 + 8 * 8 * 9 * 2 + 8 * 9 * 9 + 9 * 3, spec.refineMacsPerPixel());
        assertEquals(13_642 + 2_337, spec.parameterCount());
    }

    @Test
    void jsonRoundTrips() {
        NetSpec spec = NetSpec.shipped();
        assertEquals(spec, NetSpec.parse(spec.toJson(), "round-trip"));
    }

    @Test
    void upscaleInputAddsAFifteenthChannel() {
        NetSpec spec = NetSpec.shipped().withUpscaleInput();
        assertEquals(15, spec.inputChannels());
        assertEquals(NetSpec.UPSCALE, spec.inputs().get(14));
        assertEquals(15, spec.layers().get(0).in());
        assertEquals(spec, NetSpec.parse(spec.toJson(), "round-trip"));
        assertEquals(spec, spec.withUpscaleInput(), "adding it twice changes nothing");
    }

    @Test
    void optionalInputsKeepTheirOrderWhicheverIsAddedFirst() {
        NetSpec one = NetSpec.shipped().withDisocclusionInput();
        assertEquals(NetSpec.DISOCCLUSION, one.inputs().get(14));
        assertEquals(15, one.layers().get(0).in());
        assertEquals(one, NetSpec.parse(one.toJson(), "round-trip"));
        NetSpec both = one.withUpscaleInput();
        assertEquals(both, NetSpec.shipped().withUpscaleInput().withDisocclusionInput());
        assertEquals(java.util.List.of(NetSpec.UPSCALE, NetSpec.DISOCCLUSION), both.inputs().subList(14, 16));
        assertEquals(16, both.layers().get(0).in());
        assertEquals(both, NetSpec.parse(both.toJson(), "round-trip"));
    }

    /** Each line: a replacement applied to the shipped JSON, and the field the error must name. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"architecture\": \"vrnet\"|\"architecture\": \"unet\"|architecture",
        "\"version\": 4|\"version\": 3|version",
        "\"colour_r\", \"colour_g\"|\"colour_g\", \"colour_r\"|inputs",
        "\"in\": 32, \"out\": 32|\"in\": 31, \"out\": 32|layers[1].in",
        "\"out\": 10|\"out\": 9|layers[2].out",
        "\"guide_3\"|\"guide_4\"|head",
        "\"in\": 7, \"out\": 8|\"in\": 6, \"out\": 8|refine[0].in",
        "\"in\": 8, \"out\": 9|\"in\": 8, \"out\": 4|refine[3]",
        "\"name\": \"refine2\"|\"name\": \"conv2\"|refine[1].name",
        "\"kind\": \"conv3x3\", \"in\": 8, \"out\": 9, \"activation\": \"none\"|\"kind\": \"conv3x3\", \"in\": 8, \"out\": 9, \"activation\": \"relu\"|refine[3]",
        "\"kind\": \"conv1x1\"|\"kind\": \"conv5x5\"|layers[2].kind",
        "\"activation\": \"none\"|\"activation\": \"gelu\"|layers[2].activation",
        "\"name\": \"conv2\"|\"name\": \"conv1\"|layers[1].name",
        "\"sigmaBase\": 0.35|\"sigmaBase\": 0.15|fuse.sigmaBase",
        "\"minHistory\": 3.0|\"minHistory\": 30.0|fuse.maxHistory",
        "\"motionSoftsign\": 8.0|\"motionSoftsign\": -1|pack.motionSoftsign",
        "\"residualScale\": 0.0|\"residualScale\": \"big\"|fuse.residualScale",
        "\"version\": 4,|\"version\": 4, \"dropout\": 0.1,|dropout",
        "\"refineGate\": 0.04|\"refineGate\": -0.5|refineGate",
        "\"refineGate\": 0.04|\"refineGateX\": 0.04|refineGateX",
        "\"refineKernel\": 3|\"refineKernel\": 4|refineKernel",
        "\"refineKernel\": 3|\"refineKernel\": 7|refineKernel",
        "\"refineKernel\": 3|\"refineKernel\": \"3x3\"|refineKernel",
        "\"refineKernel\": 3|\"refineKernel\": 0|refine[3]",
        "\"refineKernel\": 3|\"refineKernel\": 5|refine[3]",
        "\"refineClamp\": true|\"refineClamp\": \"yes\"|refineClamp",
        "\"refineClamp\": true|\"refineClamp\": 1|refineClamp",
        "\"in\": 14, \"out\": 32|\"in\": 14, \"out\": 0|layers[0].out",
        "\"history_valid\"]|\"history_valid\", \"upscale\"]|layers[0].in",
        "\"history_valid\"]|\"history_valid\", \"ratio\"]|inputs",
        "\"history_valid\"]|\"history_valid\", \"upscale\", \"upscale\"]|inputs",
        "\"history_valid\"]|\"history_valid\", \"disocclusion\"]|layers[0].in",
        "\"history_valid\"]|\"history_valid\", \"disocclusion\", \"upscale\"]|inputs",
        "{|[|json",
    })
    void badSpecNamesTheField(String from, String to, String field) {
        String json = shippedJson();
        assertTrue(json.contains(from), "fixture: " + from);
        String bad = json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NetSpec.parse(bad, "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: " + field + ":"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void missingFileIsAOneLineError(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NetSpec.load(missing));
        assertEquals(missing + ": file: does not exist", e.getMessage());
    }

    static String shippedJson() {
        try (var in = NetSpec.class.getClassLoader().getResourceAsStream(NetSpec.SHIPPED_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
