# One known mistake: / instead of //, so the size is not floored.
def conv_output_size(H, K, S=1, P=0, D=1):
    span = D * (K - 1) + 1
    if span > H + 2 * P:
        return 0
    return (H + 2 * P - span) / S + 1
