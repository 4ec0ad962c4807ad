# One known mistake: dx is the full cross-correlation of dout with W, the
# kernel not rotated by 180 degrees. As a scatter, that sends each dout
# cell back through the kernel upside down.
import numpy as np


def conv_backward(dout, x, W, b, stride=1, padding=0):
    N, C, H, Wd = x.shape
    F, _, KH, KW = W.shape
    _, _, out_h, out_w = dout.shape
    S, P = stride, padding
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    dxp = np.zeros(xp.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(F)
    for n in range(N):
        for f in range(F):
            for i in range(out_h):
                for j in range(out_w):
                    g = dout[n, f, i, j]
                    h0, w0 = i * S, j * S
                    window = xp[n, :, h0:h0 + KH, w0:w0 + KW]
                    db[f] += g
                    dW[f] += g * window
                    upside_down = W[f, :, ::-1, ::-1]
                    dxp[n, :, h0:h0 + KH, w0:w0 + KW] += g * upside_down
    dx = dxp[:, :, P:P + H, P:P + Wd]
    return dx, dW, db
