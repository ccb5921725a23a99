"""Command line: python -m bot [ask|chat|eval|passages|check|run|report] (imports only what a command needs)."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"
_LISTED_WORDS = 10  # of each passage, in `passages`


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run one command; config and corpus problems exit 2 with one line."""
    parser = _parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.command if hasattr(args, "command") else _default
    with _starting():
        from bot.config import ConfigError
        from bot.library import CorpusUnusable

    try:
        return command(args)
    except (ConfigError, CorpusUnusable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=(
        "Question answering over the magnesium article. With no command: the Telegram bot when "
        f"{TOKEN_VARIABLE} is set, otherwise a console chat."))
    parser.add_argument("--config", default="config.yaml", help="config file (default: ./config.yaml)")
    commands = parser.add_subparsers(title="commands")

    def command(name: str, function: Callable, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--config", default=argparse.SUPPRESS, help="config file (default: ./config.yaml)")
        sub.set_defaults(command=function)
        return sub

    ask = command("ask", _ask, "answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--top", type=_above_zero(int), default=None, help="how many passages to return")
    ask.add_argument("--after", default=None, help="the previous question of the conversation")
    command("chat", _chat, "a console conversation (reads questions from standard input)")
    evaluate = command("eval", _eval, "run a labelled question file and print the pass rates")
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    command("passages", _passages, "show how the corpus was split into passages")
    command("check", _check, "validate the config and the corpus")
    command("run", _run, f"start the Telegram bot (token from {TOKEN_VARIABLE})")
    report = command("report", _report, "the questions the article could not answer, and the votes")
    report.add_argument("--since", type=_above_zero(float), default=None, metavar="DAYS",
                        help="only the last DAYS days")
    return parser


def _above_zero(kind: type) -> Callable[[str], float]:
    """An argparse type: a number above 0."""
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not value > 0:  # also refuses nan
            raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
        return value
    return parse


@contextmanager
def _starting() -> Iterator[None]:
    """Imports and loading: what they make (nltk's and numpy's objects, the corpus) lives as long as
    the process, so no garbage collection scans it meanwhile (a full one takes 15-20 ms, a third of
    what `ask` adds to the imports) and it is frozen out of later ones."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _engine(args: argparse.Namespace):
    with _starting():
        from bot.engine import load

        return load(args.config)


def _ask(args: argparse.Namespace) -> int:
    """Answer one question."""
    answer = _engine(args).answer(args.question, after=args.after, top=args.top)
    print(json.dumps(answer.as_json(), ensure_ascii=False, indent=2) if args.json else answer.reply)
    return 0


def _chat(args: argparse.Namespace) -> int:
    """Answer questions line by line, remembering the previous one for follow-ups."""
    engine = _engine(args)
    interactive = sys.stdin.isatty()
    if interactive:
        print("Ask a question about the article (Ctrl-D to quit).")
    previous = None
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            return 0
        if not line.strip():
            continue
        answer = engine.answer(line, after=previous)
        previous = answer.context
        print(answer.reply + "\n", flush=True)


def _eval(args: argparse.Namespace) -> int:
    """Run an eval file; exit 0 unless the file is invalid."""
    from bot import evaluate

    try:
        cases = evaluate.read_cases(args.file)
    except evaluate.EvalFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    report = evaluate.run(_engine(args), cases)
    print(json.dumps(report.as_json(), ensure_ascii=False, indent=2) if args.json else evaluate.text_report(report))
    return 0


def _passages(args: argparse.Namespace) -> int:
    """Print every passage: id, document, section and first words."""
    from bot.reply import opening

    library = _engine(args).library
    for passage_id, passage in enumerate(library.passages):
        print(f"{passage_id:>4}  {passage.path}  [{passage.section}]  {opening(passage.text, _LISTED_WORDS)}")
    print(f"{len(library.documents)} documents, {len(library.passages)} passages")
    return 0


def _check(args: argparse.Namespace) -> int:
    """Validate config and every corpus file; name each problem."""
    from bot import corpus, store
    from bot.config import load_config

    config = load_config(args.config)
    files, skipped = corpus.corpus_files(config.corpus.path)
    splitter = corpus.sentence_splitter(config.corpus.abbreviations)
    problems, passages, warnings = [], 0, list(skipped)
    for file in files:
        try:
            document = corpus.read_document(file, splitter, config.corpus.sentences_per_passage,
                                            name=corpus.name_in(config.corpus.path, file))
        except corpus.DocumentError as error:
            problems.append(str(error))
        else:
            passages += len(document.passages)
            warnings += document.warnings
    if config.feedback.enabled and config.feedback.database.exists():
        problems += filter(None, [store.problem(config.feedback.database)])
    for warning in warnings:
        print(f"warning: {warning}")
    for problem in problems:
        print(f"problem: {problem}")
    print(f"{args.config}: config OK; {len(files) - len(problems)} of {len(files)} documents usable, "
          f"{passages} passages")
    return 1 if problems or not passages else 0


def _report(args: argparse.Namespace) -> int:
    """Print the feedback report."""
    from bot.config import load_config
    from bot.store import Store, StoreError

    config = load_config(args.config)
    if not config.feedback.database.exists():
        print(f"no feedback stored yet ({config.feedback.database} does not exist)")
        return 0
    try:
        store = Store(config.feedback.database, config.feedback.retention_days)
        print(store.report(args.since))
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    store.close()
    return 0


def _run(args: argparse.Namespace) -> int:
    """Start the Telegram bot."""
    from bot.telegram_app import run

    return run(args.config, os.environ.get(TOKEN_VARIABLE, ""))


def _default(args: argparse.Namespace) -> int:
    """The main job: the Telegram bot if a token is set, otherwise the console chat."""
    if os.environ.get(TOKEN_VARIABLE):
        return _run(args)
    print(f"(console chat; to connect Telegram, set {TOKEN_VARIABLE} - see README \"Connect to Telegram\")",
          file=sys.stderr)
    return _chat(args)


if __name__ == "__main__":
    sys.exit(main())
