"""Reproduces the coefficients of org.scorescope.math.MillsRatio (needs mpmath).

M(t) = Phi(-t)/phi(t) = sqrt(pi/2) erfcx(t/sqrt 2), t >= 0. Fit y(u) = (1 + C t) M(t), with
u = (t - K)/(t + K) in [-1, 1), by a rational P(u)/Q(u) of degree (10, 10): linearised least
squares of (P - y Q)/(y Q_previous) on Chebyshev nodes, iterated (Loeb's method). Then multiply
out by (t + K)^10 into polynomials in t, fold (1 + C t) into the denominator, normalise Q(0) = 1.
"""
import mpmath as mp

mp.mp.dps = 50
K, C, DEG, NODES, ITERATIONS = 4, 1.25, 10, 400, 16


def mills(t):
    return mp.sqrt(mp.pi / 2) * mp.erfc(t / mp.sqrt(2)) * mp.exp(t * t / 2)


def fit():
    us = [mp.cos(mp.pi * (j + mp.mpf(1) / 2) / NODES) for j in range(NODES)]
    ys = [(1 + C * t) * mills(t) for t in (K * (1 + u) / (1 - u) for u in us)]
    q = [mp.mpf(1)] + [mp.mpf(0)] * DEG
    for _ in range(ITERATIONS):
        rows, rhs = [], []
        for u, y in zip(us, ys):
            w = 1 / (y * mp.polyval(q[::-1], u))
            rows.append([w * u ** i for i in range(DEG + 1)] + [-w * y * u ** j for j in range(1, DEG + 1)])
            rhs.append(w * y)
        a, b = mp.matrix(rows), mp.matrix(rhs)
        sol = mp.lu_solve(a.T * a, a.T * b)
        p = [sol[i] for i in range(DEG + 1)]
        q = [mp.mpf(1)] + [sol[DEG + 1 + j] for j in range(DEG)]
    return p, q


def in_t(coef):
    """sum a_i u^i times (t + K)^DEG, u = (t - K)/(t + K), as coefficients in t (constant first)."""
    res = [mp.mpf(0)] * (DEG + 1)
    for i, a in enumerate(coef):
        poly = [mp.mpf(1)]
        for sign, times in ((-1, i), (1, DEG - i)):
            for _ in range(times):
                poly = [(poly[j - 1] if j > 0 else 0) + sign * K * (poly[j] if j < len(poly) else 0)
                        for j in range(len(poly) + 1)]
        for j in range(DEG + 1):
            res[j] += a * poly[j]
    return res


p, q = fit()
pt, qt = in_t(p), in_t(q)
qh = [mp.mpf(0)] * (DEG + 2)
for j, a in enumerate(qt):
    qh[j] += a
    qh[j + 1] += C * a
s = qh[0]
print("P = {" + ", ".join(repr(float(a / s)) for a in pt) + "}")
print("Q = {" + ", ".join(repr(float(a / s)) for a in qh) + "}")
