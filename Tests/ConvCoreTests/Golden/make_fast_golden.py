#!/usr/bin/env python3
"""Generate reference values for the fast-convolution and factorised-kernel parts of ConvCore.

Run from the repository root:

    python3 Tests/ConvCoreTests/Golden/make_fast_golden.py

It writes, next to itself:

    fft_convolution.json  numpy.convolve(a, v, mode); numpy.fft.fft spectra of the zero-padded
                          arrays; circular convolutions of length L; the cost model, counted on a
                          recursive radix-2 FFT written here with a multiplication counter
    winograd.json         valid cross-correlations by numpy.correlate / scipy.signal.correlate2d
                          (the truth Winograd must equal), and the first tile's U = G g G^T,
                          V = B^T d B from the matrices of Lavin and Gray's paper
    batchnorm_fold.json   w', b' by numpy broadcasting, and BN(conv(x; w, b)) with the
                          convolution as scipy.signal.correlate2d sums
    separable.json        numpy.linalg.svd singular values, numpy.linalg.matrix_rank, and for
                          rank-1 integer kernels the integer factors (checked by np.outer)
    continuous.json       sampled convolutions (numpy.convolve of the samples times dt) and exact
                          values: box*box by the overlap length of two intervals, box*gaussian by
                          scipy.stats.norm.cdf, gaussian*gaussian by N(m1+m2, s1^2+s2^2), and
                          pairs with a triangle by scipy.integrate.quad
    he_init.json          sqrt(2/fan_in) and sqrt(6/fan_in), fan_in = C/groups*KH*KW

None of these formulations is the one ConvCore uses (an iterative FFT with its own twiddles,
Winograd's transforms per tile, a fraction-free elimination and Jacobi rotations, shifted powers
max(0, t)^p/p!). Random values come from numpy.random.default_rng(20261130); the output is
deterministic. The file format and writer are make_golden.py's.
"""

import math

import numpy as np
from scipy import integrate, signal, stats

from make_golden import T, floats, write_cases

SEED = 20261130


# --------------------------------------------------------------------------
# FFT convolution, circular convolution, cost
# --------------------------------------------------------------------------

