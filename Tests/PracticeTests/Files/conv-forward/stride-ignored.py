# One known mistake: the stride is never used; the output is that of
# stride 1.
import numpy as np


def conv_forward(x, W, b, stride=1, padding=0):
    N, C, H, Wd = x.shape
    F, _, KH, KW = W.shape
    out_h = H + 2 * padding - KH + 1
    out_w = Wd + 2 * padding - KW + 1
    P = padding
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    out = np.zeros((N, F, out_h, out_w))
    for n in range(N):
        for f in range(F):
            for i in range(out_h):
                for j in range(out_w):
                    window = xp[n, :, i:i + KH, j:j + KW]
                    out[n, f, i, j] = np.sum(window * W[f]) + b[f]
    return out
