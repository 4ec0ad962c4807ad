#!/usr/bin/env python3
"""Generate golden reference vectors for pooling's options and adaptive pooling.

Run from the repository root (``make golden`` runs it after make_golden.py):

    python3 Tests/ConvCoreTests/Golden/make_golden_pool.py

It writes two files next to itself:

    pool2d_options.json    PyTorch max_pool2d / avg_pool2d with ceil_mode, dilation (max),
                           count_include_pad and divisor_override (avg), forward + dx
    adaptive_pool2d.json   PyTorch adaptive_max_pool2d / adaptive_avg_pool2d, forward + dx

numpy (and make_golden.py's helpers, imported: that script needs scipy); float64; each
file from its own ``np.random.default_rng(20261204)``;
deterministic (byte-identical on a rerun); one case per line, floats as Python's
shortest round-trip repr.  Tensor encoding as in make_golden.py:
``{"shape": [...], "data": [row-major floats]}``; pairs are ``[h, w]``.

PyTorch is not installed here, so its rules are encoded from its documentation and
source and cited where they are used:

  [doc-max]  https://pytorch.org/docs/stable/generated/torch.nn.MaxPool2d.html
             H_out = floor((H + 2p - d(k-1) - 1)/s + 1); ceil_mode uses ceil.
             "sliding windows that would start in the right padded region are ignored"
  [doc-avg]  https://pytorch.org/docs/stable/generated/torch.nn.AvgPool2d.html
             H_out = floor((H + 2p - k)/s + 1); count_include_pad (default True);
             divisor_override ("if specified, it will be used as divisor").
  [shape]    aten/src/ATen/native/Pool.h, pooling_output_shape_pad_lr:
                 out = div_rtn(H + 2p - d(k-1) - 1 + (ceil_mode ? s-1 : 0), s) + 1
                 if ceil_mode and (out-1)*s >= H + p: out -= 1
             pool2d_shape_check: k/2 >= p; output >= 1.
  [avg-cpu]  aten/src/ATen/native/cpu/AvgPoolKernel.cpp (cpu_avg_pool):
                 ih0 = oh*s - p;  ih1 = min(ih0 + k, H + p)
                 pool_size = (ih1 - ih0) * (iw1 - iw0)
                 ih0 = max(ih0, 0);  ih1 = min(ih1, H)
                 divide_factor = divisor_override if given
                                 else pool_size if count_include_pad
                                 else (ih1 - ih0) * (iw1 - iw0)
                 out = sum(x[ih0:ih1, iw0:iw1]) / divide_factor
             backward: every cell of the clamped window gets dout / divide_factor.
  [max-cpu]  aten/src/ATen/native/cpu/MaxPoolKernel.cpp: taps ih0 + a*d inside the
             input only; the first maximum in row-major order (strict >) wins; the
             gradient goes to it.
  [adaptive] aten/src/ATen/native/AdaptivePooling.h:
                 start_index(i, O, H) = floor(i*H/O)
                 end_index(i, O, H)   = ceil((i+1)*H/O)
             AdaptiveAvgPoolKernel.cpp: mean over [start, end) on both axes (backward:
             dout / (kh*kw) to every cell); AdaptiveMaxPoolKernel.cpp: first maximum,
             gradient to it.

Formulations (independent of the Swift code, which loops over window taps):

* pool2d with options: the input is framed -- p cells on top/left, p plus the ceil_mode
  overhang on bottom/right -- with -inf (max) or 0 (avg), cut into windows with
  sliding_window_view of the dilated extent d(k-1)+1 sampled every d, every s.
  max = window max; dx = dout scattered (np.add.at) to the row-major argmax, the frame
  cropped.  avg divisors are window sums of a 0/1 mask: ones over the padded input
  [-p, H+p) for count_include_pad (so the overhang counts nowhere), ones over the
  input for count_include_pad=False, or the override; out = window sum / divisor,
  dx = (dout / divisor) scattered over the window, the frame cropped.
* adaptive: per axis a 0/1 membership matrix A (O x H), A[i, h] = 1 on
  [start_index, end_index).  avg: out = A_h x A_w^T / (count_h count_w^T),
  dx = A_h^T (dout / counts) A_w (matrix products, no windows).  max: the window
  slices' flattened argmax (first maximum), dout scattered there.

Self-checks (assertions):
  * output sizes equal the [shape] formula, written out separately, and the brute
    force of the CPU kernels' loops ([avg-cpu], [max-cpu]) gives the same out and dx;
  * avg dx and tie-free max dx equal central finite differences of sum(out * dout);
  * adaptive pooling with H % O == 0 equals pooling with kernel = stride = H/O;
  * every case's windows read at least one input cell (a max window that reads only
    padding is refused by the compute core and is not a golden case).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

# The encoding, the file writer, the value generators and the finite-difference check are
# make_golden.py's (this script sits beside it).
from make_golden import MAX_ELEMS, T, assert_grad_fd, small_ints, uniform, write_cases

SEED = 20261204


def self_checked(name, kind, x, dout, reference, bruteforce, ints):
    """out and dx from reference(x, dout), after the self-checks: sizes within MAX_ELEMS, a
    finite out, the brute force agreeing, and (avg, or max on tie-free floats) dx equal to
    central finite differences of sum(out * dout)."""
    out, dx = reference(x, dout)
    for t in (x, out):
        assert 1 <= t.size <= MAX_ELEMS, (name, t.shape)
    assert np.all(np.isfinite(out)), name
    ref_out, ref_dx = bruteforce(x, dout)
    assert np.allclose(out, ref_out, rtol=0, atol=1e-12), name
    assert np.allclose(dx, ref_dx, rtol=0, atol=1e-12), name
    if kind == "avg" or not ints:
        loss = lambda: float(np.sum(reference(x, dout)[0] * dout))
        assert_grad_fd(name, "dx", loss, x, dx, eps=1e-3 if kind == "avg" else 1e-7)
    return out, dx


def sweep_draw(rng, k):
    """The k-th sweep case's kind (max and avg alternate), whether it takes small integers
    (every third max case, for ties), and its batch and channel counts."""
    kind = "max" if k % 2 == 0 else "avg"
    ints = kind == "max" and (k // 2) % 3 == 0
    return kind, ints, int(rng.integers(1, 3)), int(rng.integers(1, 3))


def make(filename, named_cases, sweep_cases, total):
    """One file: the named cases, then sweep cases up to `total`, from the file's own generator."""
    rng = np.random.default_rng(SEED)
    cases = named_cases(rng)
    cases += sweep_cases(rng, total - len(cases), len(cases))
    write_cases(filename, cases)


