"""Build bot/data/cue-words.txt, the word families the red-flag patterns name as `{w_...}` parts,
from WordNet 3.0 and the project's inflections (development only; the bot reads the result).

A family is a few WordNet senses ("die", verb, sense 1): their synonyms and, where asked, their
direct hyponyms ("perish", "pass away", "kick the bucket", "drop dead", "croak"), less the words
too often meant otherwise ("go", "pass", "choke"), plus a few words WordNet files elsewhere. Every
single word and the first word of every phrase is then written in all its forms: the regular
endings of bot.text.INFLECTIONS run backwards (with a doubled last consonant: "stopped") and kept
when bot/data/english-words.txt.gz knows them, and the irregular forms of
bot/data/irregular-forms.txt.gz ("gave", "given"). One line a family, `name <TAB> words` (";"-separated).

    python scripts/build_cue_words.py [WORDNET_DICT_FOLDER]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_lexicon import fetch_dict, read_index, read_synsets  # noqa: E402

from bot.text import INFLECTIONS, english_words, irregular_forms, stop_words  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "cue-words.txt"


@dataclass(frozen=True)
class Sense:
    """One WordNet sense: a lemma, its part of speech (n v a r) and its sense number (1 = most used)."""

    lemma: str
    pos: str
    number: int = 1
    hyponyms: bool = False  # the sense's direct hyponyms count too ("die" -> "drop dead", "croak")


@dataclass(frozen=True)
class Family:
    """A word family: WordNet senses, words left out as too often meant otherwise, words added."""

    name: str
    pos: str  # which forms its words take: v (stops, stopped, stopping), n (plurals), a (happier)
    senses: tuple[Sense, ...]
    leave_out: frozenset[str] = frozenset()  # WordNet's words, or their forms, too often meant otherwise
    add: tuple[str, ...] = ()


FAMILIES = (
    # leaving life, said with a verb ("want to perish", "hope i croak", "rather pass away")
    Family("w_die", "v", (Sense("die", "v", 1, True), Sense("suicide", "n")),
           frozenset({"go", "exit", "pass", "expire", "choke", "fall", "yield", "abort", "conk", "pop off", "stifle",
                      "succumb", "predecease", "starve", "famish", "pip out", "buy it", "suffocate", "asphyxiate",
                      "drown", "suicide", "felo-de-se", "self-destruction", "self-annihilation",
                      "cash in one's chips", "dice"}),
           ("cease to exist", "not exist", "not be alive", "off myself", "unalive", "unalive myself")),
    # going from the world ("vanish", "fade away", "evanesce")
    Family("w_vanish", "v", (Sense("disappear", "v", 1), Sense("disappear", "v", 2)),
           frozenset({"go", "pass", "fall", "fall off", "fall away", "die", "absent", "remove", "fleet",
                      "wither", "blow over", "pass off", "skip town", "take a powder", "die out", "die off",
                      "desorb", "clear", "bob under", "melt", "evaporate", "melt off", "go away"}),
           ("fade away", "fade out")),
    # bringing to an end ("end", "finish", "terminate", "conclude", "close")
    Family("w_end", "v", (Sense("end", "v", 1), Sense("end", "v", 2)),
           frozenset({"stop", "cease"}), ("wrap up", "call time on", "put an end to")),
    # ceasing ("stop existing", "quit breathing", "cease being here")
    Family("w_cease", "v", (Sense("end", "v", 1), Sense("discontinue", "v", 1), Sense("quit", "v", 1)),
           frozenset({"end", "finish", "terminate", "close", "conclude", "lay off", "give up"})),
    # being alive, as a verb ("existing", "living", "surviving", "breathing")
    Family("w_live", "v", (Sense("exist", "v", 2), Sense("breathe", "v", 1)),
           frozenset({"subsist", "respire", "suspire"}), ("exist", "be alive", "be here", "be around")),
    # what a life is called ("my life", "my existence")
    Family("w_life", "n", (Sense("life", "n", 1), Sense("existence", "n", 1), Sense("life", "n", 6)),
           frozenset({"being", "beingness", "living", "life-time", "lifetime", "lifespan", "life-span"}),
           ("time on earth",)),
    # wanting ("wish", "long", "yearn", "crave", "hanker", "itch")
    Family("w_want", "v", (Sense("want", "v", 1, True), Sense("wish", "v", 1, True)),
           frozenset({"goings", "readying", "readied", "readies",
                      "hunger", "thirst", "starve", "lust", "go for", "take to", "miss", "wish well", "care",
                      "like", "spoil", "envy", "begrudge", "lust after", "lech after", "seek", "ambition",
                      "trust", "desire", "fancy"}),
           ("wanna", "would like", "would rather", "d rather", "prefer", "pray", "dream of", "ready", "tempted",
            "decided", "resolved", "determined", "going", "gonna", "plan", "mean", "intend", "need")),
    # a weight on others ("burden", "millstone", "dead weight", "drain", "liability")
    Family("w_burden", "n", (Sense("burden", "n", 1, True), Sense("burden", "n", 2), Sense("nuisance", "n", 2)),
           frozenset({"load", "loading", "charge", "pill", "fardel", "imposition", "pain", "encumbrance",
                      "incumbrance", "onus"}),
           ("drain", "liability", "weight", "millstone", "dead weight", "albatross", "waste of space", "problem",
            "bother", "inconvenience", "nuisance", "mess", "disappointment", "failure", "embarrassment")),
    # a reason to go on ("no point", "no sense", "no purpose", "no reason")
    Family("w_reason", "n", (Sense("reason", "n", 1), Sense("purpose", "n", 1), Sense("meaning", "n", 1)),
           frozenset({"ground", "design", "intent", "intention", "aim", "significance", "signification",
                      "import"}),
           ("point", "sense", "use", "hope")),
    # going on ("continue", "carry on", "keep going", "go on")
    Family("w_continue", "v", (Sense("continue", "v", 1, True), Sense("continue", "v", 2), Sense("survive", "v", 1)),
           frozenset({"keep", "go along", "hold", "ride", "run on", "proceed", "endure", "outlive", "outlast",
                      "last", "live", "live on", "go"}),
           ("keep going", "go on", "carry on", "keep living", "live", "survive", "exist", "get through",
            "make it", "hold on", "hang on", "push on", "push through", "soldier on")),
    # a goodbye ("farewell", "adieu", "so long")
    Family("w_goodbye", "n", (Sense("goodbye", "n", 1), Sense("farewell", "n", 1)),
           frozenset({"good day", "leave", "parting", "leave-taking", "send-off"}), ("goodbyes", "farewells")),
    # leaping ("jump", "leap", "step")
    Family("w_jump", "v", (Sense("jump", "v", 1),), frozenset({"bound", "spring"}),
           ("step", "throw myself", "hurl myself", "fling myself", "launch myself", "walk", "drive")),
    # somewhere high, or in the way ("bridge", "viaduct", "precipice", "platform")
    Family("w_height", "n", (Sense("bridge", "n", 1, True), Sense("cliff", "n", 1, True), Sense("roof", "n", 1)),
           frozenset({"span", "bailey bridge", "cattle guard", "cattle grid", "lift bridge", "pontoon bridge",
                      "bateau bridge", "floating bridge", "rope bridge", "drop", "drop-off", "truss bridge",
                      "trestle bridge", "covered bridge", "drawbridge"}),
           ("rooftop", "ledge", "tower", "balcony", "platform", "tracks", "railway line",
            "motorway", "highway", "building", "car park", "parking garage", "edge", "window")),
    # nerve to act ("courage", "nerve", "guts", "mettle")
    Family("w_courage", "n", (Sense("courage", "n", 1, True),),
           frozenset({"heroism", "gallantry", "valor", "valour", "valorousness", "valiance", "valiancy",
                      "dutch courage", "stoutheartedness", "fearlessness", "fortitude", "dauntlessness",
                      "intrepidity", "courageousness", "braveness", "heart"}),
           ("guts", "strength", "will")),
    # what others would feel once the writer is gone ("relieved", "happier", "freer", "move on")
    Family("w_relieved", "a", (Sense("relieved", "a", 1),), frozenset({"mitigated"}),
           ("happy", "free", "easy", "light", "safe", "better", "better off", "calm", "peaceful")),
    # what others would do once the writer is gone ("move on", "get over it", "cope")
    Family("w_move_on", "v", (Sense("get_over", "v", 2),), frozenset({"pull through", "recuperate", "recover",
                                                                  "convalesce", "bring around", "cure", "heal"}),
           ("move on", "get over it", "forget me", "cope", "manage", "not notice", "not care", "carry on", "be fine",
            "be okay", "be ok", "be better off", "be happier")))


def senses(folder: Path) -> dict[str, set[str]]:
    """Each family's words as WordNet gives them (before inflection), its own words left out and added."""
    synsets, index = read_synsets(folder), read_index(folder)
    families = {}
    for family in FAMILIES:
        words: set[str] = set()
        for sense in family.senses:
            offset = index[sense.lemma][sense.pos][sense.number - 1]
            _, lemmas, pointers = synsets[(sense.pos, offset)]
            words.update(lemmas)
            if sense.hyponyms:
                words.update(w for s, p, o in pointers if s == "~" for w in synsets[(p, o)][1])
            if sense.pos == "a":
                words.update(w for s, p, o in pointers if s == "&" for w in synsets[(p, o)][1])
        plain = {w.replace("_", " ").lower() for w in words if w.replace("_", "").replace("-", "").isalpha()}
        families[family.name] = (plain - family.leave_out) | set(family.add)
    return families


