"""Operators' changes to the corpus (no Telegram here): preview a file against the library answering
now, publish it atomically through the safe reload, keep the version it replaced, roll back, remove."""

from __future__ import annotations

import difflib
import json
import logging
import math
import os
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from enum import Enum
from pathlib import Path

from bot import corpus, evaluate, reply
from bot.config import Config, CorpusConfig
from bot.corpus import Document, DocumentError, Passage
from bot.engine import Engine
from bot.library import build, parse
from bot.reload import ReloadResult, rebuild

log = logging.getLogger(__name__)
_LOG = "log.jsonl"
_FIRST_WORDS = 8  # words of a passage shown in a preview


class Action(Enum):
    """What a change to the corpus did."""

    UPLOAD = "upload"
    ROLLBACK = "rollback"
    REMOVAL = "removal"
    RELOAD = "reload"  # files edited on the server, picked up by a live reload


class Problem(Enum):
    """Why a change cannot be previewed; each value names its text under `replies.operators`."""

    WRONG_TYPE = "wrong_type"
    TOO_LARGE = "too_large"
    ONE_FILE = "one_file"
    UNUSABLE = "unusable"  # the file fails the checks every corpus file gets; `detail` says which
    UNKNOWN_DOCUMENT = "unknown_document"
    LAST_DOCUMENT = "last_document"
    NOTHING_TO_ROLL_BACK = "nothing_to_roll_back"


@dataclass
class Rejected(Exception):
    """A change that cannot be previewed, and why."""

    problem: Problem
    file: str
    detail: str = ""  # UNUSABLE: the corpus check's own words
    size_kb: int = 0  # TOO_LARGE: the file's size


@dataclass(frozen=True)
class HistoryEntry:
    """One change to the corpus, as /history lists it."""

    at: float  # seconds since the epoch
    action: Action
    files: tuple[str, ...]
    admin: int | None  # the admin's Telegram id; None for edits on the server
    passages: int  # in the corpus after the change
    previous: str | None = None  # the history folder's copy of the file before the change; None: no such file


@dataclass(frozen=True)
class Candidate:
    """A proposed change to one corpus file: its new bytes, or None to remove it."""

    action: Action
    name: str  # the document's name in the corpus folder
    data: bytes | None
    undoes: HistoryEntry | None = None  # a rollback: the change it reverts


@dataclass(frozen=True)
class Preview:
    """What publishing a candidate would change for users, worked out without changing anything."""

    candidate: Candidate
    base_version: str  # the library version it was compared with
    base_digest: str | None  # the file on disk then (None: no such file)
    title: str  # the document's title (a removal: the removed document's)
    title_before: str | None  # the replaced or removed document's title; None: a new document
    passages_before: int
    passages_after: int
    added: tuple[str, ...]  # first words of each passage added, removed and changed
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    same_title: str | None = None  # another document with the same title
    eval_before: float | None = None  # pass rates of `reload.eval`, when set
    eval_after: float | None = None
    blocked_below: float | None = None  # the gate's minimum pass rate, when the change scores below it

    @property
    def publishable(self) -> bool:
        """False when the gate refuses it: it can be previewed, not published."""
        return self.blocked_below is None


@dataclass(frozen=True)
class Published:
    """The outcome of publishing a preview."""

    result: ReloadResult
    entry: HistoryEntry | None  # None: not swapped in, and the file on disk was put back as it was


def check_upload(config: Config, name: str, size: int | None) -> str:
    """The corpus name an uploaded file would get; Rejected when its type or size, or a one-file
    corpus, forbids it."""
    name = Path(name).name
    if name.startswith(".") or Path(name).suffix.lower() not in corpus.SUFFIXES:
        raise Rejected(Problem.WRONG_TYPE, name)
    if size is not None and size > config.telegram.max_upload_kb * 1024:
        raise Rejected(Problem.TOO_LARGE, name, size_kb=math.ceil(size / 1024))
    if config.corpus.path.is_file() and name != config.corpus.path.name:
        raise Rejected(Problem.ONE_FILE, name)
    return name


