"""The Analyzer: loads the pipeline, the move labeller and the grammar backend once, then
turns drafts into reports."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .analysis import WORD_RE, Analysis, Unit, Word
from .config import Config
from .context import Context
from .draft import Draft, InputError
from .grammar.base import GrammarIssue
from .grammar.checker import GrammarChecker
from .report import Evidence, Report, SentenceLabel, Span, Suggestion
from .rules import all_rules
from .rules.base import Finding, Rule
from .scoring import score
from .stage import infer_stage
from .stats import LazyStats, paragraphs, readability
from .types import Dimension, Stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "about",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "i",
        "you",
        "we",
        "it",
        "this",
        "that",
        "my",
        "your",
        "our",
        "me",
        "us",
        "thank",
        "thanks",
        "please",
        "would",
        "will",
        "can",
        "could",
        "have",
        "has",
        "had",
        "not",
        "so",
        "if",
        "all",
        "any",
        "more",
        "very",
    ]
)
DraftInput = str | Draft


@dataclass
class _Prepared:
    draft: Draft
    context: Context
    analysed: str  # the body text that goes through the pipeline (maybe truncated)
    notes: list[str]
    verdict: str | None = None  # set when the draft cannot be judged at all


class Analyzer:
    """Reusable analyzer. Heavy parts (spaCy, the move model, LanguageTool) load on first use.

    >>> analyzer = Analyzer(config=Config(grammar="builtin"))
    >>> report = analyzer.analyze("Dear Sam,\\n\\nThank you for the interview.\\n\\nBest,\\nAna")
    >>> report.dimensions["gratitude"].score
    100.0
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = (config or Config()).with_(**options) if options else (config or Config())
        self._nlp: Language | None = None
        self._grammar: GrammarChecker | None = None
        self._lock = threading.Lock()

    # -- heavy parts, loaded lazily -----------------------------------------------------------
    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    from .nlp.loading import load_pipeline

                    self._nlp = load_pipeline(self.config.spacy_model, labeller=self.config.labeller)
        return self._nlp

    @property
    def grammar(self) -> GrammarChecker:
        if self._grammar is None:
            self._grammar = GrammarChecker(self.config.grammar, languagetool_url=self.config.languagetool_url)
        return self._grammar

    def close(self) -> None:
        if self._grammar is not None:
            self._grammar.close()

    # -- public API ---------------------------------------------------------------------------
    def analyze(self, text: DraftInput, context: Context | None = None, **options: Any) -> Report:
        """Analyse one draft. ``options`` override config fields for this call only."""
        if options:
            return Analyzer(self.config.with_(**options))._share(self).analyze(text, context)
        prepared = self._prepare(text, context)
        if prepared.verdict is not None:
            return self._unjudged(prepared)
        pending = self.grammar.start(prepared.analysed)  # LanguageTool works while spaCy reads
        doc = self.nlp(prepared.analysed)
        return self._finish(prepared, doc, pending)

    def analyze_many(
        self,
        texts: Iterable[DraftInput],
        contexts: Iterable[Context | None] | None = None,
        *,
        batch_size: int = 32,
        n_process: int = 1,
    ) -> list[Report]:
        """Analyse many drafts, running spaCy over them in batches (``nlp.pipe``).

        ``n_process > 1`` spreads the drafts over that many worker processes (worth it from a
        few dozen drafts; each worker loads its own pipeline unless the platform can fork).
        """
        items = list(texts)
        ctx_list = list(contexts) if contexts is not None else [None] * len(items)
        if len(ctx_list) != len(items):
            raise ValueError(f"{len(items)} drafts but {len(ctx_list)} contexts")
        if n_process < 1:
            raise ValueError(f"n_process must be at least 1, got {n_process}")
        if n_process > 1 and len(items) > 1:
            from .parallel import analyze_in_processes

            self.nlp  # load before forking, so workers inherit the pipeline  # noqa: B018
            return analyze_in_processes(self.config, items, ctx_list, n_process, chunk_size=batch_size // 2 or 1)
        prepared = [self._prepare(t, c) for t, c in zip(items, ctx_list)]
        todo = [p for p in prepared if p.verdict is None]
        # LanguageTool answers one batch ahead of spaCy, in the background.
        position = {id(p): i for i, p in enumerate(todo)}
        pending: dict[int, Future[Any] | None] = {}
        docs = iter(self.nlp.pipe((p.analysed for p in todo), batch_size=batch_size))
        reports = []
        ahead = 0
        for p in prepared:
            if p.verdict is not None:
                reports.append(self._unjudged(p))
                continue
            i = position[id(p)]
            while ahead < min(len(todo), i + batch_size):
                pending[ahead] = self.grammar.start(todo[ahead].analysed)
                ahead += 1
            reports.append(self._finish(p, next(docs), pending.pop(i, None)))
        return reports

    # -- steps --------------------------------------------------------------------------------
    def _share(self, other: Analyzer) -> Analyzer:
        if self.config.labeller == other.config.labeller and self.config.spacy_model == other.config.spacy_model:
            self._nlp = other._nlp
        if (
            self.config.grammar == other.config.grammar
            and self.config.languagetool_url == other.config.languagetool_url
        ):
            self._grammar = other._grammar
        return self

    def _prepare(self, text: DraftInput, context: Context | None) -> _Prepared:
        if isinstance(text, Draft):
            draft = text
        elif isinstance(text, str):
            draft = Draft.from_text(text)
        else:
            raise InputError(f"expected a str or Draft, got {type(text).__name__}")
        ctx = context or Context()
        if not isinstance(ctx, Context):
            raise TypeError(f"context must be a Context, got {type(ctx).__name__}")
        if ctx.send_date is None and draft.sent_at is not None:
            ctx = replace(ctx, send_date=draft.sent_at)
        notes = list(draft.notes)
        body = draft.body
        if not WORD_RE.search(body):
            return _Prepared(draft, ctx, "", notes, verdict="The draft is empty: there is nothing to judge.")
        limit = self.config.max_chars
        analysed = body
        if len(body) > limit:
            cut = body.rfind(" ", 0, limit)
            analysed = body[: cut if cut > limit // 2 else limit]
            notes.append(
                f"The draft has {len(body):,} characters; only the first {len(analysed):,} were analysed "
                "(a follow-up should be far shorter)."
            )
        words = [w.lower() for w in WORD_RE.findall(analysed[:5000])]
        if len(words) >= 12:
            share = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS) / len(words)
            if share < 0.1:
                return _Prepared(
                    draft,
                    ctx,
                    analysed,
                    notes,
                    verdict="The draft does not look like English; followup-lint judges English drafts only.",
                )
        return _Prepared(draft, ctx, analysed, notes)

    def _unjudged(self, p: _Prepared) -> Report:
        reason = p.verdict or ""
        dims = {d.value: _dimension_unjudged(d, reason) for d in Dimension}
        return Report(
            text=p.draft.text,
            score=None,
            stage=p.context.stage,
            stage_source="given" if p.context.stage is not Stage.AUTO else "not judged",
            dimensions=dims,
            suggestions=(),
            sentences=(),
            stats={"words": len(WORD_RE.findall(p.draft.body)), "sentences": 0, "paragraphs": 0},
            grammar={"backend": "off", "note": "not run: " + reason},
            versions=self._versions(None),
            subject_span=p.draft.subject_span,
            body_span=p.draft.body_span,
            source=p.draft.source,
            notes=(reason, *p.notes),
            context=p.context.to_dict(),
        )

    def _finish(self, p: _Prepared, doc: Doc, pending: Future[Any] | None = None) -> Report:
        draft, ctx = p.draft, p.context
        base = draft.body_span[0]
        units = _units(doc, base)
        words = [
            Word(base + t.idx, base + t.idx + len(t.text), t.text, t.tag_, t.tag_ in ("NNP", "NNPS"))
            for t in doc
            if WORD_RE.fullmatch(t.text)
        ]
        sign = doc._.signoff_start
        stage, stage_source = self._stage(ctx, units)
        accepted = _accepted_words(ctx, self.config, words)
        run = self.grammar.check(p.analysed, accepted_words=accepted, pending=pending)
        issues = [replace(i, start=i.start + base, end=i.end + base) for i in run.issues]
        analysis = Analysis(
            draft=draft,
            context=ctx,
            config=self.config,
            stage=stage,
            units=units,
            words=words,
            doc=doc,
            grammar_issues=_filter_grammar(issues, draft.text, accepted),
            grammar_backend=run.backend,
            signoff_char=None if sign is None else base + sign,
            truncated_at=base + len(p.analysed) if len(p.analysed) < len(draft.body) else None,
        )
        suggestions, failures = self._run_rules(analysis)
        notes = [*p.notes, *failures]
        unjudged: dict[Dimension, str] = {}
        if run.backend == "off":
            unjudged[Dimension.GRAMMAR] = "grammar checking is off"
        if ctx.interview_date is None or (ctx.send_date is None):
            unjudged[Dimension.TIMING] = "needs the interview date and the send date"
        dim_notes = {Dimension.GRAMMAR: run.note} if run.backend != "off" else {}
        sheet = score(
            suggestions,
            stage=stage,
            evidence=_evidence(analysis),
            unjudged=unjudged,
            notes=dim_notes,
            weight_overrides=self.config.weights,
        )
        prose = " ".join(u.text for u in analysis.prose_units)
        values: dict[str, Any] = {
            "words": len(WORD_RE.findall(draft.body)),
            "prose_words": analysis.prose_word_count,
            "sentences": len(analysis.prose_units),
            "paragraphs": paragraphs(draft.body),
            "score_detail": {
                "weighted_mean": sheet.weighted_mean,
                "weakest": sheet.weakest,
                "error_points": sheet.error_points,
            },
        }
        stats = LazyStats(values, {"readability": partial(readability, prose)})  # picklable, for workers
        return Report(
            text=draft.text,
            score=sheet.overall,
            stage=stage,
            stage_source=stage_source,
            dimensions=sheet.dimensions,
            suggestions=tuple(suggestions),
            sentences=tuple(SentenceLabel(u.start, u.end, u.text, u.move, u.confidence) for u in units),
            stats=stats,
            grammar={"backend": run.backend, "note": run.note},
            versions=self._versions(doc),
            subject_span=draft.subject_span,
            body_span=draft.body_span,
            source=draft.source,
            notes=tuple(notes),
            context=ctx.to_dict(),
        )

    def _stage(self, ctx: Context, units: Sequence[Unit]) -> tuple[Stage, str]:
        if ctx.stage is not Stage.AUTO:
            return ctx.stage, "given"
        days = None
        if ctx.interview_date and ctx.send_date:
            days = (
                ctx.send_date.replace(tzinfo=None) - ctx.interview_date.replace(tzinfo=None)
            ).total_seconds() / 86400
        stage, why = infer_stage([u.text for u in units], [u.move for u in units], days_since=days)
        return stage, f"inferred: {why}"

    def _run_rules(self, a: Analysis) -> tuple[list[Suggestion], list[str]]:
        out: list[Suggestion] = []
        failures: list[str] = []
        seen: set[tuple[str, int, int]] = set()
        for r in all_rules():
            if not self.config.rule_enabled(r.code, r.name, r.enabled):
                continue
            try:
                findings = list(r.check(a))
            except Exception as exc:  # one faulty rule must not cost the user the whole report
                log.exception("rule %s failed", r.code)
                failures.append(f"rule {r.code} {r.name} could not run ({type(exc).__name__}: {exc})")
                continue
            for f in findings:
                key = (r.code, f.start, f.end)
                if key in seen:
                    continue
                seen.add(key)
                out.append(self._suggestion(a, r, f))
        out = _drop_grammar_echoes(out)
        out.sort(key=lambda s: (s.span.start, s.span.end, s.code))
        return out, failures

    def _suggestion(self, a: Analysis, r: Rule, f: Finding) -> Suggestion:
        text = a.text
        start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
        start, end = min(start, end), max(start, end)
        subj = a.draft.subject_span
        field = "subject" if subj is not None and subj[0] <= start <= subj[1] and end <= subj[1] else "body"
        if subj is not None and start < a.body_start and field == "body":
            field = "subject"
        severity = self.config.severity_for(r.code, r.name, f.severity or r.severity)
        return Suggestion(
            code=r.code,
            name=r.name,
            dimension=r.dimension,
            severity=severity,
            message=f.message,
            why=f.why or r.why,
            span=Span.of(text, start, end, field),
            text=text[start:end],
            fix=f.fix,
            replacements=tuple(x for x in f.replacements if x is not None),
            source_rule=f.source_rule,
        )

    def _versions(self, doc: Doc | None) -> dict[str, str]:
        versions = {"followup_lint": __version__}
        if doc is not None:
            import spacy

            from .nlp.loading import model_version

            versions["spacy"] = str(spacy.about.__version__)
            versions["spacy_model"] = model_version(self.nlp)
            labeller: Any = getattr(self.nlp.get_pipe("followup_moves"), "labeller", None)
            versions["move_labeller"] = f"{labeller.name}-{labeller.version}"
        return versions


# Rules that flag words a grammar checker may flag too (slang as a misspelling, "!!!" as
# punctuation, "[Job Title]" as unpaired brackets, capitals as casing).
_ECHOED_BY_GRAMMAR = frozenset({"FM001", "FM002", "FM003", "FM004", "FM006", "ST003"})


def _drop_grammar_echoes(found: list[Suggestion]) -> list[Suggestion]:
    """A grammar finding on words another rule already flagged (slang "thx", an emoji, a
    placeholder) says the same thing twice; keep the more specific one."""
    word_level = [(s.span.start, s.span.end) for s in found if s.code in _ECHOED_BY_GRAMMAR]
    return [
        s
        for s in found
        if s.dimension is not Dimension.GRAMMAR or not any(a < s.span.end and s.span.start < b for a, b in word_level)
    ]


def _dimension_unjudged(d: Dimension, reason: str) -> Any:
    from .report import DimensionScore

    return DimensionScore(d, None, (), (), reason)


def _units(doc: Doc, base: int) -> list[Unit]:
    units: list[Unit] = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = base + sent.start_char + lead
        move = sent._.move or "other"
        conf = float(sent._.move_confidence or 0.0)
        units.append(Unit(start, start + len(stripped), stripped, move, conf, len(units)))
    return units


def _accepted_words(ctx: Context, config: Config, words: Sequence[Word]) -> frozenset[str]:
    names = [*ctx.interviewers, ctx.company or "", ctx.role or "", ctx.candidate or "", *ctx.topics]
    accepted = {w.lower() for n in names for w in re.findall(r"[\w'’-]+", n)}
    accepted.update(v.lower() for v in config.vocabulary)
    # proper nouns the tagger found (people, companies, products) are not spelling errors
    accepted.update(w.text.lower() for w in words if w.is_propn and w.text[:1].isupper())
    return frozenset(accepted)


def _filter_grammar(issues: Sequence[GrammarIssue], text: str, accepted: frozenset[str]) -> list[GrammarIssue]:
    """Drop spelling findings on accepted words (the backend may not know our vocabulary)."""
    out = []
    for issue in issues:
        if issue.kind == "spelling" and text[issue.start : issue.end].lower() in accepted:
            continue
        out.append(issue)
    return out


def _evidence(a: Analysis) -> dict[Dimension, list[Evidence]]:
    from .rules.gratitude import gratitude_units
    from .rules.interest import fit_units, interest_units
    from .rules.references import reference_units, topic_mentions

    def ev(units: Iterable[Unit], label: str) -> list[Evidence]:
        return [Evidence(u.start, u.end, u.text, label) for u in units]

    out: dict[Dimension, list[Evidence]] = {
        Dimension.GRATITUDE: ev(gratitude_units(a), "thanks the reader"),
        Dimension.INTEREST: ev(interest_units(a), "expresses interest") + ev(fit_units(a), "says why you fit"),
        Dimension.REFERENCES: ev(reference_units(a), "recalls the conversation")
        + [Evidence(s, e, a.text[s:e], f"names the topic “{t}”") for s, e, t in topic_mentions(a)],
        Dimension.STRUCTURE: ev([a.greeting] if a.greeting else [], "greeting")
        + ev(a.units_with("next_steps"), "looks ahead")
        + ev([a.signoff] if a.signoff else [], "sign-off"),
        Dimension.TONE: ev(a.units_with("pressure"), "may read as pressure (classifier)"),
        Dimension.LENGTH: [],
    }
    return out
