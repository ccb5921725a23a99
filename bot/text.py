"""Tokenising: Unicode-normalised, lower-cased, Snowball-stemmed words and numbers, offline."""

from __future__ import annotations

import bisect
import gzip
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources

from nltk.stem.snowball import SnowballStemmer

# Words (runs of letters: "can't" -> can, t) and numbers; "400-420mg" -> 400, 420, mg.
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_ASCII_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")  # the same on case-folded ASCII text, twice as fast
_STEMMER = SnowballStemmer("english")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")
_STEMS: dict[str, str] = {}  # word -> stem; Snowball takes 10-30 us a word
_STEMS_KEPT = 300_000
# Longer tokens (sequences, URLs, base64) are not words: they are neither indexed nor read, which
# also bounds the spelling index (every token's one-letter deletions). 45 letters is the longest
# dictionary word, "pneumonoultramicroscopicsilicovolcanoconiosis".
LONGEST_WORD = 45


def normalise(text: str) -> str:
    """NFKC-normalise and case-fold a text."""
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """The normalised words and numbers of a text, in order."""
    text = normalise(text)
    found = (_ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text)
    return [w for w in found if len(w) <= LONGEST_WORD] if len(text) > LONGEST_WORD else found


def long_tokens(text: str) -> list[str]:
    """The tokens of a text too long to be words (see LONGEST_WORD)."""
    return [w for w in WORD_RE.findall(text) if len(w) > LONGEST_WORD]


def stem(word: str) -> str:
    """The Snowball stem of one normalised word (numbers are kept as they are), memoised."""
    found = _STEMS.get(word)
    if found is None:
        found = word if word[0].isdigit() else _STEMMER.stem(word)
        if len(_STEMS) < _STEMS_KEPT:
            _STEMS[word] = found
    return found


def remember_stems(stems: Iterable[tuple[str, str]]) -> None:
    """Fill the stem memo ahead of use (a cached index brings the stems of its words)."""
    _STEMS.update(itertools.islice(stems, max(0, _STEMS_KEPT - len(_STEMS))))


def _data_lines(name: str) -> list[str]:
    """Lines of a shipped data file, without comments and blanks."""
    text = resources.files("bot.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def stop_words() -> frozenset[str]:
    """The shipped English stop-word list (normalised, not stemmed)."""
    return frozenset(_data_lines("stopwords.txt"))


@cache
def question_stems() -> frozenset[str]:
    """Stems of words that shape a question without naming a subject."""
    return frozenset(stem(w) for w in _data_lines("question-words.txt"))


@cache
def _english_in_order() -> list[str]:
    """The English word list, sorted (as shipped: sorting it again costs little)."""
    blob = resources.files("bot.data").joinpath("english-words.txt.gz").read_bytes()
    return sorted(gzip.decompress(blob).decode("utf-8").split())


@cache
def english_words() -> frozenset[str]:
    """A general English word list (SCOWL), to tell real words from misspellings."""
    return frozenset(_english_in_order())


def english_start(word: str) -> int:
    """How many of a word's first letters some English word starts with ("intrduction" -> 4: "intr",
    as in "intricate"; an edit after them cannot make an English word)."""
    ordered = _english_in_order()

    def starts_one(length: int) -> bool:
        at = bisect.bisect_left(ordered, word[:length])
        return at < len(ordered) and ordered[at].startswith(word[:length])

    low, high = 0, len(word)  # starts_one(low) holds; a longer start than high is not a start of the word
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if starts_one(middle) else (low, middle - 1)
    return low


@cache
def _frequencies() -> dict[str, float]:
    """word -> its Zipf frequency (bot/data/word-frequencies.txt.gz, from wordfreq's English list)."""
    blob = resources.files("bot.data").joinpath("word-frequencies.txt.gz").read_bytes()
    table: dict[str, float] = {}
    for line in gzip.decompress(blob).decode("ascii").splitlines():
        zipf, *found = line.split()
        table.update(dict.fromkeys(found, int(zipf) / 10))
    return table


def frequency(word: str) -> float:
    """How common an English word is: log10 of its uses per billion words (0 for a rare or unknown word)."""
    return _frequencies().get(word, 0.0)


_VOWELS = "aeiou"
_COMMON_ZIPF = 3.0  # a word written without its vowels is one used at least once per million words


_NO_VOWELS = str.maketrans("", "", _VOWELS)
_DOUBLED_RE = re.compile(r"(.)\1+")


def _consonants(word: str) -> str:
    """A word's consonants, a doubled one once ("people" -> pl, "work" -> wrk)."""
    return _DOUBLED_RE.sub(r"\1", word.translate(_NO_VOWELS))


@cache
def _by_consonants() -> dict[str, tuple[str, ...]]:
    """The common English words with vowels by their consonants, commonest first."""
    table: dict[str, list[str]] = {}
    for word, zipf in _frequencies().items():
        if zipf >= _COMMON_ZIPF and word.isalpha():
            consonants = _consonants(word)
            if consonants != word:
                table.setdefault(consonants, []).append(word)
    return {key: tuple(sorted(found, key=frequency, reverse=True)) for key, found in table.items()}


def warm() -> None:
    """Build the word tables read lazily (about 0.1 s) now, as a long-running bot does at start-up,
    rather than during the first question with a word typed without vowels."""
    _by_consonants()


def without_vowels(word: str) -> tuple[str, ...]:
    """The common words a word typed without vowels may stand for ("wrk" -> work), commonest first;
    () for a word with a vowel."""
    if len(word) < 3 or not word.isalpha() or any(v in word for v in _VOWELS):
        return ()
    return _by_consonants().get(_consonants(word), ())


# Inflectional endings and what they replace ("babies" -> baby): most specific first.
INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
               ("ly", ""), ("er", ""), ("est", ""))


