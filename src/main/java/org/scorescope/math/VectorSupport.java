package org.scorescope.math;

/**
 * Whether the vectorised kernels run: the incubating module {@code jdk.incubator.vector} is in the
 * boot layer, has at least two double lanes, and {@code -Dscorescope.kernel=scalar} is not set.
 * Every vector kernel of the project has a scalar twin doing the same IEEE operations in the same
 * order, so the answer changes speed, never results.
 */
public final class VectorSupport {
    /** True when the vector kernels are in use. */
    public static final boolean AVAILABLE = check();

    private VectorSupport() {
    }

    private static boolean check() {
        if ("scalar".equals(System.getProperty("scorescope.kernel"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorCounterNormals.lanes() >= 2;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** Lanes per double vector in use (1 when scalar). */
    public static int lanes() {
        return AVAILABLE ? VectorCounterNormals.lanes() : 1;
    }
}
