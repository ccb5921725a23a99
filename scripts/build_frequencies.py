"""Build bot/data/word-frequencies.txt.gz from wordfreq's English list (development only; the bot
reads the result).

The `wordfreq` package (PyPI; code Apache-2.0, data CC BY-SA 4.0) ships word frequencies from
subtitles, Wikipedia, books, the web and Twitter. This script installs nothing itself: run it
where wordfreq is installed (`pip install wordfreq==3.1.1`). It writes the alphabetic ASCII words
of wordfreq's "small" English list, one line per Zipf value (log10 of uses per billion words,
times ten, rounded), most used first:

    64 what
    53 wait happen ...

    python scripts/build_frequencies.py
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "word-frequencies.txt.gz"
LICENSE_OUT = OUT.with_name("word-frequencies.LICENSE")
LICENSE = """bot/data/word-frequencies.txt.gz is derived from the English word list of wordfreq 3.1.1
(Robyn Speer, https://github.com/rspeer/wordfreq; DOI 10.5281/zenodo.7199437) by
scripts/build_frequencies.py, and is redistributed under the Creative Commons
Attribution-ShareAlike 4.0 licence (https://creativecommons.org/licenses/by-sa/4.0/), as
wordfreq's data is.

wordfreq's data is drawn from Google Books Ngrams (http://books.google.com/ngrams), the Leeds
Internet Corpus, Wikipedia, ParaCrawl, OPUS OpenSubtitles 2018 (with attribution to
OpenSubtitles, http://www.opensubtitles.org/), the SUBTLEX word lists by Marc Brysbaert et al.
(freely available data, http://crr.ugent.be/programs-data/subtitle-frequencies), and word
counts from the Twitter streaming API.
"""


def main() -> None:
    buckets: dict[int, list[str]] = defaultdict(list)
    for word in top_n_list("en", 10**6, wordlist="small"):
        if word.isascii() and word.isalpha():
            buckets[round(10 * zipf_frequency(word, "en", wordlist="small"))].append(word)
    lines = [f"{zipf} {' '.join(found)}" for zipf, found in sorted(buckets.items(), reverse=True)]
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("ascii"), mtime=0))
    LICENSE_OUT.write_text(LICENSE)
    print(f"{OUT}: {sum(map(len, buckets.values()))} words")


if __name__ == "__main__":
    main()