@cache
def irregular_forms() -> dict[str, str]:
    """Verb and noun forms no regular ending undoes, and their lemmas ("took" -> take, "children" ->
    child, "upped" -> up; bot/data/irregular-forms.txt.gz, built by scripts/build_inflections.py)."""
    blob = resources.files("bot.data").joinpath("irregular-forms.txt.gz").read_bytes()
    return dict(line.split(" ") for line in gzip.decompress(blob).decode("utf-8").splitlines())


def lemma_candidates(word: str) -> list[str]:
    """The word and the base forms it may be an inflection of ("kids" -> kid, "took" -> take)."""
    found = [word, irregular_forms().get(word, word)]
    found += [word[: -len(suffix)] + base for suffix, base in INFLECTIONS
              if word.endswith(suffix) and len(word) >= len(suffix) + 2 and not (suffix == "s" and word.endswith("ss"))]
    return list(dict.fromkeys(found))


def is_english_word(word: str) -> bool:
    """Whether a normalised word is an English word (inflections of a listed word count)."""
    vocabulary = english_words()
    if word in vocabulary or word in stop_words() or irregular_forms().get(word, "") in vocabulary:
        return True
    return any(word.endswith(suffix) and word[: -len(suffix)] + base in vocabulary for suffix, base in INFLECTIONS)


_LEMMAS: dict[str, str] = {}


def lemma(word: str) -> str:
    """The base form of an English word ("sleeping" -> sleep, "took" -> take, "cramps" -> cramp); the
    word itself when no base form is an English word. Memoised."""
    found = _LEMMAS.get(word)
    if found is None:
        vocabulary = english_words()
        found = next((form for form in lemma_candidates(word)[1:] if form in vocabulary), word)
        if len(_LEMMAS) < _STEMS_KEPT:
            _LEMMAS[word] = found
    return found


def damerau(typed: str, meant: str) -> int:
    """The Damerau-Levenshtein distance (two letters swapped, even with letters between, count as
    one edit): nltk's edit_distance(typed, meant, transpositions=True), twice as fast (its cells
    are not function calls; one edit, the usual case, is told without them)."""
    if typed == meant:
        return 0
    if _one_edit_apart(typed, meant):
        return 1
    rows = [list(range(len(meant) + 1))]
    last_row: dict[str, int] = {}  # letter -> the last row (letter of typed) that holds it
    for i, a in enumerate(typed, 1):
        above, row, left, same_column = rows[-1], [i], i, 0  # same_column: the last column holding a
        for j, b in enumerate(meant, 1):
            best = above[j - 1] if a == b else min(above[j - 1], above[j], left) + 1
            if same_column and b in last_row:  # b...a swapped into a...b, what lies between inserted or deleted
                k = last_row[b]
                best = min(best, rows[k - 1][same_column - 1] + i - k + j - same_column - 1)
            if a == b:
                same_column = j
            row.append(best)
            left = best
        rows.append(row)
        last_row[a] = i
    return rows[-1][-1]


def _one_edit_apart(typed: str, meant: str) -> bool:
    """Whether two different words are one letter added, left out, replaced, or two neighbours swapped apart."""
    if abs(len(typed) - len(meant)) > 1:
        return False
    at = next((i for i, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b), min(len(typed), len(meant)))
    if len(typed) != len(meant):
        longer, shorter = (typed, meant) if len(typed) > len(meant) else (meant, typed)
        return longer[at + 1:] == shorter[at:]
    return typed[at + 1:] == meant[at + 1:] or (typed[at + 2:] == meant[at + 2:] and typed[at] == meant[at + 1]
                                                and typed[at + 1] == meant[at])


@cache
def text_speak() -> dict[str, tuple[str, ...]]:
    """Chat abbreviations and the words they stand for ("u" -> you, "bc" -> because, "lol" -> nothing)."""
    return _abbreviations("text-speak.txt")


