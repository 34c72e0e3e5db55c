package dev.ocular.compositor.xr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.gpu.CommandBuffer;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.gpu.testing.DeviceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkClearColorValue;
import org.lwjgl.vulkan.VkImageSubresourceRange;

/**
 * A real OpenXR session on Monado's Simulated HMD (started around the test run by ./ocular test): instance with
 * XR_KHR_vulkan_enable2, Vulkan created through the runtime with validation on, FOCUSED reached, frames submitted,
 * and the session ended in the order the spec requires.
 */
@DeviceTest
class OpenXrLifecycleTest {
    private static final int FRAMES_AFTER_FOCUS = 20;

    @Test
    void reachesFocusedSubmitsFramesAndEndsInSpecOrder() {
        try (XrHost host = XrHost.open("ocular-test", GpuOptions.forTests(), new int[] {64, 48})) {
            assertTrue(host.runtime().info().systemName().contains("Simulated"),
                    "expected Monado's Simulated HMD, got " + host.runtime().info().systemName());
            int rendered = 0;
            int focusedFrames = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            List<XrHost.FrameOutcome> outcomes = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                XrHost.FrameOutcome outcome = host.frame(new ClearEyes()).outcome();
                outcomes.add(outcome);
                if (outcome == XrHost.FrameOutcome.OVER) {
                    break;
                }
                if (outcome == XrHost.FrameOutcome.RENDERED) {
                    rendered++;
                }
                if (host.session().state() == SessionState.FOCUSED && ++focusedFrames == FRAMES_AFTER_FOCUS) {
                    host.requestExit();
                }
            }
            List<SessionState> history = host.session().history();
            assertTrue(isSubsequence(List.of(SessionState.READY, SessionState.SYNCHRONIZED, SessionState.VISIBLE,
                    SessionState.FOCUSED, SessionState.VISIBLE, SessionState.SYNCHRONIZED, SessionState.STOPPING,
                    SessionState.IDLE, SessionState.EXITING), history), "state order " + history);
            assertEquals(SessionState.EXITING, host.session().state(), "session did not exit: " + history);
            assertTrue(rendered >= FRAMES_AFTER_FOCUS, "only " + rendered + " frames rendered");
            assertEquals(0, host.gpu().validationLog().count(), () -> "validation: " + host.gpu().validationLog()
                    .messages());
        }
    }

    private static boolean isSubsequence(List<SessionState> wanted, List<SessionState> seen) {
        int i = 0;
        for (SessionState s : seen) {
            if (i < wanted.size() && s == wanted.get(i)) {
                i++;
            }
        }
        return i == wanted.size();
    }

    /** Clears each eye to its own colour: the smallest real rendering into a swapchain image. */
    private static final class ClearEyes implements XrHost.FrameRenderer {
        @Override
        public void record(CommandBuffer cb, GpuImage[] targets, EyeView[] views, FrameClock.Timing timing) {
            for (int eye = 0; eye < 2; eye++) {
                clear(cb, eye, targets[eye]);
            }
        }

        private static void clear(CommandBuffer cb, int eye, GpuImage target) {
            cb.transition(target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                    0, VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
            try (MemoryStack stack = MemoryStack.stackPush()) {
                VkClearColorValue colour = VkClearColorValue.calloc(stack);
                colour.float32(0, eye == 0 ? 0.8f : 0.1f).float32(1, 0.2f).float32(2, eye == 0 ? 0.1f : 0.8f)
                        .float32(3, 1f);
                VkImageSubresourceRange range = VkImageSubresourceRange.calloc(stack)
                        .aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).levelCount(1).layerCount(1);
                vkCmdClearColorImage(cb.handle(), target.handle(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, colour,
                        range);
            }
            cb.transition(target, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_CLEAR_BIT,
                    VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                    VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT);
        }
    }
}
