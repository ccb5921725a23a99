"""Shared fixtures: the default engine, and small corpora written to a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine, load

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The engine over the default corpus and config."""
    return load(ROOT / "config.yaml")


def write_config(folder: Path, corpus: Path, extra: str = "") -> Path:
    """A config file for a corpus folder, with the cache inside the temporary folder."""
    path = folder / "config.yaml"
    path.write_text(f"corpus:\n  path: {corpus}\nsearch:\n  cache_dir: {folder / 'cache'}\n{extra}", encoding="utf-8")
    return path