def counted_fft(x, counter):
    """Recursive radix-2 FFT that counts its complex multiplications (every twiddle, 1 too)."""
    n = len(x)
    if n == 1:
        return list(x)
    even = counted_fft(x[0::2], counter)
    odd = counted_fft(x[1::2], counter)
    out = [0j] * n
    for k in range(n // 2):
        counter[0] += 1
        t = np.exp(-2j * np.pi * k / n) * odd[k]
        out[k] = even[k] + t
        out[k + n // 2] = even[k] - t
    return out


def fft_cost(m, n):
    """Real multiplications: direct by counting the pairs, FFT by counting a real transform's."""
    direct = sum(1 for _ in range(m) for _ in range(n))
    length = 1
    while length < m + n - 1:
        length *= 2
    counter = [0]
    for _ in range(3):  # two forward transforms and one inverse: the same butterflies
        counted_fft([0j] * length, counter)
    complex_mults = counter[0] + length  # and the pointwise product of the spectra
    return {"m": m, "n": n, "length": length, "direct": direct, "fft": 4 * complex_mults,
            "butterflies": counter[0] // 3}


def crossover(m):
    for n in range(1, m + 1):
        c = fft_cost(m, n)
        if c["fft"] < c["direct"]:
            return n
    return None


def complex_list(z):
    return [[float(v.real), float(v.imag)] for v in z]


def make_fft(rng):
    cases = []
    shapes = [(1, 1), (3, 3), (4, 2), (2, 5), (5, 5), (8, 3), (7, 7), (16, 16), (17, 4), (33, 9), (100, 31)]
    for m, n in shapes:
        for kind in ("ints", "uniform"):
            a = rng.integers(-3, 4, m).astype(float) if kind == "ints" else rng.uniform(-1, 1, m)
            v = rng.integers(-3, 4, n).astype(float) if kind == "ints" else rng.uniform(-1, 1, n)
            length = 1
            while length < m + n - 1:
                length *= 2
            circular_length = max(m, n) + int(rng.integers(0, m + n))
            circular = np.real(np.fft.ifft(np.fft.fft(a, circular_length) * np.fft.fft(v, circular_length)))
            # The definition, with np.roll: sum_m a[m] * v shifted by m.
            padded_v = np.concatenate([v, np.zeros(circular_length - n)])
            brute = sum(a[i] * np.roll(padded_v, i) for i in range(m))
            assert np.allclose(circular, brute, atol=1e-12)
            case = {"name": "fft-%dx%d-%s" % (m, n, kind), "a": floats(a), "v": floats(v),
                    "length": length,
                    "spectrum_a": complex_list(np.fft.fft(a, length)),
                    "spectrum_v": complex_list(np.fft.fft(v, length)),
                    "circular_length": circular_length, "circular": floats(circular)}
            for mode in ("full", "same", "valid"):
                case[mode] = floats(np.convolve(a, v, mode))
            cases.append(case)
    write_cases("fft_convolution.json", cases)

    costs = [dict(fft_cost(m, n), name="cost-%dx%d" % (m, n))
             for m, n in [(1, 1), (3, 3), (5, 3), (64, 3), (64, 64), (100, 31), (1000, 65), (1000, 500), (4096, 129)]]
    crossings = [{"name": "crossover-%d" % m, "m": m, "crossover": crossover(m)} for m in (1, 2, 8, 16, 64, 100, 256, 1000)]
    write_cases("fft_cost.json", costs + crossings)


# --------------------------------------------------------------------------
# Winograd
# --------------------------------------------------------------------------

BT = np.array([[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]], dtype=float)
G = np.array([[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]], dtype=float)


def make_winograd(rng):
    cases = []
    for length in (4, 6, 8, 12):
        for kind in ("ints", "uniform"):
            d = rng.integers(-3, 4, length).astype(float) if kind == "ints" else rng.uniform(-1, 1, length)
            g = rng.integers(-3, 4, 3).astype(float) if kind == "ints" else rng.uniform(-1, 1, 3)
            cases.append({"name": "f23-%d-%s" % (length, kind), "variant": "F(2,3)", "d": [floats(d)], "g": [floats(g)],
                          "out": [floats(np.correlate(d, g, "valid"))],
                          "u": [floats(G @ g)], "v": [floats(BT @ d[:4])]})
    for h, w in ((4, 4), (6, 4), (4, 8), (6, 6), (10, 8)):
        for kind in ("ints", "uniform"):
            d = rng.integers(-3, 4, (h, w)).astype(float) if kind == "ints" else rng.uniform(-1, 1, (h, w))
            g = rng.integers(-3, 4, (3, 3)).astype(float) if kind == "ints" else rng.uniform(-1, 1, (3, 3))
            cases.append({"name": "f2x2-%dx%d-%s" % (h, w, kind), "variant": "F(2x2,3x3)",
                          "d": d.tolist(), "g": g.tolist(),
                          "out": signal.correlate2d(d, g, "valid").tolist(),
                          "u": (G @ g @ G.T).tolist(), "v": (BT @ d[:4, :4] @ BT.T).tolist()})
    write_cases("winograd.json", cases)


# --------------------------------------------------------------------------
# Batch-norm folding
# --------------------------------------------------------------------------

def make_batchnorm(rng):
    cases = []
    for f, c, k, h in ((1, 1, 3, 5), (2, 1, 3, 4), (3, 2, 1, 3), (4, 3, 3, 6), (2, 2, 2, 5)):
        w = rng.uniform(-1, 1, (f, c, k, k))
        b = rng.uniform(-1, 1, f)
        gamma, beta = rng.uniform(0.5, 2, f), rng.uniform(-1, 1, f)
        mean, var = rng.uniform(-1, 1, f), rng.uniform(0.1, 3, f)
        eps = 1e-5
        x = rng.uniform(-1, 1, (2, c, h, h))
        inv = gamma / np.sqrt(var + eps)
        w_folded = w * inv[:, None, None, None]
        b_folded = beta + (b - mean) * inv
        conv = np.array([[sum(signal.correlate2d(x[n, ci], w[fi, ci], "valid") for ci in range(c)) + b[fi]
                          for fi in range(f)] for n in range(2)])
        bn = (conv - mean[None, :, None, None]) / np.sqrt(var + eps)[None, :, None, None] * gamma[None, :, None, None] \
            + beta[None, :, None, None]
        cases.append({"name": "bn-f%d-c%d-k%d" % (f, c, k), "w": T(w), "b": floats(b), "gamma": floats(gamma),
                      "beta": floats(beta), "mean": floats(mean), "var": floats(var), "eps": eps, "x": T(x),
                      "w_folded": T(w_folded), "b_folded": floats(b_folded), "bn": T(bn)})
    write_cases("batchnorm_fold.json", cases)


# --------------------------------------------------------------------------
# Separable kernels
# --------------------------------------------------------------------------

def integer_factors(w):
    row = next(r for r in w if np.any(r != 0))
    divisor = 0
    for value in row:
        divisor = math.gcd(divisor, int(abs(value)))
    row = row / divisor
    j = int(np.nonzero(row)[0][0])
    column = w[:, j] / row[j]
    if column[np.nonzero(column)[0][0]] < 0:
        row, column = -row, -column
    assert np.array_equal(np.outer(column, row), w)
    return floats(column + 0.0), floats(row + 0.0)


def make_separable(rng):
    named = {
        "sobel-x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
        "sobel-y": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
        "binomial": [[1, 2, 1], [2, 4, 2], [1, 2, 1]],
        "box": [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
        "laplacian": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
        "identity": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
        "scharr": [[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]],
        "prewitt-5": [[-2, -1, 0, 1, 2]] * 5,
        "wide": [[1, 0, -1, 2, 4, 0, 1]],
        "tall": [[2], [-6], [4]],
        "zero-row": [[0, 0, 0], [2, -4, 6], [-1, 2, -3]],
        "diagonal": [[1, 0], [0, 1]],
        "large-ints": [[6, 10, 14], [9, 15, 21], [-12, -20, -28]],
    }
    cases = []
    for name, rows in named.items():
        cases.append(separable_case(name, np.array(rows, dtype=float)))
    for k in range(12):
        h, w = int(rng.integers(1, 7)), int(rng.integers(1, 7))
        rank = int(rng.integers(1, min(h, w) + 1))
        m = sum(np.outer(rng.integers(-3, 4, h), rng.integers(-3, 4, w)) for _ in range(rank)).astype(float)
        if not np.any(m):
            m[0, 0] = 1
        cases.append(separable_case("ints-%d" % k, m))
    for k in range(8):
        h, w = int(rng.integers(2, 7)), int(rng.integers(2, 7))
        m = np.outer(rng.uniform(-1, 1, h), rng.uniform(-1, 1, w)) if k % 2 == 0 else rng.uniform(-1, 1, (h, w))
        cases.append(separable_case("uniform-%d" % k, m))
    gauss = np.array([math.exp(-(i - 2) ** 2 / 2) for i in range(5)])
    cases.append(separable_case("gaussian-5", np.outer(gauss, gauss) / np.outer(gauss, gauss).sum()))
    write_cases("separable.json", cases)


def separable_case(name, w):
    case = {"name": name, "w": w.tolist(), "singular_values": floats(np.linalg.svd(w, compute_uv=False)),
            "rank": int(np.linalg.matrix_rank(w)), "integer": bool(np.all(w == np.round(w)))}
    if case["rank"] == 1 and case["integer"]:
        case["column"], case["row"] = integer_factors(w)
    return case


# --------------------------------------------------------------------------
# Continuous convolution
# --------------------------------------------------------------------------

def value(fn, t, dt):
    """The sample convention: a box is 1/2 at its edges (within 1e-9*dt of them)."""
    kind, p = fn
    if kind == "box":
        d = abs(t) - p[0] / 2
        return np.where(np.abs(d) <= 1e-9 * dt, 0.5, np.where(d < 0, 1.0, 0.0))
    if kind == "triangle":
        return np.maximum(0.0, 1 - np.abs(t) / p[0])
    return stats.norm.pdf(t, p[0], p[1])


def support(fn):
    kind, p = fn
    if kind == "box":
        return -p[0] / 2, p[0] / 2
    if kind == "triangle":
        return -p[0], p[0]
    return p[0] - 10 * p[1], p[0] + 10 * p[1]


def exact(f, g, t):
    (fk, fp), (gk, gp) = f, g
    if fk == "gaussian" and gk == "gaussian":
        return stats.norm.pdf(t, fp[0] + gp[0], math.hypot(fp[1], gp[1]))
    if fk == "box" and gk == "box":
        return max(0.0, min(t + fp[0] / 2, gp[0] / 2) - max(t - fp[0] / 2, -gp[0] / 2))
    if {fk, gk} == {"box", "gaussian"}:
        (a,), (mu, sigma) = (fp, gp) if fk == "box" else (gp, fp)
        return stats.norm.cdf(t + a / 2, mu, sigma) - stats.norm.cdf(t - a / 2, mu, sigma)
    # A triangle with anything: integrate over the triangle's support, split at its kinks.
    tri, other = (f, g) if fk == "triangle" else (g, f)
    w = tri[1][0]
    lo, hi = support(other)
    def integrand(s):
        return float(value(tri, s, 1.0)) * float(value(other, t - s, 1e-300))
    points = sorted({-w, 0.0, w, t - lo, t - hi})
    total = 0.0
    for a, b in zip(points, points[1:]):
        a, b = max(a, -w), min(b, w)
        if b > a:
            total += integrate.quad(integrand, a, b, epsabs=1e-14, epsrel=1e-13)[0]
    return total


def make_continuous():
    pairs = [
        (("box", [1.0]), ("box", [1.0]), 0.1, [-1.5, -1.0, -0.5, 0.0, 0.3, 0.5, 1.0]),
        (("box", [1.0]), ("box", [1.0]), 0.01, [-0.5, 0.0, 0.25, 0.99]),
        (("box", [2.0]), ("box", [0.5]), 0.05, [-1.2, -0.75, 0.0, 0.6, 1.25]),
        (("gaussian", [0.0, 1.0]), ("gaussian", [0.0, 1.0]), 0.1, [-2.0, 0.0, 1.0, 3.0]),
        (("gaussian", [1.0, 0.5]), ("gaussian", [-2.0, 1.5]), 0.05, [-3.0, -1.0, 0.0, 2.0]),
        (("box", [1.0]), ("gaussian", [0.0, 0.5]), 0.05, [-1.0, 0.0, 0.5]),
        (("gaussian", [0.5, 1.0]), ("box", [3.0]), 0.1, [0.0, 1.5, 4.0]),
        (("triangle", [1.0]), ("box", [1.0]), 0.1, [-1.5, -0.5, 0.0, 0.7]),
        (("triangle", [1.0]), ("triangle", [2.0]), 0.1, [-2.5, 0.0, 1.0, 2.9]),
        (("gaussian", [0.0, 1.0]), ("triangle", [1.0]), 0.1, [-1.0, 0.0, 2.0]),
    ]
    cases = []
    for k, (f, g, dt, at) in enumerate(pairs):
        grids = []
        for fn in (f, g):
            lo, hi = support(fn)
            start = math.ceil(lo / dt - 1e-9)
            stop = math.floor(hi / dt + 1e-9)
            ks = np.arange(start, stop + 1)
            grids.append((start, value(fn, ks * dt, dt)))
        sampled = np.convolve(grids[0][1], grids[1][1]) * dt
        first = grids[0][0] + grids[1][0]
        sampled_at = []
        for t in at:
            n = int(round(t / dt)) - first
            sampled_at.append(float(sampled[n]) if 0 <= n < len(sampled) else 0.0)
        cases.append({"name": "continuous-%d-%s-%s" % (k, f[0], g[0]),
                      "f": {"kind": f[0], "parameters": f[1]}, "g": {"kind": g[0], "parameters": g[1]},
                      "dt": dt, "at": at, "sampled": sampled_at, "exact": [float(exact(f, g, t)) for t in at],
                      "f_samples": len(grids[0][1]), "g_samples": len(grids[1][1])})
    write_cases("continuous.json", cases)


# --------------------------------------------------------------------------
# He initialisation
# --------------------------------------------------------------------------

def make_he():
    cases = []
    for c, groups, kh, kw in ((3, 1, 3, 3), (64, 1, 3, 3), (64, 64, 3, 3), (256, 1, 1, 1), (128, 4, 5, 5), (1, 1, 7, 1)):
        fan_in = c // groups * kh * kw
        cases.append({"name": "he-%d-%d-%dx%d" % (c, groups, kh, kw), "channels": c, "groups": groups,
                      "kernel": [kh, kw], "fan_in": fan_in, "std": math.sqrt(2 / fan_in), "bound": math.sqrt(6 / fan_in)})
    write_cases("he_init.json", cases)


def main():
    rng = np.random.default_rng(SEED)
    make_fft(rng)
    make_winograd(rng)
    make_batchnorm(rng)
    make_separable(rng)
    make_continuous()
    make_he()
    print("all self-checks passed")


if __name__ == "__main__":
    main()
