package org.scorescope.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scorescope.distribution.Target;
import org.scorescope.score.ExactScore;
import org.scorescope.score.PerturbedScore;
import org.scorescope.score.ScoreError;
import org.scorescope.score.ScoreFunction;

/**
 * What one point of a sweep is measured on besides the sampler and T: the target, the score error (if
 * any), and the value of every swept axis as it goes into the row's extra columns. Immutable; the
 * axes of a sweep ({@link SweepAxis}) turn one setting into the next.
 *
 * @param target the target
 * @param error the score error, or null for the exact score
 * @param columns axis column name → value as written in the CSV, in axis order
 */
public record SweepSetting(Target target, ScoreError error, Map<String, String> columns) {
    /** Copies the map, keeping its order. */
    public SweepSetting {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The plain setting: a target with the exact score, no axis values. */
    public static SweepSetting of(Target target, ScoreError error) {
        return new SweepSetting(target, error, Map.of());
    }

    /** The score the samplers see. */
    public ScoreFunction score() {
        return error == null ? new ExactScore(target) : perturbed();
    }

    /** The perturbed score (the error must be set). */
    public PerturbedScore perturbed() {
        return PerturbedScore.of(target, error);
    }

    /** The same setting with another target. */
    public SweepSetting withTarget(Target t) {
        return new SweepSetting(t, error, columns);
    }

    /** The same setting with another error. */
    public SweepSetting withError(ScoreError e) {
        return new SweepSetting(target, e, columns);
    }

    /** The same setting with one more (or a replaced) column value. */
    public SweepSetting withColumn(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(columns);
        m.put(name, value);
        return new SweepSetting(target, error, m);
    }
}
