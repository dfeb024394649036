"""``check_panel``: the notes to one interview's panel, each checked alone and then together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import Config
from ..context import Context
from ..errors import ConfigError, InputError
from ..report import Report, SentenceLabel, Span, Suggestion
from ..types import Severity
from . import _copies, _names
from ._report import CopiedSentence, NearCopy, PanelDraft, PanelReport
from ._rules import NEAR_COPY, WRONG_NAME, PanelRule, PanelSelection, settings

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..analyzer import Analyzer, DraftInput
    from ..options import Options


def check_panel(
    drafts: Sequence[DraftInput],
    contexts: Sequence[Context | None] | None = None,
    *,
    names: Sequence[str] | None = None,
    panel: Sequence[str] = (),
    analyzer: Analyzer | None = None,
    config: Config | None = None,
    **options: Unpack[Options],
) -> PanelReport:
    """Check the notes a candidate wrote to the members of one interview panel.

    Each draft gets the single-draft check, then the panel's: RF008 ``panel-near-copy`` (notes
    to different people that are mostly the same sentences) and RF009 ``panel-wrong-name``
    (a note that greets, or speaks to, another member of the panel). A draft's addressee is the
    one interviewer its context names; else the name in its greeting, read against the panel.
    The panel is ``panel`` (its members' names) and every interviewer the contexts name.
    ``names`` label the drafts (default ``draft 1``, ...). Pass ``analyzer`` to reuse a loaded one (its
    configuration is then used as it is), or ``config`` / ``options`` as for :func:`analyze`.

    Fewer than one draft is an :class:`InputError`; one draft gets its own check and a note.
    """
    if isinstance(drafts, (str, bytes)):
        raise InputError("check_panel takes a list of drafts, one per panel member")
    items = list(drafts)
    limit = int(settings("panel")["max_drafts"])
    if not items:
        raise InputError("a panel check needs the drafts, one per panel member; got none")
    if len(items) > limit:
        raise InputError(f"{len(items)} drafts is not one panel (at most {limit}); use batch for a class's drafts")
    ctx = [c or Context() for c in (contexts if contexts is not None else [None] * len(items))]
    if len(ctx) != len(items):
        raise ConfigError(f"{len(items)} drafts but {len(ctx)} contexts")
    labels = list(names) if names is not None else [f"draft {i + 1}" for i in range(len(items))]
    if len(labels) != len(items):
        raise ConfigError(f"{len(items)} drafts but {len(labels)} names")
    if analyzer is not None and (config is not None or options):
        raise ConfigError("pass either an analyzer or config/options, not both")
    base = analyzer.config if analyzer is not None else (config or Config()).with_(**options)
    selection = PanelSelection.from_config(base)
    if analyzer is not None:
        reports = analyzer.analyze_many(items, ctx)
    else:
        from ..analyzer import Analyzer

        with Analyzer(selection.drafts_config) as own:
            reports = own.analyze_many(items, ctx)
    if not selection.own_findings:
        reports = [replace(r, suggestions=()) for r in reports]
    if isinstance(panel, str):
        panel = Context(interviewer=panel).interviewers
    return _together(reports, ctx, labels, selection, tuple(panel))


def _together(
    reports: list[Report], contexts: list[Context], labels: list[str], sel: PanelSelection, panel: tuple[str, ...]
) -> PanelReport:
    notes: list[str] = []
    people = _names.merge_people([*panel, *(p for c in contexts for p in c.interviewers)])
    addressees: list[tuple[str | None, str]] = []
    for report, context in zip(reports, contexts):
        addressees.append(_addressee(report, context, people))
    people = _names.merge_people([*people, *(a for a, _ in addressees if a)])
    # a greeting "Hi Priya" and a panel list naming Priya Raman: call her by the full name
    addressees = [
        (next((p for p in people if _names.same_person(p, a)), a) if a else None, src) for a, src in addressees
    ]
    if len(reports) == 1:
        notes.append("one draft: nothing to compare it with, so only its own check ran")
    for i, (a, _) in enumerate(addressees):
        for j in range(i):
            other = addressees[j][0]
            if a and other and _names.same_person(a, other):
                notes.append(f"{labels[j]} and {labels[i]} are both to {a}; is one of them meant for someone else?")
    unknown = [labels[i] for i, (a, _) in enumerate(addressees) if a is None]
    if unknown and len(reports) > 1:
        notes.append(
            f"no addressee for {', '.join(unknown)} (no single interviewer in its context, no name in its greeting); "
            "its names were not checked"
        )
    found: list[list[Suggestion]] = [[] for _ in reports]
    copies: tuple[NearCopy, ...] = ()
    if NEAR_COPY in sel.rules and len(reports) > 1:
        copies = _near_copies(reports, people, addressees, labels, found, sel.severity(NEAR_COPY), notes)
    if WRONG_NAME in sel.rules and len(people) > 1:
        for k, (report, (addressee, _)) in enumerate(zip(reports, addressees)):
            if addressee:
                found[k].extend(_wrong_names(report, addressee, people, sel.severity(WRONG_NAME)))
    drafts = tuple(
        PanelDraft(label, a, src, _with(report, extra))
        for label, report, (a, src), extra in zip(labels, reports, addressees, found)
    )
    return PanelReport(drafts, people, copies, tuple(notes))


def _addressee(report: Report, context: Context, people: Sequence[str]) -> tuple[str | None, str]:
    if len(context.interviewers) == 1:
        return context.interviewers[0], "context"
    greeted = _names.greeting_names(report)
    if not greeted:
        return None, "unknown"
    said = " ".join(g.text for g in greeted)
    on_panel = [p for p in people if any(_names.same_person(g.text, p) for g in greeted)]
    if len(on_panel) == 1:
        return on_panel[0], "greeting"
    if on_panel:  # "Dear Maria and Priya": a note to several; no single reader to check
        return None, "unknown"
    return said, "greeting"


def _with(report: Report, extra: list[Suggestion]) -> Report:
    if not extra:
        return report
    merged = sorted((*report.suggestions, *extra), key=lambda s: (s.span.start, s.span.end, s.code))
    return replace(report, suggestions=tuple(merged))


def _finding(
    report: Report, rule: PanelRule, severity: Severity, start: int, end: int, message: str, fix: str | None = None
) -> Suggestion:
    return Suggestion(
        code=rule.code,
        name=rule.name,
        dimension=rule.dimension,
        severity=severity,
        message=message,
        why=rule.why,
        span=Span.of(report.text, start, end, _field(report, start)),
        text=report.text[start:end],
        fix=fix,
        replacements=(fix,) if fix is not None else (),
    )


def _field(report: Report, start: int) -> str:
    s = report.subject_span
    return "subject" if s is not None and s[0] <= start < s[1] else "body"


def _content(report: Report) -> list[SentenceLabel]:
    """The sentences that make up the note: those in its body zones, so neither the greeting,
    the closing and signature (the same frame in every note) nor quoted text. Zones, not the
    move labels: "Thank you again, Maria." inside the body is labelled a sign-off, yet it is
    the note's own text."""
    body = [(int(z["start"]), int(z["end"])) for z in report.zones if z.get("kind") == "body"]
    return [s for s in report.sentences if any(a <= s.start < b for a, b in body)]


def _near_copies(
    reports: list[Report],
    people: Sequence[str],
    addressees: list[tuple[str | None, str]],
    labels: list[str],
    found: list[list[Suggestion]],
    severity: Severity,
    notes: list[str],
) -> tuple[NearCopy, ...]:
    cfg = settings("near_copy")
    blank = frozenset(t.lower() for p in people for t in _names.name_tokens(p))
    per_draft: list[list[_copies.Sentence]] = []
    most = int(cfg["max_sentences"])
    for r, label in zip(reports, labels):
        sents = []
        content = _content(r)
        if len(content) > most:
            notes.append(f"{label} has {len(content)} sentences; only its first {most} were compared")
        for u in content[:most]:
            w = _copies.words_of(r.text[u.start : u.end], blank, limit=int(cfg["max_words"]))
            if len(w) >= int(cfg["min_words"]):
                sents.append(_copies.sentence(u.start, u.end, w))
        per_draft.append(sents)
    matches = _copies.find_matches(
        per_draft, similarity=float(cfg["similarity"]), max_postings=int(cfg["max_postings"])
    )
    pairs = []
    for (i, j), ms in sorted(matches.items()):
        n_i, n_j = len(per_draft[i]), len(per_draft[j])
        share = 2 * len(ms) / (n_i + n_j)
        if share < float(cfg["min_share"]) or len(ms) < int(cfg["min_sentences"]):
            continue
        copied = tuple(
            CopiedSentence(
                Span.of(reports[i].text, per_draft[i][m.a].start, per_draft[i][m.a].end),
                Span.of(reports[j].text, per_draft[j][m.b].start, per_draft[j][m.b].end),
                m.similarity,
            )
            for m in ms
        )
        pairs.append(NearCopy(i, j, share, (n_i, n_j), copied))
    # one finding per copied sentence per note, naming every other note that has it
    others: dict[tuple[int, int, int], list[tuple[int, NearCopy, bool]]] = {}
    for pair in pairs:
        for c in pair.sentences:
            exact = c.similarity >= 1.0
            others.setdefault((pair.a, c.a.start, c.a.end), []).append((pair.b, pair, exact))
            others.setdefault((pair.b, c.b.start, c.b.end), []).append((pair.a, pair, exact))
    for (k, start, end), where in sorted(others.items()):
        best = max(where, key=lambda w: w[1].share)
        who = [_reader(addressees[o][0], labels[o]) for o, _, _ in where]
        same = "the same as" if all(e for _, _, e in where) else "the same or nearly the same as"
        pair = best[1]
        mine, closest = (pair.compared[0], pair.b) if k == pair.a else (pair.compared[1], pair.a)
        notes_word = "note" if len(who) == 1 else "notes"
        message = (
            f"This sentence is {same} one in your {notes_word} to {_join(who)}; {len(pair.sentences)} of this "
            f"note's {mine} sentences are in the note to {_reader(addressees[closest][0], labels[closest])}."
        )
        found[k].append(_finding(reports[k], NEAR_COPY, severity, start, end, message))
    return tuple(pairs)


def _reader(addressee: str | None, label: str) -> str:
    return addressee or label


def _join(names: list[str], most: int = 3) -> str:
    if len(names) > most:  # a panel of fifty is named by its first few
        names = [*names[: most - 1], f"{len(names) - most + 1} others"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _wrong_names(report: Report, addressee: str, people: Sequence[str], severity: Severity) -> list[Suggestion]:
    """Another member's name used to speak to the reader. A greeting that names another member
    is RF003 wrong-interviewer's: a note whose context names its one interviewer gets it from
    the single-draft check, and a note without one takes its addressee from that greeting."""
    own = _names.name_tokens(addressee)
    others = [p for p in people if not _names.same_person(p, addressee)]
    out: list[Suggestion] = []
    apposition = frozenset(w.lower() for w in settings("wrong_name")["apposition_nouns"])
    sentences = _content(report)
    for other in others:
        forms = _names.name_forms(other, except_words=own)
        for start, end in _names.vocatives(report, sentences, forms, apposition):
            said = report.text[start:end]
            fix = own[0] if len(said.split()) == 1 else addressee
            out.append(
                _finding(
                    report,
                    WRONG_NAME,
                    severity,
                    start,
                    end,
                    f"This speaks to “{said}”, but the note is to {addressee}; {other} is another member of the panel.",
                    fix=fix,
                )
            )
    return out
