# One known mistake: b[f] is added inside the loop over the window's
# products, C*KH*KW times per output cell instead of once.
import numpy as np


def conv_forward(x, W, b, stride=1, padding=0):
    N, C, H, Wd = x.shape
    F, _, KH, KW = W.shape
    out_h = (H + 2 * padding - KH) // stride + 1
    out_w = (Wd + 2 * padding - KW) // stride + 1
    P = padding
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    out = np.zeros((N, F, out_h, out_w))
    for n in range(N):
        for f in range(F):
            for i in range(out_h):
                for j in range(out_w):
                    h0, w0 = i * stride, j * stride
                    for c in range(C):
                        for p in range(KH):
                            for q in range(KW):
                                xv = xp[n, c, h0 + p, w0 + q]
                                wv = W[f, c, p, q]
                                out[n, f, i, j] += xv * wv + b[f]
    return out
