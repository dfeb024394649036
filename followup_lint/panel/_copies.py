"""Near-copies between notes: sentences compared as sets of word pairs, through an index.

Each sentence becomes the set of its adjacent word pairs (bigrams) after lower-casing and
blanking the panel's names, so "Dear Maria ... Maria's team" and "Dear Priya ... Priya's team"
are the same sentence. An inverted index from word pair to sentences finds the candidate
sentences that share anything; only those are scored (Dice overlap of the two pair sets). The
work is linear in the number of word pairs times the few sentences each pair occurs in: no
sentence is compared with every other, and no edit distance is computed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
NAME_TOKEN = "\x00name"


@dataclass(frozen=True)
class Sentence:
    """One compared sentence of one draft: its span and its word pairs."""

    start: int
    end: int
    pairs: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Match:
    """Sentence ``a`` of the first draft is (nearly) sentence ``b`` of the second."""

    a: int
    b: int
    similarity: float


def words_of(text: str, names: frozenset[str], *, limit: int) -> list[str]:
    """The sentence's words, lower-cased, possessives folded, panel names as one token."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        out.append(NAME_TOKEN if w in names else w)
        if len(out) >= limit:
            break
    return out


def sentence(start: int, end: int, words: Sequence[str]) -> Sentence:
    return Sentence(start, end, frozenset(pairwise(words)))


def find_matches(
    drafts: Sequence[Sequence[Sentence]], *, similarity: float, max_postings: int
) -> dict[tuple[int, int], list[Match]]:
    """For every pair of drafts ``(i, j)``, ``i < j``, the sentence matches at or above
    ``similarity``: each sentence of either draft in at most one match, its best."""
    postings: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for d, sents in enumerate(drafts):
        for s, sent in enumerate(sents):
            for pair in sent.pairs:
                postings[pair].append((d, s))
    found: dict[tuple[int, int], list[Match]] = {}
    for i, sents in enumerate(drafts):
        for s, sent in enumerate(sents):
            shared: dict[tuple[int, int], int] = defaultdict(int)
            for pair in sent.pairs:
                where = postings[pair]
                if len(where) > max_postings:  # too common to tell notes apart; undercounts, never overcounts
                    continue
                for d, t in where:
                    if d > i:
                        shared[(d, t)] += 1
            for (d, t), count in shared.items():
                other = drafts[d][t]
                dice = 2 * count / (len(sent.pairs) + len(other.pairs))
                if dice >= similarity:
                    found.setdefault((i, d), []).append(Match(s, t, dice))
    return {key: _one_to_one(ms) for key, ms in found.items()}


def _one_to_one(matches: Iterable[Match]) -> list[Match]:
    """Best matches first, each sentence of either side used once (a note that repeats one
    sentence twice does not count as two copies)."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (-m.similarity, m.a, m.b)):
        if m.a in used_a or m.b in used_b:
            continue
        used_a.add(m.a)
        used_b.add(m.b)
        kept.append(m)
    return sorted(kept, key=lambda m: m.a)
