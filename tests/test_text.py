from bot.text import stem, tokens, words


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
