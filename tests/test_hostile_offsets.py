"""One UTF-16 converter for the package, built once per text."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from followup_lint.grammar import languagetool
from followup_lint.report import Span, Utf16Index, utf16_offset

ROOT = Path(__file__).resolve().parent.parent


def _slow_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@given(st.text(alphabet=st.sampled_from(["a", "é", "😊", "\n", "𝔘"]), max_size=40))
def test_offsets_match_the_encoded_length(text: str) -> None:
    idx = Utf16Index(text)
    for i in range(len(text) + 1):
        assert idx.offset(i) == _slow_offset(text, i) == utf16_offset(text, i)
        assert idx.index(idx.offset(i)) == i


def test_a_unit_inside_a_surrogate_pair_maps_to_the_next_character() -> None:
    idx = Utf16Index("a😊b")
    assert [idx.index(u) for u in range(5)] == [0, 1, 2, 2, 3]
    assert idx.index(99) == 3


def test_span_of_accepts_a_prebuilt_index() -> None:
    text = "Hi 😊 thx"
    idx = Utf16Index(text)
    assert Span.of(idx, 5, 8) == Span.of(text, 5, 8) == Span(5, 8, "body", 6, 9)


def test_languagetool_uses_the_same_converter() -> None:
    assert not hasattr(languagetool, "_utf16_len")
    assert languagetool.utf16_to_index("a😊b", 3) == 2


_PROBE = textwrap.dedent(
    """
    from followup_lint.report import Span
    text = "a\\n" * 100_000 + "😊"
    spans = [Span.of(text, i, i + 1) for i in range(0, 200_000, 2)]
    assert spans[-1].utf16_end == 199_999
    print("ok")
    """
)


def test_a_hundred_thousand_spans_in_a_long_text_stay_linear() -> None:
    # Counted from the start of the text for every span this takes minutes; a generous deadline guards
    # the quadratic case without timing anything.
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.stdout.strip() == "ok", proc.stderr[-2000:]
