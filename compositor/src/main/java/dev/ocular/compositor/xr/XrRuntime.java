package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.EXTEyeGazeInteraction.XR_EXT_EYE_GAZE_INTERACTION_EXTENSION_NAME;
import static org.lwjgl.openxr.KHRCompositionLayerDepth.XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME;
import static org.lwjgl.openxr.KHRVisibilityMask.XR_KHR_VISIBILITY_MASK_EXTENSION_NAME;
import static org.lwjgl.openxr.KHRVulkanEnable2.XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME;
import static org.lwjgl.openxr.XR10.*;
import static org.lwjgl.system.MemoryStack.stackPush;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lwjgl.PointerBuffer;
import org.lwjgl.openxr.XR;
import org.lwjgl.openxr.XrApplicationInfo;
import org.lwjgl.openxr.XrExtensionProperties;
import org.lwjgl.openxr.XrInstance;
import org.lwjgl.openxr.XrInstanceCreateInfo;
import org.lwjgl.openxr.XrInstanceProperties;
import org.lwjgl.openxr.XrSystemGetInfo;
import org.lwjgl.openxr.XrSystemProperties;
import org.lwjgl.openxr.XrViewConfigurationView;
import org.lwjgl.system.MemoryStack;

/**
 * The OpenXR instance (with XR_KHR_vulkan_enable2, plus visibility mask, composition-layer depth and eye-gaze
 * interaction when offered) and its head-mounted system. Closing destroys the instance; after an instance loss the
 * owner closes this and creates a new one.
 */
public final class XrRuntime implements AutoCloseable {
    /** OpenXR 1.0: every conformant runtime accepts it, 1.1 runtimes included. */
    static final long API_VERSION = XR_MAKE_VERSION(1, 0, 0);
    static final List<String> OPTIONAL_EXTENSIONS = List.of(XR_KHR_VISIBILITY_MASK_EXTENSION_NAME,
            XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME, XR_EXT_EYE_GAZE_INTERACTION_EXTENSION_NAME);

    private final XrInstance instance;
    private final long systemId;
    private final RuntimeInfo info;
    private final Set<String> extensions;
    private boolean closed;

    private XrRuntime(XrInstance instance, long systemId, RuntimeInfo info, Set<String> extensions) {
        this.instance = instance;
        this.systemId = systemId;
        this.info = info;
        this.extensions = extensions;
    }

    /** Creates the instance and finds the head-mounted system; throws {@link XrUnavailableException} when absent. */
    public static XrRuntime create(String applicationName) {
        try {
            XR.getFunctionProvider();
        } catch (IllegalStateException notLoaded) {
            try {
                XR.create();
            } catch (Throwable e) {
                throw new XrUnavailableException("the OpenXR loader could not be loaded (" + e.getMessage() + ")", e);
            }
        }
        try (MemoryStack stack = stackPush()) {
            Set<String> offered = offeredExtensions(stack);
            if (!offered.contains(XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME)) {
                throw new XrUnavailableException("the OpenXR runtime lacks " + XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME
                        + ", which ocular needs", null);
            }
            Set<String> enabled = new LinkedHashSet<>();
            enabled.add(XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME);
            for (String optional : OPTIONAL_EXTENSIONS) {
                if (offered.contains(optional)) {
                    enabled.add(optional);
                }
            }
            PointerBuffer names = stack.mallocPointer(enabled.size());
            enabled.forEach(e -> names.put(stack.UTF8(e)));
            names.flip();
            XrApplicationInfo app = XrApplicationInfo.calloc(stack)
                    .applicationName(stack.UTF8(applicationName)).applicationVersion(1)
                    .engineName(stack.UTF8("ocular")).engineVersion(1).apiVersion(API_VERSION);
            XrInstanceCreateInfo create = XrInstanceCreateInfo.calloc(stack).type$Default()
                    .applicationInfo(app).enabledExtensionNames(names);
            PointerBuffer handle = stack.mallocPointer(1);
            int result = xrCreateInstance(create, handle);
            if (result == XR_ERROR_RUNTIME_UNAVAILABLE || result == XR_ERROR_RUNTIME_FAILURE) {
                throw new XrUnavailableException("no OpenXR runtime answered (" + XrException.name(result)
                        + "): start one (e.g. monado-service) or run through ./ocular, which starts Monado's "
                        + "Simulated HMD", null);
            }
            XrException.check(result, "xrCreateInstance");
            XrInstance instance = new XrInstance(handle.get(0), create);
            try {
                long system = system(instance, stack);
                RuntimeInfo info = describe(instance, system, List.copyOf(enabled), stack);
                return new XrRuntime(instance, system, info, Set.copyOf(enabled));
            } catch (RuntimeException e) {
                xrDestroyInstance(instance);
                throw e;
            }
        }
    }

