"""The Analyzer: loads the pipeline, the move labeller and the grammar backend once, then
turns drafts into reports. It only wires the steps of ``engine/`` together."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .config import Config
from .context import Context
from .engine.assemble import assemble_report, unjudged_report
from .engine.build import accepted_words, build_analysis
from .engine.intake import DraftInput, Prepared, prepare
from .errors import ConfigError
from .grammar.checker import GrammarChecker
from .report import Report
from .rules.dimensions import evidence_of, graded_of, notes_of, stage_elements, unjudged_of
from .rules.runner import run_rules
from .rules.selection import Selection
from .sanitize import tokenizer_safe
from .scoring import score

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from typing_extensions import Unpack

    from .options import Options

__all__ = ["Analyzer", "DraftInput"]


class Analyzer:
    """Reusable analyzer. Heavy parts (spaCy, the move model, the grammar backend) load on
    first use; use it as a context manager, or call :meth:`close`, to let go of them.

    >>> with Analyzer(grammar="builtin") as analyzer:
    ...     report = analyzer.analyze("Dear Sam,\\n\\nThank you for the interview.\\n\\nBest,\\nAna")
    >>> report.dimensions["gratitude"].score
    100.0
    """

    def __init__(self, config: Config | None = None, **options: Unpack[Options]) -> None:
        base = config if config is not None else Config()
        if not isinstance(base, Config):
            raise ConfigError(f"config must be a Config, got {type(base).__name__}")
        self.config = base.with_(**options)
        self.selection = Selection.from_config(self.config)
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

                    self._nlp = load_pipeline(
                        self.config.spacy_model, labeller=self.config.labeller, model_dir=self.config.model_dir
                    )
        return self._nlp

    @property
    def grammar(self) -> GrammarChecker:
        if self._grammar is None:
            self._grammar = GrammarChecker(self.config.grammar, languagetool_url=self.config.languagetool_url)
        return self._grammar

    def close(self) -> None:
        if self._grammar is not None:
            self._grammar.close()

    def __enter__(self) -> Analyzer:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    # -- public API ---------------------------------------------------------------------------
    def analyze(self, text: DraftInput, context: Context | None = None, **options: Unpack[Options]) -> Report:
        """Analyse one draft. ``options`` override config fields for this call only."""
        if options:
            return Analyzer(self.config.with_(**options))._share(self).analyze(text, context)
        return self.analyze_batch([(text, context)])[0]

    def analyze_many(
        self,
        texts: Iterable[DraftInput],
        contexts: Iterable[Context | None] | None = None,
        *,
        batch_size: int = 32,
        n_process: int = 1,
        on_report: Callable[[Report], None] | None = None,
    ) -> list[Report]:
        """Analyse many drafts, running spaCy over them in batches (``nlp.pipe``).

        ``n_process > 1`` spreads the drafts over that many worker processes (worth it from a
        few dozen drafts; each worker loads its own pipeline unless the platform can fork).
        ``on_report`` is called with each report as it is made (with workers, as each chunk
        comes back), for example to drive a progress bar; the reports are still returned in
        input order.
        """
        if isinstance(texts, (str, bytes)):
            raise TypeError("analyze_many takes a list of drafts; for one draft, call analyze()")
        items = list(texts)
        ctx_list = list(contexts) if contexts is not None else [None] * len(items)
        if len(ctx_list) != len(items):
            raise ConfigError(f"{len(items)} drafts but {len(ctx_list)} contexts")
        for name, value in (("batch_size", batch_size), ("n_process", n_process)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name} must be a whole number of at least 1, got {value!r}")
        pairs = list(zip(items, ctx_list))
        if n_process > 1 and len(pairs) > 1:
            from .runners import in_processes

            self.nlp  # load before forking, so workers inherit the pipeline  # noqa: B018
            return in_processes(
                partial(Analyzer, self.config), pairs, n_process, chunk_size=batch_size // 2 or 1, on_report=on_report
            )
        return self.analyze_batch(pairs, batch_size=batch_size, on_report=on_report)

    def analyze_batch(
        self,
        pairs: Sequence[tuple[DraftInput, Context | None]],
        *,
        batch_size: int = 32,
        on_report: Callable[[Report], None] | None = None,
    ) -> list[Report]:
        """The engine: reports for ``(draft, context)`` pairs, in order, in this process."""
        prepared = [prepare(t, c, self.config) for t, c in pairs]
        todo = [p for p in prepared if p.verdict is None]
        # The grammar server answers one batch ahead of spaCy, in the background.
        position = {id(p): i for i, p in enumerate(todo)}
        pending: dict[int, Future[Any] | None] = {}
        if todo:
            self.grammar.preload()  # Harper's linter builds while spaCy loads (next line)
        docs = iter(self.nlp.pipe((self._doc(p) for p in todo), batch_size=batch_size)) if todo else iter(())
        reports = []
        ahead = 0
        for p in prepared:
            if p.verdict is not None:
                reports.append(unjudged_report(p, self._versions(None)))
            else:
                i = position[id(p)]
                while ahead < min(len(todo), i + batch_size):
                    pending[ahead] = self.grammar.start(todo[ahead].analysed)
                    ahead += 1
                reports.append(self._finish(p, next(docs), pending.pop(i, None)))
            if on_report is not None:
                on_report(reports[-1])
        return reports

    # -- steps --------------------------------------------------------------------------------
    def _doc(self, p: Prepared) -> Doc:
        """The body as spaCy sees it: the reader's view (same length as the text), with long
        runs of one character broken so the tokenizer stays linear, carrying the zones."""
        doc = self.nlp.make_doc(tokenizer_safe(p.analysed))
        doc._.followup_message = p.message
        doc._.followup_base = p.draft.body_span[0]
        return doc

    def _share(self, other: Analyzer) -> Analyzer:
        if self.config.labeller == other.config.labeller and self.config.spacy_model == other.config.spacy_model:
            self._nlp = other._nlp
        if (self.config.grammar, self.config.languagetool_url) == (other.config.grammar, other.config.languagetool_url):
            self._grammar = other._grammar
        return self

    def _finish(self, p: Prepared, doc: Doc, pending: Future[Any] | None) -> Report:
        accepted = accepted_words(p.context, self.config, doc)
        tokens = [(t.idx, t.text, t.tag_) for t in doc]
        run = self.grammar.check(p.analysed, accepted_words=accepted, pending=pending, tokens=tokens)
        analysis = build_analysis(p, doc, run, accepted, self.config)
        suggestions, failures = run_rules(analysis, self.selection)
        fallback = self._labeller_fallback()
        if fallback:
            failures = [*failures, fallback]
        sheet = score(
            suggestions,
            stage=analysis.stage,
            evidence=evidence_of(analysis),
            unjudged=unjudged_of(analysis),
            notes=notes_of(analysis),
            weight_overrides=self.config.weights,
            points={r.code: r.points for r in self.selection.rules},
            elements=stage_elements(analysis),
            prose_words=analysis.prose_word_count,
            graded=graded_of(analysis),
        )
        return assemble_report(p, analysis, suggestions, failures, sheet, self._versions(doc))

    def _labeller_fallback(self) -> str | None:
        """Why sentences were labelled by keyword cues instead of the trained model, if so."""
        reason = getattr(self.nlp.get_pipe("followup_moves").labeller, "fallback_reason", None)  # type: ignore[attr-defined]
        return (
            f"the move model could not be loaded ({reason}); sentences were labelled by keyword cues"
            if reason
            else None
        )

    def _versions(self, doc: Doc | None) -> dict[str, str]:
        versions = {"followup_lint": __version__}
        if doc is not None:
            import spacy

            from .nlp.loading import labeller_version, model_version

            versions["spacy"] = str(spacy.about.__version__)
            versions["spacy_model"] = model_version(self.nlp)
            versions["move_labeller"] = labeller_version(self.nlp)
        return versions
