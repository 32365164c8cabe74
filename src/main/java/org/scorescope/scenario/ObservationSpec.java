package org.scorescope.scenario;

import java.util.Arrays;
import org.scorescope.distribution.Target;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.inverse.LinearObservation;
import org.scorescope.inverse.ObservationException;
import org.scorescope.inverse.ObservationTask;

/**
 * The observation of a scenario, y = A x₀ + ε with ε ~ N(0, σ² I) (issue 15), as the file gives it:
 * <pre>
 * "observation": {"A": [[1, 0]], "y": [1.5], "sigma": 0.1}
 * "observation": {"task": "inpaint-x", "y": "draw", "sigma": 0.2}
 * </pre>
 * Exactly one of {@code task} ({@link ObservationTask}: inpaint-x, project[:θ°], denoise, blur[:rank])
 * and {@code A}; y is a vector, or null for "draw": drawn from the prior predictive with the
 * scenario's seed.
 *
 * @param task a task name, or null when A is given
 * @param a the matrix A, or null when a task is given
 * @param y the observation, or null to draw it
 * @param sigma σ
 */
public record ObservationSpec(String task, double[][] a, double[] y, double sigma) {

    /** The matrix for a target of dimension d. */
    public double[][] matrix(int d) {
        try {
            return task != null ? ObservationTask.matrix(task, d) : a;
        } catch (ObservationException e) {
            throw new ScenarioException("observation.task", e.reason());
        }
    }

    /**
     * The prior, observation and exact posterior.
     *
     * @param seed the scenario's seed, for a drawn y
     * @throws ScenarioException naming {@code observation.A}, {@code observation.y}, {@code observation.sigma},
     *     {@code observation.task} or {@code target}
     */
    public InverseProblem problem(Target prior, long seed) {
        double[][] m = matrix(prior.dim());
        try {
            double[] obs = y != null ? y : LinearObservation.draw(prior, m, sigma, seed);
            return InverseProblem.of(prior, LinearObservation.of(m, obs, sigma));
        } catch (ObservationException e) {
            String field = e.field().equals("target") ? "target" : "observation." + (task != null && e.field().startsWith("A") ? "task" : e.field());
            throw new ScenarioException(field, e.reason());
        }
    }

    /** One line for captions and summaries: "inpaint-x, y = [2.5], σ = 0.2". */
    public String describe(InverseProblem p) {
        return (task != null ? task : "A = " + Arrays.deepToString(a)) + ", y = " + Arrays.toString(p.observation().y())
                + (y == null ? " (drawn)" : "") + ", sigma = " + sigma;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationSpec s && java.util.Objects.equals(task, s.task) && Arrays.deepEquals(a, s.a)
                && Arrays.equals(y, s.y) && Double.compare(sigma, s.sigma) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(task, Arrays.deepHashCode(a), Arrays.hashCode(y), sigma);
    }

    @Override
    public String toString() {
        return "ObservationSpec[" + (task != null ? task : Arrays.deepToString(a)) + ", y=" + (y == null ? "draw" : Arrays.toString(y))
                + ", sigma=" + sigma + "]";
    }
}
