"""Reading drafts: plain text with a Subject line, .eml messages, HTML, and bad bytes."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from followup_lint.draft import Draft, InputError


def test_subject_line_is_taken_as_subject() -> None:
    text = "Subject: Thank you – Data Engineer interview  \n\nDear Ms. Chen,\nThanks."
    d = Draft.from_text(text)
    assert d.subject == "Thank you – Data Engineer interview"
    assert d.text is text
    assert d.body.startswith("Dear Ms. Chen")
    assert text[d.subject_span[0] : d.subject_span[1]] == d.subject  # type: ignore[index]


def test_no_subject_line_means_all_body() -> None:
    d = Draft.from_text("Dear Sam,\nSubject: not a header here")
    assert d.subject is None and d.body_span == (0, len(d.text))


def test_empty_subject_is_kept_as_empty() -> None:
    d = Draft.from_text("Subject:\n\nHi Sam,")
    assert d.subject == ""


def test_separate_subject_is_joined_in_front() -> None:
    d = Draft.from_text("Dear Sam,\nThanks.", subject="Thank you")
    assert d.text.startswith("Subject: Thank you\n\n") and d.subject == "Thank you"
    assert d.body == "Dear Sam,\nThanks."


def _eml(plain: str | None = None, html: str | None = None, subject: str = "Thank you") -> bytes:
    msg = EmailMessage()
    msg["From"] = "jordan@example.com"
    msg["To"] = "maria@example.org"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 03 Mar 2026 09:30:00 +0000"
    if plain is not None:
        msg.set_content(plain)
    if html is not None:
        if plain is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    return msg.as_bytes()


def test_eml_prefers_plain_text_and_reads_date() -> None:
    d = Draft.from_eml(_eml("Dear Maria,\nThank you.\n", "<p>Dear Maria,</p><p>HTML version</p>"))
    assert d.subject == "Thank you"
    assert "Thank you." in d.body and "HTML version" not in d.body
    assert d.sent_at is not None and d.sent_at.day == 3
    assert d.source == "eml"


def test_eml_with_only_html_is_converted_and_scripts_dropped() -> None:
    html = "<html><body><p>Dear Maria,</p><script>alert('x')</script><p>Thank you &amp; goodbye</p></body></html>"
    d = Draft.from_eml(_eml(html=html))
    assert "alert" not in d.body and "Thank you & goodbye" in d.body


def test_from_bytes_detects_eml_and_html() -> None:
    assert Draft.from_bytes(_eml("Hi Sam,\nThanks.\n"), name="x").source == "eml"
    html = b"<html><body><div>Hi Sam,</div><div>Thanks for the chat.</div><br></body></html>"
    assert Draft.from_bytes(html, name="draft.html").source == "html"


def test_malformed_eml_is_a_clear_error_or_a_draft() -> None:
    hostile = (
        b'From: a\nSubject: =?utf-8?q?broken\nContent-Type: multipart/mixed; boundary="x"\n\n--x\n' + b"--x\n" * 500
    )
    try:
        d = Draft.from_eml(hostile)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(d.body, str)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("Caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
        (b"x" * 5_000_001, "too large"),
    ],
)
def test_bad_bytes_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Draft.from_bytes(data, name="draft.txt")


def test_utf8_bom_and_utf16_are_read() -> None:
    assert Draft.from_bytes("\ufeffHi Sam".encode(), name="a.txt").text == "Hi Sam"
    assert Draft.from_bytes("Hi Sam".encode("utf-16"), name="a.txt").text == "Hi Sam"


def test_missing_and_directory_paths(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="no such file"):
        Draft.from_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        Draft.from_path(tmp_path)
