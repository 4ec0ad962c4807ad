#!/usr/bin/env python3
"""Terminal benchmarks of `convtutor explore`, run by `make bench`.

Runs the real binary in a pseudo-terminal of 120x40 (TERM=xterm-256color) and measures:

* start to first complete frame: from fork to the moment the bottom line of the first frame
  (the key hints) has been written; median of 11 starts;
* CPU time used while paused for 10 s (utime + stime from /proc/PID/stat);
* bytes written to the terminal per animation step (one `l` key), median over 30 steps.

Usage: scripts/bench_terminal.py PATH-TO-convtutor
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

COLUMNS, ROWS = 120, 40
FRAME_END = b"? keys"  # the key hints, the last line drawn in a frame


def spawn(binary, args):
    """Starts the binary in a new pty of COLUMNS x ROWS; returns (pid, master fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", SWIFT_BACKTRACE="interactive=no")
        os.execve(binary, [binary] + args, env)
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


def stop(pid, fd):
    os.write(fd, b"q")
    drain(fd, 0.2)
    os.waitpid(pid, 0)
    os.close(fd)


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    binary = sys.argv[1]
    starts = []
    for _ in range(11):
        t0 = time.perf_counter()
        pid, fd = spawn(binary, ["explore", "--input", "7x7", "--stride", "2", "--padding", "1"])
        read_until(fd, FRAME_END)
        starts.append((time.perf_counter() - t0) * 1000)
        stop(pid, fd)
    print(f"start to first frame (120x40):        median {statistics.median(starts):6.1f} ms   (target ≤ 50 ms)")

    pid, fd = spawn(binary, ["explore", "--input", "12x12", "--kernel", "3", "--channels", "2", "--filters", "2"])
    read_until(fd, FRAME_END)
    drain(fd, 0.3)
    before = cpu_seconds(pid)
    time.sleep(10)
    idle = (cpu_seconds(pid) - before) * 1000
    print(f"CPU while paused for 10 s:             {idle:6.1f} ms   (target < 20 ms)")

    sizes = []
    for _ in range(30):
        os.write(fd, b"l")
        sizes.append(len(drain(fd, 0.05)))
    print(f"bytes per animation step (120x40):     median {statistics.median(sizes):6.0f} B    (target ≤ 2048 B)")
    stop(pid, fd)


if __name__ == "__main__":
    main()
