#!/usr/bin/env python3
"""Workload W1 as a researcher would write it in NumPy (ScoreScope's NumPy peer).

DDPM (001 eq. 10) on ring8: 8 Gaussians on a circle of radius 4, covariances R diag(0.3, 0.05) R^T,
equal weights; exact score of the noised mixture; N particles, T steps of the 1000-step linear beta
schedule subsampled at round(999 t / T); fresh Gaussian noise every step.

usage: python3 w1_numpy.py [N] [T] [repeats]
Prints one line per timed run: particle-steps per wall second and per CPU second of this process.
"""
import sys
import time

import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
T = int(sys.argv[2]) if len(sys.argv) > 2 else 20
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 1
K = 8

angles = 2 * np.pi * np.arange(K) / K
means = 4 * np.column_stack([np.cos(angles), np.sin(angles)])
covs = np.empty((K, 2, 2))
for k, a in enumerate(angles):
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    covs[k] = rot @ np.diag([0.3, 0.05]) @ rot.T
log_weights = np.full(K, -np.log(K))
abar_all = np.cumprod(1 - np.linspace(1e-4, 0.02, 1000))
abar = abar_all[np.rint(999 * np.arange(T + 1) / T).astype(int)]


def score(x, g):
    """Score of the mixture noised to level g: sum_k w_k(x) (-C_k^-1 (x - sqrt(g) mu_k))."""
    c = g * covs + (1 - g) * np.eye(2)
    prec = np.linalg.inv(c)
    logdet = np.linalg.slogdet(c)[1]
    diff = x[None, :, :] - np.sqrt(g) * means[:, None, :]          # K x N x 2
    grad = -np.einsum('kij,knj->kni', prec, diff)                  # K x N x 2
    logw = log_weights[:, None] - 0.5 * logdet[:, None] + 0.5 * np.einsum('kni,kni->kn', diff, grad)
    logw -= logw.max(axis=0)
    w = np.exp(logw)
    w /= w.sum(axis=0)
    return np.einsum('kn,kni->ni', w, grad)


rng = np.random.default_rng(1)
x0 = rng.standard_normal((N, 2))
for _ in range(REPEATS):
    x = x0.copy()
    w0, c0 = time.perf_counter(), time.process_time()
    for t in range(T, 0, -1):
        alpha = abar[t] / abar[t - 1]
        x = (x + (1 - alpha) * score(x, abar[t])) / np.sqrt(alpha) + np.sqrt(1 - alpha) * rng.standard_normal((N, 2))
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"numpy N={N} T={T}: {N * T / wall / 1e6:.2f} M particle-steps/s, {N * T / cpu / 1e6:.2f} M per CPU-second"
          f" (mean {x.mean():.4f})", flush=True)