# --------------------------------------------------------------------------
# pool2d with ceil_mode, dilation, count_include_pad, divisor_override
# --------------------------------------------------------------------------

def pytorch_out_size(size, k, s, p, d, ceil_mode):
    """[shape] pooling_output_shape_pad_lr, verbatim (Python's // is div_rtn)."""
    out = (size + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil_mode else 0)) // s + 1
    if ceil_mode and (out - 1) * s >= size + p:
        out -= 1
    return out


def docs_out_size(size, k, s, p, d, ceil_mode):
    """[doc-max] with the drop rule in words: windows starting in the right padding
    (start (i*s - p) >= size) are ignored.  Written with floats on purpose."""
    raw = (size + 2 * p - d * (k - 1) - 1) / s + 1
    out = int(np.ceil(raw)) if ceil_mode else int(np.floor(raw))
    while out > 0 and (out - 1) * s - p >= size:
        out -= 1
    return out


class Frame:
    """The framed input of one axis: p cells before, p + overhang after."""

    def __init__(self, size, k, s, p, d, ceil_mode):
        self.size, self.k, self.s, self.p, self.d = size, k, s, p, d
        self.out = pytorch_out_size(size, k, s, p, d, ceil_mode)
        assert self.out == docs_out_size(size, k, s, p, d, ceil_mode)
        self.extent = d * (k - 1) + 1
        need = (self.out - 1) * s + self.extent
        self.after = p + max(0, need - (size + 2 * p))
        self.total = p + size + self.after


