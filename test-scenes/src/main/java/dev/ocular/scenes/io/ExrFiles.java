package dev.ocular.scenes.io;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.system.MemoryUtil.memAllocFloat;
import static org.lwjgl.util.tinyexr.TinyEXR.*;

import dev.ocular.gpu.frame.ImageData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.util.tinyexr.EXRChannelInfo;
import org.lwjgl.util.tinyexr.EXRHeader;
import org.lwjgl.util.tinyexr.EXRImage;
import org.lwjgl.util.tinyexr.EXRVersion;

/**
 * OpenEXR files through tinyexr (ZIP compression, scanline). An {@link ImageData} channel c is stored under
 * {@code names[c]}; channels are written in alphabetical order as OpenEXR readers expect. Colour is usually stored as
 * half (RGBA16F's precision already), depth and motion as float.
 */
public final class ExrFiles {
    private ExrFiles() {
    }

    /** Writes {@code image} with one EXR channel per image channel. */
    public static void write(Path file, ImageData image, List<String> names, boolean half) {
        if (names.size() != image.channels()) {
            throw new IllegalArgumentException(names.size() + " channel names for " + image.channels() + " channels");
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            order.add(c);
        }
        order.sort((a, b) -> names.get(a).compareTo(names.get(b)));
        int pixels = image.width() * image.height();
        List<FloatBuffer> planes = new ArrayList<>();
        EXRHeader header = EXRHeader.calloc();
        EXRImage exr = EXRImage.calloc();
        EXRChannelInfo.Buffer channels = EXRChannelInfo.calloc(names.size());
        try (MemoryStack stack = stackPush()) {
            InitEXRHeader(header);
            InitEXRImage(exr);
            PointerBuffer pointers = stack.mallocPointer(names.size());
            IntBuffer inputTypes = stack.mallocInt(names.size());
            IntBuffer outputTypes = stack.mallocInt(names.size());
            for (int i = 0; i < order.size(); i++) {
                int c = order.get(i);
                FloatBuffer plane = memAllocFloat(pixels);
                planes.add(plane);
                for (int p = 0; p < pixels; p++) {
                    plane.put(p, image.data()[p * image.channels() + c]);
                }
                pointers.put(i, plane);
                ByteBuffer name = stack.ASCII(names.get(c));
                MemoryUtil.memCopy(name, channels.get(i).name());
                inputTypes.put(i, TINYEXR_PIXELTYPE_FLOAT);
                outputTypes.put(i, half ? TINYEXR_PIXELTYPE_HALF : TINYEXR_PIXELTYPE_FLOAT);
            }
            exr.num_channels(names.size()).images(pointers).width(image.width()).height(image.height());
            header.num_channels(names.size()).channels(channels).pixel_types(inputTypes)
                    .requested_pixel_types(outputTypes).compression_type(TINYEXR_COMPRESSIONTYPE_ZIP);
            PointerBuffer error = stack.callocPointer(1);
            int result = SaveEXRImageToFile(exr, header, file.toString(), error);
            check(result, error, "writing EXR " + file);
        } finally {
            planes.forEach(MemoryUtil::memFree);
            channels.free();
            exr.free();
            header.free();
        }
    }

    /** Reads every channel of a scanline EXR as float, by name (in file order). */
    public static Map<String, ImageData> read(Path file) {
        EXRVersion version = EXRVersion.calloc();
        EXRHeader header = EXRHeader.calloc();
        EXRImage image = EXRImage.calloc();
        boolean headerParsed = false;
        boolean imageLoaded = false;
        try (MemoryStack stack = stackPush()) {
            PointerBuffer error = stack.callocPointer(1);
            check(ParseEXRVersionFromFile(version, file.toString()), null, "reading EXR version of " + file);
            InitEXRHeader(header);
            check(ParseEXRHeaderFromFile(header, version, file.toString(), error), error, "reading EXR " + file);
            headerParsed = true;
            for (int c = 0; c < header.num_channels(); c++) {
                header.requested_pixel_types().put(c, TINYEXR_PIXELTYPE_FLOAT);
            }
            InitEXRImage(image);
            check(LoadEXRImageFromFile(image, header, file.toString(), error), error, "reading EXR " + file);
            imageLoaded = true;
            int w = image.width();
            int h = image.height();
            Map<String, ImageData> out = new LinkedHashMap<>();
            for (int c = 0; c < header.num_channels(); c++) {
                FloatBuffer plane = MemoryUtil.memFloatBuffer(image.images().get(c), w * h);
                float[] data = new float[w * h];
                plane.get(data);
                out.put(header.channels().get(c).nameString(), new ImageData(w, h, 1, data));
            }
            return out;
        } finally {
            if (imageLoaded) {
                FreeEXRImage(image);
            }
            if (headerParsed) {
                FreeEXRHeader(header);
            }
            image.free();
            header.free();
            version.free();
        }
    }

    private static void check(int result, PointerBuffer error, String what) {
        if (result == TINYEXR_SUCCESS) {
            return;
        }
        String reason = "tinyexr error " + result;
        if (error != null && error.get(0) != 0) {
            reason = MemoryUtil.memASCII(error.get(0));
            nFreeEXRErrorMessage(error.get(0));
        }
        throw new UncheckedIOException(new IOException(what + ": " + reason));
    }
}
