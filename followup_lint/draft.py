"""Turning what the user gives us (text, bytes, ``.eml``, HTML) into one string to analyse.

Every span in a report indexes :attr:`Draft.text`. For plain text that is exactly the string
the caller passed; for ``.eml`` and HTML it is the converted message, built as
``"Subject: ...\\n\\n" + body`` so that both fields live in one string.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from .errors import InputError
from .htmltext import html_to_text

MAX_INPUT_BYTES = 5_000_000
"""Larger inputs are refused outright: no follow-up email is five megabytes."""

_SUBJECT_LINE = re.compile(r"\A[ \t]*(?:\ufeff)?subject[ \t]*:[ \t]*([^\r\n]*)", re.IGNORECASE)
_EML_HINT = re.compile(rb"^(?:from|to|subject|date|mime-version|received|message-id)\s*:", re.I | re.M)


@dataclass(frozen=True)
class Draft:
    """A follow-up email ready for analysis.

    ``text`` is the string every span indexes. ``subject_span`` and ``body_span`` are
    half-open ``(start, end)`` offsets into it; ``subject_span`` is ``None`` when the draft
    has no subject line.
    """

    text: str
    body_span: tuple[int, int]
    subject_span: tuple[int, int] | None = None
    source: str = "text"
    sent_at: datetime | None = None
    notes: tuple[str, ...] = ()

    @property
    def subject(self) -> str | None:
        if self.subject_span is None:
            return None
        return self.text[self.subject_span[0] : self.subject_span[1]]

    @property
    def body(self) -> str:
        return self.text[self.body_span[0] : self.body_span[1]]

    @classmethod
    def from_text(cls, text: str, *, subject: str | None = None) -> Draft:
        """A draft from plain text. A first line ``Subject: ...`` is taken as the subject.

        With ``subject=`` given separately, the text is all body and the subject is joined
        in front as ``"Subject: ...\\n\\n"`` (so spans still index one string).
        """
        if not isinstance(text, str):
            raise InputError(f"expected text (str), got {type(text).__name__}")
        if subject is not None:
            subject = " ".join(subject.split())
            head = f"Subject: {subject}\n\n"
            return cls(
                text=head + text,
                subject_span=(9, 9 + len(subject)),
                body_span=(len(head), len(head) + len(text)),
            )
        match = _SUBJECT_LINE.match(text)
        if not match:
            return cls(text=text, body_span=(0, len(text)))
        start, end = match.span(1)
        while end > start and text[end - 1] in " \t":
            end -= 1
        body_start = match.end()
        # The body starts after the subject line and any blank lines below it.
        rest = re.match(r"(?:[ \t]*\r?\n)*", text[body_start:])
        body_start += rest.end() if rest else 0
        return cls(text=text, subject_span=(start, end), body_span=(body_start, len(text)))

    @classmethod
    def from_html(cls, html: str, *, subject: str | None = None) -> Draft:
        """A draft from an HTML body: scripts and styles dropped, blocks become lines."""
        body = html_to_text(html)
        draft = cls.from_text(body, subject=subject)
        return _with(draft, source="html", notes=("converted from HTML",))

    @classmethod
    def from_eml(cls, data: bytes | str) -> Draft:
        """A draft from an RFC 822 message: subject, Date header, text/plain preferred."""
        raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
        if len(raw) > MAX_INPUT_BYTES:
            raise InputError(f"message is {len(raw):,} bytes; the limit is {MAX_INPUT_BYTES:,}")
        try:
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            subject = _header(msg, "subject")
            sent_at = _date_header(msg)
            body, kind = _message_body(msg)
        except InputError:
            raise
        except Exception as exc:  # the stdlib parser raises many kinds on hostile input
            raise InputError(f"could not parse the email message ({type(exc).__name__})") from None
        if body is None:
            raise InputError("the email has no text/plain or text/html part to check")
        notes = ["read from an .eml message"] + (["body converted from HTML"] if kind == "html" else [])
        draft = cls.from_text(body, subject=subject or None)
        return _with(draft, source="eml", sent_at=sent_at, notes=tuple(notes))

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str = "<input>") -> Draft:
        """Decode a file's bytes and pick the reader by its name and content."""
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(f"{name}: {len(data):,} bytes is too large for a draft (limit {MAX_INPUT_BYTES:,})")
        suffix = Path(name).suffix.lower()
        if suffix == ".eml" or (suffix not in {".txt", ".md", ".html", ".htm"} and _looks_like_eml(data)):
            return cls.from_eml(data)
        text = decode_text(data, name=name)
        if suffix in {".html", ".htm"} or _looks_like_html(text):
            return cls.from_html(text)
        return cls.from_text(text)

    @classmethod
    def from_path(cls, path: str | Path) -> Draft:
        p = Path(path)
        try:
            if p.is_dir():
                raise InputError(f"{p}: is a directory, not a draft")
            with p.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except FileNotFoundError:
            raise InputError(f"{p}: no such file") from None
        except PermissionError:
            raise InputError(f"{p}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
        return cls.from_bytes(data, name=str(p))


def decode_text(data: bytes, *, name: str = "<input>") -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is a clear error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: has a UTF-16 mark but is not valid UTF-16") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not a text draft")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the draft as UTF-8 and try again"
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 8 and controls > len(text[:8192]) * 0.02:
        raise InputError(f"{name}: looks like a binary file, not a text draft")
    return text


def _with(draft: Draft, **changes: Any) -> Draft:
    values: dict[str, Any] = {
        "text": draft.text,
        "body_span": draft.body_span,
        "subject_span": draft.subject_span,
        "source": draft.source,
        "sent_at": draft.sent_at,
        "notes": draft.notes,
    }
    values.update(changes)
    return Draft(**values)


def _looks_like_eml(data: bytes) -> bool:
    head = data[:4096]
    if not re.match(rb"[A-Za-z][A-Za-z0-9-]*:", head.lstrip()):
        return False
    if len(_EML_HINT.findall(head)) < 2:
        return False
    return b"\n\n" in data[:65536] or b"\r\n\r\n" in data[:65536]


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        bool(re.search(r"<(?:p|div|br|body|table|span)\b[^>]*>", text[:4096], re.I)) and text.count("<") >= 3
    )


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # malformed header values raise from the parser's lazy decoding
        return ""
    if value is None:
        return ""
    return " ".join(str(value).split())[:1000]


def _date_header(msg: Message) -> datetime | None:
    raw = _header(msg, "date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None


def _message_body(msg: Message) -> tuple[str | None, str]:
    plain: str | None = None
    html: str | None = None
    parts = msg.walk() if msg.is_multipart() else iter([msg])
    for count, part in enumerate(parts):
        if count > 200:  # hostile nesting: stop looking rather than walk forever
            break
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        text = _part_text(part)
        if text is None:
            continue
        if ctype == "text/plain" and plain is None:
            plain = text
        elif ctype == "text/html" and html is None:
            html = text
    if plain is not None and plain.strip():
        return plain, "plain"
    if html is not None:
        return html_to_text(html), "html"
    return plain, "plain"


def _part_text(part: Message) -> str | None:
    if isinstance(part, EmailMessage):
        try:
            content = part.get_content()
            if isinstance(content, str):
                return content
        except (LookupError, UnicodeError, ValueError, AssertionError):
            pass
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")
