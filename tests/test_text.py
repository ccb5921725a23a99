import random

from nltk.metrics.distance import edit_distance

from bot import lexicon, spelling, text
from bot.text import (_english_in_order, damerau, english_start, english_words, frequency, message_words, stem,
                      stop_words, tokens, unstretched, words)


def test_numbers_and_ranges_are_searchable():
    assert tokens("The daily dosage is 400-420mg per day.") == ["daili", "dosag", "400", "420", "mg", "per", "day"]


def test_unicode_is_normalised_and_case_folded():
    assert words("ＭＡＧＮＥＳＩＵＭ Ｍｇ") == ["magnesium", "mg"]


def test_stop_words_are_removed_and_words_stemmed():
    assert tokens("What are the headaches of the nerves?") == [stem("headaches"), stem("nerves")]
    assert stem("headaches") == stem("headache")


def test_apostrophes_split_contractions():
    assert tokens("Can't sleep, doesn't help") == [stem("sleep"), "help"]


def test_the_product_package_imports_only_its_runtime_dependencies():
    import ast
    import sys

    from .conftest import ROOT

    runtime = {"bot", "rank_bm25", "nltk", "yaml", "telegram", "aiohttp", "numpy"}
    for path in (ROOT / "bot").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0}
        outside = {n.split(".")[0] for n in names} - runtime - set(sys.stdlib_module_names)
        assert not outside, f"{path.name} imports {outside}"
        assert "fake" not in path.name


def test_damerau_distance_is_nltks_edit_distance_with_transpositions():
    assert damerau("cuase", "cause") == 1 and damerau("magneisum", "magnesium") == 1  # swaps count one
    assert damerau("ca", "abc") == 2 and damerau("", "abc") == 3 and damerau("sleep", "sleep") == 0
    rng = random.Random(3)
    for _ in range(20_000):  # few letters, so that repeats and swaps across letters are common
        letters = "abcd"[:rng.randint(1, 4)]
        typed, meant = ("".join(rng.choices(letters, k=rng.randint(0, 8))) for _ in range(2))
        assert damerau(typed, meant) == edit_distance(typed, meant, transpositions=True), (typed, meant)


def test_english_start_is_the_longest_start_an_english_word_shares():
    assert english_start("intrduction") == len("intr") and english_start("xqzt") == 1  # "x", as in "xylophone"
    assert english_start("magnesium") == len("magnesium")


def test_english_typos_skip_no_english_word_by_looking_only_where_one_can_start():
    rng = random.Random(5)
    ordered, table = _english_in_order(), english_words()
    for _ in range(2_000):
        word = rng.choice(ordered)
        i = rng.randrange(len(word))
        typo = word[:i] + word[i + 1:] if rng.random() < 0.5 else word[:i] + rng.choice("aeiouxyz") + word[i:]
        if len(typo) < 4 or spelling._in_use(typo):
            continue  # not read as a typo
        every = list(spelling._edits(typo, len(typo)))  # every edit, wherever it is
        listed = table.intersection(every)
        in_use = [w for w in listed if frequency(w) > 0]  # "enif" is meant by nobody...
        known = in_use or [w for w in listed if lexicon.entry(w) is not None]  # ...unless WordNet knows it
        assert spelling._english_typos(typo) == tuple(sorted(known, key=every.index)), typo


def test_a_dropped_g_is_put_back_only_where_the_word_is_not_english_without_it():
    assert message_words("stop takin it im goin nuts") == ["stop", "taking", "it", "i", "am", "going", "nuts"]
    assert message_words("on warfarin and a statin") == ["on", "warfarin", "and", "a", "statin"]  # drugs WordNet knows
    assert message_words("my cousin kin protein") == ["my", "cousin", "kin", "protein"]


def test_interjections_are_stop_words_not_subjects():
    assert {"yo", "um", "hmm", "huh"} <= stop_words() and "er" not in stop_words()  # the ER is a place


def test_warm_builds_the_table_of_words_typed_without_vowels_before_any_question():
    text._by_consonants.cache_clear()
    text.warm()
    assert text._by_consonants.cache_info().currsize == 1
    assert "work" in text.without_vowels("wrk")
    assert text._by_consonants.cache_info().hits >= 1  # the question found the table already built


def test_letters_stretched_for_emphasis_are_read_as_meant():
    assert [unstretched(w) for w in ("sooo", "pleaseee", "sleeeep", "hurtsss", "bruhhh", "coool")] == \
        ["so", "please", "sleep", "hurts", "bruh", "cool"]
    assert unstretched("sleep") == "sleep" and unstretched("aaa") == "a"
    assert message_words("helppp me sleeep") == ["help", "me", "sleep"]
