"""Everyday English words, by their frequency in wordfreq's lists (code Apache-2.0, data
CC BY-SA 4.0; used at run time, nothing of it is copied into the repo).

A Zipf frequency of 4 is a word met about once in every 10,000: "march", "police", "street",
"one" and "but" are far above it; "mali" (3.5), "algiers" (3.0) and "cobra" (3.5) are below.
"""

from functools import cache

from wordfreq import zipf_frequency

COMMON_ZIPF = 4.0


@cache
def is_common_word(word: str) -> bool:
    return zipf_frequency(word, "en") >= COMMON_ZIPF
