"""What ordinary English words and people's names look like, from registry word lists.

- Everyday words: wordfreq's frequency lists (code Apache-2.0, data CC BY-SA 4.0). A Zipf
  frequency of 4 is a word met about once in every 10,000: "march", "police", "street", "one"
  and "but" are far above it; "mali" (3.5), "algiers" (3.0) and "panetta" (2.4) below.
- First names: the US Census 1990 first-name lists (public domain) shipped by the `names`
  package (MIT): 5,494 names, "Leon", "Bob", "Mary", "Paris" among them.
Both are read at run time from the installed packages; nothing is copied into the repo.
"""

from functools import cache
from importlib import resources

from wordfreq import zipf_frequency

COMMON_ZIPF = 4.0


@cache
def is_common_word(word: str) -> bool:
    return zipf_frequency(word, "en") >= COMMON_ZIPF


@cache
def _first_names() -> frozenset[str]:
    lists = resources.files("names")
    found = set()
    for name in ("dist.male.first", "dist.female.first"):
        for line in (lists / name).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].lower())
    return frozenset(found)


def is_first_name(word: str) -> bool:
    return word.lower() in _first_names()