def upload(config: Config, name: str, data: bytes) -> Candidate:
    """A downloaded file as a candidate (its size checked again, now that it is known)."""
    return Candidate(Action.UPLOAD, check_upload(config, name, len(data)), data)


def removal(name: str) -> Candidate:
    """Removing a document."""
    return Candidate(Action.REMOVAL, name, None)


def rollback(config: Config) -> Candidate:
    """Undoing the last change made from Telegram: the file as it was before it."""
    history = History(config.corpus)
    entry = history.last_change()
    if entry is None:
        raise Rejected(Problem.NOTHING_TO_ROLL_BACK, "")
    try:
        data = history.version_before(entry)
    except OSError as error:
        log.warning("cannot roll back: the kept version %s is unreadable (%s)", entry.previous, error)
        raise Rejected(Problem.NOTHING_TO_ROLL_BACK, entry.files[0]) from None
    return Candidate(Action.ROLLBACK, entry.files[0], data, undoes=entry)


def preview(engine: Engine, candidate: Candidate) -> Preview:
    """Compare the library answering now with the one `candidate` would make (validated exactly as
    files on disk are), running `reload.eval` on both when it is set. Nothing is written."""
    config, library = engine.config, engine.library
    old = next((d for d in library.documents if d.path == candidate.name), None)
    new = _document(config, candidate)
    if new is None and old is None:
        raise Rejected(Problem.UNKNOWN_DOCUMENT, candidate.name)
    documents = [d for d in library.documents if d is not old]
    if new is not None:
        documents.insert(library.documents.index(old) if old else len(documents), new)
    if not documents:
        raise Rejected(Problem.LAST_DOCUMENT, candidate.name)
    after = build(documents, config)
    added, removed, changed = _differences(old.passages if old else (), new.passages if new else ())
    result = Preview(
        candidate, base_version=library.version, base_digest=_digest(_read(_target(config, candidate.name))),
        title=(new or old).title, title_before=old.title if old else None,
        passages_before=len(library.passages), passages_after=len(after.passages),
        added=added, removed=removed, changed=changed, warnings=new.warnings if new else (),
        same_title=next((d.path for d in documents if new and d is not new and d.title == new.title), None))
    if config.reload.eval is None:
        return result
    cases = evaluate.read_cases(config.reload.eval)
    before, rate = evaluate.run(engine, cases).rate(), evaluate.run(Engine(config, after), cases).rate()
    gate = config.reload.min_pass_rate if config.reload.gate and rate < config.reload.min_pass_rate else None
    return replace(result, eval_before=before, eval_after=rate, blocked_below=gate)


def publish(engine: Engine, seen: Preview, admin: int) -> Published | Preview:
    """Write the previewed change into the corpus folder (atomically) and swap the index in through
    the live reload, its checks and gate included; keep the replaced version in the history. If the
    corpus changed since `seen`, nothing is written and a fresh Preview is returned; if the new index
    is refused, the file is put back as it was."""
    candidate = seen.candidate
    target = _target(engine.config, candidate.name)
    before = _read(target)
    if engine.library.version != seen.base_version or _digest(before) != seen.base_digest:
        return preview(engine, candidate)
    history = History(engine.config.corpus)
    kept = history.keep(candidate.name, before)  # first: a version that cannot be kept is not replaced
    _write(target, candidate.data)
    result = None
    try:
        result = rebuild(engine)
    finally:
        if result is None or not result.swapped:
            _write(target, before)
            history.forget(kept)
    if not result.swapped:
        log.warning("admin %s: the %s of %s was refused (%s); the file is as it was",
                    admin, candidate.action.value, candidate.name, result.refused)
        return Published(result, None)
    entry = HistoryEntry(time.time(), candidate.action, (candidate.name,), admin, result.passages, kept)
    history.record(entry)
    log.info("admin %s published the %s of %s: %d documents, %d passages", admin, candidate.action.value,
             candidate.name, result.documents, result.passages)
    return Published(result, entry)


