"""Turning what the user gives us (text, bytes, ``.eml``, HTML) into one string to analyse.

Every span in a report indexes :attr:`Draft.text`. For plain text that is exactly the string
the caller passed; for ``.eml`` and HTML it is the converted message, built as
``"Subject: ...\\n\\n" + body`` so that both fields live in one string.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import numbers
import os
import re
import stat
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import InputError
from .htmltext import HtmlText, convert_html

MAX_INPUT_BYTES = 5_000_000
"""Larger inputs are refused outright: no follow-up email is five megabytes."""

MAX_HEADER_BYTES = 16_384
"""Every header field, the message's and each MIME part's, is cut to this many bytes before
the parser sees it. The standard library's header parser needs memory that grows with the
square of a field made of RFC 2047 encoded words (250 KB took 1.2 GB); a real Subject is
under 1,000 characters."""

MAX_PARTS = 50_000
"""MIME parts walked looking for the body (5 MB holds at most about 100,000 empty ones)."""

_SUBJECT_LINE = re.compile(r"\A[ \t]*(?:\ufeff)?subject[ \t]*:[ \t]*([^\r\n]*)", re.IGNORECASE)
_EML_HINT = re.compile(rb"^(?:from|to|subject|date|mime-version|received|message-id)\s*:", re.I | re.M)
# A header field: a name, a colon, the rest of the line and any folded continuation lines.
_FIELD = re.compile(rb"^[!-9;-~]+:[^\n]*(?:\n[ \t][^\n]*)*", re.M)
_IDENTITY_ENCODINGS = {"", "7bit", "8bit", "binary"}


class InputTypeError(InputError, TypeError):
    """A value of the wrong Python type where a draft was expected. It is an InputError (the
    command reports it like any bad input) and a TypeError (what Python code expects)."""


def _type_error(what: str, expected: str, value: object) -> InputTypeError:
    return InputTypeError(f"{what}: expected {expected}, got {type(value).__name__}")


@dataclass(frozen=True)
class SourceMap:
    """Where stretches of :attr:`Draft.text` come from in the input.

    Each segment is ``(start, end, line, column, verbatim)``: ``text[start:end]`` begins at
    1-based ``line`` and ``column`` of the input. A verbatim segment is a character-for-character
    copy of the input, so any offset inside it has an exact position; otherwise (a converted
    HTML text node) every offset maps to where the node starts.
    """

    segments: tuple[tuple[int, int, int, int, bool], ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(seg[0] for seg in self.segments))

    def position(self, text: str, offset: int) -> tuple[int, int] | None:
        k = bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        start, end, line, column, verbatim = self.segments[k]
        if not start <= offset < end:
            return None
        if not verbatim:
            return line, column
        breaks = _newlines(text)
        first, here = bisect_left(breaks, start), bisect_left(breaks, offset)
        if here == first:
            return line, column + offset - start
        return line + here - first, offset - breaks[here - 1]

    def shifted(self, by: int) -> SourceMap:
        return SourceMap(tuple((s + by, e + by, line, col, v) for s, e, line, col, v in self.segments))


@lru_cache(maxsize=4)
def _newlines(text: str) -> array[int]:
    return array("q", (m.start() for m in re.finditer("\n", text)))


def _valid_span(name: str, span: object, length: int) -> tuple[int, int]:
    if (
        not isinstance(span, tuple | list)
        or len(span) != 2
        or not all(isinstance(x, numbers.Integral) and not isinstance(x, bool) for x in span)
    ):
        raise InputError(f"{name} must be a (start, end) pair of integers, got {span!r}")
    start, end = int(span[0]), int(span[1])
    if not 0 <= start <= end <= length:
        raise InputError(f"{name} {(start, end)} is not inside a {length:,}-character text (0 <= start <= end)")
    return start, end


@dataclass(frozen=True)
class Draft:
    """A follow-up email ready for analysis.

    ``text`` is the string every span indexes. ``subject_span`` and ``body_span`` are
    half-open ``(start, end)`` offsets into it; ``subject_span`` is ``None`` when the draft
    has no subject line. Spans are checked when a draft is made: a bad one raises
    :class:`InputError`. Wrong Python types raise :class:`InputTypeError`, which is both an
    InputError and a TypeError.
    """

    text: str
    body_span: tuple[int, int]
    subject_span: tuple[int, int] | None = None
    source: str = "text"
    sent_at: datetime | None = None
    notes: tuple[str, ...] = ()
    source_map: SourceMap | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise _type_error("Draft.text", "str", self.text)
        object.__setattr__(self, "body_span", _valid_span("body_span", self.body_span, len(self.text)))
        if self.subject_span is not None:
            object.__setattr__(self, "subject_span", _valid_span("subject_span", self.subject_span, len(self.text)))
        if not isinstance(self.notes, tuple):
            object.__setattr__(self, "notes", tuple(str(n) for n in self.notes))

    @property
    def subject(self) -> str | None:
        if self.subject_span is None:
            return None
        return self.text[self.subject_span[0] : self.subject_span[1]]

    @property
    def body(self) -> str:
        return self.text[self.body_span[0] : self.body_span[1]]

    def source_position(self, offset: int) -> tuple[int, int] | None:
        """The 1-based ``(line, column)`` in the input where ``text[offset]`` came from, or
        None where that is not well defined (a decoded Subject header, a quoted-printable or
        base64 body, the ``Subject:`` line joined in front of a separate subject).

        Plain text: the position in the text (or in the file it was read from). An ``.eml``
        text/plain part sent as 7bit/8bit: the position in the message file. HTML: where the
        text node starts in the markup (in the file, for an ``.eml`` part sent as 7bit/8bit).
        """
        if self.source_map is None or not 0 <= offset < len(self.text):
            return None
        return self.source_map.position(self.text, offset)

    @classmethod
    def from_text(cls, text: str, *, subject: str | None = None) -> Draft:
        """A draft from plain text. A first line ``Subject: ...`` is taken as the subject.

        With ``subject=`` given separately, the text is all body and the subject is joined
        in front as ``"Subject: ...\\n\\n"`` (so spans still index one string).
        """
        if not isinstance(text, str):
            raise _type_error("draft text", "str", text)
        if subject is not None and not isinstance(subject, str):
            raise _type_error("subject", "str or None", subject)
        if subject is not None:
            subject = " ".join(subject.split())
            head = f"Subject: {subject}\n\n"
            return cls(
                text=head + text,
                subject_span=(9, 9 + len(subject)),
                body_span=(len(head), len(head) + len(text)),
                source_map=SourceMap(((len(head), len(head) + len(text), 1, 1, True),)),
            )
        whole = SourceMap(((0, len(text), 1, 1, True),))
        match = _SUBJECT_LINE.match(text)
        if not match:
            return cls(text=text, body_span=(0, len(text)), source_map=whole)
        start, end = match.span(1)
        while end > start and text[end - 1] in " \t":
            end -= 1
        body_start = match.end()
        # The body starts after the subject line and any blank lines below it.
        rest = re.match(r"(?:[ \t]*\r?\n)*", text[body_start:])
        body_start += rest.end() if rest else 0
        return cls(text=text, subject_span=(start, end), body_span=(body_start, len(text)), source_map=whole)

    @classmethod
    def from_html(cls, html: str, *, subject: str | None = None) -> Draft:
        """A draft from an HTML body: scripts and styles dropped, blocks become lines, quoted
        replies (``blockquote``, Gmail's and Outlook's quote containers) become ``> `` lines."""
        if not isinstance(html, str):
            raise _type_error("HTML", "str", html)
        converted = convert_html(html)
        return _from_converted(
            converted, subject, _html_map(converted, 1, 0), source="html", notes=("converted from HTML",)
        )

    @classmethod
    def from_eml(cls, data: bytes | str) -> Draft:
        """A draft from an RFC 822 message: subject, Date header, the first non-empty
        text/plain part, else the first text/html part."""
        if isinstance(data, str):
            raw = data.encode("utf-8", "surrogateescape")
        elif isinstance(data, bytes | bytearray | memoryview):
            raw = bytes(data)
        else:
            raise _type_error("email message", "bytes or str", data)
        if len(raw) > MAX_INPUT_BYTES:
            raise InputError(f"message is {len(raw):,} bytes; the limit is {MAX_INPUT_BYTES:,}")
        raw, cut = _bound_headers(raw)
        try:
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            subject = _header(msg, "subject")
            sent_at = _date_header(msg)
            found = _message_body(msg)
        except InputError:
            raise
        except Exception as exc:  # the stdlib parser raises many kinds on hostile input
            raise InputError(f"could not parse the email message ({type(exc).__name__})") from None
        if found is None:
            raise InputError("the email has no text/plain or text/html part to check")
        notes = ["read from an .eml message"]
        if found.html is not None:
            notes.append("body converted from HTML")
        if cut:
            notes.append(f"a header longer than {MAX_HEADER_BYTES:,} bytes was cut before reading")
        smap = _eml_map(raw, found)
        if found.html is not None:
            draft = _from_converted(found.html, subject or None, smap, source="eml", notes=())
        else:
            draft = cls.from_text(found.text, subject=subject or None)
            shift = len(draft.text) - len(found.text)
            draft = _with(draft, source_map=None if smap is None else smap.shifted(shift))
        return _with(draft, source="eml", sent_at=sent_at, notes=tuple(notes))

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str = "<input>") -> Draft:
        """Decode a file's bytes and pick the reader by its name and content."""
        if not isinstance(data, bytes | bytearray | memoryview):
            raise _type_error(f"{name}", "bytes", data)
        data = bytes(data)
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
        """Read a draft file. Only regular files are read (a FIFO or device would block or
        never end); files over :data:`MAX_INPUT_BYTES` are refused with their real size."""
        if not isinstance(path, str | os.PathLike):
            raise _type_error("path", "str or Path", path)
        p = Path(path)
        if "\x00" in str(p):
            raise InputError(f"{str(p)!r}: not a valid path (it contains a NUL character)")
        try:
            st = os.stat(p)
            if stat.S_ISDIR(st.st_mode):
                raise InputError(f"{p}: is a directory, not a draft")
            if not stat.S_ISREG(st.st_mode):
                raise InputError(f"{p}: not a regular file (a pipe, device or socket); give a draft file")
            if st.st_size > MAX_INPUT_BYTES:
                raise InputError(f"{p}: {st.st_size:,} bytes is too large for a draft (limit {MAX_INPUT_BYTES:,})")
            # O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it
            # still returns at once; fstat then refuses it.
            fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            with open(fd, "rb", closefd=True) as fh:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise InputError(f"{p}: not a regular file (a pipe, device or socket); give a draft file")
                data = fh.read(MAX_INPUT_BYTES + 1)
        except InputError:
            raise
        except FileNotFoundError:
            raise InputError(f"{p}: no such file") from None
        except PermissionError:
            raise InputError(f"{p}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
        if len(data) > MAX_INPUT_BYTES:  # the file grew after the check
            raise InputError(f"{p}: more than {MAX_INPUT_BYTES:,} bytes is too large for a draft")
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
        "source_map": draft.source_map,
    }
    values.update(changes)
    return Draft(**values)


