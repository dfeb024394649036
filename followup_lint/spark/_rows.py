"""Judging one Arrow batch of rows on a Spark worker, with no Spark import (so it is testable,
and cheap to load, in plain Python).

A row that cannot be judged gets an ``error`` and no report; it never fails its task. Rows
that pass the cheap checks go through ``Analyzer.analyze_many`` in chunks; a chunk that
raises is analysed again row by row, so one bad row costs only itself.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import Context, ContextError, Dimension, Draft, InputError, Report

if TYPE_CHECKING:
    import pyarrow as pa

    from .. import Analyzer

DIMENSIONS = tuple(d.value for d in Dimension)
SUGGESTION_FIELDS = ("code", "name", "dimension", "severity", "message", "start", "end", "fix")
RESULT_COLUMNS = ("score", "stage", *DIMENSIONS, "suggestions", "report_json", "error")

MAX_TEXT_CHARS = 1_000_000
"""Longer rows get an error. The analyzer reads only the first 20,000 characters anyway; a row
fifty times that is data gone wrong (a mailbox or a file in the wrong column), and its report
would carry the whole text into the output."""

_ERROR_CHARS = 300  # an error is one short line, not a traceback

# One Analyzer per Python worker and option set. Spark reuses its Python workers across tasks
# (spark.python.worker.reuse), so the spaCy pipeline loads once per worker, not once per batch.
_analyzers: dict[tuple[tuple[str, str], ...], Analyzer] = {}
_analyzers_lock = threading.Lock()


def require_spark() -> None:
    """Fail with the install command, not a traceback, when the extra is missing."""
    import importlib.util

    missing = [m for m in ("pyspark", "pyarrow") if importlib.util.find_spec(m) is None]
    if missing:
        raise ImportError(
            f"followup_lint.spark needs {' and '.join(missing)}: pip install 'followup-lint[spark]' (and Java 17)"
        )


def worker_analyzer(options: Mapping[str, Any]) -> Analyzer:
    """The worker's Analyzer for ``options``, built on first use and kept for the process."""
    from .. import Analyzer
    from ..runners import one_blas_thread

    key = tuple(sorted((k, repr(v)) for k, v in options.items()))
    with _analyzers_lock:
        if key not in _analyzers:
            one_blas_thread()  # Spark runs a worker per core already
            _analyzers[key] = Analyzer(**options)
        return _analyzers[key]


@dataclass(frozen=True)
class RowResult:
    """What one row gets: a report, or none and an error; or both when the analyzer itself
    declined to judge (empty, not English): the report then says why, and so does the error."""

    report: Report | None
    error: str | None


def one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _ERROR_CHARS else line[: _ERROR_CHARS - 1] + "…"


