"""Hostile input at the reader: bounded time and memory, the real body found, clear errors."""

from __future__ import annotations

import base64
import os
import random
import subprocess
import sys
import textwrap
from email.message import EmailMessage
from pathlib import Path

import pytest

from followup_lint.draft import MAX_INPUT_BYTES, Draft, InputError

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str, timeout: float = 60) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout.strip()


def test_a_subject_of_encoded_words_stays_within_memory() -> None:
    # 1 MB of RFC 2047 words took 11.7 GB; under a 1.5 GB address-space limit it must pass.
    out = _run(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from followup_lint.draft import Draft
        word = "=?utf-8?q?Thank_you?= "
        raw = ("From: a@b.c\\nTo: d@e.f\\nSubject: " + word * (1_000_000 // len(word))
               + "\\n\\nDear Sam,\\nThanks.\\n").encode()
        d = Draft.from_bytes(raw, name="x.eml")
        print(d.subject[:9], d.body.strip())
        """
    )
    assert out.startswith("Thank you") and "Dear Sam" in out


def test_huge_mime_part_headers_stay_within_memory() -> None:
    # 300 KB of encoded words in a part's Content-Type took 36 s and 2 GB.
    out = _run(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from followup_lint.draft import Draft
        big = "=?utf-8?q?Thank_you?= " * 45_000
        raw = ("From: a@b.c\\nTo: d@e.f\\nSubject: hi\\nMIME-Version: 1.0\\n"
               'Content-Type: multipart/mixed; boundary="B"\\n\\n--B\\n'
               'Content-Type: text/plain; charset=utf-8; name="' + big + '"\\n'
               'Content-Disposition: inline; filename="' + big + '"\\n\\nDear Sam,\\nThanks.\\n--B--\\n').encode()
        print(Draft.from_bytes(raw, name="x.eml").body.strip())
        """
    )
    assert out.startswith("Dear Sam")


def test_a_long_plain_subject_is_read_in_linear_time() -> None:
    # 980 KB took 13 s and grew with the square of the length; 4.5 MB must not take minutes.
    out = _run(
        """
        from followup_lint.draft import Draft
        raw = ("From: a@b.c\\nTo: d@e.f\\nSubject: " + "Thank you " * 450_000
               + "\\n\\nDear Sam,\\nThanks.\\n").encode()
        d = Draft.from_bytes(raw, name="x.eml")
        print(len(d.subject) <= 1000, d.body.strip())
        """
    )
    assert out.startswith("True") and "Dear Sam" in out


def test_many_empty_text_parts_do_not_hide_the_body() -> None:
    msg = EmailMessage()
    msg["Subject"] = "Thank you"
    msg.set_content("")
    for _ in range(20_000):
        msg.add_attachment("", subtype="plain", disposition="inline")
    msg.add_attachment("Dear Sam,\nThank you for your time.\n", subtype="plain", disposition="inline")
    d = Draft.from_eml(msg.as_bytes())
    assert d.body.startswith("Dear Sam")


def test_a_base64_body_of_random_bytes_is_refused() -> None:
    rng = random.Random(7)
    payload = base64.encodebytes(bytes(rng.randrange(256) for _ in range(20_000))).decode()
    raw = (
        "From: a@b.c\nTo: d@e.f\nSubject: hi\nMIME-Version: 1.0\n"
        'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n' + payload
    ).encode()
    with pytest.raises(InputError, match="not text"):
        Draft.from_eml(raw)


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    out = _run(
        f"""
        from followup_lint.draft import Draft, InputError
        try:
            Draft.from_path({str(fifo)!r})
        except InputError as exc:
            print(exc)
        """,
        timeout=30,
    )
    assert "not a regular file" in out


def test_a_device_is_refused() -> None:
    with pytest.raises(InputError, match="not a regular file"):
        Draft.from_path("/dev/zero")


def test_a_large_file_reports_its_real_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 10_000_000)
    with pytest.raises(InputError) as info:
        Draft.from_path(big)
    assert "10,000,000 bytes" in str(info.value)
    assert "5,000,001" not in str(info.value)


def test_too_large_bytes_say_their_size() -> None:
    with pytest.raises(InputError, match=f"{MAX_INPUT_BYTES + 10:,} bytes"):
        Draft.from_bytes(b"a" * (MAX_INPUT_BYTES + 10))


@pytest.mark.parametrize(
    "call",
    [
        lambda: Draft.from_eml(None),  # type: ignore[arg-type]
        lambda: Draft.from_bytes("text, not bytes"),  # type: ignore[arg-type]
        lambda: Draft.from_text("Dear Sam", subject=5),  # type: ignore[arg-type]
        lambda: Draft.from_text(b"Dear Sam"),  # type: ignore[arg-type]
        lambda: Draft.from_html(None),  # type: ignore[arg-type]
        lambda: Draft.from_path(5),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_python_type_is_an_input_error_and_a_type_error(call: object) -> None:
    with pytest.raises(InputError) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, TypeError)
    assert "\n" not in str(info.value)


def test_a_path_with_a_nul_character_is_an_input_error() -> None:
    with pytest.raises(InputError, match="NUL"):
        Draft.from_path("a\x00b")


def test_bytearray_is_accepted() -> None:
    assert Draft.from_bytes(bytearray(b"Dear Sam,\nThanks.")).body.startswith("Dear Sam")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": "Dear Sam", "body_span": (-5, 1000)},
        {"text": "Dear Sam", "body_span": (0, 9)},
        {"text": "Dear Sam", "body_span": (5, 2)},
        {"text": "Dear Sam", "body_span": (0, 8), "subject_span": (0, 99)},
        {"text": "Dear Sam", "body_span": (0, 8.5)},
        {"text": 5, "body_span": (0, 0)},
    ],
)
def test_spans_are_validated(kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError):
        Draft(**kwargs)  # type: ignore[arg-type]


def test_good_spans_are_accepted() -> None:
    d = Draft(text="Subject: x\n\nDear Sam", body_span=(12, 20), subject_span=(9, 10))
    assert d.subject == "x" and d.body == "Dear Sam"
