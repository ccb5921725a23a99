"""Shared fixtures: the default engine, and small corpora written to a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Config, load_config
from bot.engine import Engine, load

ROOT = Path(__file__).resolve().parent.parent


def shipped() -> Config:
    """The shipped config.yaml, loaded (every default comes from it)."""
    return load_config(ROOT / "config.yaml")


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The engine over the default corpus and config."""
    return load(ROOT / "config.yaml")


def write_config(folder: Path, corpus: Path, extra: str = "") -> Path:
    """A config file for a corpus folder, with the cache inside the temporary folder."""
    path = folder / "config.yaml"
    path.write_text(f"corpus:\n  path: {corpus}\nsearch:\n  cache_dir: {folder / 'cache'}\n{extra}", encoding="utf-8")
    return path


def project_config(folder: Path, **sections: dict) -> Path:
    """The project's config.yaml with the corpus path made absolute, the cache in `folder`,
    and the given sections updated."""
    import yaml

    data = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    data["corpus"]["path"] = str(ROOT / "corpus")
    data["search"]["cache_dir"] = str(folder / "cache")
    for name, values in sections.items():
        data.setdefault(name, {})
        data[name] = {**(data[name] or {}), **values}
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path
