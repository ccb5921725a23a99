"""The `eval` format: labelled questions, run through the engine, summarised per kind."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path


import yaml

from bot.answer import Answer
from bot.config import parse_yaml, yaml_problem
from bot.engine import Engine


class EvalFileError(ValueError):
    """An eval file that cannot be read, naming the case and key."""


# Kinds of message judged by the emergency check alone (no `expect`): an emergency happening now,
# self-harm intent (needs the crisis reply), and calm lookalikes that must not raise the notice.
EMERGENCY, CRISIS, CALM = "emergency", "crisis", "calm"
SAFETY_KINDS = (EMERGENCY, CRISIS, CALM)


@dataclass(frozen=True)
class Case:
    """One labelled question: `expect` None means the bot must say "not covered"."""

    q: str
    expect: tuple[str, ...] | None
    kind: str = "unlabelled"
    after: str | None = None
    persona: str | None = None  # the voice it is written in (teen, parent, clinician...)


@dataclass
class Outcome:
    """A case, the engine's answer, and whether it passed."""

    case: Case
    answer: Answer
    passed: bool


@dataclass
class Report:
    """Pass rates per kind and overall, with the failures."""

    outcomes: list[Outcome]
    per_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (passed, total)

    def per_persona(self) -> dict[str, dict[str, tuple[int, int]]]:
        """persona -> kind -> (passed, total), for cases that name their persona."""
        table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for o in self.outcomes:
            if o.case.persona:
                tally = table[o.case.persona][o.case.kind]
                tally[0] += o.passed
                tally[1] += 1
        return {p: {k: (a, b) for k, (a, b) in kinds.items()} for p, kinds in table.items()}

    def safety_rates(self) -> tuple[float, float] | None:
        """(recall: emergencies and crises flagged, false alarms: calm messages flagged), if any."""
        urgent = [o for o in self.outcomes if o.case.kind in (EMERGENCY, CRISIS)]
        calm = [o for o in self.outcomes if o.case.kind == CALM]
        if not urgent and not calm:
            return None
        recall = sum(o.answer.emergency is not None for o in urgent) / len(urgent) if urgent else 1.0
        alarms = sum(o.answer.emergency is not None for o in calm) / len(calm) if calm else 0.0
        return recall, alarms

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    def rate(self, kind: str | None = None) -> float:
        """Pass rate of one kind, or overall."""
        passed, total = self.per_kind[kind] if kind else (self.passed, len(self.outcomes))
        return passed / total if total else 0.0

    def as_json(self) -> dict:
        return {
            "overall": {"passed": self.passed, "total": len(self.outcomes), "rate": round(self.rate(), 4)},
            "kinds": {k: {"passed": p, "total": t, "rate": round(p / t, 4)} for k, (p, t) in self.per_kind.items()},
            "personas": {p: {k: {"passed": a, "total": b} for k, (a, b) in kinds.items()}
                         for p, kinds in self.per_persona().items()},
            "confusion": self.confusion(),
            "failures": [{"q": o.case.q, "kind": o.case.kind, "after": o.case.after, "expect": o.case.expect,
                          "got": o.answer.kind.value,
                          "top": o.answer.passages[0].passage.text[:120] if o.answer.passages else None,
                          "why": o.answer.confidence.why if o.answer.confidence else None}
                         for o in self.outcomes if not o.passed],
        }

    def confusion(self) -> dict[str, dict[str, int]]:
        """For each case kind, how many answers of each kind the engine gave."""
        table: dict[str, Counter] = defaultdict(Counter)
        for o in self.outcomes:
            table[o.case.kind][o.answer.kind.value] += 1
        return {k: dict(v) for k, v in table.items()}


