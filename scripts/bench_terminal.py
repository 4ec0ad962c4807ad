#!/usr/bin/env python3
"""The real binary's figures, each beside what it is compared with, measured in the same run.

Run by `make bench` after the compute core's timings:

    scripts/bench_terminal.py PATH-TO-convtutor WORKDIR

Every first frame is timed in a pseudo-terminal of 120x40 (TERM=xterm-256color): from fork to the
moment the last text of the first frame has been written, median of STARTS starts. These machines
are noisy, so each figure is printed as a ratio to its comparison, and the two are measured in
turn, one start of each per round (bench_timing.medians):

1. start-up: home and the explorer beside `vim -u NONE` and `less` on vim's tutor (target: within
   2x of vim), and a process that only prints a usage error beside a static Swift "hello" that
   uses Foundation;
2. a catalogue of 2,600 more lessons (the bundled ones copied under new ids into WORKDIR, read
   with `--lessons`) beside an empty `--lessons` folder, once the first run has built the lesson
   index: home and the lesson list (target: within 1.2x), the text list, and `check` of the 2,600
   (CPU time over wall time: 2 means both cores);
3. a history of 1,000,000 reviews of 50,000 cards beside one of 100 reviews (built by
   make_review_fixture.py into WORKDIR, kept for the day): `stats --json`, the stats screen and the
   first question of `quiz` (target: within 1.5x);
4. the explorer at work: CPU while paused, bytes written per animation step.
"""
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

from bench_reviews import bench_reviews
from bench_timing import COLUMNS, ROWS, drain, first_frame_ms, medians, process_ms, read_until, spawn

STARTS = 21
FRAME_END = b"? keys"  # the explorer's key hints, the last line of its frame
HOME_END = b"quit"  # home's hints end in "q/Esc quit"
LIST_END = b"q/Esc back"  # the lesson list's hints
TUTOR = "/usr/share/vim/vim90/tutor/tutor"
TUTOR_END = b"lesson 1.2."  # the last line of text on the tutor's first screen, for vim and less
EXTRA_LESSONS = 2600
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}  # the interface in English, whatever the locale


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(pid, fd):
    os.write(fd, b"q")
    drain(fd, 0.2)
    os.waitpid(pid, 0)
    os.close(fd)


def row(label, value, unit, comparison=None, name="", target=None):
    """One line: the figure, and beside it its comparison and their ratio."""
    text = f"  {label:38}{value:9.1f} {unit}"
    if comparison is not None:
        ratio = value / comparison
        text += f"   {name} {comparison:7.1f} {unit}   ×{ratio:5.2f}"
        if target is not None:
            text += f"   (target ≤ {target}: {'ok' if ratio <= target else 'MISSED'})"
    print(text, flush=True)


def swift_hello(workdir):
    """A static Swift program that prints one line with Foundation: the floor of a Swift process."""
    binary = os.path.join(workdir, "hello")
    if not os.path.exists(binary):
        source = os.path.join(workdir, "hello.swift")
        with open(source, "w") as f:
            f.write('import Foundation\nprint("hello \\(ProcessInfo.processInfo.processIdentifier)")\n')
        subprocess.run(["swiftc", "-O", "-static-stdlib", source, "-o", binary], check=True, stdout=subprocess.DEVNULL)
    return binary


def extra_lessons(workdir):
    """A folder of EXTRA_LESSONS lessons: the bundled English ones copied round and round, each
    copy under a new id and order."""
    folder = os.path.join(workdir, f"lessons-{EXTRA_LESSONS}")
    if len(glob.glob(os.path.join(folder, "*.md"))) == EXTRA_LESSONS:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    bundled = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Lessons", "en")
    sources = sorted(glob.glob(os.path.join(bundled, "[0-9]*.md")))
    for k in range(EXTRA_LESSONS):
        source = sources[k % len(sources)]
        text = open(source, encoding="utf-8").read()
        text = re.sub(r"^id: (.*)$", lambda m: f"id: {m.group(1)}-copy-{k}", text, count=1, flags=re.M)
        text = re.sub(r"^order: \d+$", f"order: {100 + k}", text, count=1, flags=re.M)
        with open(os.path.join(folder, f"{k:05d}-{os.path.basename(source)}"), "w", encoding="utf-8") as f:
            f.write(text)
    return folder


