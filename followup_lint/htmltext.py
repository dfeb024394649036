"""HTML to plain text, without a dependency: blocks become lines, scripts and styles vanish,
quoted replies become ``> `` lines, and every piece of text remembers where it came from.

The text is built in one pass (linear in the markup): whitespace inside a text node collapses
to one space, lines are trimmed, at most one blank line separates blocks. Each text node's
place in the output is recorded with its line and column in the markup, so a span in the
converted text can be traced back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "hr",
    "title",
}
_SKIP = {"script", "style", "head", "noscript", "template", "iframe", "object", "svg"}
# Outlook marks where the quoted message starts with one of these (an empty div or the
# "From: / Sent:" header block); everything after it is the earlier message.
_QUOTE_REST_IDS = {"divRplyFwdMsg", "appendonsend"}
_MAX_QUOTE_DEPTH = 8  # deeper nesting is shown at this depth: hostile markup nests thousands
_SPACES = re.compile(r"[ \t\r\n\f]+")


@dataclass(frozen=True)
class HtmlText:
    """Converted text, and for each text node ``(start, end, line, column)``: its offsets in
    ``text`` and its 1-based position in the markup (the first character after leading space)."""

    text: str
    anchors: tuple[tuple[int, int, int, int], ...]


def _classes(attrs: list[tuple[str, str | None]]) -> set[str]:
    return {c for name, value in attrs if name == "class" and value for c in value.split()}


def _id(attrs: list[tuple[str, str | None]]) -> str:
    return next((value or "" for name, value in attrs if name == "id"), "")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.length = 0
        self.anchors: list[tuple[int, int, int, int]] = []
        self._skip_depth = 0
        self._newlines = 0  # line breaks asked for since the last text
        self._space = ""  # whitespace seen since the last text on this line
        self._line_start = True
        # One stack per element kind, so a close tag pops in constant time whatever the nesting.
        self._divs: list[bool] = []
        self._quotes: list[str] = []  # open blockquotes: "gmail" for one inside div.gmail_quote
        self._div_quotes = 0
        self._blockquotes = 0
        self._quote_rest = False

    # -- structure --------------------------------------------------------------------------
    def _depth(self) -> int:
        return min(_MAX_QUOTE_DEPTH, self._div_quotes + self._blockquotes + (1 if self._quote_rest else 0))

    def _break(self, count: int) -> None:
        self._newlines += count
        self._space = ""
        self._line_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
            return
        if tag == "div":
            quote = "gmail_quote" in _classes(attrs)
            self._divs.append(quote)
            self._div_quotes += quote
            if _id(attrs) in _QUOTE_REST_IDS:
                self._quote_rest = True
        elif tag == "blockquote":
            # Gmail wraps its blockquote.gmail_quote in a div.gmail_quote: one level, not two.
            inside_gmail = bool(self._divs) and self._divs[-1] and not self._quotes
            kind = "nested" if inside_gmail and "gmail_quote" in _classes(attrs) else "quote"
            self._quotes.append(kind)
            self._blockquotes += kind == "quote"
        elif _id(attrs) in _QUOTE_REST_IDS:
            self._quote_rest = True
        if tag in _BLOCKS:
            self._break(2 if tag == "p" else 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _id(attrs) in _QUOTE_REST_IDS:
            self._quote_rest = True
        if tag in _BLOCKS:
            self._break(1)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag == "div" and self._divs:
            self._div_quotes -= self._divs.pop()
        elif tag == "blockquote" and self._quotes:
            self._blockquotes -= self._quotes.pop() == "quote"
        if tag in _BLOCKS:
            self._break(2 if tag == "p" else 1)

    # -- text -------------------------------------------------------------------------------
    def _emit(self, piece: str) -> None:
        self.out.append(piece)
        self.length += len(piece)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        line, col = self.getpos()
        text = _SPACES.sub(" ", data).replace("\xa0", " ")
        core = text.strip()
        if not core:
            if not self._line_start:
                self._space += text
            return
        lead = len(text) - len(text.lstrip())
        if not self._line_start:
            self._space += text[:lead]
        if self.length:
            if self._newlines:
                self._emit("\n" * min(self._newlines, 2))
            elif self._space:
                self._emit(self._space)
        if self._newlines or not self.length:
            depth = self._depth()
            if depth:
                self._emit(">" * depth + " ")
        self._newlines = 0
        self._line_start = False
        # The node's position in the markup, moved past its leading whitespace.
        raw_lead = data[: len(data) - len(data.lstrip())]
        breaks = raw_lead.count("\n")
        col = len(raw_lead) - raw_lead.rfind("\n") - 1 if breaks else col + len(raw_lead)
        start = self.length
        self._emit(core)
        self.anchors.append((start, self.length, line + breaks, col + 1))
        self._space = text[lead + len(core) :]


def convert_html(html: str) -> HtmlText:
    """Readable text from HTML with the source position of each text node. Never raises on
    malformed markup."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient, but be safe on hostile input
        pass
    if parser.length:
        parser._emit("\n")
    return HtmlText("".join(parser.out), tuple(parser.anchors))


def html_to_text(html: str) -> str:
    """Readable text from HTML. Never raises on malformed markup."""
    return convert_html(html).text