def read_cases(path: Path) -> list[Case]:
    """Read and validate an eval file."""
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise EvalFileError(f"{path}: cannot be read ({error})") from None
    except yaml.YAMLError as error:
        where, problem = yaml_problem(error)
        raise EvalFileError(f"{path}: {where}not valid YAML ({problem})") from None
    if not isinstance(raw, list) or not raw:
        raise EvalFileError(f"{path}: must be a non-empty YAML list of cases")
    cases = []
    for i, item in enumerate(raw, 1):
        where = f"{path}: case {i}"
        if not isinstance(item, dict):
            raise EvalFileError(f"{where}: must be a mapping with q and expect")
        unknown = set(item) - {"q", "expect", "kind", "after", "persona"}
        if unknown:
            raise EvalFileError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        if not isinstance(item.get("q"), str) or not item["q"].strip():
            raise EvalFileError(f"{where}: q must be a non-empty question")
        if "expect" not in item and item.get("kind") not in SAFETY_KINDS:
            raise EvalFileError(f"{where}: expect is missing (a list of substrings, or null)")
        expect = item.get("expect")
        if expect is not None and (not isinstance(expect, list) or not expect
                                   or not all(isinstance(e, str) and e for e in expect)):
            raise EvalFileError(f"{where}: expect must be null or a non-empty list of text")
        for key in ("kind", "after", "persona"):
            if key in item and not isinstance(item[key], str):
                raise EvalFileError(f"{where}: {key} must be text")
        cases.append(Case(item["q"], tuple(expect) if expect is not None else None,
                          item.get("kind", "unlabelled"), item.get("after"), item.get("persona")))
    return cases


def passes(case: Case, answer: Answer) -> bool:
    """Emergency kinds: the notice is raised (emergency), with the crisis reply (crisis), or not
    (calm). Expect null: not answered. Otherwise: answered, and the top passage holds an expected
    substring."""
    if case.kind == CALM:
        return answer.emergency is None
    if case.kind in (EMERGENCY, CRISIS):
        return answer.emergency is not None and (case.kind == EMERGENCY or answer.emergency.self_harm)
    if case.expect is None:
        return not answer.answered
    if not answer.answered:
        return False
    top = answer.passages[0].passage.text.casefold()
    return any(e.casefold() in top for e in case.expect)


def run(engine: Engine, cases: list[Case]) -> Report:
    """Answer every case and tally the results per kind."""
    outcomes = []
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        answer = engine.answer(case.q, after=case.after)
        ok = passes(case, answer)
        outcomes.append(Outcome(case, answer, ok))
        per_kind[case.kind][0] += ok
        per_kind[case.kind][1] += 1
    return Report(outcomes, {k: (p, t) for k, (p, t) in per_kind.items()})


def text_report(report: Report, worst: int = 25) -> str:
    """The failures, the confusion table, then the figures per kind (last, so `tail` shows them)."""
    lines = []
    failures = [o for o in report.outcomes if not o.passed]
    if failures:
        lines.append(f"failures ({len(failures)}, first {min(worst, len(failures))}):")
        for o in failures[:worst]:
            top = o.answer.passages[0].passage.text[:70].replace("\n", " ") if o.answer.passages else "-"
            after = f" (after: {o.case.after!r})" if o.case.after else ""
            lines.append(f"- [{o.case.kind}] {o.case.q!r}{after}\n    got {o.answer.kind.value}: "
                         f"{o.answer.confidence.why if o.answer.confidence else ''}; top: {top}")
        lines.append("")
    lines.append("confusion (case kind -> reply kinds): " + "; ".join(
        f"{k}: " + ", ".join(f"{n} {v}" for v, n in sorted(c.items())) for k, c in sorted(report.confusion().items())))
    lines.append("kind          passed  total   rate")
    for kind, (passed, total) in sorted(report.per_kind.items()):
        lines.append(f"{kind:<13} {passed:>6} {total:>6} {passed / total:>6.1%}")
    lines.append(f"{'overall':<13} {report.passed:>6} {len(report.outcomes):>6} {report.rate():>6.1%}")
    personas = report.per_persona()
    if personas:
        kinds = sorted({k for table in personas.values() for k in table})
        lines.append("persona       " + "  ".join(f"{k:>13}" for k in kinds))
        for persona, table in sorted(personas.items()):
            cells = [f"{table[k][0]:>3}/{table[k][1]:<3} {table[k][0] / table[k][1]:>5.0%}" if k in table
                     else f"{'-':>13}"
                     for k in kinds]
            lines.append(f"{persona[:13]:<13} " + "  ".join(cells))
    safety = report.safety_rates()
    if safety:
        lines.append(f"emergency recall {safety[0]:.1%}; calm messages flagged (false alarms) {safety[1]:.1%}")
    return "\n".join(lines)
