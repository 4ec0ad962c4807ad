# One known mistake: the dilation is ignored, the kernel spans K cells.
def conv_output_size(H, K, S=1, P=0, D=1):
    if K > H + 2 * P:
        return 0
    return (H + 2 * P - K) // S + 1