ENDINGS = {"v": ("s", "es", "ies", "ed", "ied", "ing"), "n": ("s", "es", "ies")}  # adjectives: -er, -ier


def _short_closed(stem: str) -> bool:
    """Whether a stem ends in one vowel and one consonant, as those that double it do ("stop", "plan")."""
    vowels = "aeiou"
    return (len(stem) >= 3 and stem[-1] not in vowels + "wxy" and stem[-2] in vowels and stem[-3] not in vowels)


def forms(word: str, pos: str) -> set[str]:
    """A word and the forms English has of it as part of speech `pos` ("stop" -> stops, stopped,
    stopping; "give" -> gave, given; "burden" -> burdens; "happy" -> happier); for a phrase, of its
    first word ("pass away" -> passed away), unless that is a small word ("not exist", "would rather")."""
    first, _, rest = word.partition(" ")
    if first in stop_words() or (pos == "n" and rest):
        return {word}
    english, irregular = english_words(), irregular_forms()
    found = {first} | ({form for form, lemma in irregular.items() if lemma == first} if pos != "a" else set())
    if pos == "a":
        found.update(c for c in (first[:-1] + "ier", first + "r", first + "er") if c in english)
    for suffix, base in INFLECTIONS:
        if pos == "a" or suffix not in ENDINGS[pos] or not first.endswith(base):
            continue
        stem = first[: len(first) - len(base)]
        if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
            continue
        doubled = stem + stem[-1:] + suffix  # "stopped", "planning": then the single form is another word
        if pos == "v" and not base and suffix in ("ed", "ing") and _short_closed(stem) and doubled in english:
            found.add(doubled)
        elif stem + suffix in english:
            found.add(stem + suffix)
    return {f"{form} {rest}".strip() for form in found}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch_dict()
    lines = ["# Word families for bot/data/red-flags.yaml, built by scripts/build_cue_words.py from WordNet 3.0",
             "# (see bot/data/wordnet.LICENSE) and the project's inflections. Do not edit: change the script."]
    found = senses(folder)
    for family in FAMILIES:
        every = {form for word in found[family.name] for form in forms(word, family.pos)} - family.leave_out
        every = sorted(every, key=lambda w: (-len(w), w))
        lines.append(f"{family.name}\t{';'.join(every)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
