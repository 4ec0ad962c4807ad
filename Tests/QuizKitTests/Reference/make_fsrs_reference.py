#!/usr/bin/env python3
"""Reference review sequences for QuizKit's FSRS scheduler, computed with py-fsrs.

Needs the official Python implementation, pinned:  pip install fsrs==6.3.2
Run from the package root:

    python3 Tests/QuizKitTests/Reference/make_fsrs_reference.py

It writes fsrs_reference.json beside this script. The scheduler is py-fsrs's FSRS-6 with its
default parameters (21 weights, desired retention 0.9, learning steps 1 min and 10 min,
relearning step 10 min, maximum interval 36500 days) and fuzzing OFF, so every value is
deterministic. Sequences are either written by hand (each names the behaviour it exercises) or
drawn from a seeded random.Random, so the file is the same on every run.

For every review the file records the review time and rating, the card's retrievability just
before the review (Scheduler.get_card_retrievability), and afterwards: state (1 learning,
2 review, 3 relearning), step (null in review), stability, difficulty, due and the interval
(due - review time). Times are whole seconds since the Unix epoch (UTC).

It also records Scheduler._next_interval for chosen stabilities (half-way values expose
Python's round-half-to-even), a private method used here only to pin that behaviour down.
"""

import json
import random
import sys
from datetime import datetime, timedelta, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PINNED = "6.3.2"
try:
    FOUND = version("fsrs")
except PackageNotFoundError:
    FOUND = "none"
if FOUND != PINNED:
    sys.exit(f"needs fsrs=={PINNED} (pip install fsrs=={PINNED}); found {FOUND}")

from fsrs import Card, Rating, Scheduler, State  # noqa: E402

SCHEDULER = Scheduler(enable_fuzzing=False)
DAY = 86_400
HOUR = 3_600
MINUTE = 60


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def epoch(moment: datetime) -> int:
    seconds = (moment - at(0)) / timedelta(seconds=1)
    assert seconds == int(seconds), moment
    return int(seconds)


class Run:
    """One card reviewed again and again, every review recorded."""

    def __init__(self, name: str, start: int, seed: int | None = None):
        self.name = name
        self.seed = seed
        self.start = start
        self.card = Card(card_id=1, due=at(start))
        self.last = None  # time of the last review, seconds
        self.reviews = []

    @property
    def due(self) -> int:
        return epoch(self.card.due)

    def review(self, when: int, rating: int) -> None:
        retrievability = SCHEDULER.get_card_retrievability(self.card, at(when))
        card, _ = SCHEDULER.review_card(self.card, Rating(rating), at(when))
        self.card = card
        self.last = when
        self.reviews.append({
            "time": when,
            "rating": rating,
            "retrievability": float(retrievability),
            "state": int(card.state),
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "due": epoch(card.due),
            "interval": epoch(card.due) - when,
        })

    # Times relative to the card: at due, or some seconds after the last review.
    def at_due(self, rating: int, late: int = 0) -> None:
        self.review(self.due + late, rating)

    def after(self, seconds: int, rating: int) -> None:
        self.review((self.last if self.last is not None else self.start) + seconds, rating)

    def as_json(self) -> dict:
        out = {"name": self.name, "start": self.start, "reviews": self.reviews}
        if self.seed is not None:
            out["seed"] = self.seed
        return out


A, H, G, E = 1, 2, 3, 4
T0 = 1_704_067_200  # 2024-01-01T00:00:00Z


def hand_written() -> list[Run]:
    runs = []

    r = Run("good at every due date: through both learning steps into review", T0)
    for _ in range(8):
        r.at_due(G)
    runs.append(r)

    r = Run("easy from new graduates at once, then easy at due", T0 + 37)
    for _ in range(7):
        r.at_due(E)
    runs.append(r)

    r = Run("again and hard inside the learning steps", T0 + 3 * HOUR)
    for g in [A, A, H, G, H, A, G, H, G, G, G]:
        r.at_due(g)
    runs.append(r)

    r = Run("hard at step 0 waits half-way between the steps (5.5 min)", T0 + 11)
    for g in [H, H, G, H, G, G, H, H]:
        r.at_due(g)
    runs.append(r)

    r = Run("lapse into relearning, hard and again there, back to review", T0 + DAY)
    for g in [G, G, G, G, A, H, H, A, G, G, A, E, G]:
        r.at_due(g)
    runs.append(r)

    r = Run("same-day reviews of a review card use short-term stability", T0 + 5 * DAY)
    for g in [G, G, G, G]:
        r.at_due(g)
    for seconds, g in [(HOUR, G), (2 * HOUR, H), (5 * HOUR, E), (30 * MINUTE, A),
                       (3 * HOUR, G), (7 * HOUR, E), (HOUR, G)]:
        r.after(seconds, g)
    r.at_due(G)
    r.at_due(G)
    runs.append(r)

    r = Run("early reviews at a fraction of the interval", T0 + 17 * DAY)
    for g in [G, G, G, G]:
        r.at_due(g)
    for fraction, g in [(0.5, G), (0.3, H), (0.7, G), (0.1, E), (0.5, A), (0.9, G), (0.4, G)]:
        interval = r.due - r.last
        r.after(max(1, int(interval * fraction)), g)
    runs.append(r)

    r = Run("gaps of months and years", T0 + 40 * DAY)
    for g in [G, G, G]:
        r.at_due(g)
    for days, g in [(90, G), (180, H), (365, A), (1, G), (400, E), (730, G), (1000, A),
                    (3, H), (200, G), (1500, E)]:
        r.after(days * DAY, g)
    runs.append(r)

    r = Run("reviews one second either side of 24 hours", T0 + 90 * DAY)
    for g in [G, G, G]:
        r.at_due(g)
    for seconds, g in [(DAY - 1, G), (DAY, G), (DAY - 1, H), (DAY + 1, E), (DAY - 1, A),
                       (DAY, G), (2 * DAY - 1, G), (2 * DAY, G)]:
        r.after(seconds, g)
    runs.append(r)

    r = Run("easy at due until the maximum interval of 36500 days", T0 + 123)
    for _ in range(40):
        r.at_due(E)
        if r.reviews[-1]["interval"] == 36500 * DAY:
            break
    r.at_due(E)
    r.at_due(G)
    runs.append(r)

    r = Run("again at every due date: stability falls to its floor, difficulty to its ceiling",
            T0 + 200 * DAY)
    for _ in range(12):
        r.at_due(A)
    r.at_due(G)
    r.at_due(G)
    for _ in range(10):
        r.at_due(A)
    r.at_due(E)
    r.at_due(A)
    r.at_due(G)
    runs.append(r)

    r = Run("learning and relearning steps answered days late", T0 + 300 * DAY)
    r.at_due(G)
    r.after(3 * DAY, H)
    r.after(2 * DAY + 5 * HOUR, G)
    r.after(DAY, G)
    r.at_due(G)
    r.at_due(A)
    r.after(4 * DAY, A)
    r.after(10 * DAY, H)
    r.after(6 * DAY, G)
    r.at_due(G)
    runs.append(r)

    r = Run("reviewed late: several times the interval after due", T0 + 400 * DAY)
    for g in [G, G, G]:
        r.at_due(g)
    for factor, g in [(1.0, G), (2.5, G), (0.2, H), (4.0, E), (1.5, A)]:
        interval = r.due - r.last
        r.at_due(g, late=int(interval * factor))
    r.at_due(G)
    r.at_due(G)
    runs.append(r)

    return runs


