"""The weights file of a small linear model (bot/crisis.py, bot/focus.py): settings, then weights."""

from __future__ import annotations


def read_weights(text: str) -> tuple[dict[str, float], dict[str, float]]:
    """The `# name = value` settings (bias, threshold...) and the `feature <TAB> weight` lines of a
    weights file's text; other `#` lines are comments."""
    weights, settings = {}, {}
    for line in text.splitlines():
        if line.startswith("#") and "=" in line:
            key, value = line[1:].split("=", 1)
            settings[key.strip()] = float(value.split()[0])
        elif line and not line.startswith("#"):
            name, weight = line.split("\t")
            weights[name] = float(weight)
    return weights, settings
