#!/usr/bin/env python3
"""Generate golden reference vectors for the ConvCore tests.

Run from the repository root:

    python3 Tests/ConvCoreTests/Golden/make_golden.py

The script writes five files next to itself:

    conv1d.json            numpy.convolve / numpy.correlate, modes full/same/valid
    conv2d.json            PyTorch conv2d forward + backward (dx, dw, db)
    conv2d_padding.json    the same with padding_mode zeros/reflect/replicate/circular,
                           padding "same"/"valid" and F.pad's explicit sides
    conv_transpose2d.json  PyTorch conv_transpose2d forward + backward
    pool2d.json            PyTorch max_pool2d / avg_pool2d forward + backward (dx)

Requirements: numpy and scipy only.  Everything is float64.  Every file is
generated from its own generator ``np.random.default_rng(20261129)`` (so a
change to one file's case list never changes another file), random values are
uniform in [-1, 1) and some readability/tie cases use small integers.  The
output is deterministic: running the script twice gives byte-identical files.
Floats are written with Python's shortest round-trip ``repr``; each case is
one line of JSON.

Tensor encoding ("T"): ``{"shape": [...], "data": [flat row-major floats]}``.
Integer pairs (stride, padding, ...) are ``[h, w]`` lists.

Formulations (deliberately NOT a naive nested-loop convolution; the nested
loops below are only used as assertions, never as the written answer):

* 1-D: ``np.convolve(a, v, mode)`` / ``np.correlate(a, v, mode)`` verbatim.
  Self-check: brute-force full sums, sliced as documented in ``conv1d_slice``.

* conv2d (cross-correlation, NCHW, weights (F, C/G, KH, KW)):
  forward  out[n,f] = b[f] + sum_c' correlate2d(xpad[n,c], dilate(w[f,c']),
           "valid")[::sh, ::sw] with c = g*(C/G)+c', g = f // (F/G).
  dx       convolve2d(insert_zeros(dout[n,f], s), dilate(w[f,c']), "full")
           gives the gradient on padded-input coordinates; zero-extend at
           bottom/right to the padded size (rows no window touches get 0),
           then crop the padding away.
  dw       correlate2d(xpad[n,c], insert_zeros(dout[n,f], s), "valid")
           sampled at every dilation-th position, first KH x KW samples,
           summed over n.
  db       dout summed over n, i, j.

* conv2d with nn.Conv2d's padding_mode and explicit sides: x is padded first with
  numpy.pad (zeros -> "constant", reflect -> "reflect", replicate -> "edge",
  circular -> "wrap"; sides (left, right, top, bottom); "same" puts
  d*(k-1)//2 before and the rest after), then convolved as above with padding 0.
  dx       the padded input's gradient (as above, padding 0) folded back: each
           padded cell's gradient is added (np.add.at) to the input cell whose
           value it holds, found by numpy.pad-ing an array of cell numbers the
           same way.
  dw, db   as above, on the padded input.

* conv_transpose2d (weights (Cin, Cout/G, KH, KW)):
  forward  full[n,o] = sum_{c in group} convolve2d(insert_zeros(x[n,c], s),
           dilate(w[c,o']), "full"); zero-extend bottom/right when
           output_padding reaches past the full result; keep rows
           [ph, ph+outH) and columns [pw, pw+outW); add bias.
  backward un-crop dout into the full-result frame (G), then
           dx[n,c] = sum_o correlate2d(G[n,o], dilate(w[c,o']), "valid")[::sh, ::sw]
           dw[c,o'] = sum_n correlate2d(G[n,o], insert_zeros(x[n,c], s),
                      "valid")[::dh, ::dw]
           db[o] = dout summed over n, i, j.

* pool2d (ceil_mode False, dilation 1, count_include_pad True):
  forward  sliding_window_view over np.pad(x) (pad value -inf for max, 0 for
           avg), windows taken every (sh, sw); max = max of window, avg =
           window sum / (kh*kw).
  backward max: np.argmax over the row-major flattened window picks the FIRST
           maximum; dout is scattered there with np.add.at (windows overlap).
           avg: dout/(kh*kw) is scattered to every window cell with np.add.at.

Self-checks (assertions; the script fails loudly if any is violated):
  * 1-D outputs equal brute-force sums.
  * conv2d / conv_transpose2d / pool forwards equal brute-force loops.
  * conv2d / conv_transpose2d dx, dw, db and avg-pool dx (and max-pool dx for
    tie-free cases) equal central finite differences of sum(out * dout)
    (max abs error <= 1e-6 * max(1, max |grad|)).
  * max-pool dx equals a brute-force "first maximum" scatter (all cases).
  * conv2d cells that no window reads have dx exactly 0.
  * padded conv2d forwards equal brute-force loops over a padded copy built
    cell by cell from PyTorch's documented rules; "same" keeps the input's size.
"""

import json
import os

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy.signal import convolve2d, correlate2d

SEED = 20261129
MAX_ELEMS = 400  # every tensor in every case has at most this many elements
OUT_DIR = os.path.dirname(os.path.abspath(__file__))


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def T(arr):
    """Encode an ndarray as {"shape": [...], "data": [row-major floats]}."""
    arr = np.asarray(arr, dtype=np.float64)
    return {"shape": list(arr.shape), "data": arr.ravel().tolist()}


def floats(arr):
    """Encode a 1-D array as a plain list of Python floats."""
    return np.asarray(arr, dtype=np.float64).ravel().tolist()


