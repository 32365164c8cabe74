package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.OrthonormalFrame;
import org.scorescope.distribution.Target;
import org.scorescope.score.ScoreError;

/**
 * A quantity a sweep varies besides the sampler and T, with one CSV column (docs/imperfect-scores.md):
 * each value is a label for the column and a change of the {@link SweepSetting}. A sweep runs the
 * product of its axes ({@link #product}); new axes (a guidance strength, …) are one more factory here.
 *
 * @param column the CSV column name
 * @param labels the column value of each point
 * @param changes how each point changes the setting
 */
public record SweepAxis(String column, List<String> labels, List<UnaryOperator<SweepSetting>> changes) {
    /** Copies the lists and checks that they have the same length. */
    public SweepAxis {
        labels = List.copyOf(labels);
        changes = List.copyOf(changes);
        if (labels.size() != changes.size() || labels.isEmpty()) {
            throw new IllegalArgumentException("an axis needs one label per value and at least one value");
        }
    }

    /**
     * The size of a score error ({@code score_error} column), for the error type of {@code template}.
     *
     * @throws IllegalArgumentException naming the size when one is negative, NaN or too large
     */
    public static SweepAxis scoreErrors(ScoreError template, double[] sizes) {
        List<String> labels = new ArrayList<>();
        List<UnaryOperator<SweepSetting>> changes = new ArrayList<>();
        for (double size : sizes) {
            ScoreError e = template.withSize(size);
            labels.add(format(size));
            changes.add(s -> s.withError(e).withColumn("score_error", format(size)));
        }
        return new SweepAxis("score_error", labels, changes);
    }

    /**
     * The ambient dimension ({@code dim} column): the setting's target, or its base when it is already
     * framed, placed in R^d by a random frame drawn from {@code frameSeed} (the axes when {@code axes}),
     * with the framed target's normal variance.
     *
     * @throws IllegalArgumentException naming the dimension when d &lt; k or d &gt; {@value FramedTarget#MAX_DIM}
     */
    public static SweepAxis dims(int[] dims, int intrinsic, boolean axes, long frameSeed) {
        List<String> labels = new ArrayList<>();
        List<UnaryOperator<SweepSetting>> changes = new ArrayList<>();
        for (int d : dims) {
            if (d < intrinsic || d > FramedTarget.MAX_DIM) {
                throw new IllegalArgumentException("each dimension must be in " + intrinsic + ".." + FramedTarget.MAX_DIM
                        + " (at least the target's intrinsic dimension " + intrinsic + "), was " + d);
            }
            labels.add(Integer.toString(d));
            changes.add(s -> s.withTarget(embed(s.target(), d, axes, frameSeed)).withColumn("dim", Integer.toString(d)));
        }
        return new SweepAxis("dim", labels, changes);
    }

    /**
     * The data variance off the plane of a framed target ({@code normal_variance} column): 0 is rank k,
     * a positive value makes it full rank.
     *
     * @throws IllegalArgumentException naming the variance when one is negative, NaN or above 1e6
     */
    public static SweepAxis normalVariances(double[] variances) {
        List<String> labels = new ArrayList<>();
        List<UnaryOperator<SweepSetting>> changes = new ArrayList<>();
        for (double v : variances) {
            if (!(v >= 0) || !(v <= 1e6)) {
                throw new IllegalArgumentException("each normal variance must be a number in 0..1e6, was " + v);
            }
            labels.add(format(v));
            changes.add(s -> {
                if (!(s.target() instanceof FramedTarget f)) {
                    throw new IllegalArgumentException("a normal variance needs an embedded target (--embed or --dims)");
                }
                return s.withTarget(new FramedTarget(f.base(), f.frame(), v)).withColumn("normal_variance", format(v));
            });
        }
        return new SweepAxis("normal_variance", labels, changes);
    }

    /** A target placed in R^d: a framed target keeps its base and normal variance and gets a new frame. */
    public static Target embed(Target t, int d, boolean axes, long frameSeed) {
        Target base = t instanceof FramedTarget f ? f.base() : t;
        double rest = t instanceof FramedTarget f ? f.normalVariance() : 0;
        int k = base.dim();
        OrthonormalFrame frame = axes ? OrthonormalFrame.axes(d, k) : OrthonormalFrame.random(d, k, frameSeed);
        return new FramedTarget(base, frame, rest);
    }

    /** Every combination of the axes' values applied to {@code base}, the first axis outermost. */
    public static List<SweepSetting> product(SweepSetting base, List<SweepAxis> axes) {
        List<SweepSetting> out = new ArrayList<>();
        out.add(base);
        for (SweepAxis axis : axes) {
            List<SweepSetting> next = new ArrayList<>();
            for (SweepSetting s : out) {
                for (UnaryOperator<SweepSetting> c : axis.changes()) {
                    next.add(c.apply(s));
                }
            }
            out = next;
        }
        return out;
    }

    /** A size as written in the CSV: shortest round-trip form. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
