"""BM25 index: rank-bm25's IDF and formulas, scored only where a query term occurs."""

from __future__ import annotations

import itertools
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.config import SearchConfig

FORMAT_VERSION = 3
_CHUNK = 5_000  # passages converted to arrays at a time


@dataclass(frozen=True)
class Hit:
    """One scored passage (its number in the index) for a query."""

    passage: int
    score: float


class Index:
    """An inverted index whose scores equal rank-bm25's `get_scores` for the same tokens.

    For every (term, passage) pair the index stores the term's full contribution, computed once
    with rank-bm25's formula and IDF; a query adds up the contributions of its terms' postings
    in query order, exactly as `get_scores` does, without walking every passage.
    """

    def __init__(self, terms: list[str], idf: np.ndarray, indptr: np.ndarray, passages: np.ndarray,
                 frequencies: np.ndarray, contributions: np.ndarray, absent: np.ndarray, size: int,
                 pairs: np.ndarray) -> None:
        self.terms = terms
        self.term_ids = {term: i for i, term in enumerate(terms)}
        self.idf = idf
        self.indptr = indptr
        self.passages = passages
        self.frequencies = frequencies  # per posting: how often the term occurs in the passage
        self.contributions = contributions
        self.absent = absent  # per term: what a passage without the term gets (BM25+ only: idf*delta)
        self.size = size
        self.pairs = pairs  # ascending: passage * V^2 + first * V + second, for side-by-side terms
        # The distinct side-by-side pairs, once as first * V + second and once as second * V + first,
        # each ascending: one binary search finds the terms before or after a term.
        width = len(terms)
        self._first_second = _distinct(pairs % (width * width)) if width else np.zeros(0, dtype=np.int64)
        self._second_first = np.sort(self._first_second % width * width + self._first_second // width) if width \
            else self._first_second
        # Each posting as one number, term * size + passage: ascending, so one binary search finds
        # any (term, passage) pair.
        self._keys = np.repeat(np.arange(len(terms), dtype=np.int64) * size, np.diff(indptr)) + passages
        self._absent_scores = bool(absent.any())  # BM25+: a passage without a term still gets idf*delta
        # Every posting adds more than 0 (not so for BM25+, or for rank-bm25's floored IDF when the
        # average IDF is negative): the passages with a query term are those scoring above 0.
        self._only_positive = not self._absent_scores and bool((contributions > 0).all())
        self._neighbours: dict[tuple[str, bool], frozenset[str]] = {}  # (term, before?): side-by-side terms
        self._document_frequencies: list[int] = np.diff(indptr).tolist()  # per term: asked many times a question

    @classmethod
    def build(cls, tokenised: Sequence[Sequence[str]], params: SearchConfig,
              pairs_from: Sequence[int] | None = None) -> Index:
        """Index tokenised passages with the configured rank-bm25 variant; side-by-side term pairs
        are indexed from token `pairs_from[i]` of passage i on (its own text, after its heading)."""
        model = _rank_bm25_model(tokenised, params)
        terms = list(model.idf)
        term_ids = {term: i for i, term in enumerate(terms)}
        pairs = _pair_keys(tokenised, pairs_from or [0] * len(tokenised), term_ids)
        # Postings are gathered in chunks so that no single conversion holds the GIL for long
        # (questions keep being answered from another thread while an index is rebuilt).
        term_parts, passage_parts, freq_parts = [], [], []
        for start in range(0, len(model.doc_freqs), _CHUNK):
            term_of: list[int] = []
            passage_of: list[int] = []
            freq: list[int] = []
            for passage, frequencies in enumerate(model.doc_freqs[start:start + _CHUNK], start):
                term_of.extend(map(term_ids.__getitem__, frequencies))
                passage_of.extend(itertools.repeat(passage, len(frequencies)))
                freq.extend(frequencies.values())
            term_parts.append(np.asarray(term_of, dtype=np.int64))
            passage_parts.append(np.asarray(passage_of, dtype=np.int32))
            freq_parts.append(np.asarray(freq, dtype=np.float64))
        del model.doc_freqs
        term_arr = np.concatenate(term_parts) if term_parts else np.zeros(0, dtype=np.int64)
        order = np.argsort(term_arr, kind="stable")
        passages = np.concatenate(passage_parts)[order] if passage_parts else np.zeros(0, dtype=np.int32)
        tf = np.concatenate(freq_parts)[order] if freq_parts else np.zeros(0)
        idf = np.asarray([model.idf[t] for t in terms], dtype=np.float64)
        posting_idf = idf[term_arr[order]]
        doc_len = np.asarray(model.doc_len)[passages]  # int64, as rank-bm25 uses it
        contributions = _contribution(params, posting_idf, tf, doc_len, model.avgdl)
        indptr = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_arr, minlength=len(terms)), out=indptr[1:])
        absent = idf * params.delta if params.variant == "bm25plus" else np.zeros_like(idf)
        frequencies = np.minimum(tf, np.iinfo(np.uint16).max).astype(np.uint16)
        return cls(terms, idf, indptr, passages, frequencies, contributions, absent, len(tokenised), pairs)

    def postings(self, term: str) -> np.ndarray:
        """The passages that contain a term, ascending."""
        i = self.term_ids.get(term)
        return self.passages[self.indptr[i]:self.indptr[i + 1]] if i is not None else self.passages[:0]

    def frequencies_in(self, terms: Sequence[str], passages: np.ndarray) -> np.ndarray:
        """How often each term occurs in each of the given passages: a terms x passages array."""
        ids = np.fromiter((self.term_ids.get(t, -1) for t in terms), dtype=np.int64, count=len(terms))
        wanted = ids[:, None] * self.size + np.asarray(passages, dtype=np.int64)[None, :]  # < 0: unknown term
        found, at = _lookup(self._keys, wanted)
        return np.where(found, self.frequencies[at], 0) if len(self._keys) else np.zeros(wanted.shape, np.uint16)

    def pair_counts(self, pairs: Sequence[tuple[str, str]], passages: np.ndarray) -> np.ndarray:
        """How many of the given (distinct) term pairs stand side by side in each passage."""
        width = len(self.terms)
        codes = [self.term_ids[a] * width + self.term_ids[b] for a, b in pairs
                 if a in self.term_ids and b in self.term_ids]
        wanted = np.asarray(passages, dtype=np.int64)[:, None] * width * width + np.asarray(codes, np.int64)[None, :]
        return _lookup(self.pairs, wanted)[0].sum(axis=1)

    def together(self, groups: Sequence[Sequence[str]]) -> bool:
        """Whether some passage contains a term of every group."""
        common: np.ndarray | None = None
        for group in groups:
            found = _distinct(np.concatenate([self.postings(t) for t in group])) if group else self.passages[:0]
            common = found if common is None else np.intersect1d(common, found, assume_unique=True)
            if not len(common):
                return False
        return True

    def preceding(self, term: str) -> frozenset[str]:
        """The terms that stand right before a term somewhere in the corpus ("kidney" before "diseas")."""
        return self._side_by_side(term, before=True)

    def following(self, term: str) -> frozenset[str]:
        """The terms that stand right after a term somewhere in the corpus ("diseas" after "kidney")."""
        return self._side_by_side(term, before=False)

    def _side_by_side(self, term: str, before: bool) -> frozenset[str]:
        """The terms standing right before (or after) a term somewhere; remembered per term."""
        found = self._neighbours.get((term, before))
        if found is None:
            codes = self._second_first if before else self._first_second
            width, i = len(self.terms), self.term_ids.get(term)
            if i is None:
                return frozenset()
            start, end = codes.searchsorted([i * width, (i + 1) * width])
            found = frozenset(map(self.terms.__getitem__, (codes[start:end] % width).tolist()))  # 3x a generator
            self._neighbours[term, before] = found
        return found

    def document_frequency(self, term: str) -> int:
        """How many passages contain a term."""
        i = self.term_ids.get(term)
        return self._document_frequencies[i] if i is not None else 0

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """BM25 score of every passage, equal to rank-bm25's get_scores(query): each passage's
        contributions are added in query order, as rank-bm25 adds them."""
        ids = [i for i in map(self.term_ids.get, query) if i is not None]
        postings = [slice(self.indptr[i], self.indptr[i + 1]) for i in ids]
        if not self._absent_scores:
            if not ids:
                return np.zeros(self.size)
            return np.bincount(np.concatenate([self.passages[p] for p in postings]),
                               np.concatenate([self.contributions[p] for p in postings]), self.size)
        scores = np.zeros(self.size)
        for i, p in zip(ids, postings, strict=True):
            column = np.full(self.size, self.absent[i])
            column[self.passages[p]] = self.contributions[p]
            scores += column
        return scores

    def search(self, query: Sequence[str], k: int) -> list[Hit]:
        """The k best passages that contain at least one query term, best first (ties: earlier first)."""
        known = sorted({self.term_ids[t] for t in query if t in self.term_ids})
        if not known:
            return []
        scores = self.scores(query)
        if self._only_positive:  # the passages with a query term are exactly those scoring above 0
            candidates = (scores > 0).nonzero()[0]
        else:
            candidates = _distinct(np.concatenate([self.postings(term) for term in query]))
        candidate_scores = scores[candidates]
        if len(candidates) > k:  # keep the k best, and whatever ties with the k-th
            kth = np.partition(candidate_scores, len(candidates) - k)[len(candidates) - k]
            chosen = (candidate_scores >= kth).nonzero()[0]
            candidates, candidate_scores = candidates[chosen], candidate_scores[chosen]
        order = np.lexsort((candidates, -candidate_scores))[:k]
        return list(map(Hit, candidates[order].tolist(), candidate_scores[order].tolist()))

    def save(self, path: Path, extra: dict) -> None:
        """Write the index and a JSON payload atomically, without pickle."""
        path.parent.mkdir(parents=True, exist_ok=True)
        header = json.dumps({"version": FORMAT_VERSION, "terms": self.terms, "size": self.size, **extra})
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as out:
                np.savez(out, header=np.frombuffer(header.encode("utf-8"), dtype=np.uint8), idf=self.idf,
                         indptr=self.indptr, passages=self.passages, frequencies=self.frequencies,
                         contributions=self.contributions, absent=self.absent, pairs=self.pairs)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> tuple[Index, dict]:
        """Read an index written by save(); raise ValueError if it is not one of ours."""
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(data["header"].tobytes().decode("utf-8"))
            if header.get("version") != FORMAT_VERSION:
                raise ValueError(f"{path}: index format {header.get('version')}, expected {FORMAT_VERSION}")
            index = cls(header.pop("terms"), data["idf"], data["indptr"], data["passages"], data["frequencies"],
                        data["contributions"], data["absent"], header.pop("size"), data["pairs"])
        return index, header


