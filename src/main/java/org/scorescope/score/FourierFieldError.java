package org.scorescope.score;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.UnitSphereSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.scorescope.distribution.CharacteristicFunction;
import org.scorescope.distribution.Target;

/**
 * A smooth random score error made of m random Fourier features (Rahimi and Recht's features of a
 * Gaussian kernel; docs/imperfect-scores.md, "field"):
 * <pre>
 *   g(x) = Σ_j u_j cos(ω_jᵀx + φ_j),   ω_j ~ N(0, f² I_d),  φ_j ~ U[0, 2π),  u_j uniform on the unit sphere,
 *   e_γ(x) = ε · g(x) / ρ(γ),           ρ(γ)² = E_{X~q_γ} ‖g(X)‖²,
 * </pre>
 * all drawn once from the seed. The normalisation is exact: with cos A cos B = ½(cos(A−B) + cos(A+B)),
 * ρ(γ)² = ½ Σ_{j,l} u_jᵀu_l Re[e^{i(φ_j−φ_l)} Φ_γ(ω_j−ω_l) + e^{i(φ_j+φ_l)} Φ_γ(ω_j+ω_l)] with the
 * noised law's characteristic function Φ_γ(ν) = φ₀(√γ ν) e^{−(1−γ)‖ν‖²/2} ({@link CharacteristicFunction}).
 * So E_{q_γ}‖e_γ‖² = ε² at every level and ε_score = ε exactly, whatever f; the Jacobian
 * −ε/ρ Σ_j u_j ω_jᵀ sin(ω_jᵀx + φ_j) grows like f, so the frequency sets ε_Jacobi independently
 * (about ε f √d). Cosines use {@link Math}, whose HotSpot intrinsics give the same bits in the interpreter and in compiled code.
 */
final class FourierFieldError implements ErrorTerm {
    /** Largest (feature pairs × target components) whose characteristic functions are kept. */
    static final long MAX_PREPARED = 8_000_000;

    private final double size;
    private final int m;
    private final int d;
    private final double[][] omega;
    private final double[] phase;
    private final double[][] u;
    private final double[][] gramU;
    private final double[][] gramOmega;
    private final CharacteristicFunction.Prepared[][] minus;
    private final CharacteristicFunction.Prepared[][] plus;
    private final ConcurrentHashMap<Double, Double> rho = new ConcurrentHashMap<>();

