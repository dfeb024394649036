"""followup-lint's spaCy components, registered the spaCy way.

- ``followup_line_breaks`` (before ``senter``): a line break ends a sentence, the greeting
  line is one unit and the sign-off block ("Best regards,\\nJordan Lee\\n555-0100") is one
  unit. It sets ``Token.is_sent_start`` only, so ``senter`` fills in the rest.
- ``followup_moves`` (last): labels each sentence with its move and a confidence, in
  ``Span._.move`` / ``Span._.move_confidence``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from .segment import greeting_index, is_greeting_line, lines_of, signoff_start

if TYPE_CHECKING:
    from ..classifier.protocol import Labeller

if not Doc.has_extension("signoff_start"):
    Doc.set_extension("signoff_start", default=None)
if not Span.has_extension("move"):
    Span.set_extension("move", default=None)
if not Span.has_extension("move_confidence"):
    Span.set_extension("move_confidence", default=None)


class LineBreaks:
    """Sets sentence starts at line breaks and keeps greeting and sign-off blocks whole."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        text = doc.text
        lines = lines_of(text)
        starts = {line.start for line in lines}
        sign = signoff_start(lines)
        sign_char = lines[sign].start if sign is not None else None
        doc._.signoff_start = sign_char
        greet = greeting_index(lines)
        greet_end = lines[greet].end if greet is not None else -1
        for i, token in enumerate(doc):
            if i == 0:
                continue
            if token.is_space:
                continue
            if sign_char is not None and token.idx > sign_char:
                token.is_sent_start = False
            elif token.idx in starts:
                token.is_sent_start = True
            elif token.idx < greet_end:
                token.is_sent_start = False
        return doc


@Language.factory(
    "followup_line_breaks",
    assigns=["token.is_sent_start", "doc._.signoff_start"],
)
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


class MoveTagger:
    """Labels sentences with moves using a labeller (the trained model or keywords)."""

    def __init__(self, labeller: Labeller) -> None:
        self.labeller = labeller

    def __call__(self, doc: Doc) -> Doc:
        sents = [s for s in doc.sents if s.text.strip()]
        labels = self.labeller.label_doc(doc, sents) if sents else []
        sign = doc._.signoff_start
        for i, (sent, (move, conf)) in enumerate(zip(sents, labels)):
            # Layout outranks wording: the first line shaped like a salutation is the greeting,
            # and everything in the sign-off block is sign-off, whatever the labeller said.
            if i == 0 and is_greeting_line(sent.text.strip()):
                move, conf = "greeting", max(conf, 0.95)
            elif sign is not None and sent.start_char >= sign:
                move, conf = "sign_off", max(conf, 0.95)
            sent._.move = move
            sent._.move_confidence = conf
        return doc


@Language.factory(
    "followup_moves",
    default_config={"labeller": "auto", "model_dir": None},
    assigns=["span._.move", "span._.move_confidence"],
    requires=["token.is_sent_start"],
)
def make_moves(nlp: Language, name: str, labeller: str, model_dir: str | None) -> MoveTagger:
    from ..classifier.labellers import get_labeller

    return MoveTagger(get_labeller(labeller, model_dir=model_dir))
