"""Build the focus model of bot/focus.py (development only; the bot reads bot/data/focus-weights.txt).

Every question of the development eval files is read as the engine reads it, with the model
switched off (each word the lexicon proposes as a focus stays one), and each proposal's cues are
recorded (only the question sentence's proposals are weighed: see bot/focus.py). Labels: in an
in-scope question (kind `in`, or a follow-up with expected passages) every proposal is context; in a
near miss (kind `nearmiss` or `near`, or a follow-up expecting no answer) every proposal is read as
a focus (most name one; a near miss proposing several is a weak positive: which of them is the
focus is not known, and leaving them out taught the model that a question naming two unknown
things is in scope). An L2-regularised logistic regression (scripts/build_crisis_model.py's `fit`)
is cross-validated by file (each file held out in turn); the threshold is the highest out-of-fold
score keeping at least KEEP of the held-out near misses' proposals a focus, and the model shipped
is fitted on all. The file records the threshold and the out-of-fold figures.

Files: tests/eval/questions.yaml and the voices development files (never voices2, voices5, voices6,
blind nor real-questions.yaml, the check that the rules generalise, nor the -check halves of
voices-dev19, -dev20 and -dev21, which measured the rounds that trained on the other halves).

    python scripts/build_focus_model.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from build_crisis_model import fit  # noqa: E402

from bot import focus  # noqa: E402
from bot.engine import load  # noqa: E402
from bot.evaluate import read_cases  # noqa: E402

WEIGHTS = ROOT / "bot" / "data" / "focus-weights.txt"
EVAL = ROOT / "tests" / "eval"
OWN = ("questions.yaml", "voices.yaml", "voices3.yaml", "voices4.yaml", "voices-dev3.yaml", "voices-dev4.yaml",
       "voices-dev5.yaml", "voices-dev6.yaml", "voices-dev7.yaml", "voices-dev8.yaml", "voices-dev9.yaml",
       "voices-dev10.yaml", "voices-dev11.yaml", "voices-dev12.yaml", "voices-dev15.yaml", "voices-dev16.yaml",
       "voices-dev17.yaml", "voices-dev18.yaml", "voices-dev19.yaml", "voices-dev20.yaml", "voices-dev21.yaml",
       "voices-dev22.yaml")
PENALTY = 1.0  # L2 penalty
KEEP = 0.98  # share of the held-out near misses whose proposals must stay a focus
MIN_SEEN = 3  # a cue seen in fewer proposals gets no weight


@dataclass(frozen=True)
class Proposal:
    """One proposed word of one labelled question: its cues, label, question and file."""

    cues: tuple[str, ...]
    focus: bool
    question: int
    file: str


def proposals(paths: list[Path]) -> list[Proposal]:
    """Every labelled proposal of the files' questions, read with the model switched off."""
    engine = load(str(ROOT / "config.yaml"))
    reader = engine._state.reader
    seen: list[tuple[str, ...]] = []

    def record(said: tuple[str, ...]) -> bool:
        seen.append(said)
        return True

    found: list[Proposal] = []
    focus.is_focus, shipped = record, focus.is_focus
    try:
        for number, path in enumerate(paths):
            for case_number, case in enumerate(read_cases(path)):
                if case.kind not in ("in", "nearmiss", "near", "followup"):
                    continue
                if case.after:
                    reader.read(case.after)
                seen.clear()
                reader.read(case.q)  # the follow-up's own reading (what it lends is judged with its question)
                near = case.expect is None
                question = number * 10_000 + case_number
                found += [Proposal(said, near, question, path.name) for said in seen]
    finally:
        focus.is_focus = shipped
    return found


def design(found: list[Proposal], names: list[str] | None = None) -> tuple[list[str], np.ndarray]:
    """The cues seen in at least MIN_SEEN proposals (or the given ones), and each proposal's 0/1 row."""
    if names is None:
        counts: dict[str, int] = {}
        for p in found:
            for name in set(p.cues):
                counts[name] = counts.get(name, 0) + 1
        names = sorted(n for n, c in counts.items() if c >= MIN_SEEN)
    index = {n: i for i, n in enumerate(names)}
    matrix = np.zeros((len(found), len(names)))
    for r, p in enumerate(found):
        for name in p.cues:
            if name in index:
                matrix[r, index[name]] = 1.0
    return names, matrix


def out_of_fold(found: list[Proposal]) -> np.ndarray:
    """Each proposal's score by the model fitted on the other files."""
    scores = np.zeros(len(found))
    files = sorted({p.file for p in found})
    for held in files:
        train = [p for p in found if p.file != held]
        names, matrix = design(train)
        w = fit(matrix, np.array([p.focus for p in train], dtype=float), PENALTY)
        test = [i for i, p in enumerate(found) if p.file == held]
        _, rows = design([found[i] for i in test], names)
        scores[test] = w[0] + rows @ w[1:]
    return scores


def threshold(found: list[Proposal], scores: np.ndarray) -> float:
    """The highest score keeping KEEP of the near misses' proposals a focus."""
    positives = np.sort([s for p, s in zip(found, scores, strict=True) if p.focus])
    return float(positives[int(np.floor((1 - KEEP) * len(positives)))])


def report(found: list[Proposal], scores: np.ndarray, cut: float) -> list[str]:
    """Out-of-fold figures at the threshold, per file and overall."""
    lines = []
    for name in [*sorted({p.file for p in found}), "all"]:
        rows = [(p, s) for p, s in zip(found, scores, strict=True) if name in ("all", p.file)]
        near = [s >= cut for p, s in rows if p.focus]
        questions: dict[int, bool] = {}
        for p, s in rows:
            if not p.focus:
                questions[p.question] = questions.get(p.question, True) and s < cut
        lines.append(f"# {name}: near-miss focus kept {sum(near)}/{len(near)}, "
                     f"in-scope questions with every proposal context {sum(questions.values())}/{len(questions)}")
    return lines


def paths() -> list[Path]:
    """The training files (see OWN)."""
    return [EVAL / n for n in OWN]


def weights_text(files: list[Path]) -> str:
    """Record, cross-validate and fit: the text of the weights file."""
    found = proposals(files)
    scores = out_of_fold(found)
    cut = threshold(found, scores)
    names, matrix = design(found)
    w = fit(matrix, np.array([p.focus for p in found], dtype=float), PENALTY)
    lines = ["# Focus model of bot/focus.py, written by scripts/build_focus_model.py: do not edit by hand.",
             f"# trained on {len(found)} proposals ({sum(p.focus for p in found)} a focus) of "
             + ", ".join(p.name for p in files),
             f"# penalty = {PENALTY}", f"# bias = {w[0]:.6f}", f"# threshold = {cut:.6f}",
             "# out of fold (each file held out):", *report(found, scores, cut)]
    lines += [f"{n}\t{x:.6f}" for n, x in zip(names, w[1:], strict=True) if abs(x) >= 1e-6]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write the weights and print their header."""
    text = weights_text(paths())
    WEIGHTS.write_text(text, encoding="utf-8")
    print("\n".join(line for line in text.splitlines() if line.startswith("#")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