def write_cases(filename, cases):
    """Write {"cases": [...]} with one case per line (deterministic)."""
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names in " + filename
    path = os.path.join(OUT_DIR, filename)
    body = ",\n".join(json.dumps(c, allow_nan=False) for c in cases)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"cases": [\n' + body + "\n]}\n")
    print("wrote %-22s %4d cases %9d bytes" % (filename, len(cases), os.path.getsize(path)))


def uniform(rng, shape):
    """float64 uniform in [-1, 1)."""
    return rng.uniform(-1.0, 1.0, size=shape)


def small_ints(rng, shape, lo=-2, hi=3):
    """Small integers in [lo, hi) as float64 (readable, produces ties)."""
    return rng.integers(lo, hi, size=shape).astype(np.float64)


def dilate(k, d):
    """Insert (d-1) zeros between kernel taps.

    k: (KH, KW) -> ((KH-1)*dh+1, (KW-1)*dw+1) with out[::dh, ::dw] = k.
    """
    dh, dw = d
    kh, kw = k.shape
    out = np.zeros(((kh - 1) * dh + 1, (kw - 1) * dw + 1))
    out[::dh, ::dw] = k
    return out


insert_zeros = dilate  # same operation applied to data (zero-insertion by stride)


def fit(a, rows, cols):
    """Zero-extend a 2-D array at the bottom/right (never crops) to rows x cols."""
    assert a.shape[0] <= rows and a.shape[1] <= cols
    return np.pad(a, ((0, rows - a.shape[0]), (0, cols - a.shape[1])))


def assert_grad_fd(name, what, loss, param, analytic, eps=1e-3):
    """Central finite differences of the scalar loss() w.r.t. every entry of
    `param` (modified in place and restored).  The losses here are linear in
    each argument, so the central difference is exact up to rounding."""
    fd = np.zeros_like(param)
    flat, fdflat = param.reshape(-1), fd.reshape(-1)
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + eps
        up = loss()
        flat[i] = keep - eps
        down = loss()
        flat[i] = keep
        fdflat[i] = (up - down) / (2 * eps)
    err = np.max(np.abs(fd - analytic)) if fd.size else 0.0
    scale = max(1.0, float(np.max(np.abs(analytic))) if fd.size else 1.0)
    assert err <= 1e-6 * scale, "%s: %s finite-difference mismatch %g" % (name, what, err)


def pair(rng, lo, hi):
    """Random [h, w] pair with entries in [lo, hi]."""
    return [int(v) for v in rng.integers(lo, hi + 1, size=2)]


# --------------------------------------------------------------------------
# 1-D
# --------------------------------------------------------------------------

def conv1d_reference(op, a, v, mode):
    """numpy.convolve(a, v, mode) or numpy.correlate(a, v, mode), verbatim."""
    return (np.convolve if op == "convolve" else np.correlate)(a, v, mode)


def conv1d_slice(op, a, v, mode):
    """Brute-force self-check documenting numpy's exact semantics.

    full convolve:  c[k] = sum_i a[i] v[k-i],                 k in [0, M+N-1)
    full correlate: c[k] = sum_i a[i] v[i-k+N-1] (= convolve(a, v[::-1]))
    valid: length max(M,N)-min(M,N)+1, starting at full index min(M,N)-1
           (numpy swaps the arguments when len(v) > len(a); no error).
    same:  length max(M,N), starting at full index (min(M,N)-1)//2, EXCEPT
           correlate with len(v) > len(a): start is len(a)//2 (numpy
           computes correlate(v, a) and reverses it, which shifts the
           window by one when len(a) is even).
    """
    m, n = len(a), len(v)
    vv = v if op == "convolve" else v[::-1]
    full = np.zeros(m + n - 1)
    for i in range(m):
        for j in range(n):
            full[i + j] += a[i] * vv[j]
    lo, hi = min(m, n), max(m, n)
    if mode == "full":
        return full
    if mode == "valid":
        return full[lo - 1: hi]
    start = m // 2 if (op == "correlate" and n > m) else (lo - 1) // 2
    return full[start: start + hi]


CONV1D_LENGTHS = [
    (1, 1), (1, 2), (2, 1), (1, 9), (9, 1),            # length one
    (2, 2), (3, 3), (4, 4), (5, 5), (8, 8), (9, 9),     # equal lengths
    (5, 3), (6, 3), (5, 4), (6, 4), (7, 2), (9, 4),     # len(a) > len(v)
    (2, 3), (3, 5), (4, 5), (4, 6), (2, 7), (5, 8), (4, 9), (6, 9),  # len(v) > len(a)
]


def make_conv1d():
    """conv1d.json: every (op, mode) x every length pair above (150 cases).
    Pairs with both lengths <= 3 use small integers for readability."""
    rng = np.random.default_rng(SEED)
    cases = []
    for op in ("convolve", "correlate"):
        for mode in ("full", "same", "valid"):
            for la, lv in CONV1D_LENGTHS:
                if la <= 3 and lv <= 3:
                    a, v = small_ints(rng, la, -3, 4), small_ints(rng, lv, -3, 4)
                else:
                    a, v = uniform(rng, la), uniform(rng, lv)
                out = conv1d_reference(op, a, v, mode)
                assert np.allclose(out, conv1d_slice(op, a, v, mode), rtol=0, atol=1e-12)
                cases.append({
                    "name": "%s_%s_a%d_v%d" % (op, mode, la, lv),
                    "op": op, "mode": mode,
                    "a": floats(a), "v": floats(v), "out": floats(out),
                })
    write_cases("conv1d.json", cases)


# --------------------------------------------------------------------------
# conv2d
# --------------------------------------------------------------------------

def conv2d_out_size(size, k, s, p, d):
    """floor((size + 2p - d*(k-1) - 1) / s) + 1 (may be <= 0 if invalid)."""
    return (size + 2 * p - d * (k - 1) - 1) // s + 1


def conv2d_forward(x, w, b, stride, padding, dilation, groups):
    """PyTorch conv2d.  x: (N,C,H,W), w: (F,C/G,KH,KW), b: (F,) or None.

    out[n,f] = b[f] + sum_c' correlate2d(xpad[n, g*C/G + c'], dilate(w[f,c']),
               "valid")[::sh, ::sw],  g = f // (F/G).   -> (N,F,outH,outW)
    """
    n_, c_, h, wd = x.shape
    f_, cg, kh, kw = w.shape
    (sh, sw), (ph, pw) = stride, padding
    fg = f_ // groups
    oh = conv2d_out_size(h, kh, sh, ph, dilation[0])
    ow = conv2d_out_size(wd, kw, sw, pw, dilation[1])
    xpad = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    out = np.zeros((n_, f_, oh, ow))
    for n in range(n_):
        for f in range(f_):
            g = f // fg
            for ci in range(cg):
                full = correlate2d(xpad[n, g * cg + ci], dilate(w[f, ci], dilation), mode="valid")
                sampled = full[::sh, ::sw]
                assert sampled.shape == (oh, ow)
                out[n, f] += sampled
            if b is not None:
                out[n, f] += b[f]
    return out


def conv2d_backward(x, w, dout, stride, padding, dilation, groups):
    """Gradients of sum(conv2d(x, w, b) * dout).

    dx: convolve2d(insert_zeros(dout[n,f], s), dilate(w[f,c']), "full"),
        zero-extended to the padded input size, padding cropped.   (N,C,H,W)
    dw: correlate2d(xpad[n,c], insert_zeros(dout[n,f], s), "valid")
        [::dh, ::dw][:KH, :KW], summed over n.                     (F,C/G,KH,KW)
    db: dout.sum over (n, i, j).                                   (F,)
    """
    n_, c_, h, wd = x.shape
    f_, cg, kh, kw = w.shape
    (ph, pw), (dh, dw_) = padding, dilation
    fg = f_ // groups
    hp, wp = h + 2 * ph, wd + 2 * pw
    xpad = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    dxpad = np.zeros((n_, c_, hp, wp))
    dw = np.zeros_like(w)
    for n in range(n_):
        for f in range(f_):
            g = f // fg
            dz = insert_zeros(dout[n, f], stride)
            for ci in range(cg):
                c = g * cg + ci
                spread = convolve2d(dz, dilate(w[f, ci], dilation), mode="full")
                dxpad[n, c] += fit(spread, hp, wp)
                corr = correlate2d(xpad[n, c], dz, mode="valid")
                dw[f, ci] += corr[::dh, ::dw_][:kh, :kw]
    dx = dxpad[:, :, ph:ph + h, pw:pw + wd]
    db = dout.sum(axis=(0, 2, 3))
    return dx, dw, db


def conv2d_bruteforce(x, w, b, stride, padding, dilation, groups):
    """Self-check only: the defining sum with explicit bounds tests."""
    n_, c_, h, wd = x.shape
    f_, cg, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw_) = stride, padding, dilation
    oh = conv2d_out_size(h, kh, sh, ph, dh)
    ow = conv2d_out_size(wd, kw, sw, pw, dw_)
    fg = f_ // groups
    out = np.zeros((n_, f_, oh, ow))
    for n in range(n_):
        for f in range(f_):
            g = f // fg
            for i in range(oh):
                for j in range(ow):
                    acc = 0.0 if b is None else b[f]
                    for ci in range(cg):
                        for a in range(kh):
                            for e in range(kw):
                                r, c = i * sh - ph + a * dh, j * sw - pw + e * dw_
                                if 0 <= r < h and 0 <= c < wd:
                                    acc += x[n, g * cg + ci, r, c] * w[f, ci, a, e]
                    out[n, f, i, j] = acc
    return out


