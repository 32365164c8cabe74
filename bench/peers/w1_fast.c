/* Workload W1 in C laid out for an AVX-512 machine (ScoreScope's vectorised C peer): the same
 * operations as ScoreScope's Java kernels, so a ratio to it isolates the JVM and the Vector API:
 *  - 8 particles per register (x and y in separate arrays), the K = 8 components' log weights and
 *    gradients kept in registers, the largest log weight, then the exponentials and weighted sums;
 *  - e^x as ScoreScope's ReproducibleExp: Cody-Waite reduction by ln 2, Taylor polynomial of degree
 *    13 (FMA Horner), 2^n in the exponent bits, 0 below -708;
 *  - noise as ScoreScope's CounterNormals: SplitMix64 at counter positions (64-bit lane multiplies),
 *    Box-Muller with fdlibm's log, sin and cos kernels, per-step constants broadcast once.
 * (A table-driven e^x of degree 7, as in the team's reference loop, is faster still; ScoreScope
 * cannot use one: the JDK 17 Vector API has no fast lane-indexed table lookup.)
 * Build: make (or cc -O3 -march=native -fopenmp w1_fast.c -o w1_fast -lm); needs AVX-512F/DQ.
 * Run:   OMP_NUM_THREADS=P OMP_WAIT_POLICY=passive ./w1_fast [N] [T] [repeats] [score]
 *        "score" times the score alone (M score evaluations per second). */
#include <omp.h>
#include "w1_common.h"
#if !defined(__AVX512F__) || !defined(__AVX512DQ__)
int main(void) { fprintf(stderr, "w1_fast needs AVX-512F and AVX-512DQ (build with -march=native on such a machine)\n"); return 1; }
#else
#include <immintrin.h>
typedef __m512d V;
typedef __m512i VI;
#define B(c) _mm512_set1_pd(c)

