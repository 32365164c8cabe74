package org.scorescope.metrics;

import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.Target;

/**
 * Where a histogram TV is measured (docs/imperfect-scores.md): a target of dimension ≤ 2 on its own
 * axes; a {@link FramedTarget} on its plane, z = Uᵀy, against the base target's law (the plane
 * carries exactly the base's noised law at every level); any other target on its first two axes
 * against their marginal.
 */
public final class PlaneProjection {
    private final Target law;
    private final FramedTarget framed;

    private PlaneProjection(Target law, FramedTarget framed) {
        this.law = law;
        this.framed = framed;
    }

    /** The projection for a target. */
    public static PlaneProjection of(Target t) {
        if (t instanceof FramedTarget f) {
            Target base = f.base();
            return new PlaneProjection(base.dim() <= 2 ? base : base.marginal(0, 1), f);
        }
        return new PlaneProjection(t.dim() <= 2 ? t : t.marginal(0, 1), null);
    }

    /** The law of the projected particles (dimension 1 or 2). */
    public Target law() {
        return law;
    }

    /** Whether the projection is a framed target's plane. */
    public boolean onPlane() {
        return framed != null;
    }

    /** The projected coordinates of n particles (law().dim() rows); the first axes are shared, not copied. */
    public double[][] project(double[][] y, int n) {
        if (framed == null) {
            double[][] out = new double[law.dim()][];
            System.arraycopy(y, 0, out, 0, law.dim());
            return out;
        }
        double[][] z = framed.toPlane(y, n);
        if (z.length > 2) {
            return new double[][] {z[0], z[1]};
        }
        return z;
    }
}
