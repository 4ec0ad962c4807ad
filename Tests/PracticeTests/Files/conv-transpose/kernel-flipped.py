# One known mistake: each input cell scatters its kernel rotated by 180
# degrees; the scatter of a transposed convolution uses W as it is.
import numpy as np


def conv_transpose(x, W, stride=1, padding=0):
    N, C, H, Wd = x.shape
    _, F, KH, KW = W.shape
    S, P = stride, padding
    Hf, Wf = (H - 1) * S + KH, (Wd - 1) * S + KW
    full = np.zeros((N, F, Hf, Wf))
    for n in range(N):
        for c in range(C):
            kernel = W[c, :, ::-1, ::-1]
            for i in range(H):
                for j in range(Wd):
                    h0, w0 = i * S, j * S
                    full[n, :, h0:h0 + KH, w0:w0 + KW] += x[n, c, i, j] * kernel
    return full[:, :, P:Hf - P, P:Wf - P]