static inline V v_exp(V a) {                          /* ReproducibleExp.exp, lane by lane */
    static const double T[12] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
                                 1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 1.0 / 2.0};
    V kd = _mm512_fmadd_pd(a, B(1.4426950408889634), B(0x1.8p52));
    V n = _mm512_sub_pd(kd, B(0x1.8p52));
    V r = _mm512_fmadd_pd(n, B(-0.6931471805599453), a);
    r = _mm512_fmadd_pd(n, B(-2.3190468138462996e-17), r);
    V p = B(T[0]);
    for (int i = 1; i < 12; i++) p = _mm512_fmadd_pd(p, r, B(T[i]));
    p = _mm512_fmadd_pd(p, r, B(1.0));
    p = _mm512_fmadd_pd(p, r, B(1.0));
    VI bits = _mm512_slli_epi64(_mm512_sub_epi64(_mm512_castpd_si512(kd), _mm512_set1_epi64(0x4338000000000000LL - 1023)), 52);
    V e = _mm512_mul_pd(p, _mm512_castsi512_pd(bits));
    return _mm512_mask_blend_pd(_mm512_cmp_pd_mask(a, B(-708.0), _CMP_LT_OQ), e, _mm512_setzero_pd());
}
static inline V v_log(V x) {                          /* CounterNormals.log: fdlibm e_log.c kernel */
    VI bits = _mm512_castpd_si512(x);
    V e = _mm512_sub_pd(_mm512_castsi512_pd(_mm512_add_epi64(_mm512_srli_epi64(bits, 52), _mm512_set1_epi64(0x4338000000000000LL - 1023))), B(0x1.8p52));
    V m = _mm512_castsi512_pd(_mm512_or_si512(_mm512_and_si512(bits, _mm512_set1_epi64(0x000FFFFFFFFFFFFFLL)), _mm512_set1_epi64(0x3FF0000000000000LL)));
    __mmask8 big = _mm512_cmp_pd_mask(m, B(1.4142135623730951), _CMP_GT_OQ);
    m = _mm512_mask_mul_pd(m, big, m, B(0.5));
    e = _mm512_mask_add_pd(e, big, e, B(1.0));
    V f = _mm512_sub_pd(m, B(1.0)), s = _mm512_div_pd(f, _mm512_add_pd(f, B(2.0))), z = _mm512_mul_pd(s, s), w = _mm512_mul_pd(z, z);
    V t1 = _mm512_mul_pd(w, _mm512_fmadd_pd(w, _mm512_fmadd_pd(w, B(1.531383769920937332e-01), B(2.222219843214978396e-01)), B(3.999999999940941908e-01)));
    V t2 = _mm512_mul_pd(z, _mm512_fmadd_pd(w, _mm512_fmadd_pd(w, _mm512_fmadd_pd(w, B(1.479819860511658591e-01), B(1.818357216161805012e-01)), B(2.857142874366239149e-01)), B(6.666666666666735130e-01)));
    V hfsq = _mm512_mul_pd(_mm512_mul_pd(f, f), B(0.5));
    V q = _mm512_fmadd_pd(e, B(1.90821492927058770002e-10), _mm512_mul_pd(s, _mm512_add_pd(hfsq, _mm512_add_pd(t2, t1))));
    return _mm512_fmadd_pd(e, B(6.93147180369123816490e-01), _mm512_sub_pd(f, _mm512_sub_pd(hfsq, q)));
}
static inline void v_cossin2pi(V u, V *c, V *s) {    /* CounterNormals.cos2pi / sin2pi */
    V kd = _mm512_fmadd_pd(u, B(4.0), B(0x1.8p52));
    VI q = _mm512_castpd_si512(kd);
    V x = _mm512_mul_pd(_mm512_fmadd_pd(_mm512_sub_pd(kd, B(0x1.8p52)), B(-0.25), u), B(6.283185307179586));
    V z = _mm512_mul_pd(x, x), v = _mm512_mul_pd(z, x);
    V rs = _mm512_fmadd_pd(z, _mm512_fmadd_pd(z, _mm512_fmadd_pd(z, _mm512_fmadd_pd(z, B(1.58969099521155010221e-10), B(-2.50507602534068634195e-08)), B(2.75573137070700676789e-06)), B(-1.98412698298579493134e-04)), B(8.33333333332248946124e-03));
    V sn = _mm512_fmadd_pd(v, _mm512_fmadd_pd(z, rs, B(-1.66666666666666324348e-01)), x);
    V rc = _mm512_mul_pd(z, _mm512_fmadd_pd(z, _mm512_fmadd_pd(z, _mm512_fmadd_pd(z, _mm512_fmadd_pd(z, _mm512_fmadd_pd(z, B(-1.13596475577881948265e-11), B(2.08757232129817482790e-09)), B(-2.75573143513906633035e-07)), B(2.48015872894767294178e-05)), B(-1.38888888888741095749e-03)), B(4.16666666666666019037e-02)));
    V hz = _mm512_mul_pd(z, B(0.5)), w = _mm512_sub_pd(B(1.0), hz);
    V cs = _mm512_add_pd(w, _mm512_fmadd_pd(z, rc, _mm512_sub_pd(_mm512_sub_pd(B(1.0), w), hz)));
    __mmask8 odd = _mm512_test_epi64_mask(q, _mm512_set1_epi64(1)), two = _mm512_test_epi64_mask(q, _mm512_set1_epi64(2));
    V cc = _mm512_mask_blend_pd(odd, cs, sn), ss = _mm512_mask_blend_pd(odd, sn, cs);
    *c = _mm512_mask_sub_pd(cc, odd ^ two, _mm512_setzero_pd(), cc);
    *s = _mm512_mask_sub_pd(ss, two, _mm512_setzero_pd(), ss);
}
static inline VI v_mix(VI z) {
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), _mm512_set1_epi64((long long) 0xBF58476D1CE4E5B9ULL));
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), _mm512_set1_epi64((long long) 0x94D049BB133111EBULL));
    return _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
}
static inline V v_unit(VI b) { return _mm512_castsi512_pd(_mm512_or_si512(_mm512_srli_epi64(b, 12), _mm512_set1_epi64(0x3FF0000000000000LL))); }

