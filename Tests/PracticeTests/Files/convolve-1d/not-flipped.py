# One known mistake: g is slid along f without being flipped, which is
# numpy.correlate(f, g, mode), not numpy.convolve.
import numpy as np


def convolve(f, g, mode="full"):
    N, M = len(f), len(g)
    full = np.zeros(N + M - 1)
    for n in range(N + M - 1):
        for k in range(N):
            m = k - n + M - 1          # should be n - k
            if 0 <= m < M:
                full[n] += f[k] * g[m]
    lo, hi = min(N, M), max(N, M)
    if mode == "full":
        return full
    if mode == "same":
        s = (lo - 1) // 2
        return full[s:s + hi]
    return full[lo - 1:hi]
