# One known mistake: the padding is never used; x is read unpadded.
import numpy as np


def conv_forward(x, W, b, stride=1, padding=0):
    N, C, H, Wd = x.shape
    F, _, KH, KW = W.shape
    out_h = (H - KH) // stride + 1
    out_w = (Wd - KW) // stride + 1
    out = np.zeros((N, F, out_h, out_w))
    for n in range(N):
        for f in range(F):
            for i in range(out_h):
                for j in range(out_w):
                    h0, w0 = i * stride, j * stride
                    window = x[n, :, h0:h0 + KH, w0:w0 + KW]
                    out[n, f, i, j] = np.sum(window * W[f]) + b[f]
    return out
