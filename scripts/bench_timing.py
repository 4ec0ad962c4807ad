"""Timing one start of a program, and comparing cases fairly on a noisy machine.

These machines drift: a figure taken a minute after its comparison may be 30% off through no
fault of either. So the cases compared are measured in turn, one start of each per round, and
each figure is the median of its rounds (`medians`).
"""
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import termios
import time

COLUMNS, ROWS = 120, 40


def spawn(binary, args, env=None):
    """Starts the binary in a new pty of COLUMNS x ROWS; returns (pid, master fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        os.execve(binary, [binary] + args, {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8",
                                            "SWIFT_BACKTRACE": "interactive=no", **(env or {})})
    return pid, fd


def read_until(fd, marker, timeout=10.0):
    """Reads until `marker` appears or nothing more arrives; returns (bytes, seconds)."""
    start = time.perf_counter()
    data = b""
    while marker not in data:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            raise TimeoutError(f"no {marker!r} after {timeout}s; got {data[-200:]!r}")
        data += os.read(fd, 65536)
    return data, time.perf_counter() - start


def drain(fd, quiet=0.05):
    """Reads whatever arrives until the terminal has been quiet for `quiet` seconds."""
    data = b""
    while True:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return data
        try:
            data += os.read(fd, 65536)
        except OSError:  # the program has exited and closed the terminal
            return data


def first_frame_ms(binary, args, marker, env=None):
    """Ms from fork until `marker` is out, in a new pty; the program is killed then."""
    start = time.perf_counter()
    pid, fd = spawn(binary, args, env)
    try:
        read_until(fd, marker)
        return (time.perf_counter() - start) * 1000
    finally:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)


def process_ms(args, check=True):
    """Wall time of a process that runs to its end with no terminal, in ms; with `check`, its
    failure is an error."""
    start = time.perf_counter()
    subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check)
    return (time.perf_counter() - start) * 1000


def medians(measures, runs):
    """The median of each of `measures` (functions that time one run, in ms) over `runs` rounds,
    each round running every measure once, in turn, after one unmeasured round that fills the
    page cache."""
    times = [[] for _ in measures]
    for round in range(runs + 1):
        for measure, kept in zip(measures, times):
            ms = measure()
            if round:
                kept.append(ms)
    return [statistics.median(kept) for kept in times]
