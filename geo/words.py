"""What ordinary English words and people's first names look like.

The lists are kept in the gazetteer store (table `words`), written by the build from registry
packages (geo.gazetteer_build.word_lists): everyday words are wordfreq's English words met at
least once in every 10,000 ("march", "police", "street"; not "mali" or "algiers"), first names
the US Census 1990 lists of the `names` package. Reading an article needs neither package.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WordLists:
    common: frozenset[str]
    first_names: frozenset[str]

    def is_common_word(self, word: str) -> bool:
        return word.lower() in self.common

    def is_first_name(self, word: str) -> bool:
        return word.lower() in self.first_names
