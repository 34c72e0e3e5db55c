package dev.ocular.distortion.mesh;

import dev.ocular.distortion.Channel;

/**
 * Errors of one mesh, per channel (indexed by {@link Channel#ordinal()}), for bilinear interpolation over cells and for
 * linear interpolation over the two triangles of each cell.
 */
public record MeshError(ChannelError[] bilinear, ChannelError[] triangles) {

    public ChannelError bilinear(Channel channel) {
        return bilinear[channel.ordinal()];
    }

    public ChannelError triangles(Channel channel) {
        return triangles[channel.ordinal()];
    }

    /** Whether every channel meets the budget with both interpolations. */
    public boolean within(MeshBudget budget) {
        for (Channel channel : Channel.values()) {
            if (!budget.accepts(bilinear(channel)) || !budget.accepts(triangles(channel))) {
                return false;
            }
        }
        return true;
    }
}