def _from_converted(
    converted: HtmlText, subject: str | None, smap: SourceMap | None, *, source: str, notes: tuple[str, ...]
) -> Draft:
    draft = Draft.from_text(converted.text, subject=subject)
    shift = len(draft.text) - len(converted.text)
    return _with(draft, source=source, notes=notes, source_map=None if smap is None else smap.shifted(shift))


def _html_map(converted: HtmlText, line_base: int, col_base: int) -> SourceMap:
    """Text-node anchors as positions in the file, the markup starting at ``line_base``."""
    return SourceMap(
        tuple(
            (s, e, line_base + line - 1, column + (col_base if line == 1 else 0), False)
            for s, e, line, column in converted.anchors
        )
    )


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


def _bound_headers(raw: bytes) -> tuple[bytes, bool]:
    """``raw`` with every header field (the message's and each MIME part's) cut to
    :data:`MAX_HEADER_BYTES`, at a space where one is near, and whether anything was cut.
    Linear in the input. A body line that merely looks like a field ("Note: ...") is only
    touched when it is longer than the limit, which no follow-up's line is."""
    if len(raw) <= MAX_HEADER_BYTES:
        return raw, False
    pieces: list[bytes] = []
    last = 0
    for m in _FIELD.finditer(raw):
        if m.end() - m.start() <= MAX_HEADER_BYTES:
            continue
        value = m.group(0)
        at = value.rfind(b" ", 0, MAX_HEADER_BYTES)
        pieces += [raw[last : m.start()], value[: at if at > MAX_HEADER_BYTES // 2 else MAX_HEADER_BYTES]]
        last = m.end()
    if not pieces:
        return raw, False
    pieces.append(raw[last:])
    return b"".join(pieces), True


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


@dataclass(frozen=True)
class _Body:
    text: str
    html: HtmlText | None  # set when the body was converted from a text/html part
    verbatim: bytes | None  # the part's bytes when they are its text as sent (7bit/8bit)
    charset: str


def _message_body(msg: Message) -> _Body | None:
    """The first non-empty text/plain part, else the first non-empty text/html part. Empty
    parts are skipped; the walk stops after :data:`MAX_PARTS` parts or once the text parts
    looked at add up to :data:`MAX_INPUT_BYTES`. None when there is no text part at all."""
    html: _Body | None = None
    empty: _Body | None = None
    binary = False
    budget = MAX_INPUT_BYTES
    parts = msg.walk() if msg.is_multipart() else iter([msg])
    for count, part in enumerate(parts):
        if count >= MAX_PARTS or budget <= 0:
            break
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html") or (ctype == "text/html" and html is not None):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        budget -= len(payload)
        charset = _charset(part)
        text = payload.decode(charset, errors="replace")
        if not text.strip():
            empty = empty or _Body(text, None, None, charset)
            continue
        if _looks_binary(payload, text):
            binary = True
            continue
        encoding = str(part.get("content-transfer-encoding", "") or "").strip().lower()
        verbatim = payload if encoding in _IDENTITY_ENCODINGS and _ascii_lines(charset) else None
        if ctype == "text/plain":
            return _Body(text, None, verbatim, charset)
        html = _Body(text, convert_html(text), verbatim, charset)
    if html is not None:
        return html
    if binary:
        raise InputError("the email's text part is not text (binary data or a wrong charset); nothing to check")
    return empty


def _charset(part: Message) -> str:
    charset = part.get_content_charset() or "utf-8"
    try:
        return codecs.lookup(charset).name
    except (LookupError, ValueError):
        return "utf-8"


def _ascii_lines(charset: str) -> bool:
    try:
        return "\n".encode(charset) == b"\n" and "a".encode(charset) == b"a"
    except (LookupError, UnicodeError):
        return False


def _looks_binary(payload: bytes, text: str) -> bool:
    """Random or compressed bytes sent as a text part: NUL bytes, or many characters that are
    undecodable (U+FFFD) or control codes."""
    if b"\x00" in payload[:65536]:
        return True
    head = text[:8192]
    junk = sum(1 for ch in head if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    return junk > 8 and junk > len(head) * 0.02


def _eml_map(raw: bytes, body: _Body) -> SourceMap | None:
    """Where the body's text sits in the message file, when its bytes are there as sent."""
    if body.verbatim is None or not body.verbatim:
        return None
    at = -1
    for prefix in (b"\n\n", b"\n\r\n"):
        found = raw.find(prefix + body.verbatim)
        if found >= 0:
            at = found + len(prefix)
            break
    if at < 0:
        return None
    line = raw.count(b"\n", 0, at) + 1
    if body.html is not None:
        return _html_map(body.html, line, 0)
    return SourceMap(((0, len(body.text), line, 1, True),))
