import pytest

from bot.config import ConfigError, load_config

from .conftest import ROOT


def _write(tmp_path, text):
    (tmp_path / "corpus").mkdir(exist_ok=True)
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_config_loads_with_paths_relative_to_the_file():
    config = load_config(ROOT / "config.yaml")
    assert config.corpus.path == ROOT / "corpus"
    assert "not medical advice" in config.replies.disclaimer
    assert config.synonyms["mg"] == ["magnesium"]


@pytest.mark.parametrize("text, message", [
    ("corpus:\n  pth: corpus\n", r"corpus\.pth: unknown key"),
    ("search:\n  k1: fast\n", r"search\.k1 must be a number, not text"),
    ("search:\n  variant: bm99\n", r"search\.variant must be one of okapi, bm25l, bm25plus"),
    ("corpus:\n  path: nowhere\n", r"corpus\.path .*nowhere does not exist"),
    ("synonyms:\n  mg: magnesium\n", r"synonyms\.mg must be a list"),
    ("telegram:\n  webhook:\n    url: https://x\n", r"telegram\.webhook\.secret_token: required key is missing"),
    ("search: [1, 2\n", r"line \d+ is not valid YAML"),
])
def test_bad_config_names_the_key_and_the_problem(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(_write(tmp_path, "corpus:\n  path: corpus\n" + text if not text.startswith("corpus") else text))


@pytest.mark.parametrize("key, text", [("crisis", "call {crisis_lin}"), ("emergency", "call {0}"),
                                        ("not_discussed", "no {focus} {oops}")])
def test_a_reply_with_an_unknown_placeholder_is_named(tmp_path, key, text):
    path = _write(tmp_path, f"corpus:\n  path: corpus\nreplies:\n  {key}: \"{text}\"\n")
    with pytest.raises(ConfigError, match=f"replies.{key} may only use"):
        load_config(path)
