package dev.ocular.gpu.raster;

import java.util.List;

/**
 * How one interleaved vertex buffer (binding 0) feeds a graphics pipeline: bytes per vertex and the attributes at
 * locations 0…n−1 in order.
 *
 * @param stride     bytes from one vertex to the next; 0 together with no attributes means "no vertex input" (the
 *                   vertex shader builds positions from gl_VertexIndex)
 * @param attributes VkFormat and byte offset of each location
 */
public record VertexLayout(int stride, List<Attribute> attributes) {
    /** One vertex attribute: its VkFormat and byte offset inside the vertex. */
    public record Attribute(int format, int offset) {
    }

    public VertexLayout {
        attributes = List.copyOf(attributes);
        if (stride < 0 || (stride == 0) != attributes.isEmpty()) {
            throw new IllegalArgumentException("vertex layout needs a positive stride exactly when it has attributes,"
                    + " got stride " + stride + " with " + attributes.size() + " attribute(s)");
        }
    }

    /** No vertex buffer: fullscreen triangles and storage-buffer-driven sprites. */
    public static VertexLayout none() {
        return new VertexLayout(0, List.of());
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }
}
