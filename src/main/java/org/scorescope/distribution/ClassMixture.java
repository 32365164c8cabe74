package org.scorescope.distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A mixture target whose components carry class labels (003, Part 4, "class-conditional sampling",
 * lines ~2110–2190). With components k of weight π_k and class c(k),
 * p(x) = Σ_c π_c p(x | c), π_c = Σ_{k: c(k)=c} π_k, p(x | c) = Σ_{k: c(k)=c} π_k p_k(x) / π_c.
 * Noising keeps the class structure: X(γ) = √γ X₀ + √(1−γ) Z has p_γ(x | c) built from the same
 * components noised, so at every level γ everything here is closed form:
 * <ul>
 *   <li>the class posterior p_γ(c | x) = π_c p_γ(x | c) / p_γ(x) (log space: a softmax over classes),</li>
 *   <li>the conditional score ∇log p_γ(x | c) (the conditional is itself a mixture target),</li>
 *   <li>the guidance term ∇log p_γ(c | x) = ∇log p_γ(x | c) − ∇log p_γ(x) (Bayes' rule, 003 line ~2240).</li>
 * </ul>
 * The unconditional target is the one the labels were given for, unchanged, so that runs without
 * guidance use exactly the same code. Conditionals of Gaussian-only classes are {@link GaussianMixture}s,
 * of box-only classes {@link BoxMixture}s, otherwise a {@link CompositeTarget} of the two, so the fast
 * kernels and exact bin masses apply to them as well.
 */
public final class ClassMixture {
    private final Target unconditional;
    private final int[] labels;
    private final int[] ids;
    private final Target[] conditionals;
    private final double[] priors;
    private final List<Part>[] members;
    private final boolean noiseFreeClassifier;

    /** One component: a Gaussian (mean, covariance) or a box (lo, hi), with its global weight. */
    private record Part(double weight, double[] mean, double[][] covariance, double[] lo, double[] hi) {
        boolean gaussian() {
            return mean != null;
        }
    }

    @SuppressWarnings("unchecked")
    private ClassMixture(Target unconditional, List<Part> parts, int[] classes) {
        if (classes.length != parts.size()) {
            throw new IllegalArgumentException("classes must have one entry per component (" + parts.size() + "), had " + classes.length);
        }
        TreeMap<Integer, List<Part>> byClass = new TreeMap<>();
        for (int k = 0; k < classes.length; k++) {
            if (classes[k] < 0) {
                throw new IllegalArgumentException("classes[" + k + "] must be a class id >= 0, was " + classes[k]);
            }
            byClass.computeIfAbsent(classes[k], c -> new ArrayList<>()).add(parts.get(k));
        }
        if (byClass.size() < 2) {
            throw new IllegalArgumentException("classes must name at least 2 distinct classes, had only class " + byClass.firstKey());
        }
        this.unconditional = unconditional;
        this.labels = classes.clone();
        int n = byClass.size();
        ids = new int[n];
        conditionals = new Target[n];
        priors = new double[n];
        members = new List[n];
        int j = 0;
        boolean gaussianOnly = true;
        for (var e : byClass.entrySet()) {
            ids[j] = e.getKey();
            members[j] = List.copyOf(e.getValue());
            for (Part p : e.getValue()) {
                priors[j] += p.weight();
                gaussianOnly &= p.gaussian() && minEigenvalue(p.covariance()) > 1e-12;
            }
            if (!(priors[j] > 0)) {
                throw new IllegalArgumentException("classes: class " + ids[j] + " has zero total weight");
            }
            conditionals[j] = build(e.getValue());
            j++;
        }
        noiseFreeClassifier = gaussianOnly;
    }

    /**
     * @param target a {@link GaussianMixture}, {@link BoxMixture} or {@link CompositeTarget} of those
     * @param classes one class id (≥ 0) per component, in the target's component order (for a
     *     composite, its parts' components in turn); at least two distinct ids
     * @throws IllegalArgumentException starting with "classes" when the labels do not fit the target
     */
    public static ClassMixture of(Target target, int[] classes) {
        List<Part> parts = new ArrayList<>();
        flatten(target, 1.0, parts);
        return new ClassMixture(target, parts, classes);
    }

    /** Number of components a target offers to label, or −1 when it cannot carry classes. */
    public static int components(Target target) {
        List<Part> parts = new ArrayList<>();
        try {
            flatten(target, 1.0, parts);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        return parts.size();
    }

    private static void flatten(Target t, double weight, List<Part> out) {
        if (t instanceof GaussianMixture g) {
            for (int k = 0; k < g.components(); k++) {
                out.add(new Part(weight * g.weight(k), g.mean(k), g.covariance(k), null, null));
            }
        } else if (t instanceof BoxMixture b) {
            for (int k = 0; k < b.boxes(); k++) {
                out.add(new Part(weight * b.weight(k), null, null, b.lower(k), b.upper(k)));
            }
        } else if (t instanceof CompositeTarget c) {
            for (int i = 0; i < c.parts(); i++) {
                flatten(c.part(i), weight * c.partWeight(i), out);
            }
        } else {
            throw new IllegalArgumentException("classes are given per component of a gaussian-mixture, box-mixture or mixture target");
        }
    }

    private static Target build(List<Part> parts) {
        List<Part> g = parts.stream().filter(Part::gaussian).toList();
        List<Part> b = parts.stream().filter(p -> !p.gaussian()).toList();
        Target gm = g.isEmpty() ? null : new GaussianMixture(g.stream().mapToDouble(Part::weight).toArray(),
                g.stream().map(Part::mean).toArray(double[][]::new), g.stream().map(Part::covariance).toArray(double[][][]::new));
        Target bm = b.isEmpty() ? null : new BoxMixture(b.stream().mapToDouble(Part::weight).toArray(),
                b.stream().map(Part::lo).toArray(double[][]::new), b.stream().map(Part::hi).toArray(double[][]::new));
        if (bm == null) {
            return gm;
        }
        if (gm == null) {
            return bm;
        }
        return new CompositeTarget(new Target[] {gm, bm}, new double[] {
            g.stream().mapToDouble(Part::weight).sum(), b.stream().mapToDouble(Part::weight).sum()});
    }

    private static double minEigenvalue(double[][] s) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(s)).getRealEigenvalues();
        return Arrays.stream(ev).min().orElse(0);
    }

    /** The unconditional target p (the labelled mixture itself). */
    public Target unconditional() {
        return unconditional;
    }

    /** Dimension d. */
    public int dim() {
        return unconditional.dim();
    }

    /** The distinct class ids, ascending. */
    public int[] classIds() {
        return ids.clone();
    }

    /** A copy of the labels, one per component. */
    public int[] labels() {
        return labels.clone();
    }

    /** Whether {@code id} is one of the classes. */
    public boolean has(int id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    private int index(int id) {
        int j = Arrays.binarySearch(ids, id);
        if (j < 0) {
            throw new IllegalArgumentException("class " + id + " is not one of the target's classes " + Arrays.toString(ids));
        }
        return j;
    }

    /** The conditional law p(x | c), itself a target with closed-form noised marginals. */
    public Target conditional(int id) {
        return conditionals[index(id)];
    }

    /** The prior π_c. */
    public double prior(int id) {
        return priors[index(id)];
    }

    /**
     * Whether the noise-free classifier p(c | x₀) (level γ = 1) is a smooth positive function: true
     * when every component is a Gaussian with a non-singular covariance. Box components make it an
     * indicator; then only the early-stopped classifier p_γ(c | x), γ &lt; 1, is used.
     */
    public boolean hasNoiseFreeClassifier() {
        return noiseFreeClassifier;
    }

    private void checkLevel(double gamma) {
        if (!(gamma > 0 && gamma < 1) && !(gamma == 1 && noiseFreeClassifier)) {
            throw new IllegalArgumentException("the class posterior is evaluated at levels in (0, 1)"
                    + (noiseFreeClassifier ? " or at 1" : "; at 1 only when every class is a non-singular Gaussian mixture") + ", was " + gamma);
        }
    }

    /**
     * log p_γ(c | x) for n particles: log π_c + log p_γ(x | c) − log p_γ(x), both log-densities exact.
     *
     * @param gamma the level, in (0, 1), or 1 when {@link #hasNoiseFreeClassifier()}
     */
    public void logPosterior(double[][] x, int n, double gamma, int id, double[] out) {
        checkLevel(gamma);
        int j = index(id);
        double[] all = new double[n];
        conditionals[j].logDensityBatch(x, n, gamma, out);
        unconditional.logDensityBatch(x, n, gamma, all);
        double logPrior = Math.log(priors[j]);
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(0, logPrior + out[i] - all[i]);
        }
    }

    /** p_γ(c | x) at one point. */
    public double posterior(double[] x, double gamma, int id) {
        double[][] p = new double[x.length][1];
        for (int a = 0; a < x.length; a++) {
            p[a][0] = x[a];
        }
        double[] out = new double[1];
        logPosterior(p, 1, gamma, id, out);
        return Math.exp(out[0]);
    }

    /** The conditional score ∇log p_γ(x | c) at one point. */
    public void conditionalScore(double[] x, double gamma, int id, double[] out) {
        conditional(id).score(x, gamma, out);
    }

    /**
     * The guidance term ∇log p_γ(c | x) = ∇log p_γ(x | c) − ∇log p_γ(x) at one point (003 line ~2230:
     * the term w ∇log p_{c|X_{1−t}}(c | Y) that guidance adds to the drift).
     */
    public void guidanceTerm(double[] x, double gamma, int id, double[] out) {
        double[] s = new double[x.length];
        conditional(id).score(x, gamma, out);
        unconditional.score(x, gamma, s);
        for (int a = 0; a < x.length; a++) {
            out[a] -= s[a];
        }
    }

    /** The mean of p_γ(x | c): √γ times the mean of p(x₀ | c). */
    public double[] mean(int id, double gamma) {
        int d = dim();
        double[] m = new double[d];
        int j = index(id);
        for (Part p : members[j]) {
            double[] mk = partMean(p);
            for (int a = 0; a < d; a++) {
                m[a] += p.weight() / priors[j] * Math.sqrt(gamma) * mk[a];
            }
        }
        return m;
    }

    /** The covariance of p_γ(x | c): γ Cov(x₀ | c) + (1−γ) I, exact (law of total covariance over components). */
    public double[][] covariance(int id, double gamma) {
        int d = dim();
        int j = index(id);
        double[] m = mean(id, gamma);
        double[][] c = new double[d][d];
        for (Part p : members[j]) {
            double w = p.weight() / priors[j];
            double[] mk = partMean(p);
            double[][] ck = partCovariance(p);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    c[a][b] += w * (gamma * ck[a][b] + gamma * mk[a] * mk[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                c[a][b] -= m[a] * m[b];
            }
            c[a][a] += 1 - gamma;
        }
        return c;
    }

    private static double[] partMean(Part p) {
        if (p.gaussian()) {
            return p.mean();
        }
        double[] m = new double[p.lo().length];
        for (int a = 0; a < m.length; a++) {
            m[a] = 0.5 * (p.lo()[a] + p.hi()[a]);
        }
        return m;
    }

    private static double[][] partCovariance(Part p) {
        if (p.gaussian()) {
            return p.covariance();
        }
        int d = p.lo().length;
        double[][] c = new double[d][d];
        for (int a = 0; a < d; a++) {
            double w = p.hi()[a] - p.lo()[a];
            c[a][a] = w * w / 12;
        }
        return c;
    }

    /**
     * The class's region at level γ: the union of the 2-sd ellipses
     * (x − √γ μ_k)ᵀ C_k⁻¹ (x − √γ μ_k) ≤ 4, C_k = γ Σ_k + (1−γ) I, of its Gaussian components and of
     * its boxes scaled by √γ. Guidance pushing mass "to the boundary of the support" (003 line ~2290,
     * Chidambaram et al. '24) shows as mass leaving it.
     */
    public Region region(int id, double gamma) {
        return new Region(members[index(id)], gamma, dim());
    }

    /** A class's region at one level, prepared once; see {@link ClassMixture#region}. Immutable. */
    public static final class Region {
        private final double[][] centres;
        private final double[][] precisions;
        private final double[][] lows;
        private final double[][] highs;
        private final int d;

        private Region(List<Part> parts, double gamma, int d) {
            this.d = d;
            List<Part> g = parts.stream().filter(Part::gaussian).toList();
            List<Part> b = parts.stream().filter(p -> !p.gaussian()).toList();
            double sg = Math.sqrt(gamma);
            centres = new double[g.size()][d];
            precisions = new double[g.size()][];
            for (int k = 0; k < g.size(); k++) {
                double[][] c = new double[d][d];
                for (int a = 0; a < d; a++) {
                    centres[k][a] = sg * g.get(k).mean()[a];
                    for (int bb = 0; bb < d; bb++) {
                        c[a][bb] = gamma * g.get(k).covariance()[a][bb] + (a == bb ? 1 - gamma : 0);
                    }
                }
                var inv = new org.apache.commons.math3.linear.LUDecomposition(new Array2DRowRealMatrix(c)).getSolver().getInverse();
                precisions[k] = new double[d * d];
                for (int a = 0; a < d; a++) {
                    for (int bb = 0; bb < d; bb++) {
                        precisions[k][a * d + bb] = inv.getEntry(a, bb);
                    }
                }
            }
            lows = new double[b.size()][d];
            highs = new double[b.size()][d];
            for (int k = 0; k < b.size(); k++) {
                for (int a = 0; a < d; a++) {
                    lows[k][a] = sg * b.get(k).lo()[a];
                    highs[k][a] = sg * b.get(k).hi()[a];
                }
            }
        }

        /** Whether particle i of x[axis][i] lies in the region. */
        public boolean contains(double[][] x, int i) {
            for (int k = 0; k < centres.length; k++) {
                double q = 0;
                for (int a = 0; a < d; a++) {
                    double ra = x[a][i] - centres[k][a];
                    for (int b = 0; b < d; b++) {
                        q += ra * precisions[k][a * d + b] * (x[b][i] - centres[k][b]);
                    }
                }
                if (q <= 4) {
                    return true;
                }
            }
            for (int k = 0; k < lows.length; k++) {
                boolean inside = true;
                for (int a = 0; a < d && inside; a++) {
                    inside = x[a][i] >= lows[k][a] && x[a][i] <= highs[k][a];
                }
                if (inside) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The smallest standard deviation of a noised Gaussian component at level γ (infinite when
     * there are none): smooth parts of the law vary on no shorter scale.
     */
    public double gaussianScale(double gamma) {
        double s = Double.POSITIVE_INFINITY;
        for (List<Part> ps : members) {
            for (Part p : ps) {
                if (p.gaussian()) {
                    s = Math.min(s, Math.sqrt(gamma * Math.max(0, minEigenvalue(p.covariance())) + 1 - gamma));
                }
            }
        }
        return s;
    }

    /**
     * The edges √γ lo, √γ hi of every box component along one axis, ascending and distinct (empty
     * when there are no boxes). At level γ a box's density falls from its plateau to zero across
     * each edge within a few √(1−γ): quadrature must resolve these places.
     */
    public double[] boxEdges(int axis, double gamma) {
        java.util.TreeSet<Double> e = new java.util.TreeSet<>();
        for (List<Part> ps : members) {
            for (Part p : ps) {
                if (!p.gaussian()) {
                    e.add(Math.sqrt(gamma) * p.lo()[axis]);
                    e.add(Math.sqrt(gamma) * p.hi()[axis]);
                }
            }
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The smallest side of a box component (infinite when there are none). */
    public double smallestBoxSide() {
        double s = Double.POSITIVE_INFINITY;
        for (List<Part> ps : members) {
            for (Part p : ps) {
                if (!p.gaussian()) {
                    for (int a = 0; a < p.lo().length; a++) {
                        s = Math.min(s, p.hi()[a] - p.lo()[a]);
                    }
                }
            }
        }
        return s;
    }

    /**
     * Exact draws from the tilted law q_γ(x) ∝ p_γ(x) p_γ(c | x)^{1+w} (003 line ~2250, "appears to
     * sample from") into particles [from, to): since q_γ ∝ p_γ(x | c) p_γ(c | x)^w and
     * p_γ(c | x)^w ≤ 1, a draw of p_γ(x | c) is accepted with probability p_γ(c | x)^w.
     *
     * @throws IllegalStateException when fewer than one draw in 10⁵ is accepted
     */
    public void sampleTilted(int id, double w, double gamma, UniformRandomProvider rng, double[][] out, int from, int to) {
        Target cond = conditional(id);
        int d = dim();
        int batch = 1024;
        double[][] buf = new double[d][batch];
        double[] logp = new double[batch];
        int filled = from;
        long tried = 0;
        while (filled < to) {
            cond.sample(gamma, rng, buf, 0, batch);
            logPosterior(buf, batch, gamma, id, logp);
            for (int i = 0; i < batch && filled < to; i++) {
                if (w == 0 || rng.nextDouble() < Math.exp(w * logp[i])) {
                    for (int a = 0; a < d; a++) {
                        out[a][filled] = buf[a][i];
                    }
                    filled++;
                }
            }
            tried += batch;
            if (tried > 100_000L * Math.max(1, filled - from) + 10_000_000L) {
                throw new IllegalStateException("tilted law: acceptance below 1e-5 (w = " + w + ")");
            }
        }
    }
}
