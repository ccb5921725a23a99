import itertools
import random
from dataclasses import replace

import numpy as np
import pytest
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from bot.search import Index

from .conftest import shipped

SEARCH = shipped().search

RANK_BM25 = {"okapi": lambda c: BM25Okapi(c), "bm25l": lambda c: BM25L(c, delta=1.0),
             "bm25plus": lambda c: BM25Plus(c, delta=1.0)}


def _random_corpus(rng: random.Random, size: int) -> list[list[str]]:
    vocabulary = [f"w{i}" for i in range(60)]
    weights = [1 / (i + 1) for i in range(60)]  # Zipf-like: some terms are in most passages
    return [rng.choices(vocabulary, weights, k=rng.randint(1, 30)) for _ in range(size)]


def _random_case(variant: str, seed: int) -> tuple[list[list[str]], Index, list[list[str]]]:
    """A seeded random corpus, its index with one variant, and 20 queries (w60+ are unknown terms)."""
    rng = random.Random(seed)
    corpus = _random_corpus(rng, rng.randint(1, 300))
    queries = [rng.choices([f"w{i}" for i in range(70)], k=rng.randint(1, 6)) for _ in range(20)]
    return corpus, Index.build(corpus, replace(SEARCH, variant=variant, delta=1.0, cache_dir=None)), queries


@pytest.mark.parametrize("variant", ["okapi", "bm25l", "bm25plus"])
@pytest.mark.parametrize("seed", range(5))
def test_scores_equal_rank_bm25_get_scores(variant, seed):
    corpus, ours, queries = _random_case(variant, seed)
    theirs = RANK_BM25[variant](corpus)
    for query in queries:
        np.testing.assert_allclose(ours.scores(query), theirs.get_scores(query), rtol=1e-12, atol=1e-12)


def test_search_returns_best_first_only_passages_with_a_query_term():
    index = Index.build([["a", "b"], ["c"], ["a", "a", "d"], ["e"], ["f"], ["g"]], replace(SEARCH, cache_dir=None))
    hits = index.search(["a", "zzz"], k=10)
    assert [h.passage for h in hits] == [2, 0]
    assert hits[0].score >= hits[1].score
    assert index.search(["zzz"], k=3) == []


@pytest.mark.parametrize("variant", ["okapi", "bm25l", "bm25plus"])
@pytest.mark.parametrize("seed", range(5))
def test_search_is_the_top_k_of_the_scores_among_passages_with_a_query_term(variant, seed):
    corpus, index, queries = _random_case(variant, seed)
    for k, query in enumerate(queries, 1):
        scores = index.scores(query)
        having = [i for i, passage in enumerate(corpus) if set(passage) & set(query)]
        expected = sorted(having, key=lambda i: (-scores[i], i))[:k]
        assert [h.passage for h in index.search(query, k)] == expected


def test_search_finds_passages_even_when_rank_bm25_scores_them_zero_or_below():
    # Terms in half of the passages or more: Okapi gives them an IDF of 0 or below here.
    index = Index.build([["a", "b"], ["a", "b"], ["a"], ["c"]], replace(SEARCH, variant="okapi", cache_dir=None))
    hits = index.search(["b"], k=5)
    assert [h.passage for h in hits] == [0, 1] and all(h.score <= 0 for h in hits)


def test_frequencies_in_counts_each_term_in_each_passage():
    rng = random.Random(3)
    corpus = _random_corpus(rng, 200)
    index = Index.build(corpus, replace(SEARCH, cache_dir=None))
    terms = [f"w{i}" for i in range(0, 70, 3)]  # w60+ are unknown
    passages = np.array(rng.sample(range(200), 25))
    expected = [[corpus[p].count(t) for p in passages] for t in terms]
    np.testing.assert_array_equal(index.frequencies_in(terms, passages), expected)
    assert index.frequencies_in([], passages).shape == (0, 25)


def test_pair_counts_count_side_by_side_terms_after_each_passages_start():
    rng = random.Random(5)
    corpus = _random_corpus(rng, 120)
    starts = [rng.randint(0, 3) for _ in corpus]  # e.g. heading terms before the passage's own text
    index = Index.build(corpus, replace(SEARCH, cache_dir=None), pairs_from=starts)
    vocabulary = [f"w{i}" for i in range(65)]
    for _ in range(30):
        pairs = list(dict.fromkeys((rng.choice(vocabulary[:8]), rng.choice(vocabulary)) for _ in range(4)))
        passages = np.array(rng.sample(range(120), 10))
        own = [set(itertools.pairwise(corpus[p][starts[p]:])) for p in passages]
        expected = [sum(pair in pairs_here for pair in pairs) for pairs_here in own]
        assert index.pair_counts(pairs, passages).tolist() == expected


@pytest.mark.parametrize("seed", range(3))
def test_preceding_and_following_are_the_terms_side_by_side_somewhere(seed):
    rng = random.Random(seed)
    corpus = _random_corpus(rng, 150)
    starts = [rng.randint(0, 3) for _ in corpus]
    index = Index.build(corpus, replace(SEARCH, cache_dir=None), pairs_from=starts)
    side_by_side = {pair for p, passage in enumerate(corpus) for pair in itertools.pairwise(passage[starts[p]:])}
    for term in [f"w{i}" for i in range(65)]:
        assert index.preceding(term) == {a for a, b in side_by_side if b == term}
        assert index.following(term) == {b for a, b in side_by_side if a == term}


def test_saved_index_loads_identically(tmp_path):
    corpus = _random_corpus(random.Random(1), 50)
    index = Index.build(corpus, replace(SEARCH, cache_dir=None))
    index.save(tmp_path / "i.npz", {"key": "k"})
    loaded, header = Index.load(tmp_path / "i.npz")
    assert header["key"] == "k"
    np.testing.assert_array_equal(loaded.scores(["w1", "w3"]), index.scores(["w1", "w3"]))
    passages = np.arange(50)
    pairs = [("w1", "w2")]
    np.testing.assert_array_equal(loaded.pair_counts(pairs, passages), index.pair_counts(pairs, passages))
