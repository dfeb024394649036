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


# -- positions in the input -------------------------------------------------------------------
def _where(d: Draft, needle: str) -> tuple[int, int] | None:
    return d.source_position(d.text.index(needle))


def test_plain_text_positions_are_lines_and_columns_of_the_text() -> None:
    d = Draft.from_text("Subject: Hi\n\nDear Sam,\nThank you for the chat.\n")
    assert _where(d, "Dear") == (3, 1)
    assert _where(d, "chat") == (4, 19)
    assert d.source_position(len(d.text)) is None


def test_a_separate_subject_has_no_position_but_the_body_does() -> None:
    d = Draft.from_text("Dear Sam,\nThanks.", subject="Thank you")
    assert d.source_position(0) is None
    assert _where(d, "Thanks") == (2, 1)


def test_eml_plain_body_positions_are_in_the_message_file() -> None:
    raw = _eml("Dear Maria,\nThank you for the tour.\n")
    d = Draft.from_eml(raw)
    line, col = _where(d, "tour")  # type: ignore[misc]
    file_line = raw.decode().splitlines()[line - 1]
    assert file_line[col - 1 :].startswith("tour")
    assert d.source_position(d.subject_span[0]) is None  # type: ignore[index]


def test_eml_crlf_and_multipart_positions_are_in_the_file() -> None:
    raw = _eml("Dear Maria,\nThank you for the tour.\n", "<p>Dear Maria,</p>").replace(b"\n", b"\r\n")
    d = Draft.from_eml(raw)
    line, col = _where(d, "tour")  # type: ignore[misc]
    assert raw.decode().split("\r\n")[line - 1][col - 1 :].startswith("tour")


def test_quoted_printable_body_has_no_position() -> None:
    msg = EmailMessage()
    msg["Subject"] = "Thanks"
    msg.set_content("Dear Maria, caf\u00e9 " + "long line " * 20 + "\n", cte="quoted-printable")
    d = Draft.from_eml(msg.as_bytes())
    assert d.body.startswith("Dear Maria") and _where(d, "Dear") is None


def test_html_positions_are_where_the_text_node_starts() -> None:
    html = "<html>\n<body>\n  <p>Dear Sam,</p>\n  <p>Thank &amp; you</p>\n</body></html>"
    d = Draft.from_html(html)
    assert _where(d, "Dear") == (3, 6)
    assert _where(d, "you") == (4, 6)  # the node "Thank & you" starts there


def test_html_in_eml_positions_are_in_the_file() -> None:
    raw = _eml(html="<html><body>\n<p>Dear Maria,</p>\n<p>Thank you.</p>\n</body></html>\n")
    d = Draft.from_eml(raw)
    line, col = _where(d, "Thank you.")  # type: ignore[misc]
    assert raw.decode().splitlines()[line - 1][col - 1 :].startswith("Thank you.")


# -- quoted replies in HTML -------------------------------------------------------------------
def test_blockquote_becomes_quoted_lines() -> None:
    d = Draft.from_html(
        "<p>Thanks again!</p><blockquote type='cite'><p>Old line one</p>Line two<br>three"
        "<blockquote>deeper</blockquote></blockquote><p>Jordan</p>"
    )
    assert d.text == "Thanks again!\n\n> Old line one\n\n> Line two\n> three\n>> deeper\n\nJordan\n"


def test_gmail_quote_is_one_level() -> None:
    d = Draft.from_html(
        '<div dir="ltr">Thanks Sam</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Sam wrote:'
        '<br></div><blockquote class="gmail_quote">Hi there<br>second</blockquote></div><div>not quoted</div>'
    )
    assert "> On Mon, Sam wrote:" in d.text and "> Hi there\n> second" in d.text
    assert ">>" not in d.text and "\nnot quoted" in d.text


def test_outlook_reply_header_starts_the_quote() -> None:
    d = Draft.from_html(
        '<div>Thanks Sam</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Sam'
        "<br><b>Sent:</b> Monday</div><div>Old text</div>"
    )
    assert d.text.startswith("Thanks Sam\n\n> From: Sam\n> Sent: Monday")
    assert "> Old text" in d.text


def test_hostile_nesting_stays_linear_and_bounded() -> None:
    d = Draft.from_html("<blockquote>" * 20_000 + "deep" + "</blockquote>" * 20_000)
    assert d.text.strip().endswith("deep") and len(d.text) < 100
