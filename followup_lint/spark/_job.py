"""The batch job: read drafts from JSON Lines, CSV or Parquet, score them on Spark, write
Parquet or JSON Lines. Also the local session settings that work offline on one machine."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .. import ConfigError
from ._rows import require_spark

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

INPUT_FORMATS = {".jsonl": "json", ".json": "json", ".ndjson": "json", ".csv": "csv", ".parquet": "parquet"}
OUTPUT_FORMATS = {".parquet": "parquet", ".jsonl": "json", ".json": "json", ".ndjson": "json"}
FORMAT_NAMES = {"jsonl": "json", "json": "json", "csv": "csv", "parquet": "parquet"}


def local_session(
    master: str | None = "local[*]",
    *,
    app_name: str = "followup-lint",
    driver_memory: str = "2g",
    ui: bool = False,
    conf: Mapping[str, str] | None = None,
) -> SparkSession:
    """A SparkSession for this machine: bound to 127.0.0.1, no downloads, quiet logs.

    Python workers run the interpreter that runs this (so they see the same packages).
    With a non-local ``master`` only the quiet-log settings apply; the cluster's own
    configuration decides the rest. ``master=None`` takes the one ``spark-submit`` set.
    """
    require_spark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    settings = {
        "spark.ui.showConsoleProgress": "false",  # we print our own line per stage
        "spark.log.level": "ERROR",
        "spark.python.worker.reuse": "true",  # one Analyzer per worker, kept across tasks
        "spark.sql.session.timeZone": "UTC",
    }
    if master is not None and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        settings.update(
            {
                "spark.driver.host": "127.0.0.1",
                "spark.driver.bindAddress": "127.0.0.1",
                "spark.driver.memory": driver_memory,
                "spark.ui.enabled": "true" if ui else "false",
                "spark.sql.shuffle.partitions": "8",
                # nothing is fetched: no packages, no ivy resolution
                "spark.jars.packages": "",
                "spark.jars.ivySettings": "",
            }
        )
    settings.update(conf or {})
    for key, value in settings.items():
        if value != "":
            builder = builder.config(key, value)
    return builder.getOrCreate()


class Progress:
    """A line per Spark stage on a terminal: its step, and tasks done of all; quiet elsewhere."""

    def __init__(self, spark: SparkSession, stream: TextIO | None = None, *, every: float = 0.5) -> None:
        self.stream = stream or sys.stderr
        self.step = "starting"
        self._tracker = spark.sparkContext.statusTracker()
        self._every = every
        self._stop = threading.Event()
        self._shown: dict[int, str] = {}
        self._steps: dict[int, str] = {}
        self._thread = threading.Thread(target=self._run, name="followup-lint-progress", daemon=True)

    def __enter__(self) -> Progress:
        if self.stream.isatty():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
            self._poll(final=True)

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            self._poll()

    def _poll(self, final: bool = False) -> None:
        active = set(self._tracker.getActiveStageIds())
        for sid in sorted(active | set(self._shown)):
            info = self._tracker.getStageInfo(sid) if sid in active else None
            if info is not None:
                self._show(sid, f"{info.numCompletedTasks}/{info.numTasks} tasks")
            if (sid not in active or final) and self._shown.get(sid):
                self._show(sid, "done", end="\n")
                self._shown[sid] = ""
        self.stream.flush()

    def _show(self, sid: int, state: str, end: str = "") -> None:
        step = self._steps.setdefault(sid, self.step)  # the step the stage belongs to, not the current one
        line = f"followup-lint: stage {sid} ({step}): {state}"
        before = self._shown.get(sid, "")
        if line != before or end:
            # pad over the longer line this one replaces
            self.stream.write("\r" + line.ljust(len(before)) + end)
            self._shown[sid] = line


def _format(path: str, given: str | None, table: Mapping[str, str], what: str) -> str:
    if given:
        if given.lower() not in FORMAT_NAMES or FORMAT_NAMES[given.lower()] not in table.values():
            raise ValueError(f"{what} format {given!r} is not one of {', '.join(sorted(set(table.values())))}")
        return FORMAT_NAMES[given.lower()]
    p = Path(path)
    suffix = p.suffix.lower()
    if not suffix and p.is_dir():  # a folder of part files, as Spark writes them
        suffixes = {f.suffix.lower() for f in p.iterdir() if f.is_file() and not f.name.startswith((".", "_"))}
        suffix = next((s for s in sorted(suffixes) if s in table), "")
    if suffix not in table:
        raise ValueError(
            f"{path}: cannot tell the {what} format from the name; name it {', '.join(table)} or say which"
        )
    return table[suffix]


def run_batch(
    input_path: str,
    output_path: str,
    *,
    text_col: str = "text",
    context_cols: Mapping[str, str] | None = None,
    master: str | None = "local[*]",
    input_format: str | None = None,
    output_format: str | None = None,
    progress: bool = True,
    overwrite: bool = False,
    partitions: int | None = None,
    **options: Any,
) -> int:
    """Score the drafts in ``input_path`` and write them with their results to ``output_path``.

    Input: JSON Lines, CSV (with a header row; fields may span lines) or Parquet, a file or a
    folder of them. Output: Parquet or JSON Lines, a folder of part files in input order.
    Returns 0, or 2 after a one-line message on stderr when the job cannot start (a missing
    file or column, an unknown option). Rows that cannot be judged are in the output, with
    ``error`` set. An active SparkSession is reused (and left running); otherwise one is
    started on ``master`` (``None``: the master ``spark-submit`` was given) and stopped at the end.
    """
    try:
        require_spark()
    except ImportError as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return 2
    from pyspark.errors import AnalysisException
    from pyspark.sql import SparkSession

    from ._frame import analyze_dataframe

    try:
        fmt_in = _format(input_path, input_format, INPUT_FORMATS, "input")
        fmt_out = _format(output_path, output_format, OUTPUT_FORMATS, "output")
        if not Path(input_path).exists() and "://" not in input_path:
            raise ValueError(f"{input_path}: no such file or folder")
        if Path(output_path).exists() and not overwrite:
            raise ValueError(f"{output_path}: already exists (pass overwrite=True / --overwrite to replace it)")
    except ValueError as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    active = SparkSession.getActiveSession()
    spark = active or local_session(master)
    tty = progress and sys.stderr.isatty()
    try:
        bar: Progress | _Quiet = _Quiet()
        if tty:
            try:
                bar = Progress(spark)
            except Exception:  # Spark Connect has no status tracker: no progress lines, same job
                bar = _Quiet()
        with bar:
            bar.step = "reading"
            reader = spark.read
            if fmt_in == "csv":
                reader = reader.option("header", "true").option("multiLine", "true").option("escape", '"')
            try:
                df = reader.format(fmt_in).load(input_path)
                out = analyze_dataframe(df, text_col, context_cols, partitions=partitions, **options)
            except (ValueError, ConfigError, AnalysisException) as exc:
                print(f"followup-lint: {_first_line(exc)}", file=sys.stderr)
                return 2
            bar.step = "scoring and writing"
            writer = out.write.mode("overwrite" if overwrite else "errorifexists").format(fmt_out)
            if fmt_out == "json":
                writer = writer.option("ignoreNullFields", "false")  # every line has every key
            writer.save(output_path)
            bar.step = "counting"
            # read back only the error column (a schema spares JSON its inference pass)
            written = spark.read.schema("error string").format(fmt_out).load(output_path)
            total = written.count()
            failed = written.where("error IS NOT NULL").count()
        if progress:
            took = time.perf_counter() - started
            print(
                f"followup-lint: {total:,} drafts, {total - failed:,} scored, {failed:,} with an error; "
                f"wrote {output_path} in {took:.0f} s",
                file=sys.stderr,
            )
        return 0
    finally:
        if active is None:
            spark.stop()


class _Quiet:
    step = ""

    def __enter__(self) -> _Quiet:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _pair(value: str) -> tuple[str, str]:
    field, sep, column = value.partition("=")
    if not sep or not field or not column:
        raise argparse.ArgumentTypeError(f"expected FIELD=COLUMN, got {value!r}")
    return field.strip(), column.strip()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m followup_lint.spark INPUT OUTPUT [--master M] ...``"""
    p = argparse.ArgumentParser(
        prog="python -m followup_lint.spark",
        description="Score a table of drafts on Apache Spark: JSON Lines, CSV or Parquet in, Parquet or JSON Lines "
        "out (a folder of part files), one row per draft with score, stage, dimension scores, suggestions, the "
        "report as JSON and an error for rows that could not be judged.",
    )
    p.add_argument("input", metavar="INPUT")
    p.add_argument("output", metavar="OUTPUT")
    p.add_argument("--master", default="local[*]", help="Spark master (default local[*], all cores here)")
    p.add_argument("--text-col", default="text", metavar="COLUMN", help="the column with the drafts (default text)")
    p.add_argument(
        "--context-col",
        action="append",
        type=_pair,
        metavar="FIELD=COLUMN",
        help="take a context field from a column, e.g. company=employer (repeatable); "
        "default: columns named like context fields (interviewer, company, role, ...)",
    )
    p.add_argument("--input-format", choices=("jsonl", "csv", "parquet"))
    p.add_argument("--output-format", choices=("jsonl", "parquet"))
    p.add_argument("--grammar", help="grammar backend (default: harper in process where available, else builtin)")
    p.add_argument("--languagetool-url", metavar="URL", help="a LanguageTool server every executor can reach")
    p.add_argument("--partitions", type=int, metavar="N", help="split the input into N ranges (default: one per core)")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    p.add_argument("--no-progress", action="store_true", help="print nothing on stderr but errors")
    args = p.parse_args(argv)
    # The Arrow path needs no pandas features; PySpark's warning about pandas 3 only alarms a CLI user.
    warnings.filterwarnings("ignore", message=".*pandas >= 3", category=FutureWarning)
    options: dict[str, Any] = {}
    if args.grammar:
        options["grammar"] = args.grammar
    if args.languagetool_url:
        options["languagetool_url"] = args.languagetool_url
    return run_batch(
        args.input,
        args.output,
        text_col=args.text_col,
        context_cols=dict(args.context_col) if args.context_col else None,
        master=args.master,
        input_format=args.input_format,
        output_format=args.output_format,
        progress=not args.no_progress,
        overwrite=args.overwrite,
        partitions=args.partitions,
        **options,
    )
