from pathlib import Path

import pytest

from bot.corpus import DocumentError, read_document, sentence_splitter

from .conftest import ROOT

SPLITTER = sentence_splitter(["e.g", "dr", "mg"])
ARTICLE = ROOT / "corpus" / "the-effects-of-magnesium-on-the-nervous-system.md"


def _doc(tmp_path: Path, text: str | bytes, size: int = 3):
    path = tmp_path / "doc.md"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_document(path, SPLITTER, size)


def test_default_article_sections_and_restored_words():
    doc = read_document(ARTICLE, SPLITTER, 3)
    assert doc.title == "The Effects of Magnesium on the Nervous System"
    assert doc.sections == ("Introduction", "Tips for Taking Magnesium Safely", "The Benefits of Magnesium")
    texts = " ".join(p.text for p in doc.passages)
    assert "Magnesium plays a key role in this process" in texts
    assert "Headaches are one of the most common side effects" in texts
    assert "Rare side effects\n" not in texts and "1. Side effects" not in texts


def test_passages_are_verbatim_sentences_of_the_source():
    source = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    for passage in read_document(ARTICLE, SPLITTER, 3).passages:
        assert " ".join(passage.text.split()) in source


def test_abbreviations_and_ranges_do_not_break_sentences(tmp_path):
    text = "# T\n\n## S\n\nTake 400-420mg daily, e.g. with food. Dr. Smith agrees. A third one.\n"
    doc = _doc(tmp_path, text, size=1)
    assert [p.text for p in doc.passages] == [
        "Take 400-420mg daily, e.g. with food.", "Dr. Smith agrees.", "A third one."]


def test_passages_never_cross_sections_and_know_where_they_are(tmp_path):
    doc = _doc(tmp_path, "---\ntitle: Custom\nsource: https://example.org/a\n---\n# Heading\n\nOne. Two.\n\n"
                         "## Second\n\nThree. Four. Five. Six.\n")
    assert doc.title == "Custom" and doc.source == "https://example.org/a"
    assert [(p.section, p.text, p.position) for p in doc.passages] == [
        ("Introduction", "One. Two.", 0), ("Second", "Three. Four.", 1), ("Second", "Five. Six.", 2)]


@pytest.mark.parametrize("content, problem", [
    ("", "no text"),
    (b"\xff\xfe\x00\x01garbage", "not UTF-8"),
    ("---\ntitle: [unclosed\n---\nText.\n", "front matter is not valid YAML"),
    ("---\ntitle: x\nText without end\n", "no closing ---"),
    ("---\n- a list\n---\nText.\n", "must be a mapping"),
])
def test_unusable_documents_are_refused_with_the_reason(tmp_path, content, problem):
    with pytest.raises(DocumentError, match=problem):
        _doc(tmp_path, content)
