package dev.ocular.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * What a factory has made so far, so that when it fails part-way everything made is closed, newest first, and the
 * original failure is what propagates (with any failure to close attached as suppressed). Usage:
 * {@code Acquired made = new Acquired(); try { A a = made.keep(A.create(…)); …; return new X(a, …); } catch
 * (RuntimeException e) { throw made.failed(e); }}. Call-local; after success the new owner closes the resources.
 */
public final class Acquired {
    private final List<AutoCloseable> made = new ArrayList<>();

    /** Remembers {@code resource} (closed by {@link #failed} if construction does not complete) and returns it. */
    public <T extends AutoCloseable> T keep(T resource) {
        made.add(resource);
        return resource;
    }

    /** Closes everything kept, newest first; returns {@code cause} for the caller to throw. */
    public RuntimeException failed(RuntimeException cause) {
        for (int i = made.size() - 1; i >= 0; i--) {
            closeInto(made.get(i), cause);
        }
        made.clear();
        return cause;
    }

    /**
     * Closes the given resources in the given order (pass them newest first), skipping nulls — for factories that
     * hold their parts in locals; returns {@code cause} for the caller to throw.
     */
    public static RuntimeException failed(RuntimeException cause, AutoCloseable... newestFirst) {
        for (AutoCloseable c : newestFirst) {
            if (c != null) {
                closeInto(c, cause);
            }
        }
        return cause;
    }

    private static void closeInto(AutoCloseable c, RuntimeException cause) {
        try {
            c.close();
        } catch (Exception suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
