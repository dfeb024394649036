"""Phrase lists are searched as one pattern whose runs of entries share one word-boundary
guard (``lexicon.join_entries``); it must find exactly what the entries, each with its own
guard, find."""

from __future__ import annotations

import json
import re
from pathlib import Path

from followup_lint.data import load_data
from followup_lint.lexicon import compile_entry, join_entries

ROOT = Path(__file__).resolve().parent.parent


def _phrase_lists() -> list[tuple[str, list[str]]]:
    out = []
    for section, table in load_data("lexicon").items():
        if not isinstance(table, dict):
            continue
        for key, entries in table.items():
            if isinstance(entries, list) and entries and all(isinstance(e, str) and "=>" not in e for e in entries):
                try:
                    re.compile("|".join(compile_entry(e) for e in entries))
                except re.error:
                    continue  # not a phrase list (plain words read otherwise)
                out.append((f"{section}.{key}", entries))
    return out


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpus" / "drafts").glob("*.jsonl"))[:4]:
        texts += [json.loads(line)["body"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    # edges: guards at the start and end, apostrophes, e-mail addresses, dotted words
    texts += ["sorry", "I'm sorry.", "x@sorry.com", "a.sorry", "Thank you!", "THANK YOU", "per my last email"]
    return texts


def test_joined_phrase_lists_match_what_their_entries_match() -> None:
    lists = _phrase_lists()
    assert len(lists) > 20
    texts = _texts()
    for name, entries in lists:
        one_by_one = re.compile("|".join(compile_entry(e) for e in entries))
        joined = re.compile(join_entries(entries))
        for text in texts:
            expected = [m.span() for m in one_by_one.finditer(text)]
            assert [m.span() for m in joined.finditer(text)] == expected, (name, text[:60])
