#!/usr/bin/env python3
"""Statistics and the first quiz question with a short and a long review history.

`bench_reviews(convtutor, workdir)` builds two progress databases with
`make_review_fixture.py` into WORKDIR (100 reviews of 40 cards, and 1,000,000 reviews of 50,000
cards; each kept for reuse by later runs of the same day) and times, on each:

* `stats --json`: the process's wall time, no terminal;
* the stats screen (`stats`): its first frame in a 120x40 pseudo-terminal;
* `quiz --plain`: from start until the first question is on stdout (stdin a pipe kept open,
  the process killed then);
* the quiz screen (`quiz`): its first frame, the first question.

Each is the median of RUNS runs, the small and the large history started in turn.

Nothing is answered, so the databases are left as built: a fingerprint of each (reviews, cards'
schedules, lesson positions) is taken before and compared after, and a change is an error.

Run alone, it prints the figures and the large/small ratio of each row:

    scripts/bench_reviews.py PATH-TO-convtutor WORKDIR
"""
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

from bench_timing import first_frame_ms, medians, process_ms

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
SMALL = {"reviews": 100, "cards": 40}
LARGE = {"reviews": 1_000_000, "cards": 50_000}
SEED = 1
RUNS = 9
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


def plain_question_ms(convtutor, folder):
    """Ms from the start of `quiz --plain` until its first question is on stdout.

    stdin is a pipe left open, so the quiz waits for an answer; it is killed then, before any."""
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
            return (time.perf_counter() - start) * 1000
        finally:
            quiz.kill()


def bench_reviews(convtutor, workdir):
    """Rows (label, small ms, large ms): `stats --json`, the stats screen's first frame, the
    first question of `quiz --plain` and of the quiz screen, with 100 reviews and with 1,000,000,
    each row's two measured in turn."""
    os.makedirs(workdir, exist_ok=True)
    folders = [fixture(convtutor, workdir, SMALL), fixture(convtutor, workdir, LARGE)]
    before = [fingerprint(folder) for folder in folders]
    measures = [
        ("stats --json", lambda folder: process_ms([convtutor, "stats", "--json", *LANG, "--data-dir", folder])),
        ("stats screen, first frame",
         lambda folder: first_frame_ms(convtutor, ["stats", *LANG, "--data-dir", folder], STATS_SCREEN_END)),
        ("quiz --plain, first question", lambda folder: plain_question_ms(convtutor, folder)),
        ("quiz screen, first question",
         lambda folder: first_frame_ms(convtutor, ["quiz", *LANG, "--data-dir", folder], QUIZ_SCREEN_END)),
    ]
    rows = [(label, *medians([lambda folder=folder: measure(folder) for folder in folders], RUNS))
            for label, measure in measures]
    for folder, fingerprint_before in zip(folders, before):
        if fingerprint(folder) != fingerprint_before:
            raise RuntimeError(f"the bench changed the fixture {folder}")
    return rows


def main():
    convtutor, workdir = os.path.abspath(sys.argv[1]), sys.argv[2]
    print(f"{'':32}{'100 reviews':>14}{'1,000,000':>14}{'ratio':>8}")
    for label, small, large in bench_reviews(convtutor, workdir):
        print(f"{label:32}{small:11.1f} ms{large:11.1f} ms{large / small:8.2f}")


if __name__ == "__main__":
    main()
