"""followup-lint on Apache Spark: score a DataFrame (or a file) of drafts on every core of a
cluster. Needs the ``spark`` extra: ``pip install "followup-lint[spark]"``.

>>> from followup_lint.spark import analyze_dataframe, local_session   # doctest: +SKIP
>>> spark = local_session("local[2]")                                  # doctest: +SKIP
>>> scored = analyze_dataframe(spark.read.json("drafts.jsonl"), grammar="builtin")  # doctest: +SKIP

Each Python worker loads one Analyzer and reuses it for every batch it gets; rows go through
``Analyzer.analyze_many`` in chunks; a row that cannot be judged gets ``error``, never a
failed job. See ``docs/spark.md``.
"""

from __future__ import annotations

from ._frame import CONTEXT_FIELDS, analyze_dataframe, cluster_options, default_grammar, result_schema
from ._job import Progress, local_session, main, run_batch
from ._rows import DIMENSIONS, MAX_TEXT_CHARS, RESULT_COLUMNS, RowResult, judge_rows, worker_analyzer

__all__ = [
    "CONTEXT_FIELDS",
    "DIMENSIONS",
    "MAX_TEXT_CHARS",
    "RESULT_COLUMNS",
    "Progress",
    "RowResult",
    "analyze_dataframe",
    "cluster_options",
    "default_grammar",
    "judge_rows",
    "local_session",
    "main",
    "result_schema",
    "run_batch",
    "worker_analyzer",
]
