"""Live corpus updates: notice changes once files stop changing, rebuild, and swap in only a good index."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot import evaluate
from bot.engine import Engine
from bot.library import CorpusUnusable, Library, load_library

log = logging.getLogger(__name__)
Snapshot = dict[str, tuple[int, int]]


def snapshot(path: Path) -> Snapshot:
    """(size, modification time) of every file under the corpus path; (-1, -1) for unreadable entries."""
    entries = [path] if path.is_file() else sorted(p for p in path.rglob("*") if not p.name.startswith("."))
    state: Snapshot = {}
    for entry in entries:
        try:
            stat = entry.stat()
        except OSError:
            state[str(entry)] = (-1, -1)
            continue
        if entry.is_file():
            state[str(entry)] = (stat.st_size, stat.st_mtime_ns)
    return state


class Watcher:
    """Says when the corpus changed and then stayed unchanged for `settle_seconds` (no half-written files)."""

    def __init__(self, path: Path, settle_seconds: float) -> None:
        self.path = path
        self.settle_seconds = settle_seconds
        self.seen = snapshot(path)
        self._pending: Snapshot | None = None
        self._since = 0.0

    def changed(self, now: float | None = None) -> bool:
        """Poll once; True when a change has settled (and is then taken as seen)."""
        now = time.monotonic() if now is None else now
        current = snapshot(self.path)
        if current == self.seen:
            self._pending = None
            return False
        if current != self._pending:
            self._pending, self._since = current, now
            return False
        if now - self._since < self.settle_seconds:
            return False
        self.seen, self._pending = current, None
        return True


@dataclass
class ReloadResult:
    """What a rebuild did, for logs and the admins."""

    swapped: bool
    seconds: float
    documents: int = 0
    passages: int = 0
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # files (or parts) that could not be used
    skipped: list[str] = field(default_factory=list)  # files that are not documents
    eval_rate: float | None = None
    refused: str | None = None  # why the new corpus was not swapped in

    def summary(self) -> str:
        """A few lines for an operator."""
        head = (f"Corpus reloaded in {self.seconds:.2f}s: {self.documents} documents, {self.passages} passages."
                if self.swapped else f"Corpus NOT reloaded ({self.refused}); still answering from the last good index.")
        lines = [head]
        for label, names in (("added", self.added), ("removed", self.removed), ("changed", self.changed)):
            if names:
                lines.append(f"{label}: {', '.join(names)}")
        if self.eval_rate is not None:
            lines.append(f"eval: {self.eval_rate:.1%} of the cases pass")
        lines += [f"warning: {w}" for w in self.warnings + self.skipped]
        return "\n".join(lines)


def rebuild(engine: Engine) -> ReloadResult:
    """Rebuild from the corpus folder; swap the new index in only if it is usable (and passes the gate)."""
    config, previous = engine.config, engine.library
    started = time.perf_counter()
    try:
        library = load_library(config, previous)
    except CorpusUnusable as error:
        return ReloadResult(False, time.perf_counter() - started, refused=error.reason, warnings=error.problems)
    result = _compare(previous, library, time.perf_counter() - started)
    if config.reload.eval is not None:
        report = evaluate.run(Engine(config, library), evaluate.read_cases(config.reload.eval))
        result.eval_rate = report.rate()
        if config.reload.gate and result.eval_rate < config.reload.min_pass_rate:
            result.swapped = False
            result.refused = (f"eval pass rate {result.eval_rate:.1%} is below the gate's "
                              f"{config.reload.min_pass_rate:.0%}")
    if result.swapped:
        engine.use(library)
    result.seconds = time.perf_counter() - started
    level = logging.INFO if result.swapped and not result.warnings else logging.WARNING
    log.log(level, "%s", result.summary().replace("\n", "; "))
    return result


def _compare(old: Library, new: Library, seconds: float) -> ReloadResult:
    before = {d.path: d.digest for d in old.documents}
    after = {d.path: d.digest for d in new.documents}
    return ReloadResult(True, seconds, len(new.documents), len(new.passages),
                        added=sorted(after.keys() - before.keys()), removed=sorted(before.keys() - after.keys()),
                        changed=sorted(p for p in after.keys() & before.keys() if after[p] != before[p]),
                        warnings=new.warnings, skipped=new.skipped)
