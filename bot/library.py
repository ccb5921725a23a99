"""The loaded corpus: documents, passages and their index, built or read from a safe cache."""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from bot import corpus, text
from bot.config import Config
from bot.corpus import Document, DocumentError, Passage
from bot.search import Index

log = logging.getLogger(__name__)
_SWITCH_INTERVAL = 0.0002  # seconds, while building
_PARALLEL_FROM_BYTES = 2_000_000  # below this, starting worker processes costs more than it saves


class CorpusUnusable(ValueError):
    """No document of the corpus could be used: where, and each file's problem."""

    def __init__(self, corpus: Path, problems: list[str]) -> None:
        super().__init__(f"{corpus}: no usable document" + "".join(f"\n  {p}" for p in problems))
        self.reason = f"{corpus}: no usable document"
        self.problems = problems


@dataclass
class Library:
    """Everything the engine searches, built from one version of the corpus."""

    documents: list[Document]
    passages: list[Passage]
    index: Index
    surface_words: list[str]
    warnings: list[str] = field(default_factory=list)  # files (or parts of them) that could not be used
    skipped: list[str] = field(default_factory=list)  # files that are not documents (other types)
    built_at: float = field(default_factory=time.time)
    from_cache: bool = False
    version: str = ""  # changes whenever the corpus or the settings that shape the index change
    heading_weight: int = 1

    @cached_property
    def heading_counts(self) -> dict[str, dict[str, int]]:
        """For each section heading, how often each term occurs in it as indexed with a passage."""
        weight = self.heading_weight
        return {section: {t: n * weight for t, n in Counter(text.tokens(section)).items()}
                for section in {p.section for p in self.passages}}

    def sections(self) -> list[tuple[str, str]]:
        """(document title, section heading) pairs, in corpus order."""
        return list(dict.fromkeys((p.document, p.section) for p in self.passages))


def load_library(config: Config, previous: Library | None = None) -> Library:
    """Read the corpus; a file that cannot be used keeps its last good version from `previous`."""
    files, skipped = corpus.corpus_files(config.corpus.path)
    warnings: list[str] = []
    contents: dict[Path, bytes | None] = {}
    for file in files:
        try:
            contents[file] = file.read_bytes()
        except OSError as error:
            contents[file] = None
            warnings.append(f"{file}: cannot be read ({error.strerror or error})")
    names = {f: corpus.name_in(config.corpus.path, f) for f in contents}
    digests = {names[f]: corpus.digest(data) for f, data in contents.items() if data is not None}
    key = _cache_key(config, digests)
    cached = _read_cache(config, key)
    if cached:
        cached.warnings, cached.skipped = warnings + [w for d in cached.documents for w in d.warnings], skipped
        cached.version, cached.heading_weight = key[:8], config.search.heading_weight
        return cached
    kept = {d.path: d for d in previous.documents} if previous else {}
    parsed = _parse_changed(config, {f: data for f, data in contents.items()
                                     if data is not None and not _unchanged(kept, names[f], digests)}, names)
    documents = []
    for file, data in contents.items():
        name = names[file]
        if data is not None and _unchanged(kept, name, digests):
            documents.append(kept[name])  # same bytes: no need to split it again
            continue
        result = parsed.get(file)
        if isinstance(result, Document):
            documents.append(result)
            continue
        if result is not None:
            warnings.append(result)
        if name in kept:
            documents.append(kept[name])
            warnings.append(f"{name}: still answering from its last good version")
    if not documents:
        raise CorpusUnusable(config.corpus.path, warnings + skipped)
    library = build(documents, config)
    library.warnings, library.skipped = warnings + [w for d in documents for w in d.warnings], skipped
    library.version = _cache_key(config, {d.path: d.digest for d in documents})[:8]
    if len(documents) == len(contents) and not any(d.digest != digests.get(d.path) for d in documents):
        _write_cache(config, key, library)
    return library


def _unchanged(kept: dict[str, Document], name: str, digests: dict[str, str]) -> bool:
    return name in kept and kept[name].digest == digests.get(name)


def _parse_changed(config: Config, contents: dict[Path, bytes], names: dict[Path, str]) -> dict[Path, Document | str]:
    """Split documents into passages (a Document, or the reason it cannot be used), in worker
    processes when there is much to split: sentence splitting is the slowest step of a build."""
    size = sum(map(len, contents.values()))
    if len(contents) > 1 and size > _PARALLEL_FROM_BYTES and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ProcessPoolExecutor  # here: a start from the cache needs no workers
        from multiprocessing import get_context

        files = list(contents)
        with ProcessPoolExecutor(min(os.cpu_count() or 1, 4), mp_context=get_context("spawn")) as pool:
            results = pool.map(_parse_one, [(config, f, contents[f], names[f]) for f in files], chunksize=8)
            return dict(zip(files, results, strict=True))
    return {file: _parse_one((config, file, data, names[file])) for file, data in contents.items()}