    private static Set<String> offeredExtensions(MemoryStack stack) {
        IntBuffer count = stack.mallocInt(1);
        int result = xrEnumerateInstanceExtensionProperties((CharSequence) null, count, null);
        if (result == XR_ERROR_RUNTIME_UNAVAILABLE || result == XR_ERROR_RUNTIME_FAILURE) {
            throw new XrUnavailableException("no OpenXR runtime is installed or active (" + XrException.name(result)
                    + "): install one and set it active, or run through ./ocular, which starts Monado's Simulated HMD",
                    null);
        }
        XrException.check(result, "xrEnumerateInstanceExtensionProperties");
        XrExtensionProperties.Buffer props = XrExtensionProperties.calloc(count.get(0), stack);
        props.forEach(p -> p.type$Default());
        XrException.check(xrEnumerateInstanceExtensionProperties((CharSequence) null, count, props),
                "xrEnumerateInstanceExtensionProperties");
        Set<String> names = new LinkedHashSet<>();
        props.forEach(p -> names.add(p.extensionNameString()));
        return names;
    }

    private static long system(XrInstance instance, MemoryStack stack) {
        XrSystemGetInfo get = XrSystemGetInfo.calloc(stack).type$Default()
                .formFactor(XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY);
        LongBuffer system = stack.mallocLong(1);
        int result = xrGetSystem(instance, get, system);
        if (result == XR_ERROR_FORM_FACTOR_UNAVAILABLE) {
            throw new XrUnavailableException("the OpenXR runtime has no headset connected "
                    + "(XR_ERROR_FORM_FACTOR_UNAVAILABLE)", null);
        }
        XrException.check(result, "xrGetSystem");
        return system.get(0);
    }

    private static RuntimeInfo describe(XrInstance instance, long system, List<String> enabled, MemoryStack stack) {
        XrInstanceProperties props = XrInstanceProperties.calloc(stack).type$Default();
        XrException.check(xrGetInstanceProperties(instance, props), "xrGetInstanceProperties");
        XrSystemProperties sys = XrSystemProperties.calloc(stack).type$Default();
        XrException.check(xrGetSystemProperties(instance, system, sys), "xrGetSystemProperties");
        IntBuffer count = stack.mallocInt(1);
        XrException.check(xrEnumerateViewConfigurationViews(instance, system,
                XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, count, null), "xrEnumerateViewConfigurationViews");
        XrViewConfigurationView.Buffer views = XrViewConfigurationView.calloc(count.get(0), stack);
        views.forEach(v -> v.type$Default());
        XrException.check(xrEnumerateViewConfigurationViews(instance, system,
                XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, count, views), "xrEnumerateViewConfigurationViews");
        List<RuntimeInfo.ViewInfo> viewInfos = new ArrayList<>();
        views.forEach(v -> viewInfos.add(new RuntimeInfo.ViewInfo(v.recommendedImageRectWidth(),
                v.recommendedImageRectHeight(), v.maxImageRectWidth(), v.maxImageRectHeight(),
                v.recommendedSwapchainSampleCount())));
        long version = props.runtimeVersion();
        String versionString = XR_VERSION_MAJOR(version) + "." + XR_VERSION_MINOR(version) + "."
                + (version & 0xffffffffL);
        return new RuntimeInfo(props.runtimeNameString(), versionString, sys.systemNameString(), sys.vendorId(),
                sys.trackingProperties().orientationTracking(), sys.trackingProperties().positionTracking(),
                sys.graphicsProperties().maxLayerCount(), List.copyOf(viewInfos), enabled);
    }

    public XrInstance instance() {
        return instance;
    }

    public long systemId() {
        return systemId;
    }

    public RuntimeInfo info() {
        return info;
    }

    public boolean hasExtension(String name) {
        return extensions.contains(name);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            xrDestroyInstance(instance);
        }
    }
}
