"""The door: what is analysed, and the verdicts for drafts that cannot be judged at all."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from ..analysis import WORD_RE
from ..config import Config
from ..context import Context
from ..draft import Draft
from ..errors import InputError
from ..lexicon import words
from ..message import Message, read_message
from ..sanitize import clean_text

DraftInput = str | Draft


@dataclass(frozen=True)
class Prepared:
    """A draft at the door: its context, the body text that goes through the pipeline
    (perhaps truncated), processing caveats, and a verdict when it cannot be judged."""

    draft: Draft
    context: Context
    analysed: str  # the candidate's own words of the body, as the message reader's view shows them
    caveats: tuple[str, ...]
    verdict: str | None = None
    message: Message | None = None


@cache
def _function_words() -> frozenset[str]:
    return words("language", "function_words")


def to_draft(text: object) -> Draft:
    if isinstance(text, Draft):
        return text
    if isinstance(text, str):
        return Draft.from_text(text)
    raise InputError(f"expected a str or Draft, got {type(text).__name__}")


def prepare(text: object, context: Context | None, config: Config) -> Prepared:
    """Check one draft and decide what of it is analysed."""
    draft = to_draft(text)
    ctx = context if context is not None else Context()
    if not isinstance(ctx, Context):
        raise TypeError(f"context must be a Context, got {type(ctx).__name__}")
    if ctx.send_date is None and draft.sent_at is not None:
        ctx = replace(ctx, send_date=draft.sent_at)
    caveats = list(draft.notes)
    text, replaced = clean_text(draft.text)
    if replaced:  # same length: every span still indexes the caller's string
        draft = replace(draft, text=text)
        caveats.extend(replaced)
    body = draft.body
    if not WORD_RE.search(body):
        return Prepared(draft, ctx, "", tuple(caveats), verdict="The draft is empty: there is nothing to judge.")
    start, end = draft.body_span
    message = read_message(draft.text, start=start, end=end)
    view = message.view[start:end]
    if not WORD_RE.search(view):
        kinds = sorted({z.kind for z in message.zones if z.kind not in ("body", "greeting", "closing")})
        what = ", ".join(kinds) or "a greeting and a sign-off"
        verdict = f"The draft has no words of its own to judge (only {what})."
        return Prepared(draft, ctx, "", tuple(caveats), verdict=verdict, message=message)
    limit = config.max_chars
    analysed = view
    if len(view) > limit:
        cut = view.rfind(" ", 0, limit)
        analysed = view[: cut if cut > limit // 2 else limit]
        caveats.append(
            f"The draft has {len(body):,} characters; only the first {len(analysed):,} were analysed "
            "(a follow-up should be far shorter)."
        )
    found = [w.lower() for w in WORD_RE.findall(analysed[:5000])]
    if len(found) >= 12:
        share = sum(1 for w in found if w in _function_words()) / len(found)
        if share < 0.1:
            verdict = "The draft does not look like English; followup-lint judges English drafts only."
            return Prepared(draft, ctx, analysed, tuple(caveats), verdict=verdict, message=message)
    return Prepared(draft, ctx, analysed, tuple(caveats), message=message)
