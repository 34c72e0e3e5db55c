package dev.ocular.gpu;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.EXTDebugUtils.*;
import static org.lwjgl.vulkan.EXTLayerSettings.VK_EXT_LAYER_SETTINGS_EXTENSION_NAME;
import static org.lwjgl.vulkan.EXTLayerSettings.VK_LAYER_SETTING_TYPE_BOOL32_EXT;
import static org.lwjgl.vulkan.VK10.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VK;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackDataEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCreateInfoEXT;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkLayerProperties;
import org.lwjgl.vulkan.VkLayerSettingEXT;
import org.lwjgl.vulkan.VkLayerSettingsCreateInfoEXT;

/**
 * The Vulkan instance, with the validation layer and a debug-utils messenger when asked for. Owns the messenger and
 * its callback; {@link #close()} destroys the messenger, then the instance, then frees the callback (the callback
 * also receives messages about instance creation and destruction, so it outlives both).
 */
public final class VulkanInstance implements AutoCloseable {
    public static final String VALIDATION_LAYER = "VK_LAYER_KHRONOS_validation";
    /** Vulkan 1.3: dynamic rendering, synchronization2 and maintenance4 are core there. */
    public static final int API_VERSION = VK_MAKE_API_VERSION(0, 1, 3, 0);

    private final VkInstance handle;
    private final ValidationLog log;
    private final VkDebugUtilsMessengerCallbackEXT callback;
    private final DebugMessenger messenger;
    private final boolean validation;
    private boolean closed;

    private VulkanInstance(VkInstance handle, ValidationLog log, VkDebugUtilsMessengerCallbackEXT callback,
            DebugMessenger messenger, boolean validation) {
        this.handle = handle;
        this.log = log;
        this.callback = callback;
        this.messenger = messenger;
        this.validation = validation;
    }

