"""`python -m tests.answer_guard > before.jsonl` (a development tool, not part of `make test`): every
case of the development eval files answered, one JSON line each (kind, answered, top passages,
emergency verdict, reply, reason), so that a change meant to keep behaviour can be checked with `diff`.
The held-out files are never read."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.engine import load
from bot.evaluate import read_cases

EVAL = Path(__file__).resolve().parent / "eval"
# voices3.yaml, redflags3.yaml (2026-11-24) and voices4.yaml (2026-11-25): development sets since
HELD_OUT = frozenset({"blind.yaml", "redflags-blind.yaml", "voices2.yaml", "redflags2.yaml", "redflags4.yaml",
                      "voices5.yaml", "voices6.yaml", "voices7.yaml", "voices8.yaml",
                      "voices9.yaml"})


def main() -> None:
    """Print one line per case of every development eval file."""
    engine = load()
    for path in sorted(EVAL.glob("*.yaml")):
        if path.name in HELD_OUT:
            continue
        for case in read_cases(path):
            answer = engine.answer(case.q, after=case.after)
            emergency = answer.emergency
            line = {"file": path.name, "q": case.q, "after": case.after, "kind": answer.kind.value,
                    "answered": answer.answered, "top": [f.passage_id for f in answer.passages],
                    "also": [f.passage_id for f in answer.also],
                    "emergency": None if emergency is None else [emergency.reason, emergency.self_harm],
                    "reply": answer.reply, "reason": answer.reason}
            sys.stdout.write(json.dumps(line, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
