package dev.ocular.compositor.service;

/**
 * A change to one eye's settings; null fields stay as they are. The service passes only validated changes on:
 * names are canonical entries of {@link dev.ocular.compositor.report.TuningOptions}, sharpening is within its range,
 * and at least one field is set.
 */
public record EyeChange(String preset, String method, Double sharpening) {
}
