"""Claim types: each one module holding its phrasings (`find`), how it is measured
(`measure`) and how it is judged (`judge`), plus how it reads (`describe`).

A type module defines RELATION, TRIGGER and those four functions; adding a type is one module
here, listed in CLAIM_TYPES, plus its tests. TRIGGER is a plain search that finds something in
every sentence (as written, before its places become slots, with its ASCII letters lowered:
geo.extract_claims.lowered) in which the type's phrasings can match: a word they all need.
`geo.extract_claims`, which runs each type's `find` over each sentence, so spares most
sentences the phrasings' longer searches, and most the making of a sentence view at all.
`geo.measure.measure` and `geo.verdicts.judge` hand a claim to its type.
"""

from __future__ import annotations

from geo.claim_types import adjacency, containment, direction, distance, proximity
from geo.claims import Relation

# In the order they read a sentence.
CLAIM_TYPES = (distance, direction, proximity, adjacency, containment)
_BY_RELATION = {claim_type.RELATION: claim_type for claim_type in CLAIM_TYPES}


def claim_type(relation: Relation):
    return _BY_RELATION[relation]
