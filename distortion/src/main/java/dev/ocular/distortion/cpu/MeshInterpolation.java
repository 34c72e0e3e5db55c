package dev.ocular.distortion.cpu;

/** How the mesh way of the distortion pass interpolates vertex UVs inside a cell. */
public enum MeshInterpolation {
    /** Bilinear over the cell: a compute pass reading the vertex grid. */
    BILINEAR,
    /** Linear over the cell's two triangles: a rasteriser drawing the mesh's index list. */
    TRIANGLES
}