    FourierFieldError(Target target, double size, double frequency, int features, long seed, int components) {
        this.size = size;
        this.m = features;
        this.d = target.dim();
        if ((long) m * (m + 1) / 2 * Math.max(1, components) > MAX_PREPARED) {
            throw new IllegalArgumentException("features: " + m + " features on a target of " + components
                    + " components are too many to normalise exactly; use fewer features");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        UnitSphereSampler sphere = UnitSphereSampler.of(rng, d);
        omega = new double[m][d];
        phase = new double[m];
        u = new double[m][];
        for (int j = 0; j < m; j++) {
            for (int a = 0; a < d; a++) {
                omega[j][a] = frequency * g.sample();
            }
            phase[j] = 2 * Math.PI * rng.nextDouble();
            u[j] = sphere.sample();
        }
        gramU = new double[m][m];
        gramOmega = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int l = 0; l < m; l++) {
                gramU[j][l] = dot(u[j], u[l]);
                gramOmega[j][l] = dot(omega[j], omega[l]);
            }
        }
        CharacteristicFunction cf = CharacteristicFunction.of(target);
        minus = new CharacteristicFunction.Prepared[m][];
        plus = new CharacteristicFunction.Prepared[m][];
        double[] nu = new double[d];
        for (int j = 0; j < m; j++) {
            minus[j] = new CharacteristicFunction.Prepared[m];
            plus[j] = new CharacteristicFunction.Prepared[m];
            for (int l = j; l < m; l++) {
                if (l > j) {
                    for (int a = 0; a < d; a++) {
                        nu[a] = omega[j][a] - omega[l][a];
                    }
                    minus[j][l] = cf.prepare(nu);
                }
                for (int a = 0; a < d; a++) {
                    nu[a] = omega[j][a] + omega[l][a];
                }
                plus[j][l] = cf.prepare(nu);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** ρ(γ) = (E_{q_γ}‖g‖²)^{1/2}, exact, cached per level. */
    double rho(double gamma) {
        return rho.computeIfAbsent(gamma, this::computeRho);
    }

    private double computeRho(double gamma) {
        double sg = Math.sqrt(gamma);
        double noise = 1 - gamma;
        double[] phi = new double[2];
        double total = 0;
        for (int j = 0; j < m; j++) {
            for (int l = j; l < m; l++) {
                double weight = j == l ? 1 : 2;
                double e = 0;
                if (l == j) {
                    e += 1;
                } else {
                    double n2 = gramOmega[j][j] + gramOmega[l][l] - 2 * gramOmega[j][l];
                    minus[j][l].at(sg, phi);
                    e += Math.exp(-0.5 * noise * n2) * re(phase[j] - phase[l], phi);
                }
                double n2 = gramOmega[j][j] + gramOmega[l][l] + 2 * gramOmega[j][l];
                plus[j][l].at(sg, phi);
                e += Math.exp(-0.5 * noise * n2) * re(phase[j] + phase[l], phi);
                total += weight * gramU[j][l] * 0.5 * e;
            }
        }
        return Math.sqrt(Math.max(0, total));
    }

    private static double re(double psi, double[] phi) {
        return Math.cos(psi) * phi[0] - Math.sin(psi) * phi[1];
    }

    /** The field e_γ at n particles, added into {@code out}. */
    void addField(double[][] x, int n, double gamma, double[][] out) {
        double amp = size / rho(gamma);
        double[] theta = new double[n];
        for (int j = 0; j < m; j++) {
            double[] w = omega[j];
            java.util.Arrays.fill(theta, 0, n, phase[j]);
            for (int a = 0; a < d; a++) {
                double wa = w[a];
                double[] xa = x[a];
                for (int i = 0; i < n; i++) {
                    theta[i] += wa * xa[i];
                }
            }
            for (int i = 0; i < n; i++) {
                theta[i] = amp * Math.cos(theta[i]);
            }
            double[] uj = u[j];
            for (int a = 0; a < d; a++) {
                double ua = uj[a];
                double[] oa = out[a];
                for (int i = 0; i < n; i++) {
                    oa[i] += ua * theta[i];
                }
            }
        }
    }

    @Override
    public void eval(ScoreFunction exact, double[][] x, int n, double gamma, double[][] out) {
        exact.eval(x, n, gamma, out);
        if (size != 0) {
            addField(x, n, gamma, out);
        }
    }

    /** Field errors are normalised exactly per level; a level per particle would cost that normalisation per particle. */
    @Override
    public void evalLevels(ScoreFunction exact, double[][] x, int n, double[] gammas, double[][] out) {
        if (size == 0) {
            exact.evalLevels(x, n, gammas, out);
            return;
        }
        throw new UnsupportedOperationException(PER_PARTICLE_LEVELS);
    }

    /** Why a sampler that draws a level per particle cannot run with a field error. */
    static final String PER_PARTICLE_LEVELS = "field errors are normalised per noise level; samplers that draw a level per particle "
            + "(rand-midpoint) cannot use them";

    @Override
    public double jacobianError(Target target, double[] x, double gamma) {
        double amp = size / rho(gamma);
        double[] s = new double[m];
        for (int j = 0; j < m; j++) {
            s[j] = Math.sin(dot(omega[j], x) + phase[j]);
        }
        double f2 = 0;
        for (int j = 0; j < m; j++) {
            for (int l = 0; l < m; l++) {
                f2 += s[j] * s[l] * gramU[j][l] * gramOmega[j][l];
            }
        }
        return amp * Math.sqrt(Math.max(0, f2));
    }

    @Override
    public double[] along(double variance, double mean, double bias, double gamma) {
        return null;
    }
}