def start_up(convtutor, workdir):
    print(f"Start-up: first frame at {COLUMNS}x{ROWS}, median of {STARTS}", flush=True)
    vim, less, home, explore = medians([
        lambda: first_frame_ms(shutil.which("vim"), ["-u", "NONE", TUTOR], TUTOR_END),
        lambda: first_frame_ms(shutil.which("less"), [TUTOR], TUTOR_END),
        lambda: first_frame_ms(convtutor, [], HOME_END, ENGLISH),
        lambda: first_frame_ms(convtutor, ["explore"], FRAME_END, ENGLISH),
    ], STARTS)
    row("vim -u NONE on its tutor", vim, "ms")
    row("less on vim's tutor", less, "ms")
    row("convtutor (home)", home, "ms", vim, "vim", 2)
    row("convtutor explore", explore, "ms", vim, "vim", 2)
    hello_binary = swift_hello(workdir)
    hello, usage = medians([lambda: process_ms([hello_binary]), lambda: process_ms([convtutor, "--bogus"], check=False)], STARTS)
    row("usage error (convtutor --bogus)", usage, "ms", hello, "hello")


def catalogue(convtutor, workdir):
    print(f"A catalogue of {EXTRA_LESSONS} more lessons (--lessons DIR), index built, beside an empty DIR", flush=True)
    big = extra_lessons(workdir)
    empty = os.path.join(workdir, "lessons-0")
    os.makedirs(empty, exist_ok=True)
    data = os.path.join(workdir, "catalogue-data")
    shutil.rmtree(data, ignore_errors=True)
    env = {**ENGLISH, "CONVTUTOR_DATA_DIR": data}
    # The first runs build the index and the lists' snapshots; they are not measured. The list
    # saves its snapshot after its first frame, so it is given time to before it is quit.
    start = time.perf_counter()
    subprocess.run([convtutor, "lessons", "--lessons", big], env={**os.environ, **env}, check=True, stdout=subprocess.DEVNULL)
    row("first run: index built (lessons)", (time.perf_counter() - start) * 1000, "ms")
    for folder in [empty, big]:
        pid, fd = spawn(convtutor, ["learn", "--lessons", folder], env)
        read_until(fd, LIST_END)
        time.sleep(1)
        stop(pid, fd)
    for label, args, marker in [("home", [], HOME_END), ("lesson list (learn)", ["learn"], LIST_END)]:
        small, large = medians([lambda folder=folder: first_frame_ms(convtutor, args + ["--lessons", folder], marker, env)
                                for folder in [empty, big]], STARTS)
        row(label, large, "ms", small, "alone", 1.2)
    small, large = medians([lambda folder=folder: process_ms([convtutor, "lessons", "--lessons", folder, "--data-dir", data])
                            for folder in [empty, big]], STARTS)
    row(f"lessons (prints {EXTRA_LESSONS} more lines)", large, "ms", small, "alone")
    usage = os.times()
    start = time.perf_counter()
    subprocess.run([convtutor, "check", big], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - usage.children_user) + (after.children_system - usage.children_system)
    print(f"  {'check of the ' + str(EXTRA_LESSONS):38}{wall:9.1f} s    CPU/wall {cpu / wall:4.2f} on {os.cpu_count()} cores", flush=True)


def reviews(convtutor, workdir):
    print("Reviews: 1,000,000 of 50,000 cards beside 100 of 40 (fixtures by make_review_fixture.py)", flush=True)
    for label, small, large in bench_reviews(convtutor, os.path.join(workdir, "reviews")):
        row(label, large, "ms", small, "100", 1.5)


def explorer(convtutor):
    print("The explorer at work", flush=True)
    pid, fd = spawn(convtutor, ["explore", "--input", "12x12", "--kernel", "3", "--channels", "2", "--filters", "2"])
    read_until(fd, FRAME_END)
    drain(fd, 0.3)
    before = cpu_seconds(pid)
    time.sleep(10)
    idle = (cpu_seconds(pid) - before) * 1000
    print(f"  {'CPU while paused for 10 s':38}{idle:9.1f} ms   (target < 20 ms)")
    sizes = []
    for _ in range(30):
        os.write(fd, b"l")
        sizes.append(len(drain(fd, 0.05)))
    print(f"  {'bytes per animation step':38}{statistics.median(sizes):9.0f} B    (target ≤ 2048 B)")
    stop(pid, fd)


def main():
    convtutor, workdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(workdir, exist_ok=True)
    start_up(convtutor, workdir)
    catalogue(convtutor, workdir)
    reviews(convtutor, workdir)
    explorer(convtutor)


if __name__ == "__main__":
    main()