@cache
def clinical_shorthand() -> dict[str, tuple[str, ...]]:
    """Clinical abbreviations and the words they stand for ("pts" -> patients, "cns" -> central nervous
    system); an abbreviated noun phrase takes an -s for its plural ("DDIs": drug interactions) where
    that spells no English word ("hrs" is hours)."""
    listed = _abbreviations("clinical-shorthand.txt")
    stops = stop_words()
    plurals = {abbreviation + "s": (*meaning[:-1], _plural(meaning[-1])) for abbreviation, meaning in listed.items()
               if stops.isdisjoint(meaning) and _singular_noun(meaning[-1]) and not is_english_word(abbreviation + "s")}
    return {**plurals, **listed}


def _singular_noun(word: str) -> bool:
    """Whether a word may be a singular noun by its ending ("interaction", "diagnosis"; not "symptoms", "daily")."""
    return word.endswith("is") or not word.endswith(("s", "ly"))


def _plural(noun: str) -> str:
    """A noun's regular plural ("interaction" -> interactions, "diagnosis" -> diagnoses, "history" -> histories)."""
    if noun.endswith("is"):
        return noun[:-2] + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


@cache
def clinical_register() -> dict[str, list[str]]:
    """Words of the clinical register and the plain words they say ("sequelae" -> effects), as synonyms."""
    pairs = (line.partition(":") for line in _data_lines("clinical-register.txt"))
    return {term.strip(): [plain.strip()] for term, _, plain in pairs}


def _abbreviations(name: str) -> dict[str, tuple[str, ...]]:
    """A shipped table of abbreviations, one a line: the abbreviation, then the words it stands for."""
    return {abbreviation: tuple(meaning) for abbreviation, *meaning in map(str.split, _data_lines(name))}


def message_words(text: str, hedges: bool = True, fixed: Callable[[str], str] = lambda word: word) -> list[str]:
    """The words of a message as people mean them: each word as `fixed` reads it (a typo corrected),
    text-speak and clinical shorthand spelled out ("can u" -> can, you; "pts" -> patients), a dropped
    g put back ("takin" -> taking). With
    hedges=False, text-speak for whole phrases ("ngl", "tbh", "idk") is left out: it hedges or
    fills, and names nothing the question is about (contractions such as "im" stay, and so does
    clinical shorthand: "bp" names what is asked)."""
    speak, shorthand, stops = text_speak(), clinical_shorthand(), stop_words()
    out: list[str] = []
    for word in map(fixed, map(unstretched, words(text))):
        meaning = speak[word] if word in speak else shorthand.get(word, (_with_g(word),))
        if hedges or len(meaning) == 1 or stops.issuperset(meaning) or word in shorthand:
            out.extend(meaning)
    return out


_STRETCH_RE = re.compile(r"([a-z])\1{2,}")  # a letter typed three times or more ("sooo", "sleeeep")


@lru_cache(maxsize=1024)
def unstretched(word: str) -> str:
    """A word with letters stretched for emphasis ("sooo", "pleaseee", "hurtsss", "bruhhh") as meant:
    each run as one letter or two, the text-speak or commonest English word so spelled ("so", "please",
    "sleep"); a word with no such run is as written."""
    runs = _STRETCH_RE.split(word)  # text, letter, text, letter, ..., text
    if len(runs) == 1:
        return word
    pieces, letters = runs[0::2], runs[1::2]
    spellings = [pieces[0] + "".join(c * n + rest for c, n, rest in zip(letters, counts, pieces[1:], strict=True))
                 for counts in itertools.product((1, 2), repeat=len(letters))]
    return max(spellings, key=lambda w: (w in text_speak(), frequency(w)))


def _with_g(word: str) -> str:
    """An -in word that is not English but is with its g ("takin", "goin", "feelin") as meant; others as written,
    a drug or substance WordNet knows among them ("warfarin", "statin", not "warfaring", "stating")."""
    if word.endswith("in") and len(word) > 3 and not is_english_word(word) and is_english_word(word + "g"):
        from bot import lexicon  # (bot.lexicon reads its words with this module)

        found = lexicon.entry(word)
        return word if found is not None and found.category in ("noun.artifact", "noun.substance") else word + "g"
    return word


def tokens(text: str) -> list[str]:
    """Index terms of a text: stemmed words and numbers, stop words removed."""
    stops = stop_words()
    return [stem(w) for w in words(text) if w not in stops]


@lru_cache(maxsize=2048)  # small: every cached object adds to the work of each full garbage collection
def sentence_terms(passage: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each sentence of a passage, normalised, with its index terms."""
    stops = stop_words()
    return tuple((sentence, frozenset(stem(w) for w in words(sentence) if w not in stops))
                 for sentence in _SENTENCE_END_RE.split(normalise(passage)))