/* particles [lo, hi) (multiples of 8) of one step; score_only: the score into (ox, oy) */
static void block(const Step *S, double *x, double *y, long lo, long hi, int score_only, double *ox, double *oy) {
    V m0[K], m1[K], p00[K], p01[K], p11[K], lc[K];
    for (int k = 0; k < K; k++) { m0[k] = B(S->m0[k]); m1[k] = B(S->m1[k]); p00[k] = B(S->p00[k]); p01[k] = B(S->p01[k]); p11[k] = B(S->p11[k]); lc[k] = B(S->lc[k]); }
    VI lane = _mm512_mullo_epi64(_mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0), _mm512_set1_epi64((long long) (2 * GOLD)));
    for (long i = lo; i < hi; i += 8) {
        V X = _mm512_loadu_pd(x + i), Y = _mm512_loadu_pd(y + i), lw[K], gx[K], gy[K], mx = B(-INFINITY);
        for (int k = 0; k < K; k++) {
            V dx = _mm512_sub_pd(X, m0[k]), dy = _mm512_sub_pd(Y, m1[k]);
            gx[k] = _mm512_fmadd_pd(dy, p01[k], _mm512_mul_pd(dx, p00[k]));
            gy[k] = _mm512_fmadd_pd(dy, p11[k], _mm512_mul_pd(dx, p01[k]));
            lw[k] = _mm512_fmadd_pd(_mm512_fmadd_pd(dy, gy[k], _mm512_mul_pd(dx, gx[k])), B(-0.5), lc[k]);
            mx = _mm512_max_pd(mx, lw[k]);
        }
        V sw = _mm512_setzero_pd(), sx = sw, sy = sw;
        for (int k = 0; k < K; k++) {
            V e = v_exp(_mm512_sub_pd(lw[k], mx));
            sw = _mm512_add_pd(sw, e); sx = _mm512_fmadd_pd(e, gx[k], sx); sy = _mm512_fmadd_pd(e, gy[k], sy);
        }
        sx = _mm512_div_pd(_mm512_sub_pd(_mm512_setzero_pd(), sx), sw);
        sy = _mm512_div_pd(_mm512_sub_pd(_mm512_setzero_pd(), sy), sw);
        if (score_only) { _mm512_storeu_pd(ox + i, sx); _mm512_storeu_pd(oy + i, sy); continue; }
        VI s = _mm512_add_epi64(lane, _mm512_set1_epi64((long long) (S->key + 2 * (uint64_t) i * GOLD)));
        V u1 = _mm512_sub_pd(B(2.0), v_unit(v_mix(_mm512_add_epi64(s, _mm512_set1_epi64((long long) GOLD)))));
        V u2 = _mm512_sub_pd(v_unit(v_mix(_mm512_add_epi64(s, _mm512_set1_epi64((long long) (2 * GOLD))))), B(1.0));
        V r = _mm512_sqrt_pd(_mm512_mul_pd(v_log(u1), B(-2.0))), c, sn;
        v_cossin2pi(u2, &c, &sn);
        V rn = _mm512_mul_pd(B(S->noise), r);
        _mm512_storeu_pd(x + i, _mm512_fmadd_pd(rn, c, _mm512_mul_pd(_mm512_fmadd_pd(B(S->drift), sx, X), B(S->inv))));
        _mm512_storeu_pd(y + i, _mm512_fmadd_pd(rn, sn, _mm512_mul_pd(_mm512_fmadd_pd(B(S->drift), sy, Y), B(S->inv))));
    }
}

int main(int argc, char **argv) {
    long N = argc > 1 ? atol(argv[1]) : 1000000;
    int T = argc > 2 ? atoi(argv[2]) : 20, reps = argc > 3 ? atoi(argv[3]) : 1, score_only = argc > 4 && !strcmp(argv[4], "score");
    if (N < 1 || T < 1 || reps < 1) { fprintf(stderr, "usage: %s [N] [T] [repeats] [score]\n", argv[0]); return 2; }
    setup();
    long Np = (N + 7) / 8 * 8;
    double *x0 = calloc(Np, 8), *y0 = calloc(Np, 8), *x = calloc(Np, 8), *y = calloc(Np, 8), *ox = calloc(Np, 8), *oy = calloc(Np, 8);
    if (!x0 || !y0 || !x || !y || !ox || !oy) { fprintf(stderr, "out of memory\n"); return 1; }
    uint64_t seed = 1, sampler = fnv1a("ddpm"), k0 = stream_key(seed, INITIAL_NOISE, 0, GAUSSIAN, 0);
    for (long i = 0; i < N; i++) normal_pair(k0, (uint64_t) i, &x0[i], &y0[i]);
    const long chunk = 2048;
    for (int r = 0; r < reps; r++) {
        memcpy(x, x0, Np * 8); memcpy(y, y0, Np * 8);
        double w0 = wall_now(), c0 = cpu_now();
        for (int t = T; t >= 1; t--) {
            Step S = step_constants(t, T, seed, sampler);
            long chunks = (Np + chunk - 1) / chunk;
            #pragma omp parallel for schedule(dynamic)
            for (long c = 0; c < chunks; c++) block(&S, x, y, c * chunk, c + 1 < chunks ? (c + 1) * chunk : Np, score_only, ox, oy);
        }
        report(score_only ? "w1_fast score" : "w1_fast", N, T, omp_get_max_threads(), wall_now() - w0, cpu_now() - c0,
               score_only ? ox : x, score_only ? oy : y);
    }
    return 0;
}
#endif
