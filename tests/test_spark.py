"""followup_lint.spark in Spark local mode: the same reports as analyze_many in one process,
an error (never a failed job) for rows that cannot be judged, and the batch job's round trips."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from followup_lint import spark as fs

pytestmark = [
    pytest.mark.spark,
    # our Arrow path does not use pandas; PySpark warns about pandas 3 on any pandas-typed call
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

ROOT = Path(__file__).resolve().parent.parent
CONTEXT_KEYS = ("interviewer", "company", "role", "topics", "interview_date", "send_date", "candidate")
SCHEMA = (
    "id string, text string, interviewer string, company string, role string, topics array<string>, "
    "interview_date string, send_date string, candidate string"
)


def corpus_rows(n: int) -> list[dict[str, Any]]:
    """``n`` rows built from the corpus drafts; past the corpus, the same drafts with their subject line."""
    drafts = [json.loads(line) for f in sorted((ROOT / "corpus/drafts").glob("*.jsonl")) for line in f.open()]
    rows = []
    for i in range(n):
        d = drafts[i % len(drafts)]
        text = d["body"] if i < len(drafts) else f"Subject: {d.get('subject') or 'Following up'}\n\n{d['body']}"
        ctx = d.get("context") or {}
        rows.append({"id": f"{d['id']}-{i}", "text": text, **{k: ctx.get(k) for k in CONTEXT_KEYS}})
    return rows


def context_of(row: dict[str, Any]) -> fl.Context | None:
    given = {k: row[k] for k in CONTEXT_KEYS if row.get(k) is not None}
    return fl.Context.from_dict(given) if given else None


def as_json(report: fl.Report) -> Any:
    return json.loads(report.to_json())


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = fs.local_session("local[2]", driver_memory="1g", ui=False)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return corpus_rows(200)


@pytest.fixture(scope="module")
def expected(analyzer: Analyzer, rows: list[dict[str, Any]]) -> list[fl.Report]:
    return analyzer.analyze_many([r["text"] for r in rows], [context_of(r) for r in rows])


def test_200_drafts_match_analyze_many_report_for_report(
    spark: SparkSession, rows: list[dict[str, Any]], expected: list[fl.Report]
) -> None:
    df = spark.createDataFrame(rows, SCHEMA)
    got = fs.analyze_dataframe(df, grammar="builtin").collect()
    assert [g.id for g in got] == [r["id"] for r in rows]  # same rows, same order
    assert got[0].asDict().keys() >= {"id", "text", *fs.RESULT_COLUMNS}
    for g, report in zip(got, expected):
        # a draft the analyzer cannot judge (only quoted text) carries its verdict as the error
        assert g.error == (report.notes[0] if report.score is None else None), (g.id, g.error)
        assert json.loads(g.report_json) == as_json(report), g.id
        assert g.score == report.score and g.stage == report.stage.value
        assert [getattr(g, d) for d in fs.DIMENSIONS] == [report.dimensions[d].score for d in fs.DIMENSIONS]
        assert [(s.code, s.name, s.severity, s.start, s.end, s.fix) for s in g.suggestions] == [
            (s.code, s.name, s.severity.value, s.span.start, s.span.end, s.fix) for s in report.suggestions
        ]


def test_bad_rows_get_an_error_and_the_others_stay_intact(
    spark: SparkSession, rows: list[dict[str, Any]], expected: list[fl.Report]
) -> None:
    good = rows[:6]
    spanish = (
        "Estimada Sra. García,\n\nMuchas gracias por la entrevista de ayer. Me encantó conocer al equipo y "
        "estoy muy entusiasmada con el puesto de analista de datos.\n\nSaludos cordiales,\nLucía"
    )
    blank = dict.fromkeys(CONTEXT_KEYS)
    bad = [
        {**blank, "id": "null", "text": None},
        {**blank, "id": "binary", "text": "\x00\x01\x02PK\x03\x04" * 200},
        {**blank, "id": "huge", "text": "seed"},  # grown to 10 MB inside Spark below
        {**blank, "id": "spanish", "text": spanish},
        {**blank, "id": "empty", "text": "   "},
        {**good[0], "id": "bad-date", "interview_date": "next Tuesday"},
    ]
    mixed = [good[0], bad[0], good[1], bad[1], good[2], bad[2], good[3], bad[3], good[4], bad[4], good[5], bad[5]]
    df = spark.createDataFrame(mixed, SCHEMA)
    df = df.withColumn(
        "text", F.when(F.col("id") == "huge", F.repeat(F.lit("thanks "), 1_500_000)).otherwise(F.col("text"))
    )
    got = {r.id: r for r in fs.analyze_dataframe(df, grammar="builtin").collect()}
    assert len(got) == len(mixed)
    errors = {i: got[i].error for i in ("null", "binary", "huge", "spanish", "empty", "bad-date")}
    assert "null" in errors["null"]
    assert "binary" in errors["binary"]
    assert "10,500,000 characters" in errors["huge"]
    assert "English" in errors["spanish"]
    assert "empty" in errors["empty"]
    assert errors["bad-date"].startswith("context: interview_date")
    assert all("\n" not in e for e in errors.values())
    for i in ("null", "binary", "huge", "bad-date"):
        assert got[i].report_json is None and got[i].score is None and got[i].suggestions is None
    # the analyzer's own "not judged" verdicts keep their report, which says the same
    assert json.loads(got["spanish"].report_json)["score"] is None
    for row, report in zip(good, expected):
        assert got[row["id"]].error is None
        assert json.loads(got[row["id"]].report_json) == as_json(report)


def test_binary_text_column_is_decoded_like_a_file(spark: SparkSession, analyzer: Analyzer) -> None:
    text = "Dear Ana,\n\nThank you for the interview today.\n\nBest,\nSam"
    df = spark.createDataFrame(
        [(1, text.encode("utf-8")), (2, b"\xff\xfe\x00\xd8\x00"), (3, b"\x93\x94 not utf-8 \x80\x81")],
        "n int, body binary",
    )
    got = fs.analyze_dataframe(df, text_col="body", context_cols={}, grammar="builtin").orderBy("n").collect()
    assert got[0].error is None and json.loads(got[0].report_json) == as_json(analyzer.analyze(text))
    assert got[1].error and got[2].error and got[2].report_json is None


def test_context_columns_by_name_and_dotted_path(spark: SparkSession, analyzer: Analyzer) -> None:
    row = corpus_rows(1)[0]
    df = spark.createDataFrame(
        [(row["text"], row["company"], row["interviewer"], row["interview_date"], row["send_date"])],
        "body string, employer string, who string, interviewed string, sent string",
    ).select("body", F.struct("employer", "who", "interviewed", "sent").alias("meta"))
    mapping = {
        "company": "meta.employer",
        "interviewer": "meta.who",
        "interview_date": "meta.interviewed",
        "send_date": "meta.sent",
    }
    got = fs.analyze_dataframe(df, "body", mapping, grammar="builtin").collect()[0]
    context = fl.Context(
        company=row["company"],
        interviewer=row["interviewer"],
        interview_date=row["interview_date"],
        send_date=row["send_date"],
    )
    assert got.error is None
    assert json.loads(got.report_json) == as_json(analyzer.analyze(row["text"], context))
    assert got.asDict().keys() == {"body", "meta", *fs.RESULT_COLUMNS}


def test_wrong_arguments_fail_on_the_driver(spark: SparkSession) -> None:
    df = spark.createDataFrame([("Dear Sam,", 1)], "text string, n int")
    with pytest.raises(ValueError, match="no column 'body'"):
        fs.analyze_dataframe(df, text_col="body")
    with pytest.raises(ValueError, match="not text"):
        fs.analyze_dataframe(df, text_col="n")
    with pytest.raises(ValueError, match="unknown context field"):
        fs.analyze_dataframe(df, context_cols={"employer": "n"})
    with pytest.raises(ValueError, match="languagetool_url"):
        fs.analyze_dataframe(df, grammar="languagetool")
    with pytest.raises(fl.ConfigError):
        fs.analyze_dataframe(df, grammar="spellcheck-please")
    with pytest.raises(fl.ConfigError, match="unknown option"):
        fs.analyze_dataframe(df, colour="blue")
    with pytest.raises(ValueError, match="score"):
        fs.analyze_dataframe(df.withColumn("score", F.lit(1)))


def test_grammar_defaults_to_the_in_process_backend() -> None:
    assert fs.cluster_options({})["grammar"] in ("harper", "builtin")
    assert fs.cluster_options({"grammar": "auto"})["grammar"] == fs.default_grammar()
    url = "http://127.0.0.1:8081"
    assert fs.cluster_options({"grammar": "auto", "languagetool_url": url})["grammar"] == "auto"
    assert fs.cluster_options({"grammar": "off"})["grammar"] == "off"


def test_one_analyzer_per_worker_and_option_set() -> None:
    a = fs.worker_analyzer({"grammar": "builtin"})
    assert fs.worker_analyzer({"grammar": "builtin"}) is a
    assert fs.worker_analyzer({"grammar": "off"}) is not a


class _BrokenOnOneDraft:
    """A fault the real analyzer shows on no known draft: the real one, except that one text raises."""

    def __init__(self, real: Analyzer) -> None:
        self.real = real

    def analyze_many(self, texts: Any, contexts: Any = None) -> list[fl.Report]:
        items = list(texts)
        if any(isinstance(t, str) and "POISON" in t for t in items):
            raise RuntimeError("poisoned\ndraft")
        return self.real.analyze_many(items, contexts)


def test_a_failing_row_does_not_lose_its_chunk(analyzer: Analyzer) -> None:
    broken: Any = _BrokenOnOneDraft(analyzer)
    texts = ["Dear Sam,\n\nThank you for the interview.\n\nBest,\nAna", "POISON", "Hi Jo,\n\nThanks!\n\nLi"]
    results = fs.judge_rows(broken, texts, [{}] * 3, chunk_size=8)
    assert results[1].report is None and results[1].error == "could not be analysed (RuntimeError: poisoned draft)"
    for i in (0, 2):
        assert results[i].error is None
        assert results[i].report is not None and as_json(results[i].report) == as_json(analyzer.analyze(texts[i]))


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_run_batch_jsonl_to_parquet(
    spark: SparkSession, tmp_path: Path, rows: list[dict[str, Any]], expected: list[fl.Report]
) -> None:
    import pyarrow.parquet as pq

    src, out = tmp_path / "drafts.jsonl", tmp_path / "scored.parquet"
    _write_jsonl(src, [*rows[:30], {"id": "null", "text": None}])
    assert fs.run_batch(str(src), str(out), grammar="builtin", progress=False) == 0
    table = pq.read_table(out).to_pylist()
    assert [t["id"] for t in table] == [r["id"] for r in rows[:30]] + ["null"]
    for t, report in zip(table, expected[:30]):
        assert t["error"] is None and json.loads(t["report_json"]) == as_json(report)
    assert table[-1]["error"] == "the text is null"
    # the output is not overwritten unless asked
    assert fs.run_batch(str(src), str(out), grammar="builtin", progress=False) == 2


def test_cli_csv_to_jsonl(
    spark: SparkSession, tmp_path: Path, rows: list[dict[str, Any]], expected: list[fl.Report], capsys: Any
) -> None:
    src, out = tmp_path / "drafts.csv", tmp_path / "scored.jsonl"
    with src.open("w", newline="", encoding="utf-8") as fh:  # bodies with newlines, commas and quotes
        w = csv.writer(fh)
        w.writerow(["id", "body", "employer", "interview_date", "send_date"])
        for r in rows[:12]:
            w.writerow([r["id"], r["text"], r["company"], r["interview_date"], r["send_date"]])
    argv = [str(src), str(out), "--text-col", "body", "--grammar", "builtin", "--context-col", "company=employer"]
    argv += ["--context-col", "interview_date=interview_date", "--context-col", "send_date=send_date"]
    assert fs.main(argv) == 0
    assert "12 drafts, 12 scored, 0 with an error" in capsys.readouterr().err
    lines = [json.loads(x) for f in sorted(out.glob("part-*.json")) for x in f.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == [r["id"] for r in rows[:12]]
    analyzer = fl.Analyzer(grammar="builtin")
    for x, r in zip(lines, rows[:12]):
        ctx = fl.Context(company=r["company"], interview_date=r["interview_date"], send_date=r["send_date"])
        assert x["error"] is None and "error" in x
        assert json.loads(x["report_json"]) == as_json(analyzer.analyze(r["text"], ctx))


def test_run_batch_refuses_what_it_cannot_read(spark: SparkSession, tmp_path: Path, capsys: Any) -> None:
    assert fs.run_batch(str(tmp_path / "missing.jsonl"), str(tmp_path / "o.parquet"), progress=False) == 2
    assert "no such file" in capsys.readouterr().err
    src = tmp_path / "drafts.jsonl"
    _write_jsonl(src, [{"body": "Dear Sam,"}])
    assert fs.run_batch(str(src), str(tmp_path / "o.parquet"), grammar="builtin", progress=False) == 2
    assert "no column 'text'" in capsys.readouterr().err
    assert fs.run_batch(str(src), str(tmp_path / "o.txt"), progress=False) == 2
    assert "output format" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_prints_a_line_per_stage_on_a_terminal(spark: SparkSession) -> None:
    def slow(x: int) -> int:
        time.sleep(0.3)
        return x

    term, plain = _Terminal(), io.StringIO()
    for stream in (term, plain):
        with fs.Progress(spark, stream, every=0.05) as bar:
            bar.step = "counting"
            spark.sparkContext.parallelize(range(4), 4).map(slow).collect()
    done = [line.rsplit("\r", 1)[-1].rstrip() for line in term.getvalue().split("\n") if line]
    assert done and all(line.startswith("followup-lint: stage ") and line.endswith("(counting): done") for line in done)
    assert plain.getvalue() == ""  # not a terminal: nothing
