"""Typed, validated settings read from config.yaml."""

from __future__ import annotations

import dataclasses
import math
import os
import types
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_CONFIG = Path("config.yaml")
# The one source of every default: the shipped config.yaml (bot/defaults.yaml links to it, so that it
# is installed with the package). A config file sets only what it changes; the rest comes from here.
DEFAULTS = Path(__file__).with_name("defaults.yaml")
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

    path: Path
    sentences_per_passage: int
    history: int  # changes remembered (with the replaced file) in the folder next to the corpus
    abbreviations: list[str]


@dataclass(frozen=True)
class SearchConfig:
    """BM25 parameters (rank-bm25's variants) and the on-disk index cache."""

    variant: str
    k1: float
    b: float
    epsilon: float
    delta: float
    top: int
    heading_weight: int
    cache_dir: Path | None


@dataclass(frozen=True)
class ConfidenceConfig:
    """The rule that decides between quoting a passage and saying "not covered"."""

    min_coverage: float
    prefer_within: float
    max_correction_distance: int
    also_says_ratio: float


@dataclass(frozen=True)
class ChatReplies:
    """The Telegram chat's own texts: commands, buttons, notices (README "Connect to Telegram")."""

    groups: str
    usage: str
    topics: str
    documents: str
    ask_usage: str
    not_text: str
    answered_above: str
    inline_not_covered: str
    another_passage: str
    whole_section: str
    stale_button: str
    vote_thanks: str
    status: str
    description: str
    short_description: str
    private_commands: dict[str, str]
    group_commands: dict[str, str]


@dataclass(frozen=True)
class OperatorReplies:
    """What the admins read when they change the corpus from Telegram (README "Operating the bot")."""

    not_allowed: str
    new_document: str
    replaced_document: str
    removed_document: str
    undoes: str
    counts: str
    added: str
    removed: str
    changed: str
    title_changed: str
    same_title: str
    warning: str
    eval: str
    gate: str
    publish_button: str
    discard_button: str
    rejected: str
    wrong_type: str
    too_large: str
    one_file: str
    unknown_document: str
    last_document: str
    nothing_to_roll_back: str
    remove_usage: str
    published: str
    not_published: str
    notice: str
    discarded: str
    stale: str
    outdated: str
    history_empty: str
    history_head: str
    history_change: str
    history_reload: str


# The placeholders each chat text may use (the others are sent as they are).
CHAT_PLACEHOLDERS = {"usage": ("bot",),
                     "status": ("minutes", "version", "documents", "passages", "answered", "unanswered")}
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

    disclaimer: str
    not_covered: str
    not_discussed: str
    no_match: str
    weak_match: str
    also_says: str
    emergency_number: str
    crisis_line: str
    emergency: str
    crisis: str
    not_english: str
    greeting: str
    thanks: str
    about_me: str
    help: str
    chat: ChatReplies
    operators: OperatorReplies


@dataclass(frozen=True)
class WebhookConfig:
    """Webhook mode, when url is set: Telegram posts updates to url; the bot listens on listen:port."""

    url: str | None
    secret_token: str | None
    listen: str
    port: int
    path: str


@dataclass(frozen=True)
class TelegramConfig:
    """How the bot talks to Telegram."""

    api_base_url: str
    admin_ids: list[int]
    webhook: WebhookConfig
    group_messages_per_minute: int
    user_messages_per_minute: int
    repeat_window_seconds: int
    follow_up_minutes: int
    concurrent_updates: int
    rate_limiter: bool
    max_upload_kb: int  # largest corpus file an admin may send


@dataclass(frozen=True)
class ReloadConfig:
    """Live corpus updates while the bot runs."""

    watch: bool
    poll_seconds: float
    settle_seconds: float
    eval: Path | None
    gate: bool
    min_pass_rate: float


@dataclass(frozen=True)
class FeedbackConfig:
    """What users asked that the article lacks, and their votes, in an SQLite file."""

    enabled: bool
    database: Path
    weak_below: float
    retention_days: int
    buttons: bool


@dataclass(frozen=True)
class LoggingConfig:
    """Log level and whether question texts may be logged (health questions are private)."""

    level: str
    questions: bool


@dataclass(frozen=True)
class Config:
    """All settings; relative paths are resolved against the config file's folder."""

    corpus: CorpusConfig
    search: SearchConfig
    confidence: ConfidenceConfig
    synonyms: dict[str, list[str]]
    replies: RepliesConfig
    telegram: TelegramConfig
    reload: ReloadConfig
    feedback: FeedbackConfig
    logging: LoggingConfig


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate a config file over the shipped defaults; raise ConfigError naming the key on
    any problem. Relative paths, the defaults' too, are resolved against the file's folder."""
    path = Path(path) if path is not None else DEFAULT_CONFIG
    defaults = _read(DEFAULTS)
    # The shipped file itself (the usual case) is read once: merged over itself it is the same.
    raw = defaults if path.resolve() == DEFAULTS.resolve() else _merged(defaults, _read(path))
    config = _build(Config, raw, f"{path}:", path.resolve().parent)
    _check(config, str(path))
    return config


def _read(path: Path) -> dict:
    """A config file's settings (an empty file has none)."""
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
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: must be a mapping of sections (corpus, search, replies...), not {_kind_name(raw)}")
    return raw


