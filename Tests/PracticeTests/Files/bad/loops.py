# Misbehaves: never returns (an infinite loop in the function).
import numpy as np


def conv_forward(x, W, b, stride=1, padding=0):
    out_h = 0
    while out_h >= 0:
        out_h += 1
    return np.zeros((1, 1, out_h, out_h))
