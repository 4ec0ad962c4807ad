# One known mistake: the gradient goes to the last maximum of the window
# (>= keeps the later of two equal values), not the first.
import numpy as np


def maxpool_backward(dout, x, size, stride):
    N, C, out_h, out_w = dout.shape
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for i in range(out_h):
                for j in range(out_w):
                    h0, w0 = i * stride, j * stride
                    best, at = -np.inf, (0, 0)
                    for p in range(size):
                        for q in range(size):
                            v = x[n, c, h0 + p, w0 + q]
                            if v >= best:
                                best, at = v, (p, q)
                    dx[n, c, h0 + at[0], w0 + at[1]] += dout[n, c, i, j]
    return dx
