# Misbehaves: a syntax error (a missing colon after the for).
import numpy as np


def conv_forward(x, W, b, stride=1, padding=0):
    N, C, H, Wd = x.shape
    F, _, KH, KW = W.shape
    out_h = (H + 2 * padding - KH) // stride + 1
    out_w = (Wd + 2 * padding - KW) // stride + 1
    out = np.zeros((N, F, out_h, out_w))
    for n in range(N)
        out[n] = 0
    return out