def conv2d_touched(x_shape, w_shape, stride, padding, dilation):
    """Self-check only: boolean (H, W) mask of input cells read by some window."""
    _, _, h, wd = x_shape
    _, _, kh, kw = w_shape
    (sh, sw), (ph, pw), (dh, dw_) = stride, padding, dilation
    mask = np.zeros((h, wd), dtype=bool)
    for i in range(conv2d_out_size(h, kh, sh, ph, dh)):
        for j in range(conv2d_out_size(wd, kw, sw, pw, dw_)):
            for a in range(kh):
                for e in range(kw):
                    r, c = i * sh - ph + a * dh, j * sw - pw + e * dw_
                    if 0 <= r < h and 0 <= c < wd:
                        mask[r, c] = True
    return mask


def conv2d_case(rng, name, n, c, f, hw, k, stride=(1, 1), padding=(0, 0),
                dilation=(1, 1), groups=1, bias=True, ints=False):
    """Build, compute and self-check one conv2d case (returns the JSON dict)."""
    h, wd = hw
    kh, kw = k
    assert c % groups == 0 and f % groups == 0
    gen = small_ints if ints else uniform
    x = gen(rng, (n, c, h, wd))
    w = gen(rng, (f, c // groups, kh, kw))
    b = gen(rng, (f,)) if bias else None
    args = (list(stride), list(padding), list(dilation), groups)
    out = conv2d_forward(x, w, b, *args)
    dout = gen(rng, out.shape)
    dx, dw, db = conv2d_backward(x, w, dout, args[0], args[1], args[2], groups)

    for t in (x, w, out, dout):
        assert 1 <= t.size <= MAX_ELEMS, (name, t.shape)
    assert np.allclose(out, conv2d_bruteforce(x, w, b, *args), rtol=0, atol=1e-12), name
    loss = lambda: float(np.sum(conv2d_forward(x, w, b, *args) * dout))
    assert_grad_fd(name, "dx", loss, x, dx)
    assert_grad_fd(name, "dw", loss, w, dw)
    if b is not None:
        assert_grad_fd(name, "db", loss, b, db)
    untouched = ~conv2d_touched(x.shape, w.shape, *args[:3])
    assert np.all(dx[:, :, untouched] == 0.0), name

    return {
        "name": name, "x": T(x), "w": T(w),
        "b": None if b is None else floats(b),
        "stride": args[0], "padding": args[1], "dilation": args[2], "groups": groups,
        "out": T(out), "dout": T(dout), "dx": T(dx), "dw": T(dw), "db": floats(db),
    }


def conv2d_named_cases(rng):
    """Hand-picked edge cases."""
    C = conv2d_case
    return [
        C(rng, "readable_int_3x3", 1, 1, 1, (4, 4), (3, 3), ints=True, bias=False),
        C(rng, "readable_int_2ch_bias", 1, 2, 2, (3, 4), (2, 2), ints=True),
        C(rng, "kernel_1x1", 1, 3, 2, (4, 5), (1, 1)),
        C(rng, "kernel_1x1_stride2_pad1", 2, 2, 3, (5, 4), (1, 1), (2, 2), (1, 1)),
        C(rng, "kernel_equals_padded_input", 1, 2, 2, (3, 4), (5, 4), padding=(1, 0)),
        C(rng, "kernel_equals_input_no_pad", 2, 1, 3, (4, 3), (4, 3)),
        C(rng, "dilated_kernel_equals_input", 1, 2, 1, (5, 7), (3, 4), dilation=(2, 2)),
        C(rng, "stride_gt_kernel", 1, 2, 2, (7, 7), (2, 2), stride=(3, 3)),
        C(rng, "stride_gt_kernel_rect", 1, 1, 2, (6, 7), (1, 2), stride=(3, 3)),
        C(rng, "stride_gt_kernel_pad", 2, 1, 1, (7, 6), (1, 1), (3, 2), (1, 1)),
        C(rng, "padding_larger_than_needed", 1, 2, 2, (3, 3), (2, 2), padding=(2, 2)),
        C(rng, "padding_larger_rect", 1, 1, 2, (2, 4), (1, 3), padding=(2, 1)),
        C(rng, "input_1x1_pad1_k3", 1, 2, 2, (1, 1), (3, 3), padding=(1, 1)),
        C(rng, "input_1x1_pad1_k2", 2, 1, 3, (1, 1), (2, 2), padding=(1, 1)),
        C(rng, "input_1x1_pad1_k1", 1, 1, 1, (1, 1), (1, 1), padding=(1, 1)),
        C(rng, "stride_floor_h7_k2_s2", 1, 1, 2, (7, 7), (2, 2), stride=(2, 2)),
        C(rng, "stride_floor_rect", 1, 2, 2, (6, 7), (3, 3), (2, 3), (1, 0)),
        C(rng, "stride_floor_dilated", 2, 1, 1, (7, 6), (2, 2), (3, 2), (0, 1), (2, 3)),
        C(rng, "groups2", 1, 4, 2, (4, 4), (3, 3), groups=2),
        C(rng, "groups2_f4_stride2", 2, 2, 4, (5, 6), (2, 3), (2, 1), (1, 1), groups=2),
        C(rng, "depthwise_c3", 1, 3, 3, (5, 5), (3, 3), padding=(1, 1), groups=3),
        C(rng, "depthwise_c4_stride2", 2, 4, 4, (4, 5), (2, 2), stride=(2, 2), groups=4),
        C(rng, "depthwise_multiplier2", 1, 2, 4, (4, 4), (2, 3), groups=2),
        C(rng, "groups4_c4_f4_nobias", 1, 4, 4, (3, 3), (1, 1), groups=4, bias=False),
        C(rng, "dilation_rect", 1, 2, 2, (7, 7), (3, 2), dilation=(2, 3)),
        C(rng, "dilation3_pad2", 1, 1, 2, (5, 4), (2, 2), padding=(2, 2), dilation=(3, 3)),
        C(rng, "rect_kernel_4x1", 2, 1, 2, (6, 3), (4, 1)),
        C(rng, "rect_kernel_1x4", 1, 3, 1, (3, 6), (1, 4), padding=(0, 2)),
        C(rng, "input_1xW", 1, 2, 2, (1, 7), (1, 3), stride=(1, 2)),
        C(rng, "input_Hx1", 1, 2, 2, (7, 1), (3, 1), dilation=(2, 1)),
    ]


def conv2d_sweep_cases(rng, count):
    """Random valid configurations.  Group layouts cycle through
    groups=1, groups=1, groups=2, depthwise (groups=C=F)."""
    cases = []
    while len(cases) < count:
        layout = len(cases) % 4
        n = int(rng.integers(1, 3))
        if layout in (0, 1):
            groups, c, f = 1, int(rng.integers(1, 5)), int(rng.integers(1, 5))
        elif layout == 2:
            groups, c, f = 2, int(rng.choice([2, 4])), int(rng.choice([2, 4]))
        else:
            groups = int(rng.integers(1, 5))
            c = f = groups
        h, wd = pair(rng, 1, 7)
        kh, kw = pair(rng, 1, 4)
        stride, padding, dilation = pair(rng, 1, 3), pair(rng, 0, 2), pair(rng, 1, 3)
        bias = bool(rng.integers(0, 2))
        oh = conv2d_out_size(h, kh, stride[0], padding[0], dilation[0])
        ow = conv2d_out_size(wd, kw, stride[1], padding[1], dilation[1])
        ok = (dilation[0] * (kh - 1) + 1 <= h + 2 * padding[0]
              and dilation[1] * (kw - 1) + 1 <= wd + 2 * padding[1]
              and n * c * h * wd <= MAX_ELEMS
              and n * f * oh * ow <= MAX_ELEMS)
        if not ok:
            continue
        name = "sweep%03d_n%dc%df%d_g%d_%dx%d_k%dx%d_s%d%d_p%d%d_d%d%d%s" % (
            len(cases), n, c, f, groups, h, wd, kh, kw, *stride, *padding, *dilation,
            "" if bias else "_nobias")
        cases.append(conv2d_case(rng, name, n, c, f, (h, wd), (kh, kw), stride,
                                 padding, dilation, groups, bias))
    return cases


def make_conv2d():
    """conv2d.json: named edge cases + random sweep (120 cases)."""
    rng = np.random.default_rng(SEED)
    cases = conv2d_named_cases(rng)
    cases += conv2d_sweep_cases(rng, 120 - len(cases))
    write_cases("conv2d.json", cases)


# --------------------------------------------------------------------------
# conv2d with padding modes, "same"/"valid" and explicit sides
# --------------------------------------------------------------------------

# PyTorch's padding_mode -> numpy.pad's mode (F.pad's "constant" is zeros).
NUMPY_PAD_MODE = {"zeros": "constant", "reflect": "reflect", "replicate": "edge",
                  "circular": "wrap"}


def padding_sides(padding, pad, kernel, dilation):
    """(left, right, top, bottom) as PyTorch resolves them.

    padding: [ph, pw] (both sides), "valid" (none) or "same" (total d*(k-1) per
    axis, total//2 before and the rest after); pad: F.pad's explicit
    [left, right, top, bottom] (then padding is 0)."""
    if pad is not None:
        return tuple(pad)
    if padding == "valid":
        return (0, 0, 0, 0)
    if padding == "same":
        th, tw = dilation[0] * (kernel[0] - 1), dilation[1] * (kernel[1] - 1)
        return (tw // 2, tw - tw // 2, th // 2, th - th // 2)
    return (padding[1], padding[1], padding[0], padding[0])


def pad_input(x, sides, mode):
    """F.pad(x, (left, right, top, bottom), mode) with numpy.pad.  -> (N,C,H+t+b,W+l+r)"""
    left, right, top, bottom = sides
    return np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)), mode=NUMPY_PAD_MODE[mode])