    /** Creates the instance. Throws {@link GpuSetupException} when no Vulkan loader or validation layer exists. */
    public static VulkanInstance create(GpuOptions options, VulkanBootstrap bootstrap) {
        try {
            VK.getFunctionProvider();
        } catch (Throwable e) {
            throw new GpuSetupException("no Vulkan loader (libvulkan.so.1) found: install libvulkan1 and a driver "
                    + "(mesa-vulkan-drivers gives the CPU device lavapipe), or run through ./ocular, which uses the "
                    + "simulated environment", e);
        }
        ValidationLog log = new ValidationLog();
        boolean echo = options.validation();
        VkDebugUtilsMessengerCallbackEXT callback = VkDebugUtilsMessengerCallbackEXT.create(
                (severity, types, dataPtr, user) -> {
                    VkDebugUtilsMessengerCallbackDataEXT data = VkDebugUtilsMessengerCallbackDataEXT.create(dataPtr);
                    ValidationLog.Message m = new ValidationLog.Message(severity, types,
                            String.valueOf(data.pMessageIdNameString()), data.pMessageString());
                    log.add(m);
                    if (echo) {
                        // With validation on (tests, OCULAR_VALIDATION=1) messages are the point; otherwise they
                        // stay in the log and the caller turns failures into one-line errors.
                        System.err.println("vulkan: " + m);
                    }
                    return VK_FALSE;
                });
        try (MemoryStack stack = stackPush()) {
            Set<String> layers = availableLayers(stack);
            boolean validation = options.validation();
            if (validation && !layers.contains(VALIDATION_LAYER)) {
                throw new GpuSetupException("the Vulkan validation layer " + VALIDATION_LAYER + " is not installed "
                        + "(Debian: vulkan-validationlayers); tests need it");
            }
            Set<String> available = availableInstanceExtensions(stack, null);
            if (validation) {
                available.addAll(availableInstanceExtensions(stack, VALIDATION_LAYER));
            }
            Set<String> extensions = new LinkedHashSet<>(bootstrap.instanceExtensions());
            boolean debugUtils = available.contains(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
            if (debugUtils) {
                extensions.add(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
            } else if (validation) {
                throw new GpuSetupException("the Vulkan loader lacks " + VK_EXT_DEBUG_UTILS_EXTENSION_NAME
                        + ", which validation needs to report messages");
            }
            boolean layerSettings = validation && options.syncValidation()
                    && available.contains(VK_EXT_LAYER_SETTINGS_EXTENSION_NAME);
            if (layerSettings) {
                extensions.add(VK_EXT_LAYER_SETTINGS_EXTENSION_NAME);
            }
            VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType$Default()
                    .pApplicationName(stack.UTF8(options.applicationName()))
                    .applicationVersion(1)
                    .pEngineName(stack.UTF8("ocular"))
                    .engineVersion(1)
                    .apiVersion(API_VERSION);
            VkDebugUtilsMessengerCreateInfoEXT messengerInfo = messengerInfo(stack, callback);
            VkInstanceCreateInfo info = VkInstanceCreateInfo.calloc(stack).sType$Default()
                    .pApplicationInfo(app)
                    .ppEnabledExtensionNames(strings(stack, new ArrayList<>(extensions)))
                    .ppEnabledLayerNames(validation ? strings(stack, List.of(VALIDATION_LAYER)) : null);
            if (debugUtils) {
                info.pNext(messengerInfo);
            }
            if (layerSettings) {
                // Synchronization validation is off by default in the layer; tests want hazards reported.
                VkLayerSettingEXT.Buffer settings = VkLayerSettingEXT.calloc(1, stack);
                settings.get(0).pLayerName(stack.UTF8(VALIDATION_LAYER)).pSettingName(stack.UTF8("validate_sync"))
                        .type(VK_LAYER_SETTING_TYPE_BOOL32_EXT).pValues(stack.malloc(4).putInt(0, VK_TRUE))
                        .valueCount(1); // after pValues: the setter would count bytes, the struct counts values
                VkLayerSettingsCreateInfoEXT settingsInfo = VkLayerSettingsCreateInfoEXT.calloc(stack).sType$Default()
                        .pSettings(settings);
                messengerInfo.pNext(settingsInfo.address());
            }
            VkInstance instance;
            try {
                instance = bootstrap.createInstance(info);
            } catch (VulkanException e) {
                if (e.result() == VK_ERROR_INCOMPATIBLE_DRIVER || e.result() == VK_ERROR_INITIALIZATION_FAILED) {
                    throw new GpuSetupException("no Vulkan driver found (" + e.getMessage() + "): install one "
                            + "(mesa-vulkan-drivers gives the CPU device lavapipe), or run through ./ocular, which "
                            + "uses the simulated environment", e);
                }
                throw e;
            }
            DebugMessenger messenger = debugUtils ? DebugMessenger.create(instance, messengerInfo) : null;
            return new VulkanInstance(instance, log, callback, messenger, validation);
        } catch (RuntimeException e) {
            callback.free();
            throw e;
        }
    }

    private static VkDebugUtilsMessengerCreateInfoEXT messengerInfo(MemoryStack stack,
            VkDebugUtilsMessengerCallbackEXT callback) {
        return VkDebugUtilsMessengerCreateInfoEXT.calloc(stack).sType$Default()
                .messageSeverity(VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
                .messageType(VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT)
                .pfnUserCallback(callback);
    }

    static PointerBuffer strings(MemoryStack stack, List<String> values) {
        PointerBuffer pointers = stack.mallocPointer(values.size());
        for (String v : values) {
            pointers.put(stack.UTF8(v));
        }
        return pointers.flip();
    }

    private static Set<String> availableLayers(MemoryStack stack) {
        int[] count = new int[1];
        VulkanException.check(vkEnumerateInstanceLayerProperties(count, null), "vkEnumerateInstanceLayerProperties");
        VkLayerProperties.Buffer props = VkLayerProperties.malloc(count[0], stack);
        VulkanException.check(vkEnumerateInstanceLayerProperties(count, props), "vkEnumerateInstanceLayerProperties");
        Set<String> names = new LinkedHashSet<>();
        props.forEach(p -> names.add(p.layerNameString()));
        return names;
    }

    private static Set<String> availableInstanceExtensions(MemoryStack stack, String layer) {
        int[] count = new int[1];
        VulkanException.check(vkEnumerateInstanceExtensionProperties(layer, count, null),
                "vkEnumerateInstanceExtensionProperties");
        VkExtensionProperties.Buffer props = VkExtensionProperties.malloc(count[0], stack);
        VulkanException.check(vkEnumerateInstanceExtensionProperties(layer, count, props),
                "vkEnumerateInstanceExtensionProperties");
        Set<String> names = new LinkedHashSet<>();
        props.forEach(p -> names.add(p.extensionNameString()));
        return names;
    }

    public VkInstance handle() {
        return handle;
    }

    public ValidationLog validationLog() {
        return log;
    }

    public boolean validationEnabled() {
        return validation;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (messenger != null) {
            messenger.close();
        }
        vkDestroyInstance(handle, null);
        callback.free();
    }
}
