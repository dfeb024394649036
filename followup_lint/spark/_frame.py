"""``analyze_dataframe``: a Spark DataFrame of drafts in, the same rows with their scores out."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import ConfigError, Context
from ._rows import DIMENSIONS, MAX_TEXT_CHARS, RESULT_COLUMNS, BatchJob, require_spark

if TYPE_CHECKING:
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

CONTEXT_FIELDS = tuple(Context().to_dict())
_HIDDEN = "__followup_lint_"
_SUGGESTION_TYPE = (
    "array<struct<code:string,name:string,dimension:string,severity:string,"
    "message:string,start:int,end:int,fix:string>>"
)


def cluster_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Analyzer options fit for executors: Harper in process unless the user chose otherwise.

    LanguageTool runs only against a server the user names with ``languagetool_url``: each
    executor starting its own JVM server would cost a gigabyte and a minute per executor.
    """
    from .. import Analyzer

    out = dict(options)
    grammar = out.get("grammar")
    if grammar is None or (grammar == "auto" and not out.get("languagetool_url")):
        out["grammar"] = default_grammar()
    elif grammar == "languagetool" and not out.get("languagetool_url"):
        raise ValueError(
            "grammar='languagetool' on Spark needs languagetool_url=... (a server every executor can reach); "
            "or use the in-process default"
        )
    try:
        Analyzer(**out)  # checks the options here, on the driver, before any task runs
    except TypeError as exc:
        raise ConfigError(f"unknown option: {exc}") from None
    return out


def default_grammar() -> str:
    """``harper`` (in process, no server) where this version has it, else ``builtin``."""
    from .. import Analyzer

    try:
        Analyzer(grammar="harper")
    except ConfigError:
        return "builtin"
    return "harper"


def result_schema(df: DataFrame) -> StructType:
    from pyspark.sql.types import StructType, _parse_datatype_string

    fields = ", ".join(
        [
            "score double",
            "stage string",
            *(f"{d} double" for d in DIMENSIONS),
            f"suggestions {_SUGGESTION_TYPE}",
            "report_json string",
            "error string",
        ]
    )
    extra = _parse_datatype_string(fields)
    assert isinstance(extra, StructType)
    return StructType([*df.schema.fields, *extra.fields])


def analyze_dataframe(
    df: DataFrame,
    text_col: str = "text",
    context_cols: Mapping[str, str] | None = None,
    *,
    partitions: int | None = None,
    chunk_size: int = 64,
    max_text_chars: int = MAX_TEXT_CHARS,
    **options: Any,
) -> DataFrame:
    """Score every draft in ``df``: its columns, then ``score``, ``stage``, one column per
    dimension, ``suggestions``, ``report_json`` (the report schema as JSON) and ``error``.

    ``text_col`` is a string column (or binary: bytes are decoded as a file would be).
    ``context_cols`` maps Context fields to columns, e.g. ``{"company": "employer",
    "interview_date": "meta.interviewed_at"}`` (dotted paths reach into structs). ``None``
    uses the columns named like Context fields; ``{}`` uses none. ``options`` are Analyzer
    options (``grammar="builtin"``, ``ignore=("LN",)``); grammar defaults to Harper in
    process. A row that cannot be judged gets ``error`` and never fails the job.

    Rows keep their order. When ``df`` has fewer partitions than the cluster has cores, it is
    split into contiguous ranges (``partitions`` sets how many) so every core gets work.
    """
    require_spark()
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, BinaryType, StringType

    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    clash = sorted(set(df.columns) & set(RESULT_COLUMNS))
    if clash:
        raise ValueError(f"the input already has column(s) {', '.join(clash)}; rename them first")
    opts = cluster_options(options)
    wanted = _context_columns(df, context_cols)

    source = df
    keep = len(df.columns)
    if partitions is not None or _too_few_partitions(df):
        n = partitions or df.sparkSession.sparkContext.defaultParallelism
        row = _HIDDEN + "row"
        # Contiguous ranges, not round-robin, so the output keeps the input's order.
        source = source.withColumn(row, F.monotonically_increasing_id())
        source = source.repartitionByRange(n, row).sortWithinPartitions(row)

    def column(path: str, hidden: str) -> str:
        nonlocal source
        if path in df.columns:
            return path
        try:
            source = source.withColumn(hidden, F.col(path))
        except AnalysisException:
            raise ValueError(f"no column {path!r} (columns: {', '.join(df.columns)})") from None
        return hidden

    text = column(text_col, _HIDDEN + "text")
    text_type = source.schema[text].dataType
    if not isinstance(text_type, (StringType, BinaryType)):
        raise ValueError(f"column {text_col!r} holds {text_type.simpleString()}, not text")
    context = {f: column(path, _HIDDEN + "ctx_" + f) for f, path in wanted.items()}
    for f, name in context.items():
        kind = source.schema[name].dataType
        if isinstance(kind, ArrayType) and f != "topics":
            raise ValueError(f"context column {wanted[f]!r} for {f} is a list; only topics may be one")

    job = BatchJob(opts, keep, text, context, chunk_size=chunk_size, max_chars=max_text_chars)
    with warnings.catch_warnings():
        # pandas 3 works for the Arrow path we use; PySpark's blanket warning about it is noise here.
        warnings.filterwarnings("ignore", message=".*pandas >= 3", category=FutureWarning)
        return source.mapInArrow(job, result_schema(df))


def _context_columns(df: DataFrame, context_cols: Mapping[str, str] | None) -> dict[str, str]:
    if context_cols is None:
        return {c: c for c in df.columns if c in CONTEXT_FIELDS}
    unknown = sorted(set(context_cols) - set(CONTEXT_FIELDS))
    if unknown:
        raise ValueError(f"unknown context field(s) {', '.join(unknown)} (known: {', '.join(CONTEXT_FIELDS)})")
    return dict(context_cols)


def _too_few_partitions(df: DataFrame) -> bool:
    try:
        return bool(df.rdd.getNumPartitions() < df.sparkSession.sparkContext.defaultParallelism)
    except Exception:  # Spark Connect has no RDDs: keep the partitioning the platform chose
        return False
