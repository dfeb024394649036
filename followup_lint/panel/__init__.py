"""Notes to a whole interview panel, checked together (``followup-lint check-panel``).

When a candidate writes to several interviewers after one interview, each note gets the
single-draft check and then two that need the whole panel: RF008 ``panel-near-copy`` and
RF009 ``panel-wrong-name``. See ``docs/panel.md``.
"""

from __future__ import annotations

from ._check import check_panel
from ._report import CopiedSentence, NearCopy, PanelDraft, PanelReport
from ._rules import PANEL_RULES, PanelRule, PanelSelection

__all__ = [
    "PANEL_RULES",
    "CopiedSentence",
    "NearCopy",
    "PanelDraft",
    "PanelReport",
    "PanelRule",
    "PanelSelection",
    "check_panel",
]
