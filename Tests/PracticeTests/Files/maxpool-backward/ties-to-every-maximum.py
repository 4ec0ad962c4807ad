# One known mistake: every cell equal to the window's maximum gets the
# gradient (a mask), not only the first maximum in row-major order.
import numpy as np


def maxpool_backward(dout, x, size, stride):
    N, C, out_h, out_w = dout.shape
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for i in range(out_h):
                for j in range(out_w):
                    h0, w0 = i * stride, j * stride
                    window = x[n, c, h0:h0 + size, w0:w0 + size]
                    mask = window == window.max()
                    dx[n, c, h0:h0 + size, w0:w0 + size] += (
                        mask * dout[n, c, i, j])
    return dx
