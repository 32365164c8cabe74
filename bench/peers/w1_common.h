/* Workload W1 for ScoreScope's C peers: DDPM (001 eq. 10) on ring8 (8 Gaussians on a circle of
 * radius 4, covariances R diag(0.3, 0.05) R^T, equal weights), exact score of the noised mixture,
 * the 1000-step linear beta schedule subsampled at round(999 t / T), fresh noise every step.
 *
 * The noise is ScoreScope's own: particle p at step t draws from SplitMix64 read at counter
 * positions of the key RandomStreams.key(seed, FNV-1a("ddpm"), t, GAUSSIAN, 0) (Y_T: the key of
 * INITIAL_NOISE, step 0), and Box-Muller turns two 52-bit uniforms into two normals. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define K 8
#define GOLD 0x9E3779B97F4A7C15ULL

static double wall_now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }
static double cpu_now(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static uint64_t mix64(uint64_t z) {            /* SplitMix64's output function */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static uint64_t rs_mix(uint64_t z) { return mix64(z + GOLD); }   /* RandomStreams.mix */

/* RandomStreams.key(seed, sampler, step, kind, call) */
static uint64_t stream_key(uint64_t seed, uint64_t sampler, uint64_t step, uint64_t kind, uint64_t call) {
    uint64_t h = rs_mix(seed ^ 0x5CA1AB1E0DDBA11ULL);
    h = rs_mix(h ^ sampler);
    h = rs_mix(h ^ step * 0xC2B2AE3D27D4EB4FULL);
    return rs_mix(h ^ (call * 0x165667B19E3779F9ULL + kind));
}
static uint64_t fnv1a(const char *s) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++) { h ^= (unsigned char) *s; h *= 0x100000001b3ULL; }
    return h;
}
#define INITIAL_NOISE 0x1D171A15ULL
#define GAUSSIAN 1

/* [1, 2) from the top 52 bits */
static double one_to_two(uint64_t b) { uint64_t v = 0x3FF0000000000000ULL | (b >> 12); double d; memcpy(&d, &v, 8); return d; }

/* two standard normals of counter c under key (libm log/cos/sin) */
static void normal_pair(uint64_t key, uint64_t c, double *z0, double *z1) {
    uint64_t s = key + 2 * c * GOLD;
    double u1 = 2.0 - one_to_two(mix64(s + GOLD)), u2 = one_to_two(mix64(s + 2 * GOLD)) - 1.0;
    double r = sqrt(-2.0 * log(u1));
    *z0 = r * cos(2 * M_PI * u2);
    *z1 = r * sin(2 * M_PI * u2);
}

typedef struct { double m0[K], m1[K], p00[K], p01[K], p11[K], lc[K]; double drift, inv, noise; uint64_t key; } Step;

static double abar_fine[1000];
static double mu[K][2], cov[K][3];

static void setup(void) {
    double p = 1;
    for (int i = 0; i < 1000; i++) { p *= 1 - (1e-4 + (0.02 - 1e-4) * i / 999.0); abar_fine[i] = p; }
    for (int k = 0; k < K; k++) {
        double a = 2 * M_PI * k / K, c = cos(a), s = sin(a);
        mu[k][0] = 4 * c; mu[k][1] = 4 * s;
        cov[k][0] = 0.3 * c * c + 0.05 * s * s; cov[k][1] = (0.3 - 0.05) * c * s; cov[k][2] = 0.3 * s * s + 0.05 * c * c;
    }
}
static double abar_at(int t, int T) { return abar_fine[(int) llround(999.0 * t / T)]; }

/* per-step constants: noised means, precisions, log(pi) - 1/2 log det(2 pi C), DDPM coefficients */
static Step step_constants(int t, int T, uint64_t seed, uint64_t sampler) {
    Step S;
    double g = abar_at(t, T), alpha = g / abar_at(t - 1, T), sg = sqrt(g);
    for (int k = 0; k < K; k++) {
        double c0 = g * cov[k][0] + 1 - g, c1 = g * cov[k][1], c2 = g * cov[k][2] + 1 - g, det = c0 * c2 - c1 * c1;
        S.p00[k] = c2 / det; S.p01[k] = -c1 / det; S.p11[k] = c0 / det;
        S.lc[k] = log(1.0 / K) - 0.5 * log(det) - log(2 * M_PI);
        S.m0[k] = sg * mu[k][0]; S.m1[k] = sg * mu[k][1];
    }
    S.drift = 1 - alpha; S.inv = 1 / sqrt(alpha); S.noise = sqrt(1 - alpha);
    S.key = stream_key(seed, sampler, t, GAUSSIAN, 0);
    return S;
}

static void report(const char *name, long N, int T, int threads, double wall, double cpu, const double *x, const double *y) {
    double sx = 0, sy = 0;
    for (long i = 0; i < N; i++) { sx += x[i]; sy += y[i]; }
    printf("%s (%d threads) N=%ld T=%d: %.2f M particle-steps/s, %.2f M per CPU-second (mean %.6f %.6f)\n",
           name, threads, N, T, N * (double) T / wall / 1e6, N * (double) T / cpu / 1e6, sx / N, sy / N);
    fflush(stdout);
}
