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
    ("telegram:\n  webhook:\n    url: https://x\n", r"telegram\.webhook\.secret_token: required with"),
    ("search: [1, 2\n", r"line \d+ is not valid YAML"),
    ("corpus:\n  path: corpus\n  history: 0\n", r"corpus\.history must be at least 1"),
    ("telegram:\n  max_upload_kb: 30000\n", r"telegram\.max_upload_kb must be between 1 and 20480"),
    ("telegram:\n  max_upload_kb: 1.5\n", r"telegram\.max_upload_kb must be a whole number"),
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


@pytest.mark.parametrize("text, message", [
    ("logging:\n  level: LOUD\n", r"logging\.level must be one of DEBUG, INFO"),
    ("feedback:\n  database: /proc/version/feedback.sqlite3\n",
     r"feedback\.database .* cannot be created \(/proc/version is a file\)"),
    ("replies:\n  weak_match: \"{section} {oops}\"\n", r"replies\.weak_match may only use \{section\}"),
    ("search:\n  k1: .nan\n", r"search\.k1 must be a number of at least 0, not nan"),
    ("search:\n  heading_weight: -1\n", r"search\.heading_weight must be a number of at least 0, not -1"),
    ("confidence:\n  max_correction_distance: -2\n",
     r"confidence\.max_correction_distance must be a number of at least 0"),
    ("search:\n  b: .inf\n", r"search\.b must be a number of at least 0, not inf"),
])
def test_what_would_crash_later_is_refused_at_load(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(_write(tmp_path, "corpus:\n  path: corpus\n" + text))


def test_an_empty_cache_dir_turns_the_cache_off(tmp_path):
    config = load_config(_write(tmp_path, "corpus:\n  path: corpus\nsearch:\n  cache_dir: \"\"\n"))
    assert config.search.cache_dir is None


def test_check_reports_a_damaged_feedback_database(tmp_path):
    import subprocess
    import sys

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text("# A\n\nZinc supports the immune system.\n", encoding="utf-8")
    (tmp_path / "fb.sqlite3").write_bytes(b"garbage " * 200)
    path = _write(tmp_path, "corpus:\n  path: corpus\nfeedback:\n  database: fb.sqlite3\n")
    result = subprocess.run([sys.executable, "-m", "bot", "--config", str(path), "check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "problem:" in result.stdout and "fb.sqlite3" in result.stdout


def test_an_operator_reply_with_an_unknown_placeholder_is_named(tmp_path):
    path = _write(tmp_path, "corpus:\n  path: corpus\nreplies:\n  operators:\n    published: \"Done: {fil}\"\n")
    with pytest.raises(ConfigError, match=r"replies\.operators\.published may only use \{action\} and \{file\}"):
        load_config(path)


def test_an_empty_config_is_the_shipped_one_with_paths_from_its_own_folder(tmp_path):
    from .conftest import shipped

    empty = load_config(_write(tmp_path, ""))
    assert empty.replies == shipped().replies and empty.synonyms == shipped().synonyms
    assert empty.confidence == shipped().confidence and empty.search.k1 == shipped().search.k1
    assert empty.corpus.path == tmp_path / "corpus"
    assert empty.feedback.database == tmp_path / "data" / "feedback.sqlite3"


def test_a_config_sets_only_what_it_changes(tmp_path):
    from .conftest import shipped

    config = load_config(_write(tmp_path, "replies:\n  greeting: Hi!\nsynonyms:\n  zn: [zinc]\n"))
    assert config.replies.greeting == "Hi!" and config.replies.thanks == shipped().replies.thanks
    assert config.synonyms["zn"] == ["zinc"] and config.synonyms["mg"] == ["magnesium"]


def test_every_default_comes_from_the_shipped_config_yaml():
    import dataclasses

    from bot import config

    assert config.DEFAULTS.resolve() == (ROOT / "config.yaml").resolve()
    settings = [kind for kind in vars(config).values() if dataclasses.is_dataclass(kind)]
    assert len(settings) > 10
    for kind in settings:
        for field in dataclasses.fields(kind):
            assert field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING, field.name
