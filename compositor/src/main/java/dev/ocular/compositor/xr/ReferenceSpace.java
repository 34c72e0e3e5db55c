package dev.ocular.compositor.xr;

import static org.lwjgl.openxr.XR10.*;
import static org.lwjgl.system.MemoryStack.stackPush;

import org.lwjgl.PointerBuffer;
import org.lwjgl.openxr.XrReferenceSpaceCreateInfo;
import org.lwjgl.openxr.XrSpace;
import org.lwjgl.system.MemoryStack;

/** An XrSpace of a reference type (LOCAL by default: seated, origin at the head's start pose). */
public final class ReferenceSpace implements AutoCloseable {
    private final XrSpace handle;
    private boolean closed;

    private ReferenceSpace(XrSpace handle) {
        this.handle = handle;
    }

    public static ReferenceSpace create(OpenXrSession session, int referenceSpaceType) {
        try (MemoryStack stack = stackPush()) {
            XrReferenceSpaceCreateInfo info = XrReferenceSpaceCreateInfo.calloc(stack).type$Default()
                    .referenceSpaceType(referenceSpaceType)
                    .poseInReferenceSpace(p -> p.orientation(q -> q.set(0, 0, 0, 1)));
            PointerBuffer handle = stack.mallocPointer(1);
            XrException.check(xrCreateReferenceSpace(session.handle(), info, handle), "xrCreateReferenceSpace");
            return new ReferenceSpace(new XrSpace(handle.get(0), session.handle()));
        }
    }

    public XrSpace handle() {
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            xrDestroySpace(handle);
        }
    }
}