def _looks_binary(text: str) -> bool:
    head = text[:5000]
    if "\x00" in head:
        return True
    odd = sum(1 for ch in head if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"))
    return odd > max(3, len(head) // 20)


def _draft(value: object, max_chars: int) -> tuple[str | Draft | None, str | None]:
    """The text to analyse, or an error saying why the row has none."""
    if value is None:
        return None, "the text is null"
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        if len(data) > max_chars:
            return None, f"the text is {len(data):,} bytes; the limit is {max_chars:,}"
        try:
            draft = Draft.from_bytes(data, name="row")
        except InputError as exc:
            return None, one_line(str(exc))
        text: str = draft.text
        return (None, "the text looks like binary data, not a draft") if _looks_binary(text) else (draft, None)
    if not isinstance(value, str):
        return None, f"the text is a {type(value).__name__}, not a string"
    if len(value) > max_chars:
        return None, f"the text is {len(value):,} characters; the limit is {max_chars:,}"
    if _looks_binary(value):
        return None, "the text looks like binary data (control characters), not a draft"
    return value, None


def _context(values: Mapping[str, object]) -> tuple[Context | None, str | None]:
    given = {k: v for k, v in values.items() if v is not None}
    if not given:
        return None, None
    try:
        return Context.from_dict(given), None
    except (ContextError, TypeError, ValueError) as exc:
        return None, one_line(f"context: {exc}")


def judge_rows(
    analyzer: Analyzer,
    texts: Sequence[object],
    contexts: Sequence[Mapping[str, object]],
    *,
    chunk_size: int = 64,
    max_chars: int = MAX_TEXT_CHARS,
) -> list[RowResult]:
    """A result per row, in order. ``contexts`` holds each row's context fields (None = unset)."""
    results: list[RowResult | None] = [None] * len(texts)
    todo: list[tuple[int, str | Draft, Context | None]] = []
    for i, (value, ctx_values) in enumerate(zip(texts, contexts)):
        draft, error = _draft(value, max_chars)
        ctx, ctx_error = _context(ctx_values)
        error = error or ctx_error
        if error is not None or draft is None:
            results[i] = RowResult(None, error or "the text is null")
        else:
            todo.append((i, draft, ctx))
    for start in range(0, len(todo), chunk_size):
        chunk = todo[start : start + chunk_size]
        try:
            reports = analyzer.analyze_many([d for _, d, _ in chunk], [c for _, _, c in chunk])
        except Exception:  # find the row that broke the chunk; the others still get reports
            for i, d, c in chunk:
                results[i] = _alone(analyzer, d, c)
            continue
        for (i, _, _), report in zip(chunk, reports):
            results[i] = _result(report)
    return [r if r is not None else RowResult(None, "not analysed") for r in results]


def _alone(analyzer: Analyzer, draft: str | Draft, context: Context | None) -> RowResult:
    try:
        return _result(analyzer.analyze_many([draft], [context])[0])
    except Exception as exc:
        return RowResult(None, one_line(f"could not be analysed ({type(exc).__name__}: {exc})"))


def _result(report: Report) -> RowResult:
    if report.score is None:  # the analyzer's own verdict (empty, not English) comes first in notes
        return RowResult(report, one_line(report.notes[0] if report.notes else "the draft could not be judged"))
    return RowResult(report, None)


# -- Arrow --------------------------------------------------------------------------------------


def suggestion_type() -> pa.DataType:
    import pyarrow as pa

    return pa.list_(
        pa.struct(
            [
                ("code", pa.string()),
                ("name", pa.string()),
                ("dimension", pa.string()),
                ("severity", pa.string()),
                ("message", pa.string()),
                ("start", pa.int32()),
                ("end", pa.int32()),
                ("fix", pa.string()),
            ]
        )
    )


def result_arrays(results: Sequence[RowResult]) -> list[pa.Array]:
    """The result columns, in ``RESULT_COLUMNS`` order."""
    import pyarrow as pa

    reports = [r.report for r in results]
    judged = [r if r is not None and r.score is not None else None for r in reports]
    arrays = [
        pa.array([r.score if r else None for r in judged], pa.float64()),
        pa.array([r.stage.value if r else None for r in reports], pa.string()),
    ]
    for dim in DIMENSIONS:
        arrays.append(pa.array([r.dimensions[dim].score if r else None for r in judged], pa.float64()))
    arrays.append(
        pa.array(
            [
                None
                if r is None
                else [
                    {
                        "code": s.code,
                        "name": s.name,
                        "dimension": s.dimension.value,
                        "severity": s.severity.value,
                        "message": s.message,
                        "start": s.span.start,
                        "end": s.span.end,
                        "fix": s.fix,
                    }
                    for s in r.suggestions
                ]
                for r in reports
            ],
            suggestion_type(),
        )
    )
    arrays.append(pa.array([r.to_json(indent=None) if r else None for r in reports], pa.string()))
    arrays.append(pa.array([r.error for r in results], pa.string()))
    return arrays


@dataclass(frozen=True)
class BatchJob:
    """What a worker needs to judge batches: picklable, so Spark ships it to every executor.

    ``keep`` is how many leading columns are the caller's own (passed through unchanged);
    ``text`` and ``context`` name the batch columns to read.
    """

    options: Mapping[str, Any]
    keep: int
    text: str
    context: Mapping[str, str]  # Context field -> batch column
    chunk_size: int = 64
    max_chars: int = MAX_TEXT_CHARS

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        analyzer = worker_analyzer(self.options)
        for batch in batches:
            names = batch.schema.names
            # Spark hands over up to 10,000 rows at once; answering per chunk keeps memory flat.
            for offset in range(0, batch.num_rows, self.chunk_size):
                part = batch.slice(offset, self.chunk_size)
                texts = part.column(names.index(self.text)).to_pylist()
                ctx_columns = {f: part.column(names.index(c)).to_pylist() for f, c in self.context.items()}
                contexts = [{f: values[i] for f, values in ctx_columns.items()} for i in range(part.num_rows)]
                results = judge_rows(analyzer, texts, contexts, chunk_size=self.chunk_size, max_chars=self.max_chars)
                kept = [part.column(i) for i in range(self.keep)]
                yield pa.RecordBatch.from_arrays(
                    [*kept, *result_arrays(results)], names=[*names[: self.keep], *RESULT_COLUMNS]
                )
