"""Escaping draft text for the places it is shown: a terminal and GitHub workflow commands.

A draft is untrusted text. Printed raw, ``\\x1b]0;TITLE\\x07`` sets the terminal's title and
CSI sequences move the cursor or clear the screen; in ``--format github`` a newline in a
file name starts a new ``::error`` command and a comma adds a property.
"""

from __future__ import annotations

import re

__all__ = ["github_message", "github_property", "terminal_safe"]

# OSC (ESC ] ... BEL or ESC \), DCS/SOS/PM/APC strings (ESC P/X/^/_ ... ESC \), CSI
# (ESC [ params final, or the 8-bit CSI 0x9b), then any other two-byte ESC sequence.
_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -/]*[0-~]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ␀ ␇ ␍ ␛ …
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls have no picture


def terminal_safe(text: str) -> str:
    """``text`` fit for a terminal: escape sequences removed, any other control character
    (C0 except newline and tab, DEL, C1) shown as a visible symbol instead of acting."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_picture, _SEQUENCE.sub("", text))


def github_message(value: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does (``escapeData``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(value: str) -> str:
    """A workflow command's property (``file=``, ``title=``), escaped as ``escapeProperty``."""
    return github_message(value).replace(":", "%3A").replace(",", "%2C")
