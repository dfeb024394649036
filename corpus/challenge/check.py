"""Format check for the real-mail challenge sentences and the held-out drafts.

Run from the repository root: ``python corpus/challenge/check.py``. It reads only
``corpus/challenge/r*.jsonl`` and ``corpus/holdout/*.jsonl``, checks every record's
fields and values, and prints counts per move, secondary move, stage and quality.
It exits non-zero on the first file with an error, so it can guard a commit.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from followup_lint.types import MOVES as _MOVES

MOVES = set(_MOVES)
SENTENCE_STAGES = {"thank_you", "status_check", "final", "withdrawal", "after_rejection", "other", "any"}
DRAFT_STAGES = {"thank_you", "status_check", "final", "withdrawal", "after_rejection", "other"}
REGISTERS = {"formal", "neutral", "casual", "clumsy"}
QUALITY_BANDS = {"good": (80, 100), "weak": (55, 79), "bad": (0, 54)}
SENTENCE_KEYS = {
    "text",
    "label",
    "stage",
    "register",
    "industry",
    "seniority",
    "variety",
    "family",
    "hard",
    "note",
    "phrasing",
    "secondary",
}
DRAFT_KEYS = {
    "id",
    "stage",
    "quality",
    "coach_score",
    "problems",
    "unruled",
    "shape",
    "industry",
    "context",
    "subject",
    "body",
    "note",
}
ROOT = Path(__file__).resolve().parents[2]


def rule_names() -> set[str]:
    """Rule names from docs/rules.md headings (``### XX000 name``)."""
    names = set()
    for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "###":
            names.add(parts[2])
    return names | {"re-pitch-in-final"}


def check_sentence(rec: dict, where: str) -> list[str]:
    errs = []
    if set(rec) != SENTENCE_KEYS:
        errs.append(f"{where}: keys {sorted(set(rec) ^ SENTENCE_KEYS)}")
        return errs
    if rec["label"] not in MOVES:
        errs.append(f"{where}: label {rec['label']!r}")
    if rec["secondary"] is not None and (rec["secondary"] not in MOVES or rec["secondary"] == rec["label"]):
        errs.append(f"{where}: secondary {rec['secondary']!r}")
    if rec["stage"] not in SENTENCE_STAGES:
        errs.append(f"{where}: stage {rec['stage']!r}")
    if rec["register"] not in REGISTERS:
        errs.append(f"{where}: register {rec['register']!r}")
    if not rec["text"].strip() or not rec["phrasing"].strip():
        errs.append(f"{where}: empty text or phrasing")
    if rec["hard"] != bool(rec["note"]):
        errs.append(f"{where}: hard must go with a note")
    return errs


def check_draft(rec: dict, where: str, rules: set[str]) -> list[str]:
    errs = []
    if set(rec) != DRAFT_KEYS:
        return [f"{where}: keys {sorted(set(rec) ^ DRAFT_KEYS)}"]
    if rec["stage"] not in DRAFT_STAGES:
        errs.append(f"{where}: stage {rec['stage']!r}")
    low, high = QUALITY_BANDS.get(rec["quality"], (1, 0))
    if not isinstance(rec["coach_score"], int) or not low <= rec["coach_score"] <= high:
        errs.append(f"{where}: coach_score {rec['coach_score']!r} outside {rec['quality']!r}")
    unknown = set(rec["problems"]) - rules
    if unknown:
        errs.append(f"{where}: unknown rules {sorted(unknown)}")
    if rec["quality"] == "good" and len(rec["problems"]) > 2:
        errs.append(f"{where}: good draft with {len(rec['problems'])} problems")
    if not rec["body"].strip() or not rec["shape"]:
        errs.append(f"{where}: empty body or shape")
    ctx = rec["context"]
    if ctx is not None and not isinstance(ctx, dict):
        errs.append(f"{where}: context must be an object or null")
    return errs


def main() -> int:
    errs: list[str] = []
    sentences = []
    for path in sorted((ROOT / "corpus" / "challenge").glob("r*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            errs += check_sentence(rec, f"{path.name}:{n}")
            sentences.append(rec)
    texts = Counter(r["text"] for r in sentences)
    errs += [f"duplicate sentence {t!r}" for t, c in texts.items() if c > 1]
    families = Counter(r["family"] for r in sentences)
    errs += [f"duplicate family {f}" for f, c in families.items() if c > 1]
    rules = rule_names()
    drafts = []
    for path in sorted((ROOT / "corpus" / "holdout").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            errs += check_draft(rec, f"{path.name}:{n}", rules)
            drafts.append(rec)
    ids = Counter(d["id"] for d in drafts)
    errs += [f"duplicate draft id {i}" for i, c in ids.items() if c > 1]
    for e in errs:
        print("ERROR", e)
    print(f"sentences: {len(sentences)} ({sum(r['hard'] for r in sentences)} hard)")
    print("label:", dict(sorted(Counter(r["label"] for r in sentences).items())))
    print("secondary:", dict(sorted(Counter(str(r["secondary"]) for r in sentences).items())))
    print("register:", dict(sorted(Counter(r["register"] for r in sentences).items())))
    print(f"drafts: {len(drafts)}")
    table = Counter((d["stage"], d["quality"]) for d in drafts)
    for stage in sorted({d["stage"] for d in drafts}):
        row = {q: table[(stage, q)] for q in ("good", "weak", "bad")}
        print(f"  {stage}: {row}")
    print("problems:", dict(Counter(p for d in drafts for p in d["problems"]).most_common()))
    print("unruled:", dict(Counter(p for d in drafts for p in d["unruled"]).most_common()))
    print("shapes:", dict(Counter(d["shape"] for d in drafts).most_common()))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
