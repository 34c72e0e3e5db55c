package dev.ocular.gpu;

import static org.lwjgl.vulkan.VK10.VK_SUCCESS;

/**
 * A Vulkan call that returned an error. Carries the call's text and the result's enum name so that a failure in a test
 * log or a user's terminal says which call failed and how. Positive status codes (VK_INCOMPLETE, VK_TIMEOUT,
 * VK_SUBOPTIMAL_KHR…) are not errors: callers that can get them check the result themselves.
 */
public final class VulkanException extends RuntimeException {
    private final String call;
    private final int result;

    public VulkanException(String call, int result) {
        super(call + " failed: " + VkResultNames.name(result));
        this.call = call;
        this.result = result;
    }

    /** Throws unless {@code result} is VK_SUCCESS. */
    public static void check(int result, String call) {
        if (result != VK_SUCCESS) {
            throw new VulkanException(call, result);
        }
    }

    public String call() {
        return call;
    }

    public int result() {
        return result;
    }
}