def random_run(seed: int) -> Run:
    """A seeded mixture of ratings and timings: at due, early, late, same day, months later."""
    rng = random.Random(seed)
    start = T0 + rng.randrange(0, 3 * 365 * DAY)
    r = Run(f"random mixture, seed {seed}", start, seed)
    # Each sequence leans its own way: some forget often, some rarely.
    rating_weights = [rng.uniform(0.05, 1.0) for _ in range(4)]
    timing_weights = {"due": 4, "early": 2, "late": 2, "same day": 2, "months": 1, "jitter": 2}
    for _ in range(rng.randrange(10, 31)):
        rating = rng.choices([A, H, G, E], weights=rating_weights)[0]
        timing = rng.choices(list(timing_weights), weights=list(timing_weights.values()))[0]
        last = r.last if r.last is not None else r.start
        interval = max(1, r.due - last)
        if r.last is None or timing == "due":
            r.at_due(rating)
        elif timing == "early":
            r.after(max(1, int(interval * rng.uniform(0.05, 0.95))), rating)
        elif timing == "late":
            r.at_due(rating, late=int(interval * rng.uniform(0.1, 3.0)) + rng.randrange(0, DAY))
        elif timing == "same day":
            r.after(rng.randrange(1, DAY), rating)
        elif timing == "months":
            r.after(rng.randrange(30 * DAY, 500 * DAY), rating)
        else:  # a few seconds to a few hours either side of due, never before the last review
            r.review(max(last, r.due + rng.randrange(-3 * HOUR, 3 * HOUR)), rating)
    return r


def layout(reference: dict) -> str:
    """JSON with one interval and one review per line, so a change shows as a readable diff."""
    def rows(items: list, indent: str) -> str:
        return "[\n" + ",\n".join(indent + "  " + json.dumps(i) for i in items) + "\n" + indent + "]"

    sequences = []
    for s in reference["sequences"]:
        head = {k: v for k, v in s.items() if k != "reviews"}
        sequences.append("    " + json.dumps(head)[:-1] + ', "reviews": ' + rows(s["reviews"], "    ") + "}")
    return (
        "{\n"
        f'  "generator": {json.dumps(reference["generator"])},\n'
        f'  "parameters": {json.dumps(reference["parameters"])},\n'
        f'  "intervals": {rows(reference["intervals"], "  ")},\n'
        '  "sequences": [\n' + ",\n".join(sequences) + "\n  ]\n"
        "}\n"
    )


def main() -> None:
    runs = hand_written() + [random_run(seed) for seed in range(1, 31)]
    intervals = [
        {"stability": s, "days": SCHEDULER._next_interval(stability=s)}
        for s in [0.001, 0.212, 0.5, 1.0, 1.4999, 1.5, 2.5, 3.5, 4.5, 10.49, 10.5, 11.5,
                  123.456, 36499.5, 36500.5, 1e6]
    ]
    reference = {
        "generator": f"fsrs {PINNED} (py-fsrs), Scheduler(enable_fuzzing=False)",
        "parameters": {
            "weights": list(SCHEDULER.parameters),
            "desired_retention": SCHEDULER.desired_retention,
            "learning_steps": [s.total_seconds() for s in SCHEDULER.learning_steps],
            "relearning_steps": [s.total_seconds() for s in SCHEDULER.relearning_steps],
            "maximum_interval": SCHEDULER.maximum_interval,
        },
        "intervals": intervals,
        "sequences": [run.as_json() for run in runs],
    }
    path = Path(__file__).with_name("fsrs_reference.json")
    path.write_text(layout(reference))
    count = sum(len(run.reviews) for run in runs)
    states = {State(s).name: 0 for s in (1, 2, 3)}
    for run in runs:
        for review in run.reviews:
            states[State(review["state"]).name] += 1
    print(f"wrote {path}: {len(runs)} sequences, {count} reviews, states after review {states}")


if __name__ == "__main__":
    main()
