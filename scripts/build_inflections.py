"""Build bot/data/irregular-forms.txt.gz: English verb and noun forms that the regular endings of
bot.text.INFLECTIONS cannot undo (development only; the bot reads the result).

The forms come from lemminflect's lookup table (derived from AGID, the inflection database of
SCOWL, the word list bot/data/english-words.txt.gz comes from). This script fetches the package
with pip (or reads a `lemma_lu.csv.gz` given as an argument) and keeps, for every lower-case form
of a verb or noun whose lemma no regular ending gives, one line `form lemma`: "took take",
"children child", "upped up", "stopping stop". Adjectives are left out: "better" and "older" say
more than "good" and "old".

    python scripts/build_inflections.py [LEMMA_LU_CSV_GZ]
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bot.text import INFLECTIONS  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "irregular-forms.txt.gz"
LICENSE_OUT = OUT.with_name("irregular-forms.LICENSE")
PARTS = ("verb", "noun")


def fetch_table() -> tuple[bytes, str]:
    """Download lemminflect from the package index: its lemma table and its licence."""
    work = Path(tempfile.mkdtemp(prefix="lemminflect-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work),
                    "lemminflect==0.2.3"], check=True)
    with zipfile.ZipFile(next(work.glob("lemminflect-*.whl"))) as wheel:
        licence = next(n for n in wheel.namelist() if n.endswith("LICENSE"))
        return wheel.read("lemminflect/resources/lemma_lu.csv.gz"), wheel.read(licence).decode()


def regular(form: str, lemma: str) -> bool:
    """Whether a regular ending undoes the form ("babies" -> baby)."""
    return any(form.endswith(s) and form[: -len(s)] + base == lemma for s, base in INFLECTIONS)


def main() -> None:
    if len(sys.argv) > 1:
        blob, licence = Path(sys.argv[1]).read_bytes(), "(lemminflect's MIT licence; see its package)"
    else:
        blob, licence = fetch_table()
    forms: dict[str, str] = {}
    for line in gzip.decompress(blob).decode("utf-8").splitlines():
        form, part, lemmas = line.split(",")
        if part not in PARTS or not (form.isascii() and form.isalpha() and form.islower()):
            continue
        for lemma in lemmas.split("/"):
            if lemma != form and lemma.isalpha() and lemma.islower() and not regular(form, lemma):
                forms.setdefault(form, lemma)
                break
    text = "".join(f"{form} {lemma}\n" for form, lemma in sorted(forms.items()))
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    LICENSE_OUT.write_text("bot/data/irregular-forms.txt.gz is derived from lemminflect 0.2.3's lemma table "
                           "(itself from AGID, part of SCOWL by Kevin Atkinson), under this licence:\n\n" + licence)
    print(f"{OUT}: {len(forms)} forms")


if __name__ == "__main__":
    main()
