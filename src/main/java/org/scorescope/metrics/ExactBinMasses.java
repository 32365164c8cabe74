package org.scorescope.metrics;

import org.scorescope.distribution.BoxMixture;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;

/**
 * The exact probability of every bin under X(γ) (docs/algorithms.md §6). Gaussian mixtures use the
 * CDF at the grid corners and inclusion–exclusion ((B+1)² bivariate CDFs per component instead of
 * 4B²); box mixtures factor per axis; any other target asks {@link Target#boxMass} per bin.
 */
public final class ExactBinMasses {
    private ExactBinMasses() {
    }

    /**
     * @param target a target of dimension {@code binning.dim()} (take a marginal first)
     * @param binning the bins
     * @param gamma the level
     * @return masses, indexed like {@link Binning#index}
     */
    public static double[] compute(Target target, Binning binning, double gamma) {
        if (target.dim() != binning.dim()) {
            throw new IllegalArgumentException("target has dimension " + target.dim() + ", binning " + binning.dim());
        }
        if (target instanceof BoxMixture box) {
            return boxMixture(box, binning, gamma);
        }
        if (target instanceof GaussianMixture g && binning.dim() == 2) {
            return gaussianCorners(g, binning, gamma);
        }
        return perBin(target, binning, gamma);
    }

    private static double[] perBin(Target target, Binning b, double gamma) {
        double[] out = new double[b.size()];
        double[] ex = b.edges(0);
        if (b.dim() == 1) {
            for (int i = 0; i < b.bins()[0]; i++) {
                out[i] = target.boxMass(new double[] {ex[i]}, new double[] {ex[i + 1]}, gamma);
            }
            return out;
        }
        double[] ey = b.edges(1);
        int by = b.bins()[1];
        for (int i = 0; i < b.bins()[0]; i++) {
            for (int j = 0; j < by; j++) {
                out[i * by + j] = target.boxMass(new double[] {ex[i], ey[j]}, new double[] {ex[i + 1], ey[j + 1]}, gamma);
            }
        }
        return out;
    }

    private static double[] gaussianCorners(GaussianMixture g, Binning b, double gamma) {
        double[] ex = b.edges(0);
        double[] ey = b.edges(1);
        int bx = b.bins()[0];
        int by = b.bins()[1];
        double[] out = new double[bx * by];
        GaussianMixture.Level level = g.level(gamma);
        double[] cdf = new double[(bx + 1) * (by + 1)];
        for (int c = 0; c < g.components(); c++) {
            double mx = level.mean[c][0];
            double my = level.mean[c][1];
            double sx = Math.sqrt(level.covariance[c][0]);
            double sy = Math.sqrt(level.covariance[c][3]);
            double rho = Math.max(-1, Math.min(1, level.covariance[c][1] / (sx * sy)));
            for (int i = 0; i <= bx; i++) {
                double h = (ex[i] - mx) / sx;
                for (int j = 0; j <= by; j++) {
                    cdf[i * (by + 1) + j] = org.scorescope.math.BivariateNormal.cdf(h, (ey[j] - my) / sy, rho);
                }
            }
            double w = g.weight(c);
            for (int i = 0; i < bx; i++) {
                for (int j = 0; j < by; j++) {
                    double m = cdf[(i + 1) * (by + 1) + j + 1] - cdf[i * (by + 1) + j + 1]
                            - cdf[(i + 1) * (by + 1) + j] + cdf[i * (by + 1) + j];
                    out[i * by + j] += w * Math.max(0, m);
                }
            }
        }
        return out;
    }

    private static double[] boxMixture(BoxMixture box, Binning b, double gamma) {
        int d = b.dim();
        double[] out = new double[b.size()];
        double[][] edges = new double[d][];
        for (int a = 0; a < d; a++) {
            edges[a] = b.edges(a);
        }
        for (int j = 0; j < box.boxes(); j++) {
            BoxMixture single = new BoxMixture(new double[] {1}, new double[][] {box.lower(j)}, new double[][] {box.upper(j)});
            double[][] axisMass = new double[d][];
            for (int a = 0; a < d; a++) {
                axisMass[a] = new double[b.bins()[a]];
                BoxMixture axis = (BoxMixture) single.marginal(a);
                for (int i = 0; i < b.bins()[a]; i++) {
                    axisMass[a][i] = axis.boxMass(new double[] {edges[a][i]}, new double[] {edges[a][i + 1]}, gamma);
                }
            }
            double w = box.weight(j);
            if (d == 1) {
                for (int i = 0; i < b.bins()[0]; i++) {
                    out[i] += w * axisMass[0][i];
                }
            } else {
                int by = b.bins()[1];
                for (int i = 0; i < b.bins()[0]; i++) {
                    for (int k = 0; k < by; k++) {
                        out[i * by + k] += w * axisMass[0][i] * axisMass[1][k];
                    }
                }
            }
        }
        return out;
    }
}
