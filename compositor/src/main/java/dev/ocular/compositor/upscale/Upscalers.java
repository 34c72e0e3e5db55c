package dev.ocular.compositor.upscale;

import dev.ocular.gpu.BadInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reconstruction methods a run can switch between, created up front (their stage names become the run's GPU
 * stage columns, and a live switch then costs nothing). Owns them; closes them in reverse order of creation.
 */
public final class Upscalers implements AutoCloseable {
    private final Map<Method, Upscaler> byMethod = new EnumMap<>(Method.class);
    private final List<Upscaler> creationOrder = new ArrayList<>();
    private boolean closed;

    /** Takes ownership of {@code upscaler}. */
    public Upscalers add(Upscaler upscaler) {
        if (byMethod.putIfAbsent(upscaler.method(), upscaler) != null) {
            upscaler.close();
            throw new IllegalArgumentException(upscaler.method() + " registered twice");
        }
        creationOrder.add(upscaler);
        return this;
    }

    public Upscaler get(Method method) {
        Upscaler upscaler = byMethod.get(method);
        if (upscaler == null) {
            throw new BadInputException("method '" + method.cliName() + "' is not available in this run (available: "
                    + byMethod.keySet().stream().map(Method::cliName).toList() + ")");
        }
        return upscaler;
    }

    /** Lets every method store the stage times it measured itself for the frame that just completed. */
    public void collect(dev.ocular.compositor.metrics.FrameLog log, int row) {
        for (Upscaler u : creationOrder) {
            u.collect(log, row);
        }
    }

    public boolean has(Method method) {
        return byMethod.containsKey(method);
    }

    /** Every stage name of every method, in registration order, without duplicates. */
    public List<String> allStages() {
        List<String> stages = new ArrayList<>();
        for (Upscaler u : creationOrder) {
            for (String s : u.stages()) {
                if (!stages.contains(s)) {
                    stages.add(s);
                }
            }
        }
        return stages;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = creationOrder.size() - 1; i >= 0; i--) {
            creationOrder.get(i).close();
        }
    }
}
