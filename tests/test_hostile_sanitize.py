"""Text at the door: lone surrogates replaced in place, pathological runs broken for spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from followup_lint.sanitize import RUN_LIMIT, clean_text, tokenizer_safe

ROOT = Path(__file__).resolve().parent.parent


def test_lone_surrogates_become_replacement_characters_in_place() -> None:
    text = "Dear Sam,\ud800 thank you\udfff."
    cleaned, notes = clean_text(text)
    assert len(cleaned) == len(text)
    assert cleaned == "Dear Sam,\ufffd thank you\ufffd."
    assert notes and "2" in notes[0]
    cleaned.encode("utf-8")  # no longer raises
    json.dumps(cleaned, ensure_ascii=False).encode("utf-8")


def test_clean_text_leaves_good_text_alone() -> None:
    text = "Thank you 😊 for your time."
    cleaned, notes = clean_text(text)
    assert cleaned is text and notes == []


@pytest.mark.parametrize("unit", ["!", ")", "😊", "a", ".", "!?"])
def test_tokenizer_safe_keeps_length_and_breaks_long_runs(unit: str) -> None:
    text = "Thanks " + unit * 1000 + " Sam"
    safe = tokenizer_safe(text)
    assert len(safe) == len(text)
    assert safe[:7] == "Thanks " and safe.endswith(" Sam")
    longest = max(len(piece) for piece in safe.split())
    assert longest <= RUN_LIMIT * 4
    # Only characters of the run turned into spaces; nothing else moved.
    assert all(a == b or b == " " for a, b in zip(text, safe, strict=True))


def test_tokenizer_safe_leaves_ordinary_text_untouched() -> None:
    text = "See https://example.com/careers/data-engineer?ref=mail — thanks!!! 😊😊\n" * 3
    assert tokenizer_safe(text) is text


_PROBE = textwrap.dedent(
    """
    import sys
    from followup_lint.nlp.loading import load_pipeline
    from followup_lint.sanitize import tokenizer_safe
    nlp = load_pipeline()
    nlp.max_length = 2_000_000
    texts = [u * 100_000 for u in ("!", ")", "\\U0001F60A", "a", ".")]
    texts.append("a\\n" * 10_000)
    for text in texts:
        doc = nlp(tokenizer_safe(text))
        assert len(doc.text) == len(text)
    print("ok")
    """
)


def test_hundred_thousand_character_runs_finish_through_spacy() -> None:
    # Unbroken, 20,000 "!" took over a minute; broken, all six inputs take seconds. The
    # deadline is generous on purpose: this guards against quadratic time, not a budget.
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
