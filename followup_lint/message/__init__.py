"""The message reader: an e-mail's text as typed zones with exact offsets.

``read_message(text, start=, end=)`` finds the header block, greeting, body paragraphs,
closing, signature, quoted replies, placeholders and template instructions, and builds a
``view`` of the same length as ``text`` in which only the writer's prose is left for
analysis. See ``docs/zones.md``.
"""

from __future__ import annotations

from .placeholders import find_placeholders
from .reader import read_message
from .zones import ZONE_KINDS, Message, Zone

__all__ = ["ZONE_KINDS", "Message", "Zone", "find_placeholders", "read_message"]
