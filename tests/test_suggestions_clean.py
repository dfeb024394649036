"""A replacement we suggest never carries a problem another rule would flag, nor a wording
slip ("the role interview" when the role is unknown, a literal backslash-n)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup_lint import Analyzer, Context

ROOT = Path(__file__).resolve().parent.parent
# What a replacement may still trip: advice to add a name or a detail names what to add.
ALLOWED = {"ST001", "ST002", "ST004", "ST006", "RF001", "RF004", "RF005", "GR001", "IN001", "IN002", "LN002"}


def _drafts(limit: int) -> list[tuple[str, Context]]:
    out = []
    for path in sorted((ROOT / "corpus" / "drafts").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = (f"Subject: {row['subject']}\n\n" if row.get("subject") else "") + row["body"]
            out.append((text, Context(**{k: v for k, v in row.get("context", {}).items() if k != "stage"})))
    return out[:: max(1, len(out) // limit)]


@pytest.fixture(scope="module")
def replacements() -> dict[str, str]:
    found: dict[str, str] = {}
    with Analyzer(grammar="off") as analyzer:
        for text, ctx in _drafts(120):
            for s in analyzer.analyze(text, ctx).suggestions:
                if s.dimension.value == "grammar":
                    continue
                for r in s.replacements:
                    found.setdefault(r, s.code)
        # the wording slips seen when the context is empty, and in the bundled examples
        # ("Thanks again!!" with no name under it once got a "try" that kept the "!!")
        extra = ["Subject: Hi\n\nHi,\n\nThank you for the interview.\n"]
        extra += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
        for text in extra:
            for s in analyzer.analyze(text).suggestions:
                for r in s.replacements:
                    found.setdefault(r, s.code)
    return found


def test_there_are_replacements_to_check(replacements: dict[str, str]) -> None:
    assert len(replacements) >= 20


def test_no_wording_slips(replacements: dict[str, str]) -> None:
    for text, code in replacements.items():
        assert "\\n" not in text, (code, text)
        assert "the role interview" not in text and "(the position)" not in text, (code, text)
        assert "!!" not in text and "  " not in text.replace("\n", " "), (code, text)


def test_a_replacement_sentence_passes_the_other_rules(replacements: dict[str, str]) -> None:
    with Analyzer(grammar="off", select=["FM", "TN", "ST003", "ST008"]) as analyzer:
        for text, code in replacements.items():
            # a word or two ("!", "Dear Ms. Chen,") or a sign-off block is not a sentence to judge
            if len(text.split()) < 3 or "\n" in text:
                continue
            flagged = [s.code for s in analyzer.analyze(text).suggestions if s.code not in ALLOWED]
            assert not flagged, (code, text, flagged)


def test_advice_never_leaves_a_title_without_its_name() -> None:
    note = "Dear Dr. Osei,\n\nI wanted to follow up on the pharmacist role and the night rota.\n\nBest,\nLena"
    report = Analyzer(grammar="off").analyze(note, Context(interviewer="Dr. Amara Osei", stage="thank_you"))
    message = next(s.message for s in report.suggestions if s.code == "GR001")
    assert "thanking Dr. Osei" in message
