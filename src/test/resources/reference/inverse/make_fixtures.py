"""Regenerates the DDRM and DDNM+ fixtures of InverseReferenceTest (issue 15).

Runs the authors' functions unmodified -- bahjat-kawar/ddrm functions/denoising.py
efficient_generalized_steps and wyhuai/DDNM functions/svd_ddnm.py ddnm_plus_diffusion, with their
operator classes -- on a NumPy stand-in for torch (torch cannot be installed here), with the exact
noise prediction of the ring8 prior computed in NumPy, and with every torch.randn_like returning
zeros (the outputs are then independent of the sign convention of the SVD; the noise coefficients
are checked against hand computations in InverseSamplerFormulaTest).

usage: python3 make_fixtures.py DDRM_REPO_DIR DDNM_REPO_DIR   (git checkouts; the files are read with git show)
"""
import json, math, subprocess, sys, types
import numpy as np


class T(np.ndarray):
    def __new__(cls, a):
        return np.asarray(a, dtype=np.float64 if np.asarray(a).dtype.kind in 'fi' and np.asarray(a).dtype.kind != 'b' else None).view(cls)

    def view(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        return np.reshape(self, shape)

    def clone(self):
        return self.copy()

    def to(self, *a, **k):
        return self

    def long(self):
        return self.astype(np.int64)

    def float(self):
        return self.astype(np.float64)

    def sqrt(self):
        return np.sqrt(self)

    def clamp_min(self, v):
        return np.maximum(self, v)

    def size(self, dim=None):
        return self.shape if dim is None else self.shape[dim]

    def index_select(self, dim, idx):
        return np.take(self, np.asarray(idx), axis=dim)

    def cumprod(self, dim=0):
        return np.cumprod(self, axis=dim)

    def permute(self, *dims):
        return np.transpose(self, dims)

    @property
    def device(self):
        return None


def t(a, dtype=None):
    return np.array(a, dtype=dtype).view(T)


torch = types.ModuleType('torch')
torch.Tensor = lambda data: t(data, np.float64)
torch.zeros = lambda *s, dtype=None, device=None: t(np.zeros(s[0] if len(s) == 1 and isinstance(s[0], tuple) else s,
                                                             dtype=bool if dtype == 'bool' else np.float64))
torch.bool = 'bool'
torch.ones = lambda *s, device=None: t(np.ones(s))
torch.zeros_like = lambda a: t(np.zeros_like(np.asarray(a)))
torch.randn_like = lambda a: t(np.zeros(np.shape(a)))
torch.sqrt = lambda a: np.sqrt(a)
torch.where = lambda c: np.where(np.asarray(c))
torch.hstack = lambda ts: t(np.hstack([np.asarray(x) for x in ts]))
torch.cat = lambda ts, dim=0: t(np.concatenate([np.asarray(x) for x in ts], axis=dim))
torch.matmul = lambda a, b: np.matmul(a, b)


def svd(a, some=False):
    u, s, vt = np.linalg.svd(np.asarray(a), full_matrices=not some)
    return t(u), t(s), t(vt.T)


torch.svd = svd


class _NoGrad:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


torch.no_grad = _NoGrad
torch.device = lambda name: name
torch.long = np.int64
sys.modules['torch'] = torch
tqdm_mod = types.ModuleType('tqdm')
tqdm_mod.tqdm = lambda it, *a, **k: it
sys.modules['tqdm'] = tqdm_mod
tv = types.ModuleType('torchvision')
tvu = types.ModuleType('torchvision.utils')
tv.utils = tvu
sys.modules['torchvision'] = tv
sys.modules['torchvision.utils'] = tvu
nn = types.ModuleType('torch.nn')
nnf = types.ModuleType('torch.nn.functional')
torch.nn = nn
nn.functional = nnf
sys.modules['torch.nn'] = nn
sys.modules['torch.nn.functional'] = nnf
sys.modules['cv2'] = types.ModuleType('cv2')


def load(repo, path, name):
    src = subprocess.check_output(['git', '-C', repo, 'show', 'HEAD:' + path]).decode()
    mod = types.ModuleType(name)
    exec(compile(src, path, 'exec'), mod.__dict__)
    return mod


def commit(repo):
    return subprocess.check_output(['git', '-C', repo, 'rev-parse', 'HEAD']).decode().strip()


# ring8: 8 Gaussians on a circle of radius 4, covariances R(a) diag(0.3, 0.05) R(a)^T, equal weights
MEANS = [(4 * math.cos(2 * math.pi * c / 8), 4 * math.sin(2 * math.pi * c / 8)) for c in range(8)]


def cov(c):
    a = 2 * math.pi * c / 8
    r = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    return r @ np.diag([0.3, 0.05]) @ r.T


def eps(x, abar):
    """-sqrt(1 - abar) * score of the noised ring8 at level abar, x of shape (n, 2)."""
    n = x.shape[0]
    logw = np.zeros((8, n))
    grads = np.zeros((8, n, 2))
    for c in range(8):
        m = math.sqrt(abar) * np.array(MEANS[c])
        cc = abar * cov(c) + (1 - abar) * np.eye(2)
        p = np.linalg.inv(cc)
        d = x - m
        g = -d @ p
        grads[c] = g
        logw[c] = -0.5 * np.einsum('ni,ij,nj->n', d, p, d) - 0.5 * math.log(np.linalg.det(cc)) + math.log(1 / 8)
    logw -= logw.max(axis=0)
    w = np.exp(logw)
    w /= w.sum(axis=0)
    s = np.einsum('cn,cni->ni', w, grads)
    return -math.sqrt(1 - abar) * s


def main():
    ddrm_repo, ddnm_repo = sys.argv[1], sys.argv[2]
    denoising = load(ddrm_repo, 'functions/denoising.py', 'ddrm_denoising')
    svd_replacement = load(ddrm_repo, 'functions/svd_replacement.py', 'ddrm_svd')
    svd_ddnm = load(ddnm_repo, 'functions/svd_ddnm.py', 'ddnm_svd')
    svd_operators = load(ddnm_repo, 'functions/svd_operators.py', 'ddnm_ops')
    betas = t(np.linspace(0.0001, 0.02, 1000))
    abar_all = np.cumprod(1 - np.linspace(0.0001, 0.02, 1000))
    rng = np.random.default_rng(15)
    n = 24
    init = rng.standard_normal((n, 2))
    out_dir = sys.argv[3] if len(sys.argv) > 3 else '.'

    def model_for(skip_map):
        def model(xt, tt):
            idx = int(np.asarray(tt)[0])
            x = np.asarray(xt).reshape(xt.shape[0], -1)
            return t(eps(x, abar_all[idx]).reshape(xt.shape))
        return model

    cases = [
        ('ddrm', 'inpaint-x', [[1.0, 0.0]], [2.5], 0.2, 20),
        ('ddrm', 'blur', [[0.75, 0.25], [0.25, 0.75]], [1.5, 1.5], 0.4, 20),
        ('ddrm', 'denoise', [[1.0, 0.0], [0.0, 1.0]], [3.5, 1.5], 0.5, 25),
        ('ddrm', 'blur-etaB', [[0.75, 0.25], [0.25, 0.75]], [1.5, 1.5], 0.4, 20),
        ('ddrm', 'inpaint-x-eta0', [[1.0, 0.0]], [2.5], 0.2, 20),
        ('ddrm', 'blur-eta0-etaB', [[0.75, 0.25], [0.25, 0.75]], [1.5, 1.5], 0.4, 20),
        ('ddnm', 'inpaint-x-eta0', [[1.0, 0.0]], [2.5], 0.2, 20),
        ('ddnm', 'inpaint-x', [[1.0, 0.0]], [2.5], 0.2, 20),
        ('ddnm', 'denoise', [[1.0, 0.0], [0.0, 1.0]], [3.5, 1.5], 0.5, 25),
    ]
    for sampler, task, a, y, sigma, steps in cases:
        skip = 1000 // steps
        seq = list(range(0, 1000, skip))
        grid = [1.0] + [float(abar_all[i]) for i in seq]
        x = t(init.reshape(n, 2, 1, 1))
        yy = t(np.tile(np.array(y), (n, 1)))
        if sampler == 'ddrm':
            if task.startswith('inpaint-x'):
                h = svd_replacement.Inpainting(2, 1, t(np.array([1])).long(), None)
            elif task == 'denoise':
                h = svd_replacement.Denoising(2, 1, None)
            else:
                h = svd_replacement.GeneralH(t(np.array(a)))
            eta_b = 0.5 if task.endswith('etaB') else 1.0
            eta = 0.0 if 'eta0' in task else 0.85
            xs, _ = denoising.efficient_generalized_steps(x, seq, model_for(None), betas, h, yy, sigma, etaB=eta_b, etaA=eta, etaC=eta)
            final = np.asarray(xs[-1]).reshape(n, 2)
            source = 'bahjat-kawar/ddrm functions/denoising.py efficient_generalized_steps @ ' + commit(ddrm_repo)
            params = {'eta': eta, 'etaB': eta_b}
        else:
            if task.startswith('inpaint-x'):
                op = svd_operators.Inpainting(2, 1, t(np.array([1])).long(), None)
            else:
                op = svd_operators.Denoising(2, 1, None)
            cfg = types.SimpleNamespace(diffusion=types.SimpleNamespace(num_diffusion_timesteps=1000),
                                        time_travel=types.SimpleNamespace(T_sampling=steps, travel_length=1, travel_repeat=1))
            # ddnm's grid: times T-1 ... 0 times skip, then -1 (abar = 1)
            grid = [1.0] + [float(abar_all[i * skip]) for i in range(steps)]
            eta = 0.0 if 'eta0' in task else 0.85
            xs, _ = svd_ddnm.ddnm_plus_diffusion(x, model_for(None), betas, eta, op, yy, sigma, config=cfg)
            final = np.asarray(xs[0]).reshape(n, 2)
            source = 'wyhuai/DDNM functions/svd_ddnm.py ddnm_plus_diffusion @ ' + commit(ddnm_repo)
            params = {'eta': eta}
        fixture = {
            'sampler': sampler, 'params': params, 'target': 'ring8',
            'observation': {'A': a, 'y': y, 'sigma': sigma},
            'source': source,
            'note': 'expected = the reference code\'s output (NumPy stand-in for torch, randn_like = 0) from these initial particles; '
                    'grid[0] = 1 is the output level, grid[T] the first level',
            'grid': grid, 'init': init.tolist(), 'expected': final.tolist()}
        with open(f'{out_dir}/{sampler}-{task}.json', 'w') as f:
            json.dump(fixture, f, indent=1)
        print(sampler, task, 'T =', steps, 'first row', final[0])


main()
