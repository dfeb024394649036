"""Line and column numbers for offsets (1-based, as editors show them), in the analysed text
and, where the text is a verbatim copy of it, in the input file."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..draft import SourceMap
from ..report import Utf16Index


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, offset: int) -> int:
        """The offset where the line holding ``offset`` starts."""
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


@dataclass(frozen=True)
class Region:
    """A half-open stretch as editors count it: the end column is one past the last character."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


class Positions:
    """Regions of one report's offsets, built once per report.

    ``utf16=True`` counts columns in UTF-16 code units (a character after an emoji is two
    columns further on), else in Python characters. :meth:`in_text` places offsets in the
    analysed text; :meth:`in_file` places them in the input file, and only where the text is a
    character-for-character copy of it (plain text, an ``.eml`` part sent as 7bit/8bit): a
    converted HTML node, a decoded header or a quoted-printable body has no exact place in
    the file, so it gets None rather than a guess.
    """

    def __init__(self, text: str, source_map: SourceMap | None = None, *, utf16: bool = False) -> None:
        self.text = text
        self.lines = LineIndex(text)
        self.units = Utf16Index(text) if utf16 else None
        self.source_map = source_map
        self._starts = [seg[0] for seg in source_map.segments] if source_map is not None else []

    def _width(self, start: int, end: int) -> int:
        return end - start if self.units is None else self.units.offset(end) - self.units.offset(start)

    def _at(self, offset: int) -> tuple[int, int]:
        line, _ = self.lines.line_col(offset)
        return line, 1 + self._width(self.lines.line_start(offset), offset)

    def in_text(self, start: int, end: int) -> Region:
        return Region(*self._at(start), *self._at(end))

    def in_file(self, start: int, end: int) -> Region | None:
        if self.source_map is None or not 0 <= start <= end <= len(self.text):
            return None
        segments = self.source_map.segments
        k = bisect.bisect_right(self._starts, start) - 1
        if k < 0:
            return None
        seg_start, seg_end, line, column, verbatim = segments[k]
        if not verbatim or end > seg_end:  # not a copy of the file, or runs past the copy
            return None
        first = self.lines.line_col(seg_start)[0]

        def place(offset: int) -> tuple[int, int] | None:
            text_line, text_column = self._at(offset)
            if text_line > first:  # a later line of the copy starts a line of the file too
                return line + text_line - first, text_column
            if column != 1 and self.units is not None:
                return None  # the file's characters before the copy are not known in UTF-16
            return line, column + self._width(seg_start, offset)

        a, b = place(start), place(end)
        return None if a is None or b is None else Region(*a, *b)
