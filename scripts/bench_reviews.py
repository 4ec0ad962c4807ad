#!/usr/bin/env python3
"""Statistics and the first quiz question with a short and a long review history.

`bench_reviews(convtutor, workdir, first_frame)` builds two progress databases with
`make_review_fixture.py` into WORKDIR (100 reviews of 40 cards, and 1,000,000 reviews of 50,000
cards; each kept for reuse by later runs of the same day) and times, on each:

* `stats --json`: the process's wall time, no terminal, median of STATS_RUNS runs;
* the stats screen (`stats`): its first frame in a 120x40 terminal, through `first_frame`;
* `quiz --plain`: from start until the first question is on stdout (stdin a pipe kept open,
  the process killed then), median of QUIZ_RUNS runs;
* the quiz screen (`quiz`): its first frame, the first question, through `first_frame`.

Nothing is answered, so the databases are left as built: a fingerprint of each (reviews, cards'
schedules, lesson positions) is taken before and compared after, and a change is an error.

Run alone, it prints the figures and the large/small ratio of each row, with a first frame
measured in a pseudo-terminal of its own:

    scripts/bench_reviews.py PATH-TO-convtutor WORKDIR
"""
import datetime
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
SMALL = {"reviews": 100, "cards": 40}
LARGE = {"reviews": 1_000_000, "cards": 50_000}
SEED = 1
STATS_RUNS = 9
QUIZ_RUNS = 9
# The end of the key hints, the bottom line and the last text drawn in a first frame: the stats
# screen's "… q/Esc back"; every quiz question's hints end in "finish" ("q/Esc finish",
# "Esc finish", "Esc clear / finish").
STATS_SCREEN_END = b"Esc back"
QUIZ_SCREEN_END = b"finish"
# The header of the first question of `quiz --plain`, printed and flushed with the whole question.
PLAIN_QUESTION = b"Question 1 of "
# Interface text in English, whatever the locale says.
LANG = ["--lang", "en"]


def fixture(convtutor, workdir, size):
    """The data folder of a fixture of SIZE (reviews and cards), built by make_review_fixture.py
    unless one of the same size and seed was built today (its due cards and streak count from
    the day it was built)."""
    folder = os.path.join(workdir, f"reviews-{size['reviews']}-cards-{size['cards']}")
    stamp = os.path.join(folder, "fixture.json")
    wanted = dict(size, seed=SEED, day=datetime.date.today().isoformat())
    if os.path.exists(stamp):
        with open(stamp) as f:
            if json.load(f) == wanted:
                return folder
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(SCRIPTS, "make_review_fixture.py"), "--reviews", str(size["reviews"]),
                    "--cards", str(size["cards"]), "--seed", str(SEED), "--data-dir", folder, "--convtutor", convtutor],
                   check=True)
    with open(stamp, "w") as f:
        json.dump(wanted, f)
    return folder


def fingerprint(folder):
    """What a bench must not change in the fixture: the review log's size and last id, the
    cards' schedules, the lesson positions."""
    db = sqlite3.connect(f"file:{os.path.join(folder, 'progress.sqlite')}?mode=ro", uri=True)
    try:
        return (db.execute("SELECT count(*), max(id) FROM review").fetchone(),
                db.execute("SELECT count(*), total(due), total(reps), total(state) FROM card").fetchone(),
                db.execute("SELECT count(*), total(step), total(updated_at) FROM lesson_progress").fetchone())
    finally:
        db.close()


def stats_json_ms(convtutor, folder):
    """Median wall time of `stats --json`, without a terminal, in ms (after one unmeasured run
    that brings the file into the page cache)."""
    args = [convtutor, "stats", "--json", *LANG, "--data-dir", folder]
    times = []
    for run in range(STATS_RUNS + 1):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        if run:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plain_question_ms(convtutor, folder):
    """Median time from the start of `quiz --plain` until its first question is on stdout, in ms.

    stdin is a pipe left open, so the quiz waits for an answer; it is killed then, before any."""
    times = []
    for _ in range(QUIZ_RUNS):
        start = time.perf_counter()
        with subprocess.Popen([convtutor, "quiz", "--plain", *LANG, "--data-dir", folder],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE) as quiz:
            try:
                out = b""
                while PLAIN_QUESTION not in out:
                    chunk = os.read(quiz.stdout.fileno(), 65536)
                    if not chunk:
                        raise RuntimeError(f"quiz --plain ended without a question: {out[-300:]!r}")
                    out += chunk
                times.append((time.perf_counter() - start) * 1000)
            finally:
                quiz.kill()
    return statistics.median(times)


def bench_reviews(convtutor, workdir, first_frame):
    """Rows (label, small ms, large ms): `stats --json`, the stats screen's first frame, the
    first question of `quiz --plain` and of the quiz screen, with 100 reviews and with 1,000,000.

    `first_frame(args, marker, env)` starts the binary with `args` in a 120x40 terminal (`env`
    added to the environment), waits until `marker` has been written, kills it, and returns the
    median in ms over several starts."""
    os.makedirs(workdir, exist_ok=True)
    folders = [fixture(convtutor, workdir, SMALL), fixture(convtutor, workdir, LARGE)]
    before = [fingerprint(folder) for folder in folders]
    rows = [
        ("stats --json", [stats_json_ms(convtutor, folder) for folder in folders]),
        ("stats screen, first frame",
         [first_frame(["stats", *LANG, "--data-dir", folder], STATS_SCREEN_END, {}) for folder in folders]),
        ("quiz --plain, first question", [plain_question_ms(convtutor, folder) for folder in folders]),
        ("quiz screen, first question",
         [first_frame(["quiz", *LANG, "--data-dir", folder], QUIZ_SCREEN_END, {}) for folder in folders]),
    ]
    for folder, fingerprint_before in zip(folders, before):
        if fingerprint(folder) != fingerprint_before:
            raise RuntimeError(f"the bench changed the fixture {folder}")
    return [(label, small, large) for label, (small, large) in rows]


def pty_first_frame(convtutor, starts=7):
    """A `first_frame` for `convtutor`: bench_terminal's, in a 120x40 pseudo-terminal, median of
    `starts` starts."""
    from bench_terminal import frame_ms

    return lambda args, marker, env: frame_ms(convtutor, args, marker, env, starts=starts)


def main():
    convtutor, workdir = os.path.abspath(sys.argv[1]), sys.argv[2]
    print(f"{'':32}{'100 reviews':>14}{'1,000,000':>14}{'ratio':>8}")
    for label, small, large in bench_reviews(convtutor, workdir, pty_first_frame(convtutor)):
        print(f"{label:32}{small:11.1f} ms{large:11.1f} ms{large / small:8.2f}")


if __name__ == "__main__":
    main()
