"""Panel near-copies: does the sentence matcher of ``check-panel`` tell the same sentence from
a different one, on sentences people wrote?

Part of ``benchmarks/quality.py`` (``--only panel``). Data: ``grammar/jfleg_dev`` in the shared
data folder (learner sentences and four human corrections each), read at run time and never
copied. There is no human-labelled set of panel notes, so this measures the matcher, not the
rule: how often a sentence and a human rewrite of the same sentence count as "the same or nearly
the same" (a copy lightly edited), and how often two different sentences do (a false match).
The threshold was set before this was run (docs/panel.md) and not tuned on it.

Also the bound on time in the worst case the limits allow (50 identical notes of 60 sentences),
against a baseline in the same run (50 notes of 30).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from followup_lint.panel._copies import Sentence, find_matches, sentence, words_of  # noqa: E402
from followup_lint.panel._rules import settings  # noqa: E402


def _sentences(lines: list[str], limit: int, min_words: int) -> list[Sentence | None]:
    out: list[Sentence | None] = []
    for k, line in enumerate(lines):
        words = words_of(line, frozenset(), limit=limit)
        out.append(sentence(k, k + 1, words) if len(words) >= min_words else None)
    return out


def _rate(src: list[Sentence | None], ref: list[Sentence | None], similarity: float, postings: int) -> dict[str, Any]:
    """Each source sentence as a one-sentence note against the same-numbered rewrite (should
    match) and against every other rewrite at once (should not)."""
    kept = [k for k in range(len(src)) if src[k] is not None and ref[k] is not None]
    same = 0
    for k in kept:
        found = find_matches([[src[k]], [ref[k]]], similarity=similarity, max_postings=postings)  # type: ignore[list-item]
        same += bool(found)
    # all rewrites as one "note", each source sentence a note of its own, in one index: a
    # source sentence matched to any rewrite but its own is a false match
    others = [ref[k] for k in kept]
    drafts = [others, *([src[k]] for k in kept)]
    found = find_matches(drafts, similarity=similarity, max_postings=postings)  # type: ignore[arg-type]
    false = sum(any(m.a != n for m in found.get((0, n + 1), [])) for n in range(len(kept)))
    return {
        "sentences": len(kept),
        "same_matched": same,
        "same_rate": round(same / len(kept), 4),
        "other_matched": false,
        "false_match_rate": round(false / len(kept), 4),
    }


def _timing(lines: list[str], limit: int, most: int, postings: int) -> dict[str, Any]:
    """The worst case the bounds allow: 50 identical notes of ``most`` sentences, against 50
    notes of half as many (same run; times on a shared machine are noisy, the ratio less so)."""
    note = [sentence(k, k + 1, words_of(line, frozenset(), limit=limit)) for k, line in enumerate(lines[:most])]
    seconds = {}
    for label, drafts in (("half", [note[: most // 2]] * 50), ("full", [note] * 50)):
        started = time.perf_counter()
        find_matches(drafts, similarity=0.75, max_postings=postings)
        seconds[label] = time.perf_counter() - started
    return {
        "notes": 50,
        "sentences_per_note": [most // 2, most],
        "seconds_full": round(seconds["full"], 2),
        "ratio_full_to_half": round(seconds["full"] / seconds["half"], 2),
    }


def run(data: Path | None) -> dict[str, Any]:
    if data is None or not (data / "grammar" / "jfleg_dev").is_dir():
        return {"skipped": "grammar/jfleg_dev not found in the shared data folder"}
    folder = data / "grammar" / "jfleg_dev"
    cfg = settings("near_copy")
    limit, min_words = int(cfg["max_words"]), int(cfg["min_words"])
    similarity, postings = float(cfg["similarity"]), int(cfg["max_postings"])
    src_lines = (folder / "dev.src").read_text(encoding="utf-8").splitlines()
    src = _sentences(src_lines, limit, min_words)
    result: dict[str, Any] = {"similarity": similarity}
    for ref_name in ("dev.ref0", "dev.ref1"):
        ref = _sentences((folder / ref_name).read_text(encoding="utf-8").splitlines(), limit, min_words)
        result[ref_name] = _rate(src, ref, similarity, postings)
    result["timing"] = _timing(src_lines, limit, int(cfg["max_sentences"]), postings)
    return result


def markdown(result: dict[str, Any]) -> str:
    if "skipped" in result:
        return f"## Panel near-copies\n\nSkipped: {result['skipped']}.\n"
    lines = [
        "## Panel near-copies",
        "",
        "The sentence matcher of `check-panel` (RF008) on JFLEG dev (learner sentences and human",
        "corrections; shared data, not tuned on). A correction of the same sentence should match",
        "when it is a light edit; a different sentence should never match.",
        "",
        "| rewrites | sentences | same sentence matched | a different sentence matched |",
        "|---|---|---|---|",
    ]
    for name in ("dev.ref0", "dev.ref1"):
        r = result[name]
        lines.append(
            f"| {name} | {r['sentences']} | {r['same_rate']:.1%} | {r['false_match_rate']:.2%} ({r['other_matched']}) |"
        )
    t = result["timing"]
    lines += [
        "",
        f"Worst case the limits allow, same run (noisy, shared machine): {t['notes']} identical notes of "
        f"{t['sentences_per_note'][1]} sentences compared in {t['seconds_full']} s, "
        f"{t['ratio_full_to_half']}× the time for notes of {t['sentences_per_note'][0]} (linear in sentences is 2×).",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    import json

    from quality import data_dir

    out = run(data_dir())
    print(json.dumps(out, indent=2))
    print(markdown(out))
