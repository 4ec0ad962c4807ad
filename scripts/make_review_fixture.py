#!/usr/bin/env python3
"""Builds a progress database with a long review history, for benchmarks.

Usage:
    scripts/make_review_fixture.py --reviews N --cards M --data-dir DIR --convtutor PATH
                                   [--seed S] [--now EPOCH] [--lessons FOLDER]

The real binary creates and migrates DIR/progress.sqlite (`convtutor lessons --json`, which also
lists the lessons and their step counts); then python's sqlite3 fills the real tables in one
transaction: every lesson completed, a few practice checks, M cards and N reviews. The
statistics' totals (`topic_totals`, the cards' counters) are left to the store's own triggers.

The history:

* the cards are the lessons' quiz questions (`lesson:<lesson>/<quiz id>`, read from the lesson
  files of FOLDER, by default the repository's `Lessons/en`), then, past those, made-up cards of
  the same lessons (`lesson:<lesson>/fixture-<k>`), which the quiz knows no question for, as
  if they were questions since removed;
* every card has been answered at least once (the app registers a card with its first answer),
  so N must be at least M; its schedule follows from its last review (FSRS state 2, review, or
  3, relearning, after a wrong last answer);
* about a quarter of the lessons' questions are overdue (the first question of a quiz is one of
  them), a few made-up cards come due later today and some this week; no made-up card is due
  yet, so a quiz never meets one;
* reviews spread over three years before NOW, about one day in ten without any, and every one
  of the last STREAK_DAYS days (today included) with some, the day before them without: a
  streak of STREAK_DAYS; 70 % right, 15 % wrong, 15 % self-graded (`correct` NULL).

The same seed and NOW give the same file. Prints one summary line to stderr; exits non-zero with
a message if the folder already holds a database or the binary did not create one.
"""
import argparse
import datetime
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time

DAY = 86_400.0
HISTORY_DAYS = 3 * 365
STREAK_DAYS = 12
CONTENT_HASH = "fixture"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reviews", type=int, required=True, help="reviews in the log (at least --cards)")
    parser.add_argument("--cards", type=int, required=True, help="cards, each answered at least once")
    parser.add_argument("--data-dir", required=True, help="folder for progress.sqlite (must not hold one yet)")
    parser.add_argument("--convtutor", required=True, help="the convtutor binary that creates the schema")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--now", type=float, default=None, help="the fixture's present, in seconds since 1970 (default: the clock)")
    parser.add_argument("--lessons", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Lessons", "en"),
                        help="folder of the lesson files whose quiz ids the cards take (default: the repository's Lessons/en)")
    args = parser.parse_args(argv)
    if args.cards < 1 or args.reviews < args.cards:
        parser.error("need at least one card, and at least as many reviews as cards")
    return args


def create_schema(binary, data_dir):
    """Has the binary create and migrate DATA_DIR/progress.sqlite; returns the lessons it lists,
    as (id, step count) in order, and the database's path."""
    database = os.path.join(data_dir, "progress.sqlite")
    if os.path.exists(database):
        sys.exit(f"make_review_fixture: {database} exists already; give a new folder")
    listed = subprocess.run([binary, "lessons", "--json", "--lang", "en", "--data-dir", data_dir],
                            check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    db = sqlite3.connect(database)
    migrations = {row[0] for row in db.execute("SELECT identifier FROM grdb_migrations")}
    db.close()
    if "v5-review-totals" not in migrations:
        sys.exit(f"make_review_fixture: {binary} did not migrate {database} to v5 (it has {sorted(migrations)})")
    return [(entry["id"], entry["steps"]) for entry in json.loads(listed.stdout)], database


def front_matter_id(text):
    """The `id:` of a lesson file's front matter, or None."""
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    found = match and re.search(r"^id:\s*['\"]?([^'\"\n]+?)['\"]?\s*$", match.group(1), re.M)
    return found.group(1) if found else None


def lesson_files(folder):
    """The front-matter id and text of each `.md` file of FOLDER (not README.md), by name."""
    files = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".md") and name != "README.md":
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            files[front_matter_id(text)] = text
    return files


def quiz_ids(text):
    """The `id:` of every ```quiz block of a lesson file, in order."""
    ids = []
    for block in re.findall(r"^```quiz\n(.*?)^```", text, re.S | re.M):
        found = re.search(r"^id:\s*['\"]?([^'\"\n]+?)['\"]?\s*$", block, re.M)
        if found:
            ids.append(found.group(1))
    return ids


def day_starts(now):
    """Local midnight of today and of each of the HISTORY_DAYS - 1 days before, newest first."""
    today = datetime.date.fromtimestamp(now)
    return [datetime.datetime.combine(today - datetime.timedelta(days=d), datetime.time()).timestamp()
            for d in range(HISTORY_DAYS)]


def review_times(rng, count, now):
    """COUNT review dates before NOW, in order: STREAK_DAYS days running up to today each have at
    least one, the day before those none, and about one earlier day in ten none."""
    starts = day_starts(now)
    active = [d for d in range(HISTORY_DAYS) if d < STREAK_DAYS or (d > STREAK_DAYS and rng.random() >= 0.1)]

    def moment(d):
        start = starts[d]
        end = now if d == 0 else starts[d - 1]
        return start + rng.random() * (end - start)

    times = [moment(d) for d in range(min(STREAK_DAYS, count))]
    times += [moment(rng.choice(active)) for _ in range(count - len(times))]
    times.sort()
    return times


