#!/usr/bin/env python3
"""Checks the committed golden vectors of the padding and pooling options against PyTorch itself.

The golden vectors (make_golden.py, make_golden_pool.py) are computed with numpy formulations of
PyTorch's documented semantics, and the Swift tests hold ConvCore to them. This script closes the
loop where torch is installed (it is not needed for `make test`): every case of
conv2d_padding.json (padding_mode, "same"/explicit sides through F.pad), pool2d_options.json
(ceil_mode, count_include_pad, dilation, divisor_override) and adaptive_pool2d.json is run
through torch in float64, forward and backward (autograd with the case's dout), and compared at
1e-9 relative. Prints one line per file and exits 1 naming the first case that differs.

Usage: python3 Tests/ConvCoreTests/Golden/check_against_torch.py   (or: make torch-check)
"""
import json
import os
import sys
import warnings

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
TOLERANCE = 1e-9


def tensor(t, grad=False):
    return torch.tensor(np.array(t["data"], dtype=np.float64).reshape(t["shape"]), dtype=torch.float64, requires_grad=grad)


def close(name, field, got, expected):
    want = np.array(expected["data"] if isinstance(expected, dict) else expected, dtype=np.float64)
    if got is None or got.numel() != want.size:
        return f"{name}: {field} has {0 if got is None else got.numel()} values, golden {want.size}"
    got = got.detach().numpy().reshape(want.shape)
    scale = np.maximum(np.abs(want), 1.0)
    worst = np.max(np.abs(got - want) / scale) if want.size else 0.0
    return None if worst <= TOLERANCE else f"{name}: {field} differs from torch by {worst:.3g} (relative)"


def conv_padding(case):
    x, w = tensor(case["x"], True), tensor(case["w"], True)
    b = case["b"]
    if b is not None:
        b = tensor(b, True) if isinstance(b, dict) else torch.tensor(b, dtype=torch.float64, requires_grad=True)
    if "pad" in case:
        # Explicit [left, right, top, bottom] sides, as F.pad takes them, then no padding.
        mode = case["padding_mode"]
        xp = F.pad(x, tuple(case["pad"]), mode="constant" if mode == "zeros" else mode)
        out = F.conv2d(xp, w, b, stride=tuple(case["stride"]), dilation=tuple(case["dilation"]), groups=case["groups"])
    else:
        padding = case["padding"] if isinstance(case["padding"], str) else tuple(case["padding"])
        conv = torch.nn.Conv2d(x.shape[1], w.shape[0], tuple(w.shape[2:]), stride=tuple(case["stride"]),
                               padding=padding, dilation=tuple(case["dilation"]), groups=case["groups"],
                               bias=b is not None, padding_mode=case["padding_mode"]).double()
        with torch.no_grad():
            conv.weight.copy_(w)
            if b is not None:
                conv.bias.copy_(b)
        out = conv(x)
        w, b = conv.weight, conv.bias
    out.backward(tensor(case["dout"]))
    checks = [("out", out, case["out"]), ("dx", x.grad, case["dx"]), ("dw", w.grad, case["dw"])]
    if b is not None:
        checks.append(("db", b.grad, case["db"]))
    return checks


def pool_options(case):
    x = tensor(case["x"], True)
    args = dict(kernel_size=tuple(case["kernel"]), stride=tuple(case["stride"]), padding=tuple(case["padding"]),
                ceil_mode=case["ceil_mode"])
    if case["kind"] == "max":
        out = F.max_pool2d(x, dilation=tuple(case["dilation"]), **args)
    else:
        out = F.avg_pool2d(x, count_include_pad=case["count_include_pad"], divisor_override=case["divisor_override"], **args)
    out.backward(tensor(case["dout"]))
    return [("out", out, case["out"]), ("dx", x.grad, case["dx"])]


def adaptive(case):
    x = tensor(case["x"], True)
    size = tuple(case["output_size"])
    out = F.adaptive_max_pool2d(x, size) if case["kind"] == "max" else F.adaptive_avg_pool2d(x, size)
    out.backward(tensor(case["dout"]))
    return [("out", out, case["out"]), ("dx", x.grad, case["dx"])]


def main():
    # torch warns that "same" with an even kernel copies the input; that is the case under test.
    warnings.filterwarnings("ignore", message="Using padding='same'")
    failed = False
    for file, run in [("conv2d_padding.json", conv_padding), ("pool2d_options.json", pool_options),
                      ("adaptive_pool2d.json", adaptive)]:
        with open(os.path.join(HERE, file)) as f:
            cases = json.load(f)["cases"]
        problems = []
        for case in cases:
            try:
                results = run(case)
            except (RuntimeError, ValueError) as error:  # torch refuses the case, or the shapes disagree
                problems.append(f"{case['name']}: torch: {error}")
                continue
            for field, got, expected in results:
                problem = close(case["name"], field, got, expected)
                if problem:
                    problems.append(problem)
        print(f"{file}: {len(cases)} cases, {'all agree with torch ' + torch.__version__ if not problems else problems[0]}")
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
