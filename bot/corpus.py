"""Documents to passages: front matter, Markdown sections, Punkt sentences, verbatim passages."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from bot.config import parse_yaml, yaml_problem
from bot.text import LONGEST_WORD, long_tokens

SUFFIXES = (".md", ".txt")
INTRODUCTION = "Introduction"
FRONT_MATTER_KEYS = ("title", "source", "language", "notes")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


class DocumentError(ValueError):
    """A document that cannot be used, worded for the operator (names the file and line)."""


@dataclass(frozen=True)
class Passage:
    """A run of consecutive sentences of one section, quoted verbatim."""

    text: str
    document: str
    section: str
    position: int  # the passage's rank within its document, from 0
    path: str  # the document's file name


@dataclass(frozen=True)
class Document:
    """One corpus file, split into passages."""

    path: str  # the file's name within the corpus folder ("a/notes.md")
    title: str
    source: str | None
    sections: tuple[str, ...]
    passages: tuple[Passage, ...]
    digest: str
    warnings: tuple[str, ...] = ()  # usable, but not every part of it is (tokens too long to index)


def sentence_splitter(abbreviations: Iterable[str]) -> PunktSentenceTokenizer:
    """An offline Punkt splitter that knows the given abbreviations (no nltk_data needed)."""
    params = PunktParameters()
    params.abbrev_types = {a.lower().rstrip(".") for a in abbreviations}
    return PunktSentenceTokenizer(params)


def corpus_files(path: Path) -> tuple[list[Path], list[str]]:
    """The readable documents under path (a folder or a file), and warnings for skipped files."""
    if path.is_file():
        candidates = [path]
    else:
        candidates = sorted(p for p in path.rglob("*")
                            if (p.is_file() or p.is_symlink()) and not p.name.startswith("."))
    files, warnings = [], []
    for file in candidates:
        if file.suffix.lower() in SUFFIXES:
            files.append(file)
        else:
            warnings.append(f"{file}: skipped (only {' and '.join(SUFFIXES)} files are read)")
    return files, warnings


def name_in(corpus: Path, file: Path) -> str:
    """A corpus file's name: its path within the corpus folder, so that a/notes.md and b/notes.md differ."""
    return file.name if corpus.is_file() else file.relative_to(corpus).as_posix()


def digest(data: bytes) -> str:
    """Content hash of a file's bytes."""
    return hashlib.sha256(data).hexdigest()


