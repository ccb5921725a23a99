"""Typed, validated settings read from config.yaml."""

from __future__ import annotations

import dataclasses
import math
import os
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_CONFIG = Path("config.yaml")
VARIANTS = ("okapi", "bm25l", "bm25plus")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_NUMBERS = ("emergency_number", "crisis_line")
# The placeholders each reply may use (replies not named here are sent as they are).
PLACEHOLDERS = {"weak_match": ("section",), "not_discussed": ("focus",), "emergency": _NUMBERS, "crisis": _NUMBERS}
TELEGRAM_DOWNLOAD_KB = 20 * 1024  # the Bot API's getFile serves files up to 20 MB


def parse_yaml(text: str) -> object:
    """Parse YAML safely, with libyaml's C parser when PyYAML has it (several times faster)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def yaml_problem(error: yaml.YAMLError, first_line: int = 1) -> tuple[str, str]:
    """Where a YAML error is ("line N: ", or "" when unknown; the text's first line is `first_line`)
    and what it is, in one line."""
    mark = getattr(error, "problem_mark", None)
    return (f"line {mark.line + first_line}: " if mark else "",
            " ".join(str(getattr(error, "problem", None) or error).split()))


class ConfigError(ValueError):
    """A config problem, worded for the operator (names the file and the key)."""


@dataclass(frozen=True)
class CorpusConfig:
    """Where the documents are and how they are cut into passages."""

    path: Path = Path("corpus")
    sentences_per_passage: int = 3
    history: int = 20  # changes remembered (with the replaced file) in the folder next to the corpus
    abbreviations: list[str] = field(default_factory=lambda: [
        "e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "vs", "etc", "approx", "fig", "no", "st",
        "jr", "sr", "inc", "ltd", "mg", "mcg", "ml", "al", "ca", "cf", "min", "max", "vol"])


@dataclass(frozen=True)
class SearchConfig:
    """BM25 parameters (rank-bm25's variants) and the on-disk index cache."""

    variant: str = "okapi"
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25
    delta: float = 1.0
    top: int = 3
    heading_weight: int = 2
    cache_dir: Path | None = Path(".cache")


@dataclass(frozen=True)
class ConfidenceConfig:
    """The rule that decides between quoting a passage and saying "not covered"."""

    min_coverage: float = 0.6
    prefer_within: float = 0.6
    max_correction_distance: int = 2
    also_says_ratio: float = 0.85


@dataclass(frozen=True)
class OperatorReplies:
    """What the admins read when they change the corpus from Telegram (README "Operating the bot")."""

    not_allowed: str = "Sorry, /{command} is for the bot's operators only: not allowed."
    new_document: str = "Preview of {file}: a new document, \"{title}\"."
    replaced_document: str = "Preview of {file}: replaces \"{title}\"."
    removed_document: str = "Preview of removing {file}: \"{title}\"."
    undoes: str = "This rolls back the {action} of {file} by admin {admin} at {time}."
    counts: str = ("Passages: {before} -> {after} ({added} added, {removed} removed, {changed} changed). "
                   "Nothing has changed for users yet.")
    added: str = "+ {words}"
    removed: str = "- {words}"
    changed: str = "~ {words}"
    title_changed: str = "The title changes from \"{before}\" to \"{after}\"."
    same_title: str = "Warning: {file} has the same title."
    warning: str = "Warning: {warning}"
    eval: str = "Eval: {before} -> {after} of the cases pass."
    gate: str = "Below the gate's {min_pass_rate} (reload.min_pass_rate): this cannot be published."
    publish_button: str = "Publish"
    discard_button: str = "Discard"
    rejected: str = "Not accepted: {reason}. Nothing has changed."
    wrong_type: str = "{file} is not a .md or .txt file"
    too_large: str = "{file} is {size} KB, over the limit of {limit} KB (telegram.max_upload_kb)"
    one_file: str = "the corpus is the one file {corpus}: only a file of that name can replace it"
    unknown_document: str = "{file} is not a document of the corpus (documents: {documents})"
    last_document: str = "{file} is the only document: the bot would have nothing to quote"
    nothing_to_roll_back: str = "there is no change made from Telegram to roll back"
    remove_usage: str = "Usage: /remove NAME (documents: {documents})."
    published: str = "Done: {action} of {file}. Now answering from {documents} documents, {passages} passages."
    not_published: str = "Not published: {reason}. Still answering from the last good index."
    notice: str = ("Admin {admin} ({name}) published the {action} of {file}: now {documents} documents, "
                   "{passages} passages.")
    discarded: str = "Discarded: nothing has changed."
    stale: str = ("This preview is no longer pending (published, discarded, replaced by a newer one, or the bot "
                  "restarted).")
    outdated: str = "The corpus changed since that preview. Publishing it now would do this:"
    history_empty: str = "No changes recorded yet."
    history_head: str = "Recent changes, newest first:"
    history_change: str = "{time}  {action} of {file} by admin {admin}: {passages} passages"
    history_reload: str = "{time}  reload of {file} (edited on the server): {passages} passages"


# The placeholders each operator reply may use.
OPERATOR_PLACEHOLDERS = {
    "not_allowed": ("command",), "new_document": ("file", "title"), "replaced_document": ("file", "title"),
    "removed_document": ("file", "title"), "undoes": ("action", "file", "admin", "time"),
    "counts": ("before", "after", "added", "removed", "changed"), "added": ("words",), "removed": ("words",),
    "changed": ("words",), "title_changed": ("before", "after"), "same_title": ("file",), "warning": ("warning",),
    "eval": ("before", "after"), "gate": ("min_pass_rate",), "rejected": ("reason",), "wrong_type": ("file",),
    "too_large": ("file", "size", "limit"), "one_file": ("corpus",), "unknown_document": ("file", "documents"),
    "last_document": ("file",), "remove_usage": ("documents",),
    "published": ("action", "file", "documents", "passages"), "not_published": ("reason",),
    "notice": ("admin", "name", "action", "file", "documents", "passages"),
    "history_change": ("time", "action", "file", "admin", "passages"),
    "history_reload": ("time", "file", "passages"),
}


@dataclass(frozen=True)
class RepliesConfig:
    """Fixed texts the bot sends; operators may reword them."""

    disclaimer: str = (
        "This is a quote from an article, not medical advice. "
        "Please consult your doctor before changing what you take.")
    not_covered: str = "Sorry, the article doesn't cover that."
    not_discussed: str = "The article doesn't discuss {focus}."
    no_match: str = (
        "Sorry, the article doesn't cover that: none of its passages matches your question. "
        "Try asking about magnesium and the nervous system, its side effects, its benefits or "
        "how to take it safely.")
    weak_match: str = (
        "The article doesn't answer that directly. The closest it comes is the section "
        "\"{section}\" (not a direct answer).")
    also_says: str = "The article also says:"
    emergency_number: str = "your local emergency number"
    crisis_line: str = "a crisis line in your country"
    emergency: str = (
        "⚠️ If this is an emergency, call {emergency_number} now. For a possible overdose or "
        "poisoning, contact poison control right away.")
    crisis: str = (
        "I'm really sorry you're going through this, and I'm glad you wrote. You don't have to face "
        "it alone: please call or text {crisis_line} now, or call {emergency_number} if you might act "
        "on these thoughts or have already taken something. If you can, tell someone near you how "
        "you feel.")
    not_english: str = "Sorry, the article is in English: please ask your question in English."
    greeting: str = (
        "Hello! Ask me a question about magnesium and the nervous system and I will quote the "
        "article's most relevant passage.")
    thanks: str = "You're welcome! Ask me anything else about the article."
    about_me: str = (
        "I am a question-answering bot: I quote the passage of the article that answers your "
        "question, or tell you when the article doesn't cover it.")
    help: str = (
        "Send me a question in plain words, for example \"How much magnesium should I take?\" "
        "or \"Can magnesium cause headaches?\".")
    operators: OperatorReplies = field(default_factory=OperatorReplies)


@dataclass(frozen=True)
class WebhookConfig:
    """Webhook mode: Telegram posts updates to url; the bot listens on listen:port."""

    url: str
    secret_token: str
    listen: str = "0.0.0.0"
    port: int = 8443
    path: str = "telegram"


@dataclass(frozen=True)
class TelegramConfig:
    """How the bot talks to Telegram."""

    api_base_url: str = "https://api.telegram.org/bot"
    admin_ids: list[int] = field(default_factory=list)
    webhook: WebhookConfig | None = None
    group_messages_per_minute: int = 20
    user_messages_per_minute: int = 6
    repeat_window_seconds: int = 120
    follow_up_minutes: int = 5
    concurrent_updates: int = 64
    rate_limiter: bool = True
    max_upload_kb: int = 1024  # largest corpus file an admin may send


@dataclass(frozen=True)
class ReloadConfig:
    """Live corpus updates while the bot runs."""

    watch: bool = True
    poll_seconds: float = 2.0
    settle_seconds: float = 1.0
    eval: Path | None = None
    gate: bool = False
    min_pass_rate: float = 0.9


@dataclass(frozen=True)
class FeedbackConfig:
    """What users asked that the article lacks, and their votes, in an SQLite file."""

    enabled: bool = True
    database: Path = Path("data/feedback.sqlite3")
    weak_below: float = 0.8
    retention_days: int = 90
    buttons: bool = False


@dataclass(frozen=True)
class LoggingConfig:
    """Log level and whether question texts may be logged (health questions are private)."""

    level: str = "INFO"
    questions: bool = False


@dataclass(frozen=True)
class Config:
    """All settings; relative paths are resolved against the config file's folder."""

    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    search: SearchConfig = field(default_factory=SearchConfig)
    confidence: ConfidenceConfig = field(default_factory=ConfidenceConfig)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    replies: RepliesConfig = field(default_factory=RepliesConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    reload: ReloadConfig = field(default_factory=ReloadConfig)
    feedback: FeedbackConfig = field(default_factory=FeedbackConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate a config file; raise ConfigError naming the key on any problem."""
    path = Path(path) if path is not None else DEFAULT_CONFIG
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config file ({error})") from None
    except yaml.YAMLError as error:
        where, problem = yaml_problem(error)
        raise ConfigError(f"{path}: {where.rstrip(': ')} is not valid YAML ({problem})") from None
    if raw is None:
        raw = {}
    config = _build(Config, raw, f"{path}:", path.resolve().parent)
    _check(config, str(path))
    return config


def _check(config: Config, where: str) -> None:
    """Checks that go beyond types."""
    search = config.search
    if search.variant not in VARIANTS:
        raise ConfigError(f"{where}: search.variant must be one of {', '.join(VARIANTS)}, not {search.variant!r}")
    if search.k1 < 0 or not 0 <= search.b <= 1:
        raise ConfigError(f"{where}: search.k1 must be >= 0 and search.b between 0 and 1")
    if search.top < 1 or config.corpus.sentences_per_passage < 1:
        raise ConfigError(f"{where}: search.top and corpus.sentences_per_passage must be at least 1")
    if not config.corpus.path.exists():
        raise ConfigError(f"{where}: corpus.path {config.corpus.path} does not exist")
    for name in ("min_coverage", "prefer_within", "also_says_ratio"):
        if not 0 <= getattr(config.confidence, name) <= 1:
            raise ConfigError(f"{where}: confidence.{name} must be between 0 and 1")
    if config.reload.eval is not None and not config.reload.eval.is_file():
        raise ConfigError(f"{where}: reload.eval {config.reload.eval} is not a file")
    if not 0 <= config.reload.min_pass_rate <= 1 or not 0 <= config.feedback.weak_below <= 1:
        raise ConfigError(f"{where}: reload.min_pass_rate and feedback.weak_below must be between 0 and 1")
    if config.reload.poll_seconds <= 0 or config.reload.settle_seconds < 0 or config.feedback.retention_days < 1:
        raise ConfigError(f"{where}: reload.poll_seconds must be > 0, reload.settle_seconds >= 0, "
                          "feedback.retention_days >= 1")
    if "{section}" not in config.replies.weak_match:
        raise ConfigError(f"{where}: replies.weak_match must contain {{section}}")
    for name, placeholders in PLACEHOLDERS.items():
        _check_placeholders(getattr(config.replies, name), f"{where}: replies.{name}", placeholders)
    _check_operators(config, where)
    if config.logging.level.upper() not in LEVELS:
        raise ConfigError(f"{where}: logging.level must be one of {', '.join(LEVELS)}, not {config.logging.level!r}")
    for key, path in (("feedback.database", config.feedback.database), ("search.cache_dir", config.search.cache_dir)):
        problem = path and _not_creatable(path)
        if problem:
            raise ConfigError(f"{where}: {key} {path} cannot be created ({problem})")


def _check_operators(config: Config, where: str) -> None:
    """The settings of corpus changes made from Telegram: history, upload size, texts."""
    if config.corpus.history < 1:
        raise ConfigError(f"{where}: corpus.history must be at least 1")
    if not 1 <= config.telegram.max_upload_kb <= TELEGRAM_DOWNLOAD_KB:
        raise ConfigError(f"{where}: telegram.max_upload_kb must be between 1 and {TELEGRAM_DOWNLOAD_KB} "
                          "(bots cannot download larger files)")
    for name, placeholders in OPERATOR_PLACEHOLDERS.items():
        _check_placeholders(getattr(config.replies.operators, name), f"{where}: replies.operators.{name}",
                            placeholders)


def _check_placeholders(text: str, key: str, placeholders: tuple[str, ...]) -> None:
    """A reply may use only its own {placeholders}."""
    try:
        text.format(**dict.fromkeys(placeholders, ""))
    except (KeyError, IndexError, ValueError) as error:
        allowed = " and ".join(f"{{{p}}}" for p in placeholders)
        raise ConfigError(f"{key} may only use {allowed} ({error!r})") from None


def _not_creatable(path: Path) -> str | None:
    """Why a file or folder could not be created at path (its nearest existing parent is not a
    writable folder), or None."""
    parent = path
    while not parent.exists():
        parent = parent.parent
    if parent == path:
        return None
    if not parent.is_dir():
        return f"{parent} is a file"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{parent} is not writable"
    return None


def _build(kind: typing.Any, value: typing.Any, key: str, base: Path) -> typing.Any:
    """Turn parsed YAML into the annotated type `kind`, naming `key` in any error."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        if value is None or (value == "" and options[0] is Path):  # an empty path turns the feature off
            return None
        return _build(options[0], value, key, base)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise ConfigError(f"{key} must be a mapping, not {_kind_name(value)}")
        hints = typing.get_type_hints(kind)
        fields = {f.name: f for f in dataclasses.fields(kind)}
        unknown = sorted(set(map(str, value)) - set(fields))
        if unknown:
            raise ConfigError(f"{_join(key, unknown[0])}: unknown key (known: {', '.join(fields)})")
        missing = [name for name, f in fields.items() if name not in value
                   and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        if missing:
            raise ConfigError(f"{_join(key, missing[0])}: required key is missing")
        return kind(**{name: _build(hints[name], item, _join(key, name), base) for name, item in value.items()})
    if origin is list:
        if not isinstance(value, list):
            raise ConfigError(f"{key} must be a list, not {_kind_name(value)}")
        (item_kind,) = typing.get_args(kind)
        return [_build(item_kind, item, f"{key}[{i}]", base) for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{key} must be a mapping, not {_kind_name(value)}")
        key_kind, item_kind = typing.get_args(kind)
        return {_build(key_kind, k, key, base): _build(item_kind, v, _join(key, str(k)), base) for k, v in value.items()}
    if kind is Path:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{key} must be a path (text), not {_kind_name(value)}")
        path = Path(value).expanduser()
        return path if path.is_absolute() else base / path
    if kind in (int, float) and type(value) in (int, float) and not (math.isfinite(value) and value >= 0):
        raise ConfigError(f"{key} must be a number of at least 0, not {value!r}")  # no setting is negative
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind in (int, float, str, bool) and type(value) is kind:
        return value
    raise ConfigError(f"{key} must be {_kind_name(kind())}, not {_kind_name(value)} ({value!r})")


def _join(key: str, name: str) -> str:
    return f"{key} {name}" if key.endswith(":") else f"{key}.{name}"


def _kind_name(value: object) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "text",
            list: "a list", dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)
