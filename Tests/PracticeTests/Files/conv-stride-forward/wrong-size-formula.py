# One known mistake: the widely copied wrong size formula,
# (H - K + 2P - (S-1)(K-1) - 1) // S + 1; the loops are right.
import numpy as np


def conv_stride_forward(x, W, b, stride, padding=0):
    N, C, H, Wd = x.shape
    F, _, KH, KW = W.shape
    S, P = stride, padding
    out_h = (H - KH + 2*P - (S-1)*(KH-1) - 1) // S + 1
    out_w = (Wd - KW + 2*P - (S-1)*(KW-1) - 1) // S + 1
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    out = np.zeros((N, F, out_h, out_w))
    for n in range(N):
        for f in range(F):
            for i in range(out_h):
                for j in range(out_w):
                    h0, w0 = i * S, j * S
                    window = xp[n, :, h0:h0 + KH, w0:w0 + KW]
                    out[n, f, i, j] = np.sum(window * W[f]) + b[f]
    return out