def record_reload(config: Config, result: ReloadResult) -> None:
    """Add a live reload that changed files to the history (edits on the server: no version is kept)."""
    files = (*result.added, *result.removed, *result.changed)
    if result.swapped and files:
        try:
            History(config.corpus).record(HistoryEntry(time.time(), Action.RELOAD, files, None, result.passages))
        except OSError as error:
            log.warning("could not add the reload to the history: %s", error)


class History:
    """Changes to the corpus, oldest first, with the versions they replaced, kept in a folder next to
    the corpus folder (outside it: never read as a document); only the last `corpus.history` stay."""

    def __init__(self, settings: CorpusConfig) -> None:
        self.folder = settings.path.parent / f"{settings.path.name}-history"
        self.limit = settings.history

    def entries(self) -> list[HistoryEntry]:
        """The changes recorded, oldest first (a damaged line is skipped)."""
        try:
            lines = (self.folder / _LOG).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        entries = []
        for line in lines:
            try:
                raw = json.loads(line)
                entries.append(HistoryEntry(**{**raw, "action": Action(raw["action"]), "files": tuple(raw["files"])}))
            except (ValueError, TypeError, KeyError) as error:
                log.warning("%s: skipping a damaged line (%s)", self.folder / _LOG, error)
        return entries

    def last_change(self) -> HistoryEntry | None:
        """The newest change made from Telegram: the one /rollback undoes."""
        return next((e for e in reversed(self.entries()) if e.action is not Action.RELOAD), None)

    def version_before(self, entry: HistoryEntry) -> bytes | None:
        """The file as it was before `entry` (None: there was no such file)."""
        return (self.folder / entry.previous).read_bytes() if entry.previous else None

    def keep(self, name: str, data: bytes | None) -> str | None:
        """Store a version of a file about to be replaced or removed; its name in the history folder
        (None when there is no such file)."""
        if data is None:
            return None
        kept = f"{time.time_ns()}-{name.replace('/', '__')}"
        _write(self.folder / kept, data)
        return kept

    def forget(self, kept: str | None) -> None:
        """Drop a stored version no change refers to."""
        if kept:
            (self.folder / kept).unlink(missing_ok=True)

    def record(self, entry: HistoryEntry) -> None:
        """Append a change; forget the oldest changes past `corpus.history`, and the versions they kept."""
        entries = [*self.entries(), entry]
        dropped, entries = entries[:-self.limit], entries[-self.limit:]
        lines = "".join(json.dumps({**asdict(e), "action": e.action.value}) + "\n" for e in entries)
        _write(self.folder / _LOG, lines.encode("utf-8"))
        for old in dropped:
            self.forget(old.previous)


def first_words(passage: Passage) -> str:
    """The start of a passage, for a preview."""
    return reply.opening(passage.text, _FIRST_WORDS)


def _document(config: Config, candidate: Candidate) -> Document | None:
    """The candidate's document (None for a removal); Rejected with the corpus check's reason."""
    if candidate.data is None:
        return None
    try:
        return parse(config, Path(candidate.name), candidate.data, candidate.name)
    except DocumentError as error:
        raise Rejected(Problem.UNUSABLE, candidate.name, detail=str(error)) from None


def _differences(before: Sequence[Passage], after: Sequence[Passage]) -> tuple[tuple[str, ...], ...]:
    """First words of the passages added, removed and changed (one put in another's place)."""
    old, new = [(p.section, p.text) for p in before], [(p.section, p.text) for p in after]
    added: list[str] = []
    removed: list[str] = []
    changed: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        changed += map(first_words, after[j1:j1 + paired])
        added += map(first_words, after[j1 + paired:j2])
        removed += map(first_words, before[i1 + paired:i2])
    return tuple(added), tuple(removed), tuple(changed)


def _target(config: Config, name: str) -> Path:
    """Where the corpus file of this name lives (or would)."""
    path = config.corpus.path
    return path if path.is_file() else path / name


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _digest(data: bytes | None) -> str | None:
    return corpus.digest(data) if data is not None else None


def _write(path: Path, data: bytes | None) -> None:
    """Replace `path` by `data` atomically (a hidden temporary file, synced, renamed over it), or
    remove it when `data` is None. Hidden files are never read as documents."""
    if data is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