def cards_of(rng, count, lessons, lesson_texts):
    """COUNT cards as (id, topic, real): the lessons' quiz questions first (a sample of them when
    there are more than COUNT), then made-up cards spread over the lessons."""
    real = [(f"lesson:{lesson}/{quiz}", lesson, True)
            for lesson, _ in lessons for quiz in quiz_ids(lesson_texts.get(lesson, ""))]
    if not real:
        sys.exit("make_review_fixture: no quiz questions found in the lesson files")
    if count <= len(real):
        return rng.sample(real, count)
    made_up = [(f"lesson:{lessons[k % len(lessons)][0]}/fixture-{k}", lessons[k % len(lessons)][0], False)
               for k in range(count - len(real))]
    return real + made_up


def answer(rng):
    """A random answer: (rating, correct); right 70 %, wrong 15 %, self-graded 15 %."""
    roll = rng.random()
    if roll < 0.70:
        return rng.choice((2, 3, 3, 3, 4)), 1
    if roll < 0.85:
        return 1, 0
    return rng.choice((1, 2, 3, 3, 4)), None


def history(rng, cards, review_count, now):
    """The card rows (schedule included, counters left to the triggers) and the review rows, in
    the order they were given."""
    # Each card answered once, the rest of the reviews spread at random over the cards.
    per_card = [1] * len(cards)
    for _ in range(review_count - len(cards)):
        per_card[rng.randrange(len(cards))] += 1
    # The dates, handed out at random: each card's reviews are then its own dates in order.
    times = review_times(rng, review_count, now)
    order = [k for k, n in enumerate(per_card) for _ in range(n)]
    rng.shuffle(order)
    by_card = [[] for _ in cards]
    for card, t in zip(order, times):
        by_card[card].append(t)
    tomorrow = day_starts(now + DAY)[0]
    reviews, card_rows = [], []
    for (card_id, topic, real), dates in zip(cards, by_card):
        answers = [answer(rng) for _ in dates]
        reviews += [(t, card_id, rating, correct, round(rng.uniform(2, 40), 1), "fixture")
                    for t, (rating, correct) in zip(dates, answers)]
        last = dates[-1]
        lapses = sum(1 for rating, _ in answers[1:] if rating == 1)
        if real and rng.random() < 0.25:
            due = max(last, now - 5 * DAY) + rng.random() * (now - max(last, now - 5 * DAY))  # overdue
        elif not real and rng.random() < 0.01:
            due = now + rng.random() * (tomorrow - now)  # later today
        elif not real and rng.random() < 0.05:
            due = tomorrow + rng.random() * 6 * DAY  # this week
        else:
            due = tomorrow + rng.random() * 365 * DAY
        relearning = answers[-1][0] == 1
        card_rows.append((card_id, topic, CONTENT_HASH, 3 if relearning else 2, 0 if relearning else None,
                          max(0.1, (due - last) / DAY), round(rng.uniform(1, 10), 3), due, last, len(dates), lapses))
    reviews.sort()
    return card_rows, reviews


def practice_attempts(rng, exercises, now):
    """Three checks of each exercise in the last month, the last one passing."""
    rows = []
    for exercise in exercises:
        times = sorted(now - rng.random() * 30 * DAY for _ in range(3))
        rows += [(exercise, t, int(k == 2), 5 if k == 2 else k + 1, 5) for k, t in enumerate(times)]
    return rows


def fill(database, lessons, cards, reviews, attempts, now):
    """Writes everything in one transaction; the triggers keep the totals."""
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA synchronous = OFF")
    # A page cache of 256 MiB holds the whole transaction: no pages spill to the log midway.
    db.execute("PRAGMA cache_size = -262144")
    db.execute("BEGIN")
    db.executemany("INSERT INTO lesson_progress (lesson_id, step, step_count, completed_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                   [(lesson, max(0, steps - 1), steps, now - DAY * (30 + k), now - DAY * (30 + k))
                    for k, (lesson, steps) in enumerate(lessons)])
    db.executemany("INSERT INTO practice_attempt (exercise_id, time, passed, cases_passed, cases_total) VALUES (?, ?, ?, ?, ?)",
                   attempts)
    db.executemany("""INSERT INTO card (id, topic, content_hash, state, step, stability, difficulty, due, last_review, reps, lapses)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", cards)
    db.executemany("INSERT INTO review (time, card_id, rating, correct, duration, answer) VALUES (?, ?, ?, ?, ?, ?)", reviews)
    db.execute("COMMIT")
    # Everything into the database file, so the benchmarks start from a file without a log.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def main(argv):
    args = parse_args(argv)
    started = time.perf_counter()
    now = time.time() if args.now is None else args.now
    rng = random.Random(args.seed)
    os.makedirs(args.data_dir, exist_ok=True)
    lessons, database = create_schema(args.convtutor, args.data_dir)
    texts = lesson_files(args.lessons)
    practice = os.path.join(args.lessons, "practice")
    exercises = sorted(lesson_files(practice)) if os.path.isdir(practice) else []
    cards = cards_of(rng, args.cards, lessons, texts)
    card_rows, reviews = history(rng, cards, args.reviews, now)
    fill(database, lessons, card_rows, reviews, practice_attempts(rng, exercises, now), now)
    print(f"make_review_fixture: {len(reviews)} reviews of {len(card_rows)} cards "
          f"({sum(real for _, _, real in cards)} lesson questions) in {database}, {time.perf_counter() - started:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
