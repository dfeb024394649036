"""followup-lint's spaCy components, registered the spaCy way.

- ``followup_line_breaks`` (before ``senter``): takes sentence starts from the message
  reader's zones: the greeting is one unit, the closing and signature together are one
  unit, every paragraph break, hard line break and zone boundary starts a unit, and a
  hard-wrapped line break never does. It sets ``Token.is_sent_start`` only, so ``senter``
  fills in the rest. The zones come from ``Doc._.followup_message`` when the caller read
  the message already (see :func:`message_doc`), else from reading ``doc.text``.
- ``followup_moves`` (last): labels each sentence with its move and a confidence, in
  ``Span._.move`` / ``Span._.move_confidence``, and the other moves it also makes in
  ``Span._.moves_also``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import number
from ..message import Message, read_message

if TYPE_CHECKING:
    from ..classifier.protocol import Labeller

if not Doc.has_extension("signoff_start"):
    Doc.set_extension("signoff_start", default=None)
if not Doc.has_extension("followup_message"):
    Doc.set_extension("followup_message", default=None)
if not Doc.has_extension("followup_base"):
    Doc.set_extension("followup_base", default=0)
if not Doc.has_extension("followup_greeting"):
    Doc.set_extension("followup_greeting", default=None)
if not Doc.has_extension("followup_signoff"):
    Doc.set_extension("followup_signoff", default=None)
if not Span.has_extension("move"):
    Span.set_extension("move", default=None)
if not Span.has_extension("move_confidence"):
    Span.set_extension("move_confidence", default=None)
if not Span.has_extension("moves_also"):
    Span.set_extension("moves_also", default=())

_FINAL = frozenset(".!?…")
# Moves worth naming as a sentence's second move: what the rules look for in the prose.
SECONDARY_MOVES = frozenset({"gratitude", "interest", "fit", "reference", "question", "next_steps"})
# Of those, the ones whose keyword cues are narrow enough to name a second move on their own
# (the fit and reference cues, "my", "hearing about", are too loose without the model).
CUED_MOVES = frozenset({"gratitude", "interest", "question", "next_steps"})


def message_doc(nlp: Language, message: Message, *, end: int | None = None) -> Doc:
    """A Doc of the message's body as the view shows it, carrying the zones for the pipeline.

    Run it with ``nlp(doc)`` or ``nlp.pipe(docs)``; character offsets in the Doc plus
    ``message.start`` are offsets into ``message.text``. ``end`` cuts the Doc short (an
    absolute offset, for drafts too long to analyse whole).
    """
    stop = message.end if end is None else max(message.start, min(end, message.end))
    doc = nlp.make_doc(message.view[message.start : stop])
    doc._.followup_message = message
    doc._.followup_base = message.start
    return doc


class LineBreaks:
    """Sets sentence starts from the message zones and keeps greeting and sign-off whole."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        message: Message | None = doc._.followup_message
        base = int(doc._.followup_base or 0)
        if message is None:
            message = read_message(doc.text)
            base = 0
        greet = message.zone("greeting")
        g_start, g_end = (greet[0].start - base, greet[0].end - base) if greet else (-1, -1)
        doc._.followup_greeting = (g_start, g_end) if greet else None
        block = [z for z in message.zones if z.kind in ("closing", "signature") and z.end > z.start]
        s_start = min(z.start for z in block) - base if block else None
        s_end = max(z.end for z in block) - base if block else None
        doc._.signoff_start = s_start
        doc._.followup_signoff = (s_start, s_end) if s_start is not None and s_end is not None else None
        breaks = {x - base for x in message.sentence_breaks}
        joins = {x - base for x in message.joins}
        prev: str = ""
        for i, token in enumerate(doc):
            if token.is_space:
                continue
            at = token.idx
            if i > 0:
                if s_start is not None and s_end is not None and s_start < at < s_end:
                    token.is_sent_start = False
                elif at in breaks or at == s_start:
                    token.is_sent_start = True
                elif g_start < at < g_end or (at in joins and prev[-1:] not in _FINAL):
                    token.is_sent_start = False
            prev = token.text
        return doc


@Language.factory(
    "followup_line_breaks",
    assigns=["token.is_sent_start", "doc._.signoff_start", "doc._.followup_greeting", "doc._.followup_signoff"],
)
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


def secondary_moves(text: str, primary: str, ranking: Sequence[tuple[str, float]]) -> tuple[str, ...]:
    """The other moves a sentence makes ("I'm very interested and look forward to next
    steps": interest, then next steps): a content move the model gives at least
    ``[moves] secondary_min`` of its probability, or one of :data:`CUED_MOVES` whose
    wording cues it; at most two."""
    from ..classifier.keywords import keyword_scores

    floor = number("moves", "secondary_min")
    found = [m for m, p in ranking[1:] if p >= floor and m in SECONDARY_MOVES]
    found += [m for m in keyword_scores(text, CUED_MOVES - {primary}) if m not in found]
    return tuple(m for m in found if m != primary)[:2]


class MoveTagger:
    """Labels sentences with moves using a labeller (the trained model or keywords)."""

    def __init__(self, labeller: Labeller) -> None:
        self.labeller = labeller

    def __call__(self, doc: Doc) -> Doc:
        sents = [s for s in doc.sents if s.text.strip()]
        ranked = getattr(self.labeller, "ranked_doc", None)
        if ranked is not None and sents:
            rankings: list[list[tuple[str, float]]] = ranked(doc, sents)
            labels = [r[0] for r in rankings]
        else:
            labels = self.labeller.label_doc(doc, sents) if sents else []
            rankings = [[label] for label in labels]
        sign = doc._.followup_signoff or (
            (doc._.signoff_start, len(doc.text)) if doc._.signoff_start is not None else None
        )
        greet = doc._.followup_greeting
        for sent, (move, conf), ranking in zip(sents, labels, rankings):
            # Layout outranks wording: the greeting zone is the greeting, and everything in
            # the sign-off block is sign-off, whatever the labeller said.
            if greet is not None and sent.start_char < greet[1] and greet[0] < sent.end_char:
                move, conf = "greeting", max(conf, 0.95)
            elif sign is not None and sign[0] <= sent.start_char < sign[1]:
                move, conf = "sign_off", max(conf, 0.95)
            sent._.move = move
            sent._.move_confidence = conf
            if move not in ("greeting", "sign_off"):
                sent._.moves_also = secondary_moves(sent.text, move, ranking)
        return doc


@Language.factory(
    "followup_moves",
    default_config={"labeller": "auto", "model_dir": None},
    assigns=["span._.move", "span._.move_confidence"],
    requires=["token.is_sent_start"],
)
def make_moves(nlp: Language, name: str, labeller: str, model_dir: str | None) -> MoveTagger:
    from ..classifier.labellers import get_labeller

    return MoveTagger(get_labeller(labeller, folder=model_dir))