def fold_padding(dxpad, x_shape, sides, mode):
    """The adjoint of pad_input: each padded cell's gradient is added to the input
    cell whose value it holds.  Which cell that is comes from padding an array of
    flat cell numbers the same way (zeros: -1, dropped); np.add.at adds the
    repeats.  -> (N,C,H,W)"""
    n_, c_, h, wd = x_shape
    left, right, top, bottom = sides
    cells = np.arange(h * wd).reshape(h, wd)
    if mode == "zeros":
        held = np.pad(cells, ((top, bottom), (left, right)), constant_values=-1)
    else:
        held = np.pad(cells, ((top, bottom), (left, right)), mode=NUMPY_PAD_MODE[mode])
    real = held >= 0
    dx = np.zeros((n_, c_, h * wd))
    for n in range(n_):
        for c in range(c_):
            np.add.at(dx[n, c], held[real], dxpad[n, c][real])
    return dx.reshape(x_shape)


def padded_conv2d_bruteforce(x, w, b, stride, sides, dilation, groups, mode):
    """Self-check only: the defining sum over a padded copy built cell by cell
    from PyTorch's documented rules (reflect: the edge not repeated; replicate:
    the edge repeated; circular: wrapped)."""
    n_, c_, h, wd = x.shape
    f_, cg, kh, kw = w.shape
    left, right, top, bottom = sides
    hp, wp = h + top + bottom, wd + left + right

    def held(p, size):
        if 0 <= p < size:
            return p
        if mode == "zeros":
            return None
        if mode == "replicate":
            return 0 if p < 0 else size - 1
        if mode == "circular":
            return p % size
        return -p if p < 0 else 2 * (size - 1) - p

    xp = np.zeros((n_, c_, hp, wp))
    for r in range(hp):
        for q in range(wp):
            sr, sq = held(r - top, h), held(q - left, wd)
            if sr is not None and sq is not None:
                xp[:, :, r, q] = x[:, :, sr, sq]
    return conv2d_bruteforce(xp, w, b, stride, (0, 0), dilation, groups)


