"""Reference scores of 2D box mixtures at 60 digits (needs mpmath); writes the test resource
src/test/resources/org/scorescope/distribution/box-score-reference.csv read by BoxKernelTest.

The law of sqrt(g) U + sqrt(1-g) Z, U uniform on a box mixture (docs/algorithms.md section 2):
per axis and interval [a, b], D = Phi(z_a) - Phi(z_b), N = phi(z_a) - phi(z_b), z_e = (x - s e)/sigma,
and the score is sum_j c_j N_x D_y / (sigma sum_j c_j D_x D_y) (and symmetrically), c_j = w_j/area_j.
s = sqrt(g) and sigma = sqrt(1 - g) are the doubles the Java code computes (Python's math.sqrt and
float subtraction round the same way), taken exactly: the reference is the exact score for the
level the code is given. The last column is the score's condition number for relative changes
of x and of the noised endpoints (what rounding z = (x - s e)/sigma in doubles costs any method),
relative to max(|score|, 1/sigma). Points: draws of the law, far points (up to 1e6 sigma), box corners,
points near corners, empty cells; 20 levels from 1e-14 to 1 - 1e-9.
"""
import math
import random

import mpmath as mp

mp.mp.dps = 60
LEVELS = [1e-14, 1e-9, 1e-7, 2.5e-7, 1e-6, 3e-6, 1e-5, 1e-4, 1e-3, 0.02, 0.1, 0.3, 0.5, 0.7,
          0.9, 0.99, 0.999, 1 - 1e-5, 1 - 1e-7, 1 - 1e-9]


def checkerboard(all_cells):
    lo, hi = [], []
    for i in range(4):
        for j in range(4):
            if all_cells or (i + j) % 2 == 0:
                lo.append((-4.0 + 2 * i, -4.0 + 2 * j))
                hi.append((-2.0 + 2 * i, -2.0 + 2 * j))
    return [1.0] * len(lo), lo, hi


MIXTURES = {
    "checkerboard": checkerboard(False),
    "checkerboard-classes": checkerboard(True),
    # overlapping boxes, unequal weights, a thin one and a far one (as in BoxKernelTest)
    "mixed": ([1.0, 3.0, 0.5, 2.0], [(0.0, 0.0), (-3.0, 1.0), (-1.0, -0.01), (20.0, -30.0)],
              [(2.0, 3.0), (-1.0, 2.0), (5.0, 0.01), (21.0, -28.0)]),
}
SQRT2 = mp.sqrt(2)


def phi(z):
    return mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)


def mass(zl, zh):
    """Phi(zl) - Phi(zh), zl > zh, without cancellation of two CDFs near 1."""
    if zh >= 0:
        return (mp.erfc(zh / SQRT2) - mp.erfc(zl / SQRT2)) / 2
    if zl <= 0:
        return (mp.erfc(-zl / SQRT2) - mp.erfc(-zh / SQRT2)) / 2
    return 1 - (mp.erfc(zl / SQRT2) + mp.erfc(-zh / SQRT2)) / 2


def score(mix, g, x):
    w, lo, hi = mix
    x = [mp.mpf(v) for v in x]
    s = mp.mpf(math.sqrt(g))
    sigma = mp.mpf(math.sqrt(1 - g))
    total = sum(mp.mpf(v) for v in w)
    sw, sx, sy = mp.mpf(0), mp.mpf(0), mp.mpf(0)
    for j in range(len(w)):
        c = mp.mpf(w[j]) / total / ((mp.mpf(hi[j][0]) - lo[j][0]) * (mp.mpf(hi[j][1]) - lo[j][1]))
        d, n = [], []
        for a in range(2):
            zl = (x[a] - s * lo[j][a]) / sigma
            zh = (x[a] - s * hi[j][a]) / sigma
            d.append(mass(zl, zh))
            n.append(phi(zl) - phi(zh))
        sw += c * d[0] * d[1]
        sx += c * n[0] * d[1]
        sy += c * d[0] * n[1]
    return sx / (sigma * sw), sy / (sigma * sw)


def condition(mix, g, x, s):
    """How much a relative change of 1 in x and in the noised endpoints moves the score, relative to
    max(|score|, 1/sigma): sum over axes of (|x_a| + max |sqrt(g) e|) |d score/d x_a| / scale."""
    w, lo, hi = mix
    reach = math.sqrt(g) * max(abs(v) for box in lo + hi for v in box)
    scale = max(mp.sqrt(s[0] ** 2 + s[1] ** 2), 1 / mp.mpf(math.sqrt(1 - g)))
    total = mp.mpf(0)
    for a in range(2):
        h = mp.mpf(10) ** -25 * max(1, abs(x[a]))
        up = [mp.mpf(v) for v in x]
        down = [mp.mpf(v) for v in x]
        up[a] += h
        down[a] -= h
        su, sd = score(mix, g, up), score(mix, g, down)
        grad = mp.sqrt((su[0] - sd[0]) ** 2 + (su[1] - sd[1]) ** 2) / (2 * h)
        total += (abs(x[a]) + reach) * grad / scale
    return total


def points(mix, g, rnd, n):
    w, lo, hi = mix
    s, sigma = math.sqrt(g), math.sqrt(1 - g)
    out = []
    for i in range(n):
        j = rnd.choices(range(len(w)), weights=w)[0]
        draw = [s * rnd.uniform(lo[j][a], hi[j][a]) + sigma * rnd.gauss(0, 1) for a in range(2)]
        corner = rnd.choice(lo + hi)
        kind = i % 8
        if kind == 0:
            p = draw
        elif kind == 1:
            p = [v * 40 for v in draw]
        elif kind == 2:
            p = [1e3 * rnd.gauss(0, 1) for _ in range(2)]
        elif kind == 3:
            p = [s * corner[a] for a in range(2)]
        elif kind == 4:
            p = [s * rnd.uniform(-4, 4) for _ in range(2)]
        elif kind == 5:
            p = [s * corner[a] + sigma * 10 ** rnd.uniform(1, 6) * rnd.gauss(0, 1) for a in range(2)]
        elif kind == 6:
            p = [s * corner[a] + sigma * 0.3 * rnd.gauss(0, 1) for a in range(2)]
        else:
            p = [s * (2 * rnd.randrange(-2, 2) + 1) + sigma * 0.5 * rnd.gauss(0, 1) for _ in range(2)]
        out.append(p)
    return out


def main():
    rnd = random.Random(19)
    rows = ["# mixture,gamma,x0,x1,score0,score1,condition (docs/fits/box_score_reference.py, 60 digits)"]
    for name, mix in MIXTURES.items():
        for g in LEVELS:
            for p in points(mix, g, rnd, 40):
                s0, s1 = score(mix, g, p)
                rows.append(",".join([name, repr(g), repr(p[0]), repr(p[1]), repr(float(s0)), repr(float(s1)),
                                      repr(float(condition(mix, g, p, (s0, s1))))]))
    path = "src/test/resources/org/scorescope/distribution/box-score-reference.csv"
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