def _lookup(keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Binary search of `wanted` in ascending `keys`: whether each is there, and where."""
    if not len(keys):
        return np.zeros(wanted.shape, dtype=bool), np.zeros(wanted.shape, dtype=np.int64)
    at = np.minimum(keys.searchsorted(wanted), len(keys) - 1)  # the method: no wrapper's overhead
    return keys[at] == wanted, at


def _pair_keys(tokenised: Sequence[Sequence[str]], pairs_from: Sequence[int], term_ids: dict[str, int]) -> np.ndarray:
    """Every (passage, term, next term) of the passages as one ascending number (unique)."""
    width = len(term_ids)
    if len(tokenised) * width * width >= 2**63:
        raise ValueError(f"too many passages and terms to index term pairs ({len(tokenised)} x {width}^2)")
    parts = []
    for start in range(0, len(tokenised), _CHUNK):
        ids: list[int] = []
        owners: list[int] = []
        for passage in range(start, min(start + _CHUNK, len(tokenised))):
            own = tokenised[passage][pairs_from[passage]:]
            ids.extend(map(term_ids.__getitem__, own))
            owners.extend(itertools.repeat(passage, len(own)))
        ids_array, owners_array = np.asarray(ids, dtype=np.int64), np.asarray(owners, dtype=np.int64)
        same = owners_array[1:] == owners_array[:-1]
        parts.append((owners_array[1:] * width * width + ids_array[:-1] * width + ids_array[1:])[same])
    return _distinct(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, ascending: `np.unique`, which hashes (slower here) and imports numpy.ma
    on first use (some 10 ms of every cold start)."""
    keys = np.sort(values)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def _rank_bm25_model(tokenised: Sequence[Sequence[str]], params: SearchConfig):
    """rank-bm25's model for the configured variant (tokenised by us: no process pool)."""
    from rank_bm25 import BM25L, BM25Okapi, BM25Plus

    if params.variant == "okapi":
        return BM25Okapi(tokenised, k1=params.k1, b=params.b, epsilon=params.epsilon)
    if params.variant == "bm25l":
        return BM25L(tokenised, k1=params.k1, b=params.b, delta=params.delta)
    return BM25Plus(tokenised, k1=params.k1, b=params.b, delta=params.delta)


def _contribution(params: SearchConfig, idf: np.ndarray, tf: np.ndarray, doc_len: np.ndarray,
                  avgdl: float) -> np.ndarray:
    """Per posting, rank-bm25's score term for its variant, in the same operation order."""
    k1, b, delta = params.k1, params.b, params.delta
    if params.variant == "okapi":
        return idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avgdl)))
    if params.variant == "bm25l":
        ctd = tf / (1 - b + b * doc_len / avgdl)
        return idf * tf * (k1 + 1) * (ctd + delta) / (k1 + ctd + delta)
    return idf * (delta + (tf * (k1 + 1)) / (k1 * (1 - b + b * doc_len / avgdl) + tf))
