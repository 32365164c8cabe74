package org.scorescope.sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * The anatomy of one particle's step from Y_t to Y_{t−1} (issue 18): the update split into the terms
 * of the sampler's equation, with their coefficients at this step, recorded by the step itself
 * ({@link StepRecorder}). A step is a sequence of stages; each stage produces one point (an
 * intermediate point of a solver, an accelerated sampler's midpoint, a Picard iterate, and last
 * Y_{t−1}) as a sum of terms c·v. The first term of a stage is its <em>carry</em>: a coefficient times
 * a point the step already had (Y_t, or an earlier stage's point), drawn as an arrow from that point to
 * its rescaled copy; every other term is drawn as an arrow added to the chain. Immutable.
 *
 * @param sampler the sampler's canonical id
 * @param t the step (from level ᾱ_t to ᾱ_{t−1})
 * @param abarFrom ᾱ_t
 * @param abarTo ᾱ_{t−1}
 * @param start Y_t of the particle
 * @param stages the stages in the order the step computed them; the last produces Y_{t−1}
 */
public record StepAnatomy(String sampler, int t, double abarFrom, double abarTo, double[] start, List<Stage> stages) {

    /** Copies. */
    public StepAnatomy {
        start = start.clone();
        stages = List.copyOf(stages);
    }

    /**
     * One term c·v of a stage.
     *
     * @param coefficientTex the coefficient as LaTeX ({@code \frac{1}{\sqrt{\alpha_t}}})
     * @param valueTex the vector as LaTeX ({@code s_t(Y_t)})
     * @param words what the term is, in words ("score drift")
     * @param coefficient the coefficient's value at this step
     * @param value the vector's value for the particle
     * @param carry whether the term rescales a point (drawn from that point)
     */
    public record Term(String coefficientTex, String valueTex, String words, double coefficient, double[] value, boolean carry) {
        /** Copies. */
        public Term {
            value = value.clone();
        }

        /** c·v. */
        public double[] contribution() {
            double[] out = new double[value.length];
            for (int a = 0; a < out.length; a++) {
                out[a] = coefficient * value[a];
            }
            return out;
        }

        /** The term as LaTeX: coefficient and vector (a coefficient of "1" is left out). */
        public String tex() {
            return coefficientTex.equals("1") ? valueTex : coefficientTex + "\\," + valueTex;
        }
    }

    /**
     * One stage.
     *
     * @param symbolTex the point it produces, as LaTeX ({@code Y_{t-1}}, {@code x_{s_1}})
     * @param words what the point is
     * @param level the level ᾱ at which the point lives (NaN when it is not a level of the VP path)
     * @param terms its terms, the carry first
     * @param result the point the step actually computed (for the last stage: the particle's Y_{t−1}
     *     after the step, read by the tracer, not by the sampler)
     */
    public record Stage(String symbolTex, String words, double level, List<Term> terms, double[] result) {
        /** Copies. */
        public Stage {
            terms = List.copyOf(terms);
            result = result.clone();
        }

        /** Σ c·v in the order of the terms. */
        public double[] sum() {
            double[] s = new double[result.length];
            for (Term term : terms) {
                double[] c = term.contribution();
                for (int a = 0; a < s.length; a++) {
                    s[a] += c[a];
                }
            }
            return s;
        }

        /** ‖Σ c·v − result‖ / (‖result‖ + 1): how far the terms are from the point the step computed. */
        public double residual() {
            double[] s = sum();
            double diff = 0;
            double norm = 0;
            for (int a = 0; a < s.length; a++) {
                diff += (s[a] - result[a]) * (s[a] - result[a]);
                norm += result[a] * result[a];
            }
            return Math.sqrt(diff) / (Math.sqrt(norm) + 1);
        }

        /** The stage's equation as LaTeX: {@code symbol = c_1 v_1 + c_2 v_2 + …}. */
        public String equationTex() {
            StringBuilder b = new StringBuilder(symbolTex).append(" = ");
            for (int i = 0; i < terms.size(); i++) {
                if (i > 0) {
                    b.append(" + ");
                }
                b.append(terms.get(i).tex());
            }
            return b.toString();
        }

        /**
         * The points of the chain of arrows: the carried point, its rescaled copy, then the running
         * sum after each further term. The last point is the sum of the terms.
         */
        public List<double[]> chain() {
            List<double[]> points = new ArrayList<>();
            Term first = terms.get(0);
            points.add(first.value().clone());
            double[] running = first.contribution();
            points.add(running.clone());
            for (int i = 1; i < terms.size(); i++) {
                double[] c = terms.get(i).contribution();
                for (int a = 0; a < running.length; a++) {
                    running[a] += c[a];
                }
                points.add(running.clone());
            }
            return points;
        }
    }

    /** Y_{t−1}: the last stage's point. */
    public double[] end() {
        return stages.get(stages.size() - 1).result();
    }

    /** The largest residual over the stages. */
    public double worstResidual() {
        double worst = 0;
        for (Stage s : stages) {
            double r = s.residual();
            worst = Double.isNaN(r) ? Double.NaN : Math.max(worst, r);
            if (Double.isNaN(worst)) {
                return worst;
            }
        }
        return worst;
    }

    /** Number of arrows (sub-steps) over all stages: one per term. */
    public int arrows() {
        return stages.stream().mapToInt(s -> s.terms().size()).sum();
    }
}
