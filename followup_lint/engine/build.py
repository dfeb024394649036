"""Building the :class:`Analysis` that every rule reads, from the spaCy Doc of the body.

Everything the pipeline and the grammar backend report is relative to the analysed body;
:class:`Offsets` moves it into the report's text, once, in one place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..analysis import WORD_RE, Analysis, Unit
from ..config import Config
from ..context import Context
from ..grammar.base import GrammarIssue
from ..stage import resolve_stage
from .intake import Prepared

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..grammar.checker import GrammarRun


@dataclass(frozen=True)
class Offsets:
    """Offsets into the analysed body -> offsets into the report's text."""

    base: int

    def __call__(self, offset: int) -> int:
        return self.base + offset

    def issue(self, issue: GrammarIssue) -> GrammarIssue:
        return replace(issue, start=self(issue.start), end=self(issue.end))


def units_of(doc: Doc, at: Offsets, text: str) -> list[Unit]:
    """The sentences (and greeting line, sign-off block) with their moves. Bounds come from
    the view spaCy read; the text is the writer's own, so every span is exact."""
    units: list[Unit] = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = at(sent.start_char + len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        move = sent._.move or "other"
        confidence = float(sent._.move_confidence or 0.0)
        units.append(Unit(start, end, text[start:end], move, confidence, len(units), tuple(sent._.moves_also)))
    return units


def accepted_words(ctx: Context, config: Config, doc: Doc) -> frozenset[str]:
    """Words spelling must accept: the context's names and topics, the user's vocabulary, and
    proper nouns the tagger found (people, companies, products)."""
    names = [*ctx.interviewers, ctx.company or "", ctx.role or "", ctx.candidate or "", *ctx.topics]
    accepted = {w.lower() for n in names for w in re.findall(r"[\w'’-]+", n)}
    accepted.update(v.lower() for v in config.vocabulary)
    accepted.update(
        t.text.lower() for t in doc if t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() and WORD_RE.fullmatch(t.text)
    )
    return frozenset(accepted)


def _kept(issues: Sequence[GrammarIssue], text: str, view: str, accepted: frozenset[str]) -> list[GrammarIssue]:
    """Drop spelling findings on accepted words (a backend may not know our vocabulary), and
    findings on the blank the view put where others' words or contact lines were."""
    out = []
    for i in issues:
        if i.kind == "spelling" and text[i.start : i.end].lower() in accepted:
            continue
        seen = view[max(0, i.start - 1) : i.end + 1]
        if not seen.strip() or (not view[i.start : i.end].strip() and view[i.start : i.end] != text[i.start : i.end]):
            continue
        out.append(i)
    return out


def build_analysis(p: Prepared, doc: Doc, run: GrammarRun, accepted: frozenset[str], config: Config) -> Analysis:
    draft = p.draft
    at = Offsets(draft.body_span[0])
    units = units_of(doc, at, draft.text)
    view = p.message.view if p.message is not None else draft.text
    if units and units[-1].move == "sign_off" and p.message is not None:
        # the view blanks contact lines; the sign-off unit is the whole block as written
        ends = [z.end for z in p.message.zones if z.kind in ("closing", "signature") and z.start >= units[-1].start]
        end = len(draft.text[: max([units[-1].end, *ends])].rstrip())
        last = units[-1]
        units[-1] = Unit(
            last.start, end, draft.text[last.start : end], last.move, last.confidence, last.index, last.also
        )
    stage = resolve_stage(p.context, units)
    sign = doc._.signoff_start
    truncated = at(len(p.analysed)) if len(p.analysed) < len(draft.body) else None
    return Analysis(
        draft=draft,
        context=p.context,
        config=config,
        stage=stage.stage,
        units=units,
        doc=doc,
        grammar_issues=_kept([at.issue(i) for i in run.issues], draft.text, view, accepted),
        grammar_backend=run.backend,
        grammar_note=run.note,
        signoff_char=None if sign is None else at(sign),
        truncated_at=truncated,
        stage_source=stage.source,
        view=view,
    )
