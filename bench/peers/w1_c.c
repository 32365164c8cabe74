/* Workload W1 as a plain C loop (ScoreScope's C peer): one particle at a time, the K components in a
 * small loop, libm's exp/log/cos/sin, OpenMP over particles. See w1_common.h and README.md.
 * Build: make (or cc -O3 -march=native -fopenmp w1_c.c -o w1_c -lm)
 * Run:   OMP_NUM_THREADS=P OMP_WAIT_POLICY=passive ./w1_c [N] [T] [repeats] */
#include <omp.h>
#include "w1_common.h"

int main(int argc, char **argv) {
    long N = argc > 1 ? atol(argv[1]) : 1000000;
    int T = argc > 2 ? atoi(argv[2]) : 20, reps = argc > 3 ? atoi(argv[3]) : 1;
    if (N < 1 || T < 1 || reps < 1) { fprintf(stderr, "usage: %s [N] [T] [repeats]\n", argv[0]); return 2; }
    setup();
    double *x0 = malloc(N * 8), *y0 = malloc(N * 8), *x = malloc(N * 8), *y = malloc(N * 8);
    if (!x0 || !y0 || !x || !y) { fprintf(stderr, "out of memory\n"); return 1; }
    uint64_t seed = 1, sampler = fnv1a("ddpm"), k0 = stream_key(seed, INITIAL_NOISE, 0, GAUSSIAN, 0);
    for (long i = 0; i < N; i++) normal_pair(k0, (uint64_t) i, &x0[i], &y0[i]);
    for (int r = 0; r < reps; r++) {
        memcpy(x, x0, N * 8); memcpy(y, y0, N * 8);
        double w0 = wall_now(), c0 = cpu_now();
        for (int t = T; t >= 1; t--) {
            Step S = step_constants(t, T, seed, sampler);
            #pragma omp parallel for schedule(static)
            for (long i = 0; i < N; i++) {
                double lw[K], gx[K], gy[K], mx = -INFINITY;
                for (int k = 0; k < K; k++) {
                    double dx = x[i] - S.m0[k], dy = y[i] - S.m1[k];
                    gx[k] = S.p00[k] * dx + S.p01[k] * dy; gy[k] = S.p01[k] * dx + S.p11[k] * dy;
                    lw[k] = S.lc[k] - 0.5 * (dx * gx[k] + dy * gy[k]);
                    if (lw[k] > mx) mx = lw[k];
                }
                double sw = 0, sx = 0, sy = 0;
                for (int k = 0; k < K; k++) { double e = exp(lw[k] - mx); sw += e; sx -= e * gx[k]; sy -= e * gy[k]; }
                double z0, z1;
                normal_pair(S.key, (uint64_t) i, &z0, &z1);
                x[i] = (x[i] + S.drift * sx / sw) * S.inv + S.noise * z0;
                y[i] = (y[i] + S.drift * sy / sw) * S.inv + S.noise * z1;
            }
        }
        report("w1_c", N, T, omp_get_max_threads(), wall_now() - w0, cpu_now() - c0, x, y);
    }
    return 0;
}