def read_document(file: Path, splitter: PunktSentenceTokenizer, sentences_per_passage: int,
                  data: bytes | None = None, name: str | None = None) -> Document:
    """Read and split one document (named `name`, by default the file's name); raise DocumentError
    if it cannot be used."""
    if data is None:
        try:
            data = file.read_bytes()
        except OSError as error:
            raise DocumentError(f"{file}: cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(f"{file}: is not UTF-8 text (bad byte at offset {error.start})") from None
    if "\x00" in text:
        raise DocumentError(f"{file}: is not a text file (contains NUL bytes)")
    meta, body = _front_matter(file, text)
    title, sections = _sections(body)
    title = meta.get("title") or title or file.stem.replace("-", " ").replace("_", " ").strip()
    name = name or file.name
    passages = tuple(_passages(title, name, sections, splitter, sentences_per_passage))
    if not passages:
        raise DocumentError(f"{file}: has no text to quote (no sentences found)")
    long = long_tokens(body)
    warnings = (f"{file}: {len(long)} tokens longer than {LONGEST_WORD} characters are not indexed "
                f"(the first: {long[0][:20]}...)",) if long else ()
    return Document(path=name, title=title, source=meta.get("source"),
                    sections=tuple(dict.fromkeys(p.section for p in passages)), passages=passages,
                    digest=digest(data), warnings=warnings)


def _front_matter(file: Path, text: str) -> tuple[dict[str, str], str]:
    """Split optional YAML front matter off; return (metadata, body)."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise DocumentError(f"{file}: line 1: front matter starts with --- but has no closing ---")
    try:
        meta = parse_yaml("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        where, problem = yaml_problem(error, first_line=2)
        raise DocumentError(f"{file}: {where}front matter is not valid YAML ({problem})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError(f"{file}: line 2: front matter must be a mapping of keys "
                            f"({', '.join(FRONT_MATTER_KEYS)})")
    for key in ("title", "source", "language"):
        if key in meta and not isinstance(meta[key], str):
            raise DocumentError(f"{file}: front matter key {key!r} must be text")
    return meta, "\n".join(lines[end + 1:])


def _sections(body: str) -> tuple[str | None, list[tuple[str, list[str]]]]:
    """The document's '#' title and its sections as (heading, paragraphs)."""
    title: str | None = None
    sections: list[tuple[str, list[str]]] = [(INTRODUCTION, [])]
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            sections[-1][1].append(" ".join(paragraph))
            paragraph.clear()

    for line in body.split("\n"):
        heading = _HEADING_RE.match(line)
        if heading:
            flush()
            level, name = len(heading.group(1)), heading.group(2)
            if level == 1 and title is None and not any(p for _, p in sections):
                title = name
            else:
                sections.append((name, []))
        elif line.strip():
            paragraph.append(line.strip())
        else:
            flush()
    flush()
    return title, [(name, paragraphs) for name, paragraphs in sections if paragraphs]


def _passages(title: str, path: str, sections: list[tuple[str, list[str]]],
              splitter: PunktSentenceTokenizer, size: int) -> Iterator[Passage]:
    """Each section's sentences in passages of at most `size`, following paragraphs.

    A paragraph is cut into as few and as even chunks as fit, preferring cuts that do not start a
    chunk with a sentence that leans on the one before ("This is because...");
    neighbouring chunks are merged while they fit, so short paragraphs join their neighbours.
    """
    position = 0
    for heading, paragraphs in sections:
        chunks: list[list[str]] = []
        for paragraph in paragraphs:
            for i, chunk in enumerate(parts := _cut(splitter.tokenize(paragraph), size)):
                chunk[-1] += "\n\n" if i == len(parts) - 1 else ""
                if chunks and len(chunks[-1]) + len(chunk) <= size:
                    chunks[-1].extend(chunk)
                else:
                    chunks.append(chunk)
        flat = [sentence for chunk in chunks for sentence in chunk]
        start = 0
        for chunk in chunks:
            first = start  # "This can cause...": the quote carries the sentences "this" points to
            while first > max(0, start - _CARRIED_BACK) and _POINTS_BACK.match(flat[first]):
                first -= 1
            start += len(chunk)
            yield Passage(_join(flat[first:start]), title, heading, position, path)
            position += 1


_LEANS_ON_PREVIOUS = re.compile(
    r"^(this|that|these|those|it|its|they|them|their|however|but|and|because|therefore|thus|hence|"
    r"as a result|additionally|in addition|also|such)\b", re.IGNORECASE)


# A sentence that cannot be read alone: a pointer among its first words ("This can cause...",
# "When these neurotransmitters...", "It has also been linked...").
_POINTS_BACK = re.compile(
    r"^(?:\W*\w+\W+){0,2}?(this|these|those|they|such|it(?! is (?:\w+ )?(?:important|best|difficult|possible|"
    r"necessary|recommended|essential|better|advisable)\b))\b", re.IGNORECASE)
_CARRIED_BACK = 2  # sentences a passage may carry from before its own
_LEANING_CUT_COST = 3  # what a chunk opening with a sentence that leans on the previous one costs


def _cut(sentences: list[str], size: int) -> list[list[str]]:
    """Split sentences into chunks of at most `size`: fewest chunks, then least cost, where uneven
    sizes cost their squared shortfall and a chunk opening with a sentence that leans on the
    previous one ("This is because...") costs _LEANING_CUT_COST."""
    n = len(sentences)
    if n <= size:
        return [sentences]
    best: list[tuple[tuple[int, int], list[int]] | None] = [None] * (n + 1)
    best[0] = ((0, 0), [])
    for end in range(1, n + 1):
        for start in range(max(0, end - size), end):
            if best[start] is None:
                continue
            (chunks, unevenness), cuts = best[start]
            leans = start > 0 and bool(_LEANS_ON_PREVIOUS.match(sentences[start]))
            cost = (chunks + 1, unevenness + (end - start - size) ** 2 + _LEANING_CUT_COST * leans)
            if best[end] is None or cost < best[end][0]:
                best[end] = (cost, cuts + [start])
    bounds = best[n][1] + [n] if n else [0]
    return [sentences[a:b] for a, b in itertools.pairwise(bounds)]


def _join(sentences: list[str]) -> str:
    """Sentences of a passage as quoted: spaces inside a paragraph, a blank line between paragraphs."""
    text = ""
    for sentence in sentences:
        text += sentence if not text or text.endswith("\n\n") else " " + sentence
    return text.strip()