def padded_conv2d_case(rng, name, n, c, f, hw, k, mode="zeros", padding=(0, 0), pad=None,
                       stride=(1, 1), dilation=(1, 1), groups=1, bias=True, ints=False):
    """One conv2d case with a padding mode and layout: x padded with numpy.pad,
    then the padding-0 conv2d above; dx folded back from the padded input's
    gradient.  Checked against a brute-force sum and finite differences."""
    h, wd = hw
    assert c % groups == 0 and f % groups == 0
    if padding == "same":
        assert tuple(stride) == (1, 1), name
    sides = padding_sides(padding, pad, k, dilation)
    left, right, top, bottom = sides
    if mode == "reflect":
        assert max(top, bottom) < h and max(left, right) < wd, name
    if mode == "circular":
        assert max(top, bottom) <= h and max(left, right) <= wd, name
    gen = small_ints if ints else uniform
    x = gen(rng, (n, c, h, wd))
    w = gen(rng, (f, c // groups, *k))
    b = gen(rng, (f,)) if bias else None
    conv = (list(stride), [0, 0], list(dilation), groups)
    out = conv2d_forward(pad_input(x, sides, mode), w, b, *conv)
    assert out.shape[2] >= 1 and out.shape[3] >= 1, name
    if padding == "same":
        assert out.shape[2:] == x.shape[2:], name
    dout = gen(rng, out.shape)
    dxpad, dw, db = conv2d_backward(pad_input(x, sides, mode), w, dout, *conv)
    dx = fold_padding(dxpad, x.shape, sides, mode)

    for t in (x, w, out, dout):
        assert 1 <= t.size <= MAX_ELEMS, (name, t.shape)
    brute = padded_conv2d_bruteforce(x, w, b, conv[0], sides, conv[2], groups, mode)
    assert np.allclose(out, brute, rtol=0, atol=1e-12), name
    loss = lambda: float(np.sum(conv2d_forward(pad_input(x, sides, mode), w, b, *conv) * dout))
    assert_grad_fd(name, "dx", loss, x, dx)
    assert_grad_fd(name, "dw", loss, w, dw)
    if b is not None:
        assert_grad_fd(name, "db", loss, b, db)

    case = {
        "name": name, "x": T(x), "w": T(w), "b": None if b is None else floats(b),
        "stride": list(stride), "padding": padding if isinstance(padding, str) else list(padding),
        "padding_mode": mode, "dilation": list(dilation), "groups": groups,
        "out": T(out), "dout": T(dout), "dx": T(dx), "dw": T(dw), "db": floats(db),
    }
    if pad is not None:
        case["pad"] = list(pad)
    return case


def conv2d_padding_named_cases(rng):
    """Hand-picked: each mode at its deepest padding, "same" with odd, even and
    dilated kernels, explicit sides, strides, dilation, groups."""
    C = padded_conv2d_case
    return [
        C(rng, "reflect_readable_p1", 1, 1, 1, (3, 4), (3, 3), "reflect", (1, 1), ints=True, bias=False),
        C(rng, "replicate_readable_p1", 1, 1, 1, (3, 4), (3, 3), "replicate", (1, 1), ints=True, bias=False),
        C(rng, "circular_readable_p1", 1, 1, 1, (3, 4), (3, 3), "circular", (1, 1), ints=True, bias=False),
        C(rng, "zeros_readable_p1", 1, 1, 1, (3, 4), (3, 3), "zeros", (1, 1), ints=True, bias=False),
        C(rng, "reflect_deepest", 1, 2, 2, (3, 4), (3, 3), "reflect", (2, 3)),
        C(rng, "circular_full_wrap", 1, 1, 2, (2, 3), (3, 3), "circular", (2, 3)),
        C(rng, "replicate_deeper_than_input", 1, 1, 1, (2, 3), (2, 2), "replicate", (4, 5)),
        C(rng, "reflect_stride2_dilation2", 2, 1, 2, (5, 6), (2, 3), "reflect", (2, 1), stride=(2, 2),
          dilation=(2, 2)),
        C(rng, "replicate_stride3", 1, 2, 1, (6, 5), (2, 2), "replicate", (2, 2), stride=(3, 2)),
        C(rng, "circular_dilation3", 1, 1, 1, (4, 4), (2, 2), "circular", (3, 4), dilation=(3, 3)),
        C(rng, "reflect_groups2", 1, 4, 2, (4, 4), (3, 3), "reflect", (1, 1), groups=2),
        C(rng, "circular_depthwise", 2, 3, 3, (3, 3), (3, 3), "circular", (1, 1), groups=3),
        C(rng, "replicate_multiplier2", 1, 2, 4, (3, 4), (2, 3), "replicate", (1, 2), groups=2, bias=False),
        C(rng, "reflect_row_input", 1, 1, 1, (1, 6), (1, 3), "reflect", (0, 2)),
        C(rng, "circular_input_1x1", 1, 1, 2, (1, 1), (3, 3), "circular", (1, 1)),
        C(rng, "replicate_input_1x1", 1, 2, 1, (1, 1), (3, 2), "replicate", (1, 2)),
        C(rng, "valid", 1, 2, 2, (4, 5), (3, 2), "zeros", "valid"),
        C(rng, "valid_reflect_is_unpadded", 1, 1, 1, (3, 3), (2, 2), "reflect", "valid"),
        C(rng, "same_k3", 1, 1, 2, (4, 5), (3, 3), "zeros", "same"),
        C(rng, "same_even_kernel", 1, 2, 1, (4, 4), (4, 2), "zeros", "same"),
        C(rng, "same_dilated_even_total", 1, 1, 1, (5, 5), (2, 3), "zeros", "same", dilation=(3, 2)),
        C(rng, "same_reflect_k3", 1, 1, 1, (3, 3), (3, 3), "reflect", "same", ints=True),
        C(rng, "same_reflect_even", 2, 1, 2, (4, 5), (4, 4), "reflect", "same"),
        C(rng, "same_circular_rect", 1, 2, 2, (3, 4), (3, 4), "circular", "same", groups=2),
        C(rng, "same_replicate_dilated", 1, 1, 1, (3, 3), (3, 2), "replicate", "same", dilation=(2, 3)),
        C(rng, "pad_zeros_top_left", 1, 1, 1, (3, 3), (2, 2), "zeros", pad=(1, 0, 1, 0), ints=True),
        C(rng, "pad_zeros_bottom_right_stride2", 1, 2, 1, (4, 5), (3, 3), "zeros", pad=(0, 2, 0, 1),
          stride=(2, 2)),
        C(rng, "pad_reflect_uneven", 1, 1, 2, (4, 4), (3, 3), "reflect", pad=(0, 3, 2, 1)),
        C(rng, "pad_replicate_one_side", 2, 1, 1, (3, 4), (2, 2), "replicate", pad=(3, 0, 0, 2)),
        C(rng, "pad_circular_dilated", 1, 2, 1, (3, 4), (2, 2), "circular", pad=(4, 1, 0, 3), dilation=(2, 2)),
        C(rng, "pad_only_left", 1, 1, 1, (2, 3), (2, 2), "reflect", pad=(2, 0, 0, 0)),
    ]


def conv2d_padding_sweep_cases(rng, count, start):
    """Random valid configurations: the mode cycles zeros, reflect, replicate,
    circular; the layout is symmetric, "same" or explicit sides by turns."""
    modes = ["zeros", "reflect", "replicate", "circular"]
    cases = []
    while len(cases) < count:
        idx = start + len(cases)
        mode = modes[len(cases) % 4]
        layout = (len(cases) // 4) % 3
        n, groups = int(rng.integers(1, 3)), int(rng.choice([1, 1, 2]))
        c, f = groups * int(rng.integers(1, 3)), groups * int(rng.integers(1, 3))
        h, wd = pair(rng, 1, 6)
        k = tuple(pair(rng, 1, 4))
        dilation = pair(rng, 1, 2)
        stride = [1, 1] if layout == 1 else pair(rng, 1, 3)
        padding, pad = (0, 0), None
        if layout == 0:
            padding = pair(rng, 0, 3)
        elif layout == 1:
            padding = "same"
        else:
            pad = tuple(int(v) for v in rng.integers(0, 4, size=4))
        left, right, top, bottom = padding_sides(padding, pad, k, dilation)
        if mode == "reflect" and (max(top, bottom) >= h or max(left, right) >= wd):
            continue
        if mode == "circular" and (max(top, bottom) > h or max(left, right) > wd):
            continue
        hp, wp = h + top + bottom, wd + left + right
        eh, ew = dilation[0] * (k[0] - 1) + 1, dilation[1] * (k[1] - 1) + 1
        if eh > hp or ew > wp:
            continue
        oh, ow = (hp - eh) // stride[0] + 1, (wp - ew) // stride[1] + 1
        if n * c * h * wd > MAX_ELEMS or n * f * oh * ow > MAX_ELEMS:
            continue
        where = "same" if layout == 1 else ("p%d%d" % tuple(padding) if pad is None else "pad%d%d%d%d" % pad)
        name = "sweep%03d_%s_%s_n%dc%df%d_g%d_%dx%d_k%dx%d_s%d%d_d%d%d" % (
            idx, mode, where, n, c, f, groups, h, wd, *k, *stride, *dilation)
        cases.append(padded_conv2d_case(rng, name, n, c, f, (h, wd), k, mode, padding, pad, stride,
                                        dilation, groups, bool(rng.integers(0, 2))))
    return cases


def make_conv2d_padding():
    """conv2d_padding.json: named cases + random sweep (90 cases)."""
    rng = np.random.default_rng(SEED)
    cases = conv2d_padding_named_cases(rng)
    cases += conv2d_padding_sweep_cases(rng, 90 - len(cases), len(cases))
    write_cases("conv2d_padding.json", cases)


# --------------------------------------------------------------------------
# conv_transpose2d
# --------------------------------------------------------------------------

def convt_full_size(size, k, s, d):
    """Size of the uncropped result: (size-1)*s + d*(k-1) + 1."""
    return (size - 1) * s + d * (k - 1) + 1


def convt_out_size(size, k, s, p, op, d):
    """(size-1)*s - 2p + d*(k-1) + op + 1."""
    return (size - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_transpose2d_forward(x, w, b, stride, padding, output_padding, dilation, groups):
    """PyTorch conv_transpose2d.  x: (N,Cin,H,W), w: (Cin,Cout/G,KH,KW).

    full[n, g*Cout/G + o'] = sum_{c in group g} convolve2d(insert_zeros(x[n,c], s),
                              dilate(w[c,o']), "full")
    out = fit(full, ph+outH, pw+outW)[ph:ph+outH, pw:pw+outW] + b.  -> (N,Cout,outH,outW)
    """
    n_, cin, h, wd = x.shape
    _, og, kh, kw = w.shape
    (ph, pw) = padding
    cg = cin // groups
    oh = convt_out_size(h, kh, stride[0], ph, output_padding[0], dilation[0])
    ow = convt_out_size(wd, kw, stride[1], pw, output_padding[1], dilation[1])
    fh = convt_full_size(h, kh, stride[0], dilation[0])
    fw = convt_full_size(wd, kw, stride[1], dilation[1])
    rows, cols = max(fh, ph + oh), max(fw, pw + ow)
    out = np.zeros((n_, og * groups, oh, ow))
    for n in range(n_):
        for g in range(groups):
            for oi in range(og):
                o = g * og + oi
                full = np.zeros((fh, fw))
                for c in range(g * cg, (g + 1) * cg):
                    full += convolve2d(insert_zeros(x[n, c], stride),
                                       dilate(w[c, oi], dilation), mode="full")
                out[n, o] = fit(full, rows, cols)[ph:ph + oh, pw:pw + ow]
                if b is not None:
                    out[n, o] += b[o]
    return out


def conv_transpose2d_backward(x, w, dout, stride, padding, output_padding, dilation, groups):
    """Gradients of sum(conv_transpose2d(x, w, b) * dout).

    G[n,o] = dout[n,o] placed at offset (ph, pw) in the uncropped frame
             (entries that fell into the zero extension are dropped).
    dx[n,c]  = sum_o' correlate2d(G[n,o], dilate(w[c,o']), "valid")[::sh, ::sw]   (N,Cin,H,W)
    dw[c,o'] = sum_n correlate2d(G[n,o], insert_zeros(x[n,c], s), "valid")
               [::dh, ::dw]                                             (Cin,Cout/G,KH,KW)
    db[o]    = dout.sum over (n, i, j)                                  (Cout,)
    """
    n_, cin, h, wd = x.shape
    _, og, kh, kw = w.shape
    (ph, pw), (dh, dw_) = padding, dilation
    cg = cin // groups
    oh, ow = dout.shape[2:]
    fh = convt_full_size(h, kh, stride[0], dh)
    fw = convt_full_size(wd, kw, stride[1], dw_)
    rows, cols = max(fh, ph + oh), max(fw, pw + ow)
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    for n in range(n_):
        for g in range(groups):
            for oi in range(og):
                o = g * og + oi
                big = np.zeros((rows, cols))
                big[ph:ph + oh, pw:pw + ow] = dout[n, o]
                gfull = big[:fh, :fw]
                for c in range(g * cg, (g + 1) * cg):
                    back = correlate2d(gfull, dilate(w[c, oi], dilation), mode="valid")
                    dx[n, c] += back[::stride[0], ::stride[1]]
                    corr = correlate2d(gfull, insert_zeros(x[n, c], stride), mode="valid")
                    dw[c, oi] += corr[::dh, ::dw_]
    db = dout.sum(axis=(0, 2, 3))
    return dx, dw, db


def conv_transpose2d_bruteforce(x, w, b, stride, padding, output_padding, dilation, groups):
    """Self-check only: the defining scatter with explicit bounds tests."""
    n_, cin, h, wd = x.shape
    _, og, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw_) = stride, padding, dilation
    oh = convt_out_size(h, kh, sh, ph, output_padding[0], dh)
    ow = convt_out_size(wd, kw, sw, pw, output_padding[1], dw_)
    cg = cin // groups
    out = np.zeros((n_, og * groups, oh, ow))
    if b is not None:
        out += b[None, :, None, None]
    for n in range(n_):
        for c in range(cin):
            g = c // cg
            for oi in range(og):
                for i in range(h):
                    for j in range(wd):
                        for a in range(kh):
                            for e in range(kw):
                                r, q = i * sh - ph + a * dh, j * sw - pw + e * dw_
                                if 0 <= r < oh and 0 <= q < ow:
                                    out[n, g * og + oi, r, q] += x[n, c, i, j] * w[c, oi, a, e]
    return out


def conv_transpose2d_case(rng, name, n, cin, cout, hw, k, stride=(1, 1), padding=(0, 0),
                          output_padding=(0, 0), dilation=(1, 1), groups=1, bias=True,
                          ints=False):
    """Build, compute and self-check one conv_transpose2d case."""
    h, wd = hw
    kh, kw = k
    assert cin % groups == 0 and cout % groups == 0
    for a in range(2):
        assert 0 <= output_padding[a] < max(stride[a], dilation[a]), name
    gen = small_ints if ints else uniform
    x = gen(rng, (n, cin, h, wd))
    w = gen(rng, (cin, cout // groups, kh, kw))
    b = gen(rng, (cout,)) if bias else None
    args = (list(stride), list(padding), list(output_padding), list(dilation), groups)
    out = conv_transpose2d_forward(x, w, b, *args)
    assert out.shape[2] >= 1 and out.shape[3] >= 1, name
    dout = gen(rng, out.shape)
    dx, dw, db = conv_transpose2d_backward(x, w, dout, *args)

    for t in (x, w, out, dout):
        assert 1 <= t.size <= MAX_ELEMS, (name, t.shape)
    assert np.allclose(out, conv_transpose2d_bruteforce(x, w, b, *args),
                       rtol=0, atol=1e-12), name
    loss = lambda: float(np.sum(conv_transpose2d_forward(x, w, b, *args) * dout))
    assert_grad_fd(name, "dx", loss, x, dx)
    assert_grad_fd(name, "dw", loss, w, dw)
    if b is not None:
        assert_grad_fd(name, "db", loss, b, db)

    return {
        "name": name, "x": T(x), "w": T(w),
        "b": None if b is None else floats(b),
        "stride": args[0], "padding": args[1], "output_padding": args[2],
        "dilation": args[3], "groups": groups,
        "out": T(out), "dout": T(dout), "dx": T(dx), "dw": T(dw), "db": floats(db),
    }


def conv_transpose2d_named_cases(rng):
    """Hand-picked edge cases."""
    C = conv_transpose2d_case
    return [
        C(rng, "readable_int_2x2_k2", 1, 1, 1, (2, 2), (2, 2), ints=True, bias=False),
        C(rng, "readable_int_stride2", 1, 1, 1, (2, 3), (3, 3), stride=(2, 2), ints=True),
        C(rng, "stride1_no_pad", 1, 2, 3, (3, 4), (3, 2)),
        C(rng, "kernel_1x1", 2, 3, 2, (3, 3), (1, 1)),
        C(rng, "kernel_1x1_stride2", 1, 2, 1, (3, 4), (1, 1), stride=(2, 2)),
        C(rng, "kernel_1x1_stride3_outpad2", 1, 1, 2, (3, 2), (1, 1), (3, 3),
          output_padding=(2, 1)),
        C(rng, "upsample_k2_s2", 1, 2, 2, (3, 3), (2, 2), stride=(2, 2)),
        C(rng, "k3_s2_p1_outpad1", 1, 2, 2, (3, 3), (3, 3), (2, 2), (1, 1), (1, 1)),
        C(rng, "k4_s2_p1", 2, 1, 2, (3, 4), (4, 4), (2, 2), (1, 1)),
        C(rng, "stride3_outpad2", 1, 1, 1, (2, 3), (3, 2), (3, 3), (0, 0), (2, 2)),
        C(rng, "stride3_pad1_outpad1", 1, 2, 1, (3, 2), (2, 3), (3, 3), (1, 1), (1, 2)),
        C(rng, "outpad_past_full_result", 1, 1, 2, (3, 3), (2, 2), (3, 2), (0, 0), (2, 1)),
        C(rng, "dilation_gt_stride_outpad", 1, 1, 2, (3, 3), (2, 2), (1, 1), (0, 0),
          (2, 1), (3, 2)),
        C(rng, "dilation3_stride2_outpad2", 1, 2, 1, (2, 3), (2, 3), (2, 2), (1, 0),
          (2, 1), (3, 3)),
        C(rng, "dilation_rect", 1, 2, 2, (3, 3), (3, 2), dilation=(2, 3)),
        C(rng, "crop_heavy_k4_p3", 1, 1, 2, (5, 4), (4, 4), padding=(3, 3)),
        C(rng, "crop_heavy_s2_p2", 1, 2, 1, (3, 4), (3, 3), (2, 2), (2, 2)),
        C(rng, "crop_to_1x1", 1, 1, 1, (2, 2), (2, 2), padding=(1, 1)),
        C(rng, "crop_rect_to_1xW", 2, 1, 2, (1, 3), (3, 2), padding=(1, 0)),
        C(rng, "pad_beyond_kernel_stride3", 1, 1, 1, (4, 3), (1, 2), (3, 3), (2, 1)),
        C(rng, "groups2", 1, 4, 2, (3, 3), (2, 2), groups=2),
        C(rng, "groups2_stride2_outpad", 1, 2, 4, (3, 2), (3, 3), (2, 2), (1, 1), (1, 1),
          groups=2),
        C(rng, "depthwise_c3", 1, 3, 3, (3, 3), (2, 3), stride=(2, 1), groups=3),
        C(rng, "groups4_nobias", 2, 4, 4, (2, 2), (2, 2), groups=4, bias=False),
        C(rng, "input_1x1", 1, 2, 3, (1, 1), (3, 2)),
        C(rng, "input_1x1_stride3_outpad", 1, 1, 2, (1, 1), (2, 2), (3, 3), (0, 0), (2, 1)),
        C(rng, "rect_kernel_4x1", 1, 2, 1, (2, 4), (4, 1), stride=(1, 2)),
        C(rng, "rect_input_1x6", 1, 1, 2, (1, 6), (2, 2), stride=(2, 1)),
    ]


def conv_transpose2d_sweep_cases(rng, count):
    """Random valid configurations.  Group layouts cycle through
    groups=1, groups=1, groups=2, depthwise (groups=Cin=Cout)."""
    cases = []
    while len(cases) < count:
        layout = len(cases) % 4
        n = int(rng.integers(1, 3))
        if layout in (0, 1):
            groups, cin, cout = 1, int(rng.integers(1, 5)), int(rng.integers(1, 5))
        elif layout == 2:
            groups, cin, cout = 2, int(rng.choice([2, 4])), int(rng.choice([2, 4]))
        else:
            groups = int(rng.integers(1, 5))
            cin = cout = groups
        h, wd = pair(rng, 1, 5)
        kh, kw = pair(rng, 1, 4)
        stride, padding, dilation = pair(rng, 1, 3), pair(rng, 0, 2), pair(rng, 1, 3)
        opad = [int(rng.integers(0, max(stride[a], dilation[a]))) for a in range(2)]
        bias = bool(rng.integers(0, 2))
        oh = convt_out_size(h, kh, stride[0], padding[0], opad[0], dilation[0])
        ow = convt_out_size(wd, kw, stride[1], padding[1], opad[1], dilation[1])
        ok = (oh >= 1 and ow >= 1
              and n * cin * h * wd <= MAX_ELEMS
              and n * cout * oh * ow <= MAX_ELEMS)
        if not ok:
            continue
        name = "sweep%03d_n%dci%dco%d_g%d_%dx%d_k%dx%d_s%d%d_p%d%d_op%d%d_d%d%d%s" % (
            len(cases), n, cin, cout, groups, h, wd, kh, kw, *stride, *padding, *opad,
            *dilation, "" if bias else "_nobias")
        cases.append(conv_transpose2d_case(rng, name, n, cin, cout, (h, wd), (kh, kw), stride,
                                           padding, opad, dilation, groups, bias))
    return cases


def make_conv_transpose2d():
    """conv_transpose2d.json: named edge cases + random sweep (80 cases)."""
    rng = np.random.default_rng(SEED)
    cases = conv_transpose2d_named_cases(rng)
    cases += conv_transpose2d_sweep_cases(rng, 80 - len(cases))
    write_cases("conv_transpose2d.json", cases)


# --------------------------------------------------------------------------
# pool2d
# --------------------------------------------------------------------------

def pool_out_size(size, k, s, p):
    """floor((size + 2p - k) / s) + 1."""
    return (size + 2 * p - k) // s + 1


def pool_windows(x, kernel, stride, padding, fill):
    """(N,C,H,W) -> (N,C,outH,outW,kh,kw) windows of x padded with `fill`."""
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    xpad = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=fill)
    return sliding_window_view(xpad, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]


def pool2d_forward(kind, x, kernel, stride, padding):
    """max: window max over -inf padding; avg: window sum / (kh*kw), zero padding
    counted.  -> (N,C,outH,outW)"""
    fill = -np.inf if kind == "max" else 0.0
    win = pool_windows(x, kernel, stride, padding, fill)
    if kind == "max":
        return win.max(axis=(4, 5))
    return win.sum(axis=(4, 5)) / (kernel[0] * kernel[1])


def pool2d_backward(kind, x, dout, kernel, stride, padding):
    """dx of sum(pool(x) * dout).  max: dout goes to the FIRST maximum of each
    window (row-major argmax); avg: dout/(kh*kw) to every window cell.
    Overlapping windows accumulate via np.add.at.  -> (N,C,H,W)"""
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    n_, c_, h, wd = x.shape
    oh, ow = dout.shape[2:]
    dxpad = np.zeros((n_, c_, h + 2 * ph, wd + 2 * pw))
    nn, cc, ii, jj = np.meshgrid(np.arange(n_), np.arange(c_), np.arange(oh), np.arange(ow),
                                 indexing="ij")
    if kind == "max":
        win = pool_windows(x, kernel, stride, padding, -np.inf)
        first = win.reshape(n_, c_, oh, ow, kh * kw).argmax(axis=4)
        rows, cols = ii * sh + first // kw, jj * sw + first % kw
        np.add.at(dxpad, (nn, cc, rows, cols), dout)
    else:
        share = dout / (kh * kw)
        for a in range(kh):
            for e in range(kw):
                np.add.at(dxpad, (nn, cc, ii * sh + a, jj * sw + e), share)
    return dxpad[:, :, ph:ph + h, pw:pw + wd]


def pool2d_bruteforce(kind, x, dout, kernel, stride, padding):
    """Self-check only: explicit loops for forward and backward."""
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    n_, c_, h, wd = x.shape
    oh, ow = pool_out_size(h, kh, sh, ph), pool_out_size(wd, kw, sw, pw)
    out = np.zeros((n_, c_, oh, ow))
    dx = np.zeros_like(x)
    for n in range(n_):
        for c in range(c_):
            for i in range(oh):
                for j in range(ow):
                    best, arg, acc = -np.inf, None, 0.0
                    for a in range(kh):
                        for e in range(kw):
                            r, q = i * sh - ph + a, j * sw - pw + e
                            if 0 <= r < h and 0 <= q < wd:
                                acc += x[n, c, r, q]
                                if x[n, c, r, q] > best:
                                    best, arg = x[n, c, r, q], (r, q)
                                if kind == "avg":
                                    dx[n, c, r, q] += dout[n, c, i, j] / (kh * kw)
                    if kind == "max":
                        out[n, c, i, j] = best
                        dx[n, c, arg[0], arg[1]] += dout[n, c, i, j]
                    else:
                        out[n, c, i, j] = acc / (kh * kw)
    return out, dx


def pool2d_case(rng, name, kind, n, c, hw, kernel, stride, padding=(0, 0), ints=False,
                negative=False):
    """Build, compute and self-check one pooling case.  `negative` makes every
    input value negative (so a zero-padded max would be wrong)."""
    h, wd = hw
    for a in range(2):
        assert 0 <= padding[a] <= kernel[a] // 2, name
    gen = small_ints if ints else uniform
    x = gen(rng, (n, c, h, wd))
    if negative:
        x = -np.abs(x) - 0.5
    args = (list(kernel), list(stride), list(padding))
    out = pool2d_forward(kind, x, *args)
    assert out.shape[2] >= 1 and out.shape[3] >= 1, name
    dout = gen(rng, out.shape)
    dx = pool2d_backward(kind, x, dout, *args)

    for t in (x, out):
        assert 1 <= t.size <= MAX_ELEMS, (name, t.shape)
    assert np.all(np.isfinite(out)), name
    ref_out, ref_dx = pool2d_bruteforce(kind, x, dout, *args)
    assert np.allclose(out, ref_out, rtol=0, atol=1e-12), name
    assert np.allclose(dx, ref_dx, rtol=0, atol=1e-12), name
    if kind == "avg" or not ints:
        # Tie-free float data: max pooling is locally linear for a tiny eps.
        loss = lambda: float(np.sum(pool2d_forward(kind, x, *args) * dout))
        assert_grad_fd(name, "dx", loss, x, dx, eps=1e-3 if kind == "avg" else 1e-7)

    return {
        "name": name, "kind": kind, "x": T(x),
        "kernel": args[0], "stride": args[1], "padding": args[2],
        "out": T(out), "dout": T(dout), "dx": T(dx),
    }


def pool2d_named_cases(rng):
    """Hand-picked edge cases (ties, overlap, stride > kernel, padding, ...)."""
    P = pool2d_case
    cases = [
        P(rng, "max_readable_2x2_s2", "max", 1, 1, (4, 4), (2, 2), (2, 2), ints=True),
        P(rng, "avg_readable_2x2_s2", "avg", 1, 1, (4, 4), (2, 2), (2, 2), ints=True),
        P(rng, "max_ties_overlap_k3_s1", "max", 1, 2, (5, 5), (3, 3), (1, 1), ints=True),
        P(rng, "max_ties_overlap_k2_s1_pad1", "max", 1, 1, (4, 5), (2, 2), (1, 1), (1, 1),
          ints=True),
        P(rng, "max_ties_overlap_rect", "max", 2, 1, (5, 6), (3, 2), (2, 1), (1, 0),
          ints=True),
        P(rng, "max_stride_gt_kernel", "max", 1, 2, (7, 7), (2, 2), (3, 3)),
        P(rng, "avg_stride_gt_kernel", "avg", 1, 2, (7, 7), (2, 2), (3, 3)),
        P(rng, "max_stride_gt_kernel_1x1", "max", 1, 1, (5, 6), (1, 1), (2, 3)),
        P(rng, "avg_pad_k3_p1", "avg", 1, 2, (4, 4), (3, 3), (1, 1), (1, 1)),
        P(rng, "max_pad_k3_p1", "max", 1, 2, (4, 4), (3, 3), (1, 1), (1, 1)),
        P(rng, "max_pad_negative_values", "max", 1, 1, (3, 3), (2, 2), (1, 1), (1, 1),
          negative=True),
        P(rng, "max_ties_overlap_k3_s2_pad1", "max", 1, 2, (5, 5), (3, 3), (2, 2), (1, 1),
          ints=True),
        P(rng, "avg_rect_k1x4_p0_2", "avg", 1, 1, (3, 7), (1, 4), (1, 2), (0, 2)),
        P(rng, "max_rect_k4x1_p2_0", "max", 1, 1, (7, 3), (4, 1), (2, 1), (2, 0)),
        P(rng, "max_kernel_equals_input", "max", 2, 2, (3, 4), (3, 4), (1, 1)),
        P(rng, "avg_kernel_equals_padded_input", "avg", 1, 1, (2, 2), (4, 4), (1, 1), (1, 1)),
        P(rng, "max_input_1x1_pad", "max", 1, 1, (1, 1), (3, 3), (1, 1), (1, 1)),
        P(rng, "avg_input_1x1_pad", "avg", 1, 1, (1, 1), (2, 2), (1, 1), (1, 1)),
        P(rng, "max_stride_floor", "max", 1, 1, (7, 6), (2, 3), (2, 2)),
        P(rng, "avg_stride_floor", "avg", 1, 1, (7, 6), (3, 2), (3, 3)),
    ]
    return cases


def pool2d_constant_case(rng):
    """Max pooling of a constant tensor with overlapping, padded windows: the
    gradient goes to the first real (non-padding) cell of each window."""
    x = np.full((1, 1, 4, 5), 1.0)
    kernel, stride, padding = [3, 3], [1, 2], [1, 1]
    out = pool2d_forward("max", x, kernel, stride, padding)
    dout = small_ints(rng, out.shape, 1, 4)
    dx = pool2d_backward("max", x, dout, kernel, stride, padding)
    ref_out, ref_dx = pool2d_bruteforce("max", x, dout, kernel, stride, padding)
    assert np.array_equal(out, ref_out) and np.array_equal(dx, ref_dx)
    return {
        "name": "max_constant_input_overlap_pad", "kind": "max", "x": T(x),
        "kernel": kernel, "stride": stride, "padding": padding,
        "out": T(out), "dout": T(dout), "dx": T(dx),
    }


def pool2d_sweep_cases(rng, count, start_index):
    """Random valid configurations alternating max/avg; every third max case
    uses small integers (ties)."""
    cases = []
    while len(cases) < count:
        idx = start_index + len(cases)
        kind = "max" if len(cases) % 2 == 0 else "avg"
        ints = kind == "max" and (len(cases) // 2) % 3 == 0
        n, c = int(rng.integers(1, 3)), int(rng.integers(1, 4))
        h, wd = pair(rng, 1, 7)
        kernel, stride = pair(rng, 1, 4), pair(rng, 1, 3)
        padding = [int(rng.integers(0, kernel[a] // 2 + 1)) for a in range(2)]
        oh = pool_out_size(h, kernel[0], stride[0], padding[0])
        ow = pool_out_size(wd, kernel[1], stride[1], padding[1])
        ok = (kernel[0] <= h + 2 * padding[0] and kernel[1] <= wd + 2 * padding[1]
              and oh >= 1 and ow >= 1 and n * c * h * wd <= MAX_ELEMS)
        if not ok:
            continue
        name = "sweep%03d_%s_n%dc%d_%dx%d_k%dx%d_s%d%d_p%d%d%s" % (
            idx, kind, n, c, h, wd, *kernel, *stride, *padding, "_int" if ints else "")
        cases.append(pool2d_case(rng, name, kind, n, c, (h, wd), kernel, stride, padding,
                                 ints))
    return cases


def make_pool2d():
    """pool2d.json: named edge cases + random sweep (100 cases)."""
    rng = np.random.default_rng(SEED)
    cases = pool2d_named_cases(rng)
    cases.append(pool2d_constant_case(rng))
    cases += pool2d_sweep_cases(rng, 100 - len(cases), len(cases))
    write_cases("pool2d.json", cases)


def main():
    make_conv1d()
    make_conv2d()
    make_conv2d_padding()
    make_conv_transpose2d()
    make_pool2d()
    print("all self-checks passed")


if __name__ == "__main__":
    main()
