# One known mistake: no check that the kernel fits, so the formula's
# value is returned even when it is negative.
def conv_output_size(H, K, S=1, P=0, D=1):
    return (H + 2 * P - D * (K - 1) - 1) // S + 1