def framed(x, fh, fw, fill):
    return np.pad(x, ((0, 0), (0, 0), (fh.p, fh.after), (fw.p, fw.after)), constant_values=fill)


def windows(a, fh, fw):
    """(N,C,FH,FW) -> (N,C,outH,outW,kh,kw): dilated windows every stride."""
    win = sliding_window_view(a, (fh.extent, fw.extent), axis=(2, 3))
    win = win[:, :, ::fh.s, ::fw.s][:, :, :fh.out, :fw.out]
    return win[..., ::fh.d, ::fw.d]


def pool_options_reference(kind, x, dout, kernel, stride, padding, dilation, ceil_mode,
                           count_include_pad, divisor_override):
    """out and dx as described in the module docstring."""
    n_, c_, h, wd = x.shape
    fh = Frame(h, kernel[0], stride[0], padding[0], dilation[0], ceil_mode)
    fw = Frame(wd, kernel[1], stride[1], padding[1], dilation[1], ceil_mode)
    oh, ow = fh.out, fw.out
    kh, kw = kernel
    nn, cc, ii, jj = np.meshgrid(np.arange(n_), np.arange(c_), np.arange(oh), np.arange(ow),
                                 indexing="ij")
    dframe = np.zeros((n_, c_, fh.total, fw.total))
    if kind == "max":
        win = windows(framed(x, fh, fw, -np.inf), fh, fw)
        out = win.max(axis=(4, 5))
        first = win.reshape(n_, c_, oh, ow, kh * kw).argmax(axis=4)
        rows = ii * fh.s + (first // kw) * fh.d
        cols = jj * fw.s + (first % kw) * fw.d
        np.add.at(dframe, (nn, cc, rows, cols), dout)
    else:
        sums = windows(framed(x, fh, fw, 0.0), fh, fw).sum(axis=(4, 5))
        if divisor_override is not None:
            div = np.full((oh, ow), float(divisor_override))
        else:
            mask = np.zeros((1, 1, fh.total, fw.total))
            if count_include_pad:
                mask[:, :, :h + 2 * fh.p, :wd + 2 * fw.p] = 1.0
            else:
                mask[:, :, fh.p:fh.p + h, fw.p:fw.p + wd] = 1.0
            div = windows(mask, fh, fw).sum(axis=(4, 5))[0, 0]
        out = sums / div
        share = dout / div
        for a in range(kh):
            for e in range(kw):
                np.add.at(dframe, (nn, cc, ii * fh.s + a, jj * fw.s + e), share)
    dx = dframe[:, :, fh.p:fh.p + h, fw.p:fw.p + wd]
    return out, dx


def pool_options_bruteforce(kind, x, dout, kernel, stride, padding, dilation, ceil_mode,
                            count_include_pad, divisor_override):
    """Self-check: the loops of [avg-cpu] and [max-cpu], written out."""
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = kernel, stride, padding, dilation
    n_, c_, h, wd = x.shape
    oh = pytorch_out_size(h, kh, sh, ph, dh, ceil_mode)
    ow = pytorch_out_size(wd, kw, sw, pw, dw, ceil_mode)
    out = np.zeros((n_, c_, oh, ow))
    dx = np.zeros_like(x)
    for n in range(n_):
        for c in range(c_):
            for i in range(oh):
                for j in range(ow):
                    if kind == "max":
                        best, arg = -np.inf, None
                        for a in range(kh):
                            for e in range(kw):
                                r, q = i * sh - ph + a * dh, j * sw - pw + e * dw
                                if 0 <= r < h and 0 <= q < wd and (arg is None or x[n, c, r, q] > best):
                                    best, arg = x[n, c, r, q], (r, q)
                        assert arg is not None, "a max window reads only padding"
                        out[n, c, i, j] = best
                        dx[n, c, arg[0], arg[1]] += dout[n, c, i, j]
                        continue
                    ih0, iw0 = i * sh - ph, j * sw - pw
                    ih1, iw1 = min(ih0 + kh, h + ph), min(iw0 + kw, wd + pw)
                    pool_size = (ih1 - ih0) * (iw1 - iw0)
                    ih0, iw0, ih1, iw1 = max(ih0, 0), max(iw0, 0), min(ih1, h), min(iw1, wd)
                    assert ih0 < ih1 and iw0 < iw1
                    if divisor_override is not None:
                        factor = divisor_override
                    elif count_include_pad:
                        factor = pool_size
                    else:
                        factor = (ih1 - ih0) * (iw1 - iw0)
                    out[n, c, i, j] = x[n, c, ih0:ih1, iw0:iw1].sum() / factor
                    dx[n, c, ih0:ih1, iw0:iw1] += dout[n, c, i, j] / factor
    return out, dx


def pool_options_case(rng, name, kind, n, c, hw, kernel, stride, padding=(0, 0),
                      dilation=(1, 1), ceil_mode=False, count_include_pad=True,
                      divisor_override=None, ints=False):
    h, wd = hw
    for a in range(2):
        assert 0 <= padding[a] <= kernel[a] // 2, name
    assert kind == "max" or tuple(dilation) == (1, 1), name
    assert kind == "avg" or (count_include_pad and divisor_override is None), name
    gen = small_ints if ints else uniform
    x = gen(rng, (n, c, h, wd))
    args = (list(kernel), list(stride), list(padding), list(dilation), ceil_mode,
            count_include_pad, divisor_override)
    oh = pytorch_out_size(h, kernel[0], stride[0], padding[0], dilation[0], ceil_mode)
    ow = pytorch_out_size(wd, kernel[1], stride[1], padding[1], dilation[1], ceil_mode)
    assert oh >= 1 and ow >= 1, name
    dout = gen(rng, (n, c, oh, ow))
    out, dx = self_checked(name, kind, x, dout, lambda x, dout: pool_options_reference(kind, x, dout, *args),
                           lambda x, dout: pool_options_bruteforce(kind, x, dout, *args), ints)
    assert out.shape == (n, c, oh, ow), name
    return {
        "name": name, "kind": kind, "x": T(x),
        "kernel": args[0], "stride": args[1], "padding": args[2], "dilation": args[3],
        "ceil_mode": ceil_mode, "count_include_pad": count_include_pad,
        "divisor_override": divisor_override,
        "out": T(out), "dout": T(dout), "dx": T(dx),
    }


def pool_options_named_cases(rng):
    P = pool_options_case
    return [
        # ceil_mode: an odd input keeps a last window that hangs over the edge.
        P(rng, "max_ceil_odd_5_k2_s2", "max", 1, 1, (5, 5), (2, 2), (2, 2), ceil_mode=True, ints=True),
        P(rng, "avg_ceil_odd_5_k2_s2", "avg", 1, 1, (5, 5), (2, 2), (2, 2), ceil_mode=True),
        P(rng, "avg_ceil_odd_no_pad_count", "avg", 1, 1, (5, 7), (3, 2), (2, 2), ceil_mode=True,
          count_include_pad=False),
        # The drop rule: the last window would start in the right padding.
        P(rng, "max_ceil_drop_3_k2_s2_p1", "max", 1, 1, (3, 3), (2, 2), (2, 2), (1, 1), ceil_mode=True),
        P(rng, "avg_ceil_drop_4_k4_s3_p2", "avg", 1, 1, (4, 4), (4, 4), (3, 3), (2, 2), ceil_mode=True),
        # ceil_mode with padding: the divisor counts up to H + P only ([avg-cpu]).
        P(rng, "avg_ceil_pad_divisor_clamped", "avg", 1, 2, (6, 5), (3, 3), (2, 2), (1, 1),
          ceil_mode=True),
        P(rng, "avg_ceil_pad_no_count", "avg", 1, 2, (6, 5), (3, 3), (2, 2), (1, 1), ceil_mode=True,
          count_include_pad=False),
        # A window larger than the input: only ceil_mode places it.
        P(rng, "max_ceil_window_past_input", "max", 1, 1, (1, 3), (2, 2), (2, 2), ceil_mode=True),
        P(rng, "avg_ceil_window_past_input", "avg", 1, 1, (1, 3), (2, 2), (2, 2), ceil_mode=True),
        # count_include_pad=False: padding cells leave the divisor.
        P(rng, "avg_pad_no_count_k3_s1", "avg", 1, 1, (4, 4), (3, 3), (1, 1), (1, 1),
          count_include_pad=False),
        P(rng, "avg_pad_no_count_rect", "avg", 2, 1, (5, 4), (2, 3), (2, 1), (1, 1),
          count_include_pad=False),
        # divisor_override replaces every divisor, padding or not; PyTorch takes any nonzero int.
        P(rng, "avg_divisor_override_3", "avg", 1, 1, (4, 4), (2, 2), (2, 2), divisor_override=3),
        P(rng, "avg_divisor_override_pad_ceil", "avg", 1, 1, (5, 5), (3, 3), (2, 2), (1, 1),
          ceil_mode=True, divisor_override=2),
        P(rng, "avg_divisor_override_negative", "avg", 1, 1, (3, 4), (2, 2), (1, 2), divisor_override=-2),
        # Dilation (max only).
        P(rng, "max_dilation_2", "max", 1, 1, (6, 6), (2, 2), (1, 1), dilation=(2, 2)),
        P(rng, "max_dilation_2_pad_ties", "max", 1, 2, (5, 5), (3, 3), (2, 2), (1, 1), (2, 2), ints=True),
        P(rng, "max_dilation_rect_ceil", "max", 1, 1, (7, 6), (2, 3), (2, 2), (1, 1), (3, 2),
          ceil_mode=True),
        P(rng, "max_dilation_ceil_ties", "max", 2, 1, (6, 7), (2, 2), (3, 2), (0, 1), (2, 3),
          ceil_mode=True, ints=True),
        # The defaults, spelt out: the same as pool2d.json's semantics.
        P(rng, "avg_defaults_spelt_out", "avg", 1, 1, (4, 5), (2, 2), (2, 2), (1, 1)),
        P(rng, "max_defaults_spelt_out", "max", 1, 1, (4, 5), (2, 2), (2, 2), (1, 1)),
    ]


def reads_an_input_cell(size, k, s, p, d, ceil_mode):
    """Every window of the axis has a tap inside [0, size)."""
    out = pytorch_out_size(size, k, s, p, d, ceil_mode)
    return out >= 1 and all(
        any(0 <= i * s - p + a * d < size for a in range(k)) for i in range(out))


def pool_options_sweep_cases(rng, count, start_index):
    cases = []
    while len(cases) < count:
        idx = start_index + len(cases)
        kind, ints, n, c = sweep_draw(rng, len(cases))
        h, wd = [int(v) for v in rng.integers(1, 8, size=2)]
        kernel = [int(v) for v in rng.integers(1, 5, size=2)]
        stride = [int(v) for v in rng.integers(1, 4, size=2)]
        padding = [int(rng.integers(0, kernel[a] // 2 + 1)) for a in range(2)]
        dilation = [int(v) for v in rng.integers(1, 4, size=2)] if kind == "max" else [1, 1]
        ceil_mode = bool(rng.integers(0, 2))
        cip = bool(rng.integers(0, 2)) if kind == "avg" else True
        override = int(rng.choice([-3, 1, 2, 5, 9])) if kind == "avg" and rng.integers(0, 4) == 0 else None
        ok = (n * c * h * wd <= MAX_ELEMS
              and reads_an_input_cell(h, kernel[0], stride[0], padding[0], dilation[0], ceil_mode)
              and reads_an_input_cell(wd, kernel[1], stride[1], padding[1], dilation[1], ceil_mode))
        if not ok:
            continue
        name = "sweep%03d_%s_n%dc%d_%dx%d_k%dx%d_s%d%d_p%d%d_d%d%d%s%s%s%s" % (
            idx, kind, n, c, h, wd, *kernel, *stride, *padding, *dilation,
            "_ceil" if ceil_mode else "", "" if cip else "_nocount",
            "" if override is None else "_div%d" % override, "_int" if ints else "")
        cases.append(pool_options_case(rng, name, kind, n, c, (h, wd), kernel, stride, padding,
                                       dilation, ceil_mode, cip, override, ints))
    return cases


# --------------------------------------------------------------------------
# adaptive pooling
# --------------------------------------------------------------------------

def adaptive_bounds(i, o, size):
    """[adaptive] start_index and end_index, in integer arithmetic."""
    return (i * size) // o, -((-(i + 1) * size) // o)


def membership(o, size):
    """A[i, h] = 1 when start_i <= h < end_i: an (O x H) 0/1 matrix."""
    a = np.zeros((o, size))
    for i in range(o):
        start, end = adaptive_bounds(i, o, size)
        assert 0 <= start < end <= size
        a[i, start:end] = 1.0
    return a


def adaptive_reference(kind, x, dout, output_size):
    n_, c_, h, wd = x.shape
    oh, ow = output_size
    ah, aw = membership(oh, h), membership(ow, wd)
    if kind == "avg":
        counts = np.outer(ah.sum(axis=1), aw.sum(axis=1))
        out = np.einsum("ih,nchw,jw->ncij", ah, x, aw) / counts
        dx = np.einsum("ih,ncij,jw->nchw", ah, dout / counts, aw)
        return out, dx
    out = np.zeros((n_, c_, oh, ow))
    dx = np.zeros_like(x)
    for i in range(oh):
        r0, r1 = adaptive_bounds(i, oh, h)
        for j in range(ow):
            q0, q1 = adaptive_bounds(j, ow, wd)
            window = x[:, :, r0:r1, q0:q1].reshape(n_, c_, -1)
            first = window.argmax(axis=2)
            out[:, :, i, j] = window.max(axis=2)
            nn, cc = np.meshgrid(np.arange(n_), np.arange(c_), indexing="ij")
            np.add.at(dx, (nn, cc, r0 + first // (q1 - q0), q0 + first % (q1 - q0)), dout[:, :, i, j])
    return out, dx


def adaptive_bruteforce(kind, x, dout, output_size):
    """Self-check: the CPU kernels' loops."""
    n_, c_, h, wd = x.shape
    oh, ow = output_size
    out = np.zeros((n_, c_, oh, ow))
    dx = np.zeros_like(x)
    for n in range(n_):
        for c in range(c_):
            for i in range(oh):
                for j in range(ow):
                    ih0, ih1 = adaptive_bounds(i, oh, h)
                    iw0, iw1 = adaptive_bounds(j, ow, wd)
                    if kind == "avg":
                        k = (ih1 - ih0) * (iw1 - iw0)
                        out[n, c, i, j] = x[n, c, ih0:ih1, iw0:iw1].sum() / k
                        dx[n, c, ih0:ih1, iw0:iw1] += dout[n, c, i, j] / k
                        continue
                    best, arg = -np.inf, None
                    for r in range(ih0, ih1):
                        for q in range(iw0, iw1):
                            if arg is None or x[n, c, r, q] > best:
                                best, arg = x[n, c, r, q], (r, q)
                    out[n, c, i, j] = best
                    dx[n, c, arg[0], arg[1]] += dout[n, c, i, j]
    return out, dx


def adaptive_case(rng, name, kind, n, c, hw, output_size, ints=False):
    gen = small_ints if ints else uniform
    x = gen(rng, (n, c) + tuple(hw))
    dout = gen(rng, (n, c) + tuple(output_size))
    out, dx = self_checked(name, kind, x, dout, lambda x, dout: adaptive_reference(kind, x, dout, output_size),
                           lambda x, dout: adaptive_bruteforce(kind, x, dout, output_size), ints)
    if hw[0] % output_size[0] == 0 and hw[1] % output_size[1] == 0:
        # Divisible sizes: plain pooling with kernel = stride = H/O.
        k = [hw[0] // output_size[0], hw[1] // output_size[1]]
        plain, plain_dx = pool_options_reference(kind, x, dout, k, k, [0, 0], [1, 1], False, True, None)
        assert np.allclose(out, plain, rtol=0, atol=1e-12), name
        assert np.allclose(dx, plain_dx, rtol=0, atol=1e-12), name
    return {
        "name": name, "kind": kind, "x": T(x), "output_size": list(output_size),
        "out": T(out), "dout": T(dout), "dx": T(dx),
    }


def adaptive_named_cases(rng):
    A = adaptive_case
    return [
        A(rng, "avg_global_1x1", "avg", 2, 2, (4, 5), (1, 1)),
        A(rng, "max_global_1x1_ties", "max", 1, 2, (3, 3), (1, 1), ints=True),
        A(rng, "avg_divisible_6_to_3", "avg", 1, 1, (6, 6), (3, 3)),
        A(rng, "max_divisible_6_to_2", "max", 1, 1, (6, 4), (2, 2)),
        # Windows of varying size that overlap: 5 -> 3 gives [0,2) [1,4) [3,5).
        A(rng, "avg_overlap_5_to_3", "avg", 1, 1, (5, 5), (3, 3)),
        A(rng, "max_overlap_5_to_3_ties", "max", 1, 1, (5, 5), (3, 3), ints=True),
        A(rng, "avg_uneven_7_to_4_rect", "avg", 1, 2, (7, 5), (4, 2)),
        A(rng, "max_uneven_7_to_4_rect", "max", 2, 1, (7, 5), (4, 2)),
        # Output larger than the input: windows repeat cells.
        A(rng, "avg_upsample_2_to_5", "avg", 1, 1, (2, 3), (5, 4)),
        A(rng, "max_upsample_3_to_7", "max", 1, 1, (3, 2), (7, 3)),
        A(rng, "avg_identity_size", "avg", 1, 1, (3, 4), (3, 4)),
        A(rng, "max_one_row", "max", 1, 1, (1, 7), (1, 3)),
    ]


def adaptive_sweep_cases(rng, count, start_index):
    cases = []
    while len(cases) < count:
        idx = start_index + len(cases)
        kind, ints, n, c = sweep_draw(rng, len(cases))
        h, wd = [int(v) for v in rng.integers(1, 10, size=2)]
        oh, ow = [int(v) for v in rng.integers(1, 8, size=2)]
        if n * c * max(h * wd, oh * ow) > MAX_ELEMS:
            continue
        name = "sweep%03d_%s_n%dc%d_%dx%d_to_%dx%d%s" % (
            idx, kind, n, c, h, wd, oh, ow, "_int" if ints else "")
        cases.append(adaptive_case(rng, name, kind, n, c, (h, wd), (oh, ow), ints))
    return cases


def main():
    make("pool2d_options.json", pool_options_named_cases, pool_options_sweep_cases, 90)
    make("adaptive_pool2d.json", adaptive_named_cases, adaptive_sweep_cases, 60)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
