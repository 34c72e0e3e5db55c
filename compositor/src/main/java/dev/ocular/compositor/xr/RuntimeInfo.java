package dev.ocular.compositor.xr;

import java.util.List;

/**
 * What an OpenXR runtime said about itself and its head-mounted system.
 *
 * @param views per view of the primary stereo configuration: recommended and maximum image sizes
 */
public record RuntimeInfo(String runtimeName, String runtimeVersion, String systemName, int vendorId,
        boolean orientationTracking, boolean positionTracking, int maxLayerCount, List<ViewInfo> views,
        List<String> enabledExtensions) {

    public record ViewInfo(int recommendedWidth, int recommendedHeight, int maxWidth, int maxHeight,
            int recommendedSamples) {
    }
}
