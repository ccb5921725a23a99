"""`python -m benchmarks.bench` (make bench): speed and memory, side by side with bm25s, from 1,000 to
100,000 passages; the emergency check; the cold start; the real bot end to end. A development tool:
it needs the bench extra (bm25s), which the product does not."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from bot.config import SearchConfig, load_config
from bot.corpus import Passage
from bot.engine import Engine, start_up
from bot.evaluate import read_cases
from bot.library import Library, build, indexed_text, load_library
from bot.safety import emergency
from bot.search import Index
from bot.text import tokens, words
from tests.conftest import project_config

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "corpus" / "the-effects-of-magnesium-on-the-nervous-system.md"
PASSAGES_PER_SECTION = 100
SECTIONS_PER_DOCUMENT = 10
QUESTIONS = 600
END_TO_END_CHATS = (8, 24)
# the red-flag files the emergency check is timed on (not the held-out sets)
RED_FLAG_FILES = ("redflags.yaml", "redflags-dev2.yaml", "redflags-probes.yaml", "redflags-dev3.yaml",
                  "redflags-dev4.yaml", "redflags-dev5.yaml", "redflags-idioms.yaml")


def _filler_vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    """Pronounceable made-up words, seeded."""
    syllables = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiou"]
    vocabulary: set[str] = set()
    while len(vocabulary) < size:
        vocabulary.add("".join(rng.choices(syllables, k=rng.randint(2, 4))))
    return sorted(vocabulary)


def _article_words() -> list[str]:
    return sorted({w for w in words(ARTICLE.read_text(encoding="utf-8")) if w.isalpha() and len(w) > 2})


def write_corpus(folder: Path, size: int, seed: int = 7) -> None:
    """`size` passages of three sentences (about 200 bytes each) in Markdown files of 10 sections:
    a quarter of the words from the article, the rest Zipf-distributed filler."""
    rng = random.Random(seed)
    article, filler = _article_words(), _filler_vocabulary(rng)
    zipf = [1 / (rank + 1) ** 1.1 for rank in range(len(filler))]
    folder.mkdir(parents=True, exist_ok=True)

    def sentence() -> str:
        picked = [rng.choice(article) if rng.random() < 0.25 else None for _ in range(rng.randint(5, 9))]
        fill = iter(rng.choices(filler, zipf, k=len(picked)))
        text = " ".join(w or next(fill) for w in picked)
        return text[0].upper() + text[1:] + "."

    per_document = PASSAGES_PER_SECTION * SECTIONS_PER_DOCUMENT
    for number, start in enumerate(range(0, size, per_document)):
        lines = [f"# Synthetic document {number}", ""]
        count = min(per_document, size - start)
        for passage in range(count):
            if passage % PASSAGES_PER_SECTION == 0:
                lines += [f"## Section {passage // PASSAGES_PER_SECTION} {rng.choice(article)}", ""]
            lines += [" ".join(sentence() for _ in range(3)), ""]
        (folder / f"doc-{number:04d}.md").write_text("\n".join(lines), encoding="utf-8")


def questions(seed: int = 11, count: int = QUESTIONS) -> list[str]:
    """A fixed set of questions in people's shapes, some with typos, over the article's words."""
    rng = random.Random(seed)
    article = _article_words()
    shapes = ["how much magnesium should I take for {a}?", "can magnesium cause {a} and {b}?", "what is {a}",
              "does mg help with {a}", "why does magnesium affect {a} {b}", "{a} {b} {c}",
              "is {a} bad for my {b}?", "magnesum and {a}"]

    def typo(word: str) -> str:
        i = rng.randrange(len(word))
        return word[:i] + word[i + 1:] if rng.random() < 0.15 and len(word) > 5 else word

    return [rng.choice(shapes).format(a=typo(rng.choice(article)), b=rng.choice(article), c=rng.choice(article))
            for _ in range(count)]


def _percentiles(samples: list[float]) -> dict:
    """p50 and p99 of durations in seconds, in milliseconds."""
    return {"p50_ms": round(statistics.median(samples) * 1000, 3),
            "p99_ms": round(statistics.quantiles(samples, n=100, method="inclusive")[98] * 1000, 3)}


def build_worker(config_path: str) -> None:
    """In a fresh process: build (or load) the library and print time and peak memory as JSON."""
    started = time.perf_counter()
    library = load_library(load_config(config_path))
    print(json.dumps({"seconds": time.perf_counter() - started, "from_cache": library.from_cache,
                      "passages": len(library.passages),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def index_worker(config_path: str, which: str) -> None:
    """In a fresh process: index the cached corpus's tokenised passages with ours or bm25s only
    (no parsing, no tokenising in the figure); print time and peak memory as JSON."""
    config = load_config(config_path)
    with np.load(config.search.cache_dir / "index.npz", allow_pickle=False) as data:  # the passages only
        header = json.loads(data["header"].tobytes().decode("utf-8"))
    passages = [Passage(**p) for d in header["documents"] for p in d["passages"]]
    tokenised = [tokens(indexed_text(p, config.search.heading_weight)) for p in passages]
    del header, passages
    started = time.perf_counter()
    if which == "ours":
        Index.build(tokenised, config.search)
    else:
        import bm25s

        bm25s.BM25(k1=config.search.k1, b=config.search.b).index(tokenised, show_progress=False)
    print(json.dumps({"seconds": time.perf_counter() - started,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _in_fresh_process(config: Path, worker: str = "build_worker", *args: str) -> dict:
    call = f"from benchmarks.bench import {worker}; {worker}({', '.join(map(repr, (str(config), *args)))})"
    out = subprocess.run([sys.executable, "-c", call], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def measure_size(size: int, folder: Path) -> dict:
    """Build, cached load, query latency (ours and bm25s), and latency during a rebuild."""
    corpus = folder / f"corpus-{size}"
    write_corpus(corpus, size)
    config_path = project_config(folder, corpus={"path": str(corpus)})
    fresh = _in_fresh_process(config_path)
    cached = _in_fresh_process(config_path)
    index_only = {which: _in_fresh_process(config_path, "index_worker", which) for which in ("ours", "bm25s")}
    config = load_config(config_path)
    library = load_library(config)
    engine = Engine(config, library)
    asked = questions()
    engine.answer(asked[0])  # the first question reads the lexicon and word lists: not a query's cost
    start_up()  # what `run` does before its first question (see Performance)
    ours = []
    for question in asked:
        started = time.perf_counter()
        engine.answer(question)
        ours.append(time.perf_counter() - started)
    result = {"passages": len(library.passages), "build_s": round(fresh["seconds"], 2),
              "build_peak_mb": round(fresh["peak_mb"]), "workers_peak_mb": round(fresh["workers_peak_mb"]),
              "cached_load_s": round(cached["seconds"], 2),
              "index_only": {which: {"build_s": round(r["seconds"], 2), "peak_mb": round(r["peak_mb"])}
                             for which, r in index_only.items()},
              "answer": _percentiles(ours), "bm25s": _bm25s(library, asked, config.search)}
    result["ratio_p99"] = round(result["answer"]["p99_ms"] / result["bm25s"]["p99_ms"], 2)
    result["during_rebuild"] = _during_rebuild(engine, config, asked)
    return result


def _bm25s(library: Library, asked: list[str], params: SearchConfig) -> dict:
    """bm25s on the same tokenised passages; per question its tokenize + retrieve(k=10)."""
    import bm25s

    retriever = bm25s.BM25(k1=params.k1, b=params.b)
    retriever.index([tokens(indexed_text(p, library.heading_weight)) for p in library.passages], show_progress=False)
    samples = []
    for question in asked:
        started = time.perf_counter()
        bm25s.tokenize(question, stopwords="en", return_ids=False, show_progress=False)
        query = tokens(question) or ["magnesium"]
        retriever.retrieve([query], k=10, show_progress=False, n_threads=1)
        samples.append(time.perf_counter() - started)
    return _percentiles(samples)


def _during_rebuild(engine: Engine, config, asked: list[str]) -> dict:
    """Answer questions while the whole index is rebuilt in a background thread."""
    library = engine.library
    done = threading.Event()
    rebuilt = []

    def rebuild() -> None:
        rebuilt.append(build(library.documents, config))
        done.set()

    samples = []
    thread = threading.Thread(target=rebuild)
    started_rebuild = time.perf_counter()
    thread.start()
    i = 0
    while not done.is_set():
        started = time.perf_counter()
        engine.answer(asked[i % len(asked)])
        samples.append(time.perf_counter() - started)
        i += 1
        time.sleep(0.002)
    thread.join()
    engine.use(rebuilt[0])
    return {"rebuild_s": round(time.perf_counter() - started_rebuild, 2), "questions": len(samples),
            **_percentiles(samples)}


def emergency_check(rounds: int = 5) -> dict:
    """The emergency check alone (`safety.emergency`: reading the message, every sign and calm
    reading) on each message of the red-flag eval files, asked in turn, `rounds` times over; per
    message the median of its runs (a hiccup of a shared machine is not the check's cost), then
    p50 and p99 over the messages."""
    messages = [case.q for name in RED_FLAG_FILES for case in read_cases(ROOT / "tests" / "eval" / name)]
    emergency("warm up")  # the first call reads the signs and the word lists
    runs: list[list[float]] = [[] for _ in messages]
    for _ in range(rounds):
        for message, times in zip(messages, runs, strict=True):
            started = time.perf_counter()
            emergency(message)
            times.append(time.perf_counter() - started)
    return {"messages": len(messages), **_percentiles([statistics.median(times) for times in runs])}


def cold_start(rounds: int = 7) -> dict:
    """Wall time of `python -m bot ask` (cached index) and of the bare import line, each the median
    of `rounds` runs taken in turn, so that a busy spell of the machine weighs on both alike."""
    ask_line = [sys.executable, "-m", "bot", "ask", "How much magnesium should I take?"]
    bare_line = [sys.executable, "-c", "import nltk, rank_bm25, yaml"]
    runs: dict[str, list[float]] = {"ask": [], "bare": []}
    for _ in range(rounds):
        for name, argv in (("ask", ask_line), ("bare", bare_line)):
            started = time.perf_counter()
            subprocess.run(argv, cwd=ROOT, capture_output=True, check=True)
            runs[name].append(time.perf_counter() - started)
    ask, bare = statistics.median(runs["ask"]), statistics.median(runs["bare"])
    return {"ask_s": round(ask, 3), "bare_import_s": round(bare, 3), "ratio": round(ask / bare, 2)}


def end_to_end(folder: Path, chats: int = 24, per_chat: int = 50) -> dict:
    """The real bot process against the fake Bot API: `chats` private chats ask at once, each
    asking its next question as soon as its previous answer arrives (`per_chat` questions each)."""
    from tests.fake_bot_api import FakeBotApi

    token = "123456789:AAFakeTokenForTheBenchmarkOnly_abcdefgh"
    fake = FakeBotApi(token).start()
    config = project_config(folder, telegram={"api_base_url": fake.base_url, "rate_limiter": False})
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token}
    process = subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(config)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    asked = questions(seed=5, count=chats * per_chat)
    sent_at: dict[int, float] = {}
    latencies: list[float] = []
    remaining = {10_000 + c: per_chat for c in range(chats)}
    finished = threading.Event()

    def ask(chat: int) -> None:
        remaining[chat] -= 1
        sent_at[chat] = time.monotonic()
        fake.push({"message": {"message_id": len(latencies) + chat, "date": int(time.time()),
                               "text": asked[(chat - 10_000) * per_chat + remaining[chat]],
                               "chat": {"id": chat, "type": "private"},
                               "from": {"id": chat, "is_bot": False, "first_name": "B"}}})

    def answered(call) -> None:
        chat = int(call.params["chat_id"])
        latencies.append(call.at - sent_at[chat])
        if remaining[chat]:
            ask(chat)
        elif len(latencies) == chats * per_chat:
            finished.set()

    try:
        fake.wait_ready()
        fake.on_send = answered
        started = time.monotonic()
        for chat in list(remaining):
            ask(chat)
        finished.wait(120)
        elapsed = time.monotonic() - started
        return {"chats": chats, "questions": chats * per_chat, "answered": len(latencies),
                "lost": chats * per_chat - len(latencies), "per_second": round(len(latencies) / elapsed, 1),
                **_percentiles(latencies)}
    finally:
        process.terminate()
        process.wait(15)
        fake.stop()


def run(sizes: list[int], as_json: bool) -> int:
    """Measure everything and print a table (or JSON)."""
    with tempfile.TemporaryDirectory(prefix="bot-bench-") as tmp:
        folder = Path(tmp)
        results = {"sizes": {str(n): measure_size(n, folder) for n in sizes}, "cold_start": cold_start(),
                   "emergency_check": emergency_check(),
                   "end_to_end": [end_to_end(folder, chats) for chats in END_TO_END_CHATS]}
    if as_json:
        print(json.dumps(results, indent=2))
        return 0
    print("passages  build_s  peak_MB(+workers)  cached_load_s  index_only_s/MB: ours  bm25s  "
          "answer_p50/p99_ms  bm25s_p50/p99_ms  ours/bm25s_p99  rebuild_s  p99_during_rebuild_ms")
    for r in results["sizes"].values():
        ours, theirs = r["index_only"]["ours"], r["index_only"]["bm25s"]
        answer, bm25s = r["answer"], r["bm25s"]
        print(f"{r['passages']:>8}  {r['build_s']:>7}  {r['build_peak_mb']:>7}(+{r['workers_peak_mb']:<6})  "
              f"{r['cached_load_s']:>13}  {ours['build_s']:>9}/{ours['peak_mb']:<5} "
              f"{theirs['build_s']:>5}/{theirs['peak_mb']:<5}  "
              f"{answer['p50_ms']:>7}/{answer['p99_ms']:<9}  {bm25s['p50_ms']:>6}/{bm25s['p99_ms']:<9}  "
              f"{r['ratio_p99']:>14}  {r['during_rebuild']['rebuild_s']:>9}  {r['during_rebuild']['p99_ms']:>21}")
    c = results["cold_start"]
    print(f"cold start: ask {c['ask_s']}s, bare `import nltk, rank_bm25, yaml` {c['bare_import_s']}s, "
          f"ratio {c['ratio']}")
    e = results["emergency_check"]
    print(f"emergency check: {e['messages']} messages, per message p50 {e['p50_ms']} ms, p99 {e['p99_ms']} ms")
    for e in results["end_to_end"]:
        print(f"end to end: {e['chats']} chats, {e['answered']}/{e['questions']} answered ({e['lost']} lost), "
              f"{e['per_second']} per second, update to sendMessage p50 {e['p50_ms']} ms, p99 {e['p99_ms']} ms")
    return 0


def _sizes(text: str) -> list[int]:
    """Corpus sizes: whole numbers above 0, separated by commas."""
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not whole numbers separated by commas: {text!r}") from None
    if not all(size > 0 for size in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be above 0, not {text}")
    return sizes


def main() -> int:
    """The command line: sizes and output format."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=[1000, 10000, 100000],
                        help="corpus sizes in passages, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    return run(args.sizes, args.json)


if __name__ == "__main__":
    sys.exit(main())
