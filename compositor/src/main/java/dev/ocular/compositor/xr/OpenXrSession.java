package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.XR10.*;
import static org.lwjgl.system.MemoryStack.stackPush;

import dev.ocular.gpu.GpuContext;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.openxr.XrEventDataBaseHeader;
import org.lwjgl.openxr.XrEventDataBuffer;
import org.lwjgl.openxr.XrEventDataSessionStateChanged;
import org.lwjgl.openxr.XrGraphicsBindingVulkanKHR;
import org.lwjgl.openxr.XrSession;
import org.lwjgl.openxr.XrSessionBeginInfo;
import org.lwjgl.openxr.XrSessionCreateInfo;
import org.lwjgl.system.MemoryStack;

/**
 * An XrSession on a Vulkan device created through the runtime, driven by the session state machine: READY → begin,
 * STOPPING → end, EXITING and LOSS_PENDING → the owner tears down; an instance-loss event is reported the same way.
 * Frame calls live in {@link FrameClock}. Destroying is legal in any state.
 */
public final class OpenXrSession implements AutoCloseable {
    private final XrRuntime runtime;
    private final XrSession handle;
    private final List<SessionState> history = new ArrayList<>();
    private final XrEventDataBuffer event = XrEventDataBuffer.calloc();
    private SessionState state = SessionState.UNKNOWN;
    private boolean running;
    private boolean instanceLossPending;
    private boolean closed;

    private OpenXrSession(XrRuntime runtime, XrSession handle) {
        this.runtime = runtime;
        this.handle = handle;
    }

    public static OpenXrSession create(XrRuntime runtime, GpuContext gpu) {
        try (MemoryStack stack = stackPush()) {
            XrGraphicsBindingVulkanKHR binding = XrGraphicsBindingVulkanKHR.calloc(stack).type$Default()
                    .instance(gpu.instance().handle())
                    .physicalDevice(gpu.capabilities().handle())
                    .device(gpu.device().handle())
                    .queueFamilyIndex(gpu.device().queueFamily())
                    .queueIndex(0);
            XrSessionCreateInfo info = XrSessionCreateInfo.calloc(stack).type$Default()
                    .next(binding.address()).systemId(runtime.systemId());
            PointerBuffer handle = stack.mallocPointer(1);
            XrException.check(xrCreateSession(runtime.instance(), info, handle), "xrCreateSession");
            return new OpenXrSession(runtime, new XrSession(handle.get(0), runtime.instance()));
        }
    }

    public XrSession handle() {
        return handle;
    }

    public XrRuntime runtime() {
        return runtime;
    }

    public SessionState state() {
        return state;
    }

    /** Every state this session went through, in order. */
    public List<SessionState> history() {
        return List.copyOf(history);
    }

    /** Between xrBeginSession and xrEndSession: frames may (and must) be submitted. */
    public boolean isRunning() {
        return running;
    }

    /** The session is over: EXITING, LOSS_PENDING, or the instance is about to be lost. */
    public boolean isOver() {
        return state == SessionState.EXITING || state == SessionState.LOSS_PENDING || instanceLossPending;
    }

    public boolean instanceLossPending() {
        return instanceLossPending;
    }

    /** Drains the runtime's event queue and reacts to state changes of this session. */
    public void pollEvents() {
        while (true) {
            event.type(XR_TYPE_EVENT_DATA_BUFFER).next(0);
            int result = XrException.check(xrPollEvent(runtime.instance(), event), "xrPollEvent");
            if (result == XR_EVENT_UNAVAILABLE) {
                return;
            }
            XrEventDataBaseHeader header = XrEventDataBaseHeader.create(event.address());
            switch (header.type()) {
                case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED -> {
                    XrEventDataSessionStateChanged changed = XrEventDataSessionStateChanged.create(event.address());
                    if (changed.session() == handle.address()) {
                        onState(SessionState.of(changed.state()));
                    }
                }
                case XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING -> instanceLossPending = true;
                default -> {
                    // Other events (interaction profile, reference space changes) need no action here.
                }
            }
        }
    }

    private void onState(SessionState next) {
        state = next;
        history.add(next);
        switch (next) {
            case READY -> {
                try (MemoryStack stack = stackPush()) {
                    XrSessionBeginInfo begin = XrSessionBeginInfo.calloc(stack).type$Default()
                            .primaryViewConfigurationType(XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO);
                    XrException.check(xrBeginSession(handle, begin), "xrBeginSession");
                }
                running = true;
            }
            case STOPPING -> {
                XrException.check(xrEndSession(handle), "xrEndSession");
                running = false;
            }
            default -> {
            }
        }
    }

    /** Asks the runtime to end the session; it then moves through SYNCHRONIZED and STOPPING. */
    public void requestExit() {
        if (running) {
            XrException.check(xrRequestExitSession(handle), "xrRequestExitSession");
        }
    }

    /** The runtime's swapchain formats, in its order of preference (VkFormat values). */
    public long[] swapchainFormats() {
        try (MemoryStack stack = stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            XrException.check(xrEnumerateSwapchainFormats(handle, count, null), "xrEnumerateSwapchainFormats");
            LongBuffer formats = stack.mallocLong(count.get(0));
            XrException.check(xrEnumerateSwapchainFormats(handle, count, formats), "xrEnumerateSwapchainFormats");
            long[] out = new long[count.get(0)];
            formats.get(out);
            return out;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            xrDestroySession(handle);
            event.free();
        }
    }
}