def _parse_one(job: tuple[Config, Path, bytes, str]) -> Document | str:
    config, file, data, name = job
    try:
        return parse(config, file, data, name)
    except DocumentError as error:
        return str(error)


def parse(config: Config, file: Path, data: bytes, name: str) -> Document:
    """Split one corpus file's bytes as the corpus settings say; raise DocumentError if it cannot be used."""
    return corpus.read_document(file, _splitter(tuple(config.corpus.abbreviations)),
                                config.corpus.sentences_per_passage, data, name)


@lru_cache(maxsize=4)
def _splitter(abbreviations: tuple[str, ...]):
    return corpus.sentence_splitter(abbreviations)


@contextmanager
def _sharing_the_interpreter() -> Iterator[None]:
    """Let questions answered from other threads run during a build: no garbage collection (a full
    collection over an index's millions of objects holds the GIL for 100 ms and more; builds create
    no reference cycles; the bot freezes what survives out of later collections), and a short GIL
    switch interval (an answer re-takes the GIL after each numpy call and would wait 5 ms each time)."""
    enabled, interval = gc.isenabled(), sys.getswitchinterval()
    gc.disable()
    sys.setswitchinterval(_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)
        if enabled:
            gc.enable()


def build(documents: list[Document], config: Config) -> Library:
    """Tokenise the passages (with their section headings) and index them."""
    with _sharing_the_interpreter():
        return _build(documents, config)


def _build(documents: list[Document], config: Config) -> Library:
    passages = [p for d in documents for p in d.passages]
    surface: set[str] = set()
    tokenised, text_from = [], []
    heading_sizes: dict[str, int] = {}
    stops = text.stop_words()
    for passage in passages:
        found = text.words(indexed_text(passage, config.search.heading_weight))
        surface.update(w for w in found if w.isalpha())
        tokenised.append([text.stem(w) for w in found if w not in stops])
        if passage.section not in heading_sizes:
            heading_sizes[passage.section] = len(text.tokens(passage.section)) * config.search.heading_weight
        text_from.append(heading_sizes[passage.section])
    index = Index.build(tokenised, config.search, pairs_from=text_from)
    return Library(documents, passages, index, sorted(surface), heading_weight=config.search.heading_weight)


def indexed_text(passage: Passage, heading_weight: int) -> str:
    """What the index sees of a passage: its section heading `heading_weight` times, then its text."""
    return f"{passage.section}\n" * heading_weight + passage.text


def _cache_key(config: Config, digests: dict[str, str]) -> str:
    """Hash of everything the index depends on: files, splitting, tokenising and BM25 settings."""
    parts = {
        "files": sorted(digests.items()),
        "corpus": [config.corpus.sentences_per_passage, sorted(config.corpus.abbreviations),
                   config.search.heading_weight],
        "search": [config.search.variant, config.search.k1, config.search.b, config.search.epsilon,
                   config.search.delta],
        "code": _code_digest(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _code_digest() -> str:
    """Hash of the code and word lists that shape passages and tokens: a change invalidates the cache."""
    package = Path(__file__).parent
    names = ["corpus.py", "text.py", "search.py", "library.py", "data/stopwords.txt"]
    return hashlib.sha256(b"".join((package / n).read_bytes() for n in names)).hexdigest()


def _cache_path(config: Config) -> Path | None:
    return config.search.cache_dir / "index.npz" if config.search.cache_dir else None


def _read_cache(config: Config, key: str) -> Library | None:
    """The cached library for exactly this key, or None (a broken cache is ignored)."""
    path = _cache_path(config)
    if path is None or not path.is_file():
        return None
    try:
        index, header = Index.load(path)
        if header.get("key") != key:
            return None
        documents = [Document(**{**d, "sections": tuple(d["sections"]), "warnings": tuple(d["warnings"]),
                                 "passages": tuple(Passage(**p) for p in d["passages"])})
                     for d in header["documents"]]
        passages = [p for d in documents for p in d.passages]
        text.remember_stems(zip(header["surface_words"], header["stems"], strict=True))
        return Library(documents, passages, index, header["surface_words"], from_cache=True)
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("ignoring the index cache %s: %s", path, error)
        return None


def _write_cache(config: Config, key: str, library: Library) -> None:
    """Store the library; a failure to write only costs the next start some time."""
    path = _cache_path(config)
    if path is None:
        return
    documents = [asdict(d) for d in library.documents]
    try:
        library.index.save(path, {"key": key, "documents": documents, "surface_words": library.surface_words,
                                  "stems": list(map(text.stem, library.surface_words))})
    except OSError as error:
        log.warning("could not write the index cache %s: %s", path, error)
