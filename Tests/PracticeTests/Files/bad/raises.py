# Misbehaves: raises an exception of its own in the function.
import numpy as np


def conv_forward(x, W, b, stride=1, padding=0):
    if x.ndim == 4:
        raise RuntimeError("not implemented for batches yet")
    return np.zeros(1)