def _merged(defaults: object, settings: object) -> object:
    """`settings` over `defaults`: mappings are merged key by key, anything else is replaced."""
    if isinstance(defaults, dict) and isinstance(settings, dict):
        return {**defaults, **{key: _merged(defaults.get(key), value) for key, value in settings.items()}}
    return settings


def _check(config: Config, where: str) -> None:
    """Checks that go beyond types."""
    _check_numbers(config, where)
    if not config.corpus.path.exists():
        raise ConfigError(f"{where}: corpus.path {config.corpus.path} does not exist")
    if config.reload.eval is not None and not config.reload.eval.is_file():
        raise ConfigError(f"{where}: reload.eval {config.reload.eval} is not a file")
    for key, path in (("feedback.database", config.feedback.database), ("search.cache_dir", config.search.cache_dir)):
        problem = path and _not_creatable(path)
        if problem:
            raise ConfigError(f"{where}: {key} {path} cannot be created ({problem})")
    _check_texts(config, where)
    _check_operators(config, where)
    if config.telegram.webhook.url and not config.telegram.webhook.secret_token:
        raise ConfigError(f"{where}: telegram.webhook.secret_token: required with telegram.webhook.url "
                          "(Telegram sends it back, so that no one else can post updates)")
    if config.logging.level.upper() not in LEVELS:
        raise ConfigError(f"{where}: logging.level must be one of {', '.join(LEVELS)}, not {config.logging.level!r}")


def _check_numbers(config: Config, where: str) -> None:
    """Choices and ranges of the numeric settings (none is negative: _build refuses that already)."""
    search = config.search
    if search.variant not in VARIANTS:
        raise ConfigError(f"{where}: search.variant must be one of {', '.join(VARIANTS)}, not {search.variant!r}")
    if not search.b <= 1:
        raise ConfigError(f"{where}: search.b must be between 0 and 1")
    if search.top < 1 or config.corpus.sentences_per_passage < 1:
        raise ConfigError(f"{where}: search.top and corpus.sentences_per_passage must be at least 1")
    shares = {f"confidence.{name}": getattr(config.confidence, name)
              for name in ("min_coverage", "prefer_within", "also_says_ratio")}
    shares["reload.min_pass_rate"] = config.reload.min_pass_rate
    shares["feedback.weak_below"] = config.feedback.weak_below
    for key, share in shares.items():
        if not share <= 1:
            raise ConfigError(f"{where}: {key} must be between 0 and 1")
    if config.reload.poll_seconds <= 0 or config.feedback.retention_days < 1:
        raise ConfigError(f"{where}: reload.poll_seconds must be > 0 and feedback.retention_days >= 1")


def _check_texts(config: Config, where: str) -> None:
    """Every reply may use only the placeholders it is given."""
    if "{section}" not in config.replies.weak_match:
        raise ConfigError(f"{where}: replies.weak_match must contain {{section}}")
    for name, placeholders in PLACEHOLDERS.items():
        _check_placeholders(getattr(config.replies, name), f"{where}: replies.{name}", placeholders)
    for name, placeholders in CHAT_PLACEHOLDERS.items():
        _check_placeholders(getattr(config.replies.chat, name), f"{where}: replies.chat.{name}", placeholders)


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
        return _build_settings(kind, value, key, base)
    if origin is list:
        if not isinstance(value, list):
            raise ConfigError(f"{key} must be a list, not {_kind_name(value)}")
        (item_kind,) = typing.get_args(kind)
        return [_build(item_kind, item, f"{key}[{i}]", base) for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{key} must be a mapping, not {_kind_name(value)}")
        key_kind, item_kind = typing.get_args(kind)
        return {_build(key_kind, k, key, base): _build(item_kind, v, _join(key, str(k)), base)
                for k, v in value.items()}
    if kind is Path:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{key} must be a path (text), not {_kind_name(value)}")
        path = Path(value).expanduser()
        return path if path.is_absolute() else base / path
    return _build_scalar(kind, value, key)


def _build_settings(kind: typing.Any, value: typing.Any, key: str, base: Path) -> typing.Any:
    """One section of settings (a dataclass): every key known, none missing."""
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must be a mapping, not {_kind_name(value)}")
    hints = typing.get_type_hints(kind)
    fields = [f.name for f in dataclasses.fields(kind)]
    unknown = sorted(set(map(str, value)) - set(fields))
    if unknown:
        raise ConfigError(f"{_join(key, unknown[0])}: unknown key (known: {', '.join(fields)})")
    missing = [name for name in fields if name not in value]
    if missing:
        raise ConfigError(f"{_join(key, missing[0])}: required key is missing")
    return kind(**{name: _build(hints[name], item, _join(key, name), base) for name, item in value.items()})


def _build_scalar(kind: type, value: typing.Any, key: str) -> typing.Any:
    """A number (finite, not negative: no setting is), text or true/false."""
    if kind in (int, float) and type(value) in (int, float) and not (math.isfinite(value) and value >= 0):
        raise ConfigError(f"{key} must be a number of at least 0, not {value!r}")
    if kind is float and type(value) is int:
        return float(value)
    if kind in (int, float, str, bool) and type(value) is kind:
        return value
    raise ConfigError(f"{key} must be {_kind_name(kind())}, not {_kind_name(value)} ({value!r})")


def _join(key: str, name: str) -> str:
    return f"{key} {name}" if key.endswith(":") else f"{key}.{name}"


def _kind_name(value: object) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "text",
            list: "a list", dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)
