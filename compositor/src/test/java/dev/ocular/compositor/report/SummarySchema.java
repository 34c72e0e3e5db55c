package dev.ocular.compositor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * JSON Schemas (draft 2020-12) of ocular's report files, checked with networknt's validator. They state what a
 * consumer may rely on: required keys, types, units in names, null only where "not measured" is possible.
 */
public final class SummarySchema {
    private static final String DEFS = """
            "$defs": {
              "num": {"type": ["number", "null"]},
              "dist": {
                "type": "object",
                "required": ["count", "mean", "p50", "p95", "p99", "max"],
                "additionalProperties": false,
                "properties": {
                  "count": {"type": "integer", "minimum": 0},
                  "mean": {"$ref": "#/$defs/num"}, "p50": {"$ref": "#/$defs/num"}, "p95": {"$ref": "#/$defs/num"},
                  "p99": {"$ref": "#/$defs/num"}, "max": {"$ref": "#/$defs/num"}
                }
              },
              "eyeConfig": {
                "type": "object",
                "required": ["preset", "ratio", "method", "sharpening", "render_width", "render_height",
                             "output_width", "output_height"],
                "properties": {
                  "preset": {"type": "string"}, "ratio": {"type": "number", "minimum": 1},
                  "method": {"type": "string"}, "sharpening": {"type": "number"},
                  "render_width": {"type": "integer"}, "render_height": {"type": "integer"},
                  "output_width": {"type": "integer"}, "output_height": {"type": "integer"}
                }
              },
              "eyeGpu": {
                "type": "object", "required": ["total", "stages"],
                "properties": {
                  "total": {"$ref": "#/$defs/dist"},
                  "stages": {"type": "object", "minProperties": 1, "additionalProperties": {"$ref": "#/$defs/dist"}}
                }
              },
              "eyeQuality": {
                "type": "object", "required": ["psnr_db", "psnr_y_db", "ssim_y", "flip_mean", "extra",
                                               "error_heatmap"],
                "properties": {
                  "psnr_db": {"$ref": "#/$defs/num"}, "psnr_y_db": {"$ref": "#/$defs/num"},
                  "ssim_y": {"$ref": "#/$defs/num"}, "flip_mean": {"$ref": "#/$defs/num"},
                  "extra": {"type": "object", "additionalProperties": {"$ref": "#/$defs/num"}},
                  "error_heatmap": {"type": "boolean"}
                }
              }
            }
            """;

    public static final String RUN_SUMMARY = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["format", "version", "run", "bytes_per_frame", "counts", "frame_interval_us", "fps_mean",
                           "fps_1pct_low_p99", "fps_1pct_low_mean_worst", "worst_1pct_frames",
                           "predicted_display_period_us_mean", "cpu_us", "gpu_us", "quality", "definitions"],
              "properties": {
                "format": {"const": "ocular-run-summary"},
                "version": {"const": 1},
                "run": {
                  "type": "object",
                  "required": ["scene", "sink", "lens_profile", "runtime_name", "system_name", "gpu_name",
                               "gpu_driver", "ocular_commit", "date", "jvm", "os", "cpu", "cpu_threads", "eyes",
                               "extra"],
                  "properties": {
                    "scene": {"type": "string"}, "sink": {"type": "string"},
                    "lens_profile": {"type": ["string", "null"]}, "runtime_name": {"type": ["string", "null"]},
                    "system_name": {"type": ["string", "null"]}, "gpu_name": {"type": ["string", "null"]},
                    "gpu_driver": {"type": ["string", "null"]}, "ocular_commit": {"type": ["string", "null"]},
                    "date": {"type": "string", "pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}T"},
                    "jvm": {"type": "string"}, "os": {"type": "string"}, "cpu": {"type": "string"},
                    "cpu_threads": {"type": "integer", "minimum": 1},
                    "eyes": {"type": "object", "required": ["left", "right"],
                             "properties": {"left": {"$ref": "#/$defs/eyeConfig"},
                                            "right": {"$ref": "#/$defs/eyeConfig"}}},
                    "extra": {"type": "object", "additionalProperties": {"type": "string"}}
                  }
                },
                "bytes_per_frame": {"type": "integer", "minimum": 1},
                "counts": {
                  "type": "object",
                  "required": ["frames", "frames_late", "frames_discarded", "frames_skipped",
                               "frames_shown_twice_estimate", "history_resets"],
                  "additionalProperties": {"type": "integer", "minimum": 0}
                },
                "frame_interval_us": {"$ref": "#/$defs/dist"},
                "fps_mean": {"$ref": "#/$defs/num"},
                "fps_1pct_low_p99": {"$ref": "#/$defs/num"},
                "fps_1pct_low_mean_worst": {"$ref": "#/$defs/num"},
                "worst_1pct_frames": {"type": "integer", "minimum": 0},
                "predicted_display_period_us_mean": {"$ref": "#/$defs/num"},
                "cpu_us": {
                  "type": "object",
                  "required": ["xrWaitFrame", "xrBeginFrame", "record", "submit+gpu", "xrEndFrame"],
                  "additionalProperties": {"$ref": "#/$defs/dist"}
                },
                "gpu_us": {
                  "type": "object", "required": ["left", "right"],
                  "properties": {"left": {"$ref": "#/$defs/eyeGpu"}, "right": {"$ref": "#/$defs/eyeGpu"}}
                },
                "quality": {
                  "oneOf": [
                    {"type": "null"},
                    {"type": "object", "required": ["method", "left", "right"],
                     "properties": {"method": {"type": "string"}, "left": {"$ref": "#/$defs/eyeQuality"},
                                    "right": {"$ref": "#/$defs/eyeQuality"}}}
                  ]
                },
                "definitions": {"type": "object", "required": ["percentiles", "fps_1pct_low_p99",
                                                               "fps_1pct_low_mean_worst"]}
              },
            """ + DEFS + "}";

    public static final String COMPARISON = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["format", "version", "configurations", "tuning_curve", "definitions"],
              "properties": {
                "format": {"const": "ocular-sweep-comparison"},
                "version": {"const": 1},
                "configurations": {
                  "type": "array", "minItems": 1,
                  "items": {
                    "type": "object",
                    "required": ["index", "label", "settings", "frames", "frames_late", "fps_mean",
                                 "fps_1pct_low_p99", "fps_1pct_low_mean_worst", "eyes"],
                    "properties": {
                      "index": {"type": "integer"}, "label": {"type": "string"},
                      "settings": {"type": "object", "additionalProperties": {"type": "string"}},
                      "eyes": {"type": "object", "required": ["left", "right"],
                               "additionalProperties": {
                                 "type": "object",
                                 "required": ["preset", "method", "gpu_ms_mean", "gpu_ms_p99", "psnr_db",
                                              "flip_mean", "on_tuning_curve"],
                                 "properties": {"gpu_ms_mean": {"type": "number"},
                                                "psnr_db": {"type": ["number", "null"]},
                                                "flip_mean": {"type": ["number", "null"]},
                                                "on_tuning_curve": {"type": "boolean"}}}}
                    }
                  }
                },
                "tuning_curve": {"type": "object", "required": ["left", "right"],
                                 "additionalProperties": {"type": "array", "items": {"type": "integer"}}}
              }
            }
            """;

    private SummarySchema() {
    }

    /** Validation errors of {@code json} against {@code schema}, as readable lines (empty when valid). */
    public static List<String> errors(String schema, JsonNode json) {
        Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
        List<Error> errors = compiled.validate(json);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
