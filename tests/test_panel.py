"""Notes to one interview's panel, checked together: near-copies (RF008), another member's name
used to speak to the reader (RF009), and the single-draft check on each note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.cli import main
from followup_lint.panel import PANEL_RULES, PanelReport, check_panel
from followup_lint.panel._copies import find_matches, sentence
from followup_lint.rules import all_rules

from .helpers import assert_spans_exact, codes

FIXTURES = Path(__file__).parent / "fixtures" / "panel"
SHARED = fl.Context.from_toml(FIXTURES / "panel.toml")


def panel_of(analyzer: Analyzer, folder: str, context: fl.Context | None = SHARED) -> PanelReport:
    files = sorted((FIXTURES / folder).glob("*.txt"))
    return check_panel(
        [fl.Draft.from_path(f) for f in files], [context] * len(files), names=[f.name for f in files], analyzer=analyzer
    )


def panel_codes(report: PanelReport) -> dict[str, list[str]]:
    return {d.name: [s.code for s in d.panel_findings] for d in report.drafts}


# -- the three fixture panels ------------------------------------------------------------------


def test_personalised_notes_are_quiet(analyzer: Analyzer) -> None:
    report = panel_of(analyzer, "personal")
    assert report.copies == ()
    assert panel_codes(report) == {"dev.txt": [], "maria.txt": [], "priya.txt": []}
    assert [d.addressee for d in report.drafts] == ["Dev Okafor", "Maria Chen", "Priya Raman"]
    assert {d.addressee_source for d in report.drafts} == {"greeting"}


def test_name_swapped_notes_are_near_copies_with_spans_in_each_draft(analyzer: Analyzer) -> None:
    report = panel_of(analyzer, "copies")
    assert [(c.a, c.b) for c in report.copies] == [(0, 1), (0, 2), (1, 2)]
    for pair in report.copies:
        assert pair.share == 1.0
        assert len(pair.sentences) == pair.compared[0] == pair.compared[1] >= 5
        a, b = report.drafts[pair.a].report.text, report.drafts[pair.b].report.text
        for c in pair.sentences:
            one, other = a[c.a.start : c.a.end], b[c.b.start : c.b.end]
            # the same sentence, up to the reader's name
            for first in ("Maria", "Priya", "Dev"):
                one, other = one.replace(first, "X"), other.replace(first, "X")
            assert one == other
    for d in report.drafts:
        assert_spans_exact(d.report)
        found = d.panel_findings
        assert len(found) == report.copies_of(0)[0].compared[0]
        assert {s.code for s in found} == {"RF008"} and {s.severity for s in found} == {fl.Severity.WARNING}
        assert "same as one in your notes to" in found[0].message
        assert found[0].why == PANEL_RULES["RF008"].why


def test_another_members_name_speaking_to_the_reader(analyzer: Analyzer) -> None:
    report = panel_of(analyzer, "wrong_name")
    assert panel_codes(report) == {"dev.txt": [], "maria.txt": [], "priya.txt": ["RF009"]}
    (found,) = report.drafts[2].panel_findings
    assert found.text == "Maria" and found.severity is fl.Severity.ERROR
    assert found.fix == "Priya" and found.replacements == ("Priya",)
    assert "Maria Chen is another member of the panel" in found.message
    assert_spans_exact(report.drafts[2].report)


def test_each_note_keeps_its_own_check(analyzer: Analyzer) -> None:
    report = panel_of(analyzer, "wrong_name")
    alone = analyzer.analyze(fl.Draft.from_path(FIXTURES / "wrong_name" / "priya.txt"), SHARED)
    merged = report.drafts[2].report
    assert [s for s in merged.suggestions if s.code != "RF009"] == list(alone.suggestions)
    assert merged.score == alone.score  # the panel's findings do not move a note's own score


def test_the_single_draft_check_never_reports_panel_findings(analyzer: Analyzer) -> None:
    assert not {r.code for r in all_rules()} & set(PANEL_RULES)
    for f in (FIXTURES / "copies").glob("*.txt"):
        assert not codes(analyzer.analyze(fl.Draft.from_path(f), SHARED)) & set(PANEL_RULES)


@pytest.mark.parametrize("rule", list(PANEL_RULES.values()), ids=lambda r: r.code)
def test_panel_rule_examples_fire_and_instead_stays_quiet(rule, analyzer: Analyzer) -> None:  # type: ignore[no-untyped-def]
    for examples, fires in ((rule.examples, True), (rule.counter_examples, False)):
        assert len(examples) >= 2
        contexts = [fl.Context.from_dict(e.context) for e in examples]
        report = check_panel([e.text for e in examples], contexts, analyzer=analyzer)
        found = [s.code for d in report.drafts for s in d.panel_findings]
        assert (rule.code in found) is fires, (rule.code, found)


# -- near-copies: what counts ------------------------------------------------------------------

OPEN = "Dear {name},\n\nThank you for meeting with me on Tuesday about the data engineer role at Lumen Health."
CLOSE = "I am excited about the chance to help the team, and I look forward to hearing about the next steps."
SIGN = "\n\nBest regards,\nJordan Lee"


def test_a_shared_frame_around_personal_middles_is_quiet(analyzer: Analyzer) -> None:
    maria = (
        OPEN.format(name="Maria") + " Your account of moving the claims pipeline to streaming has stayed with me. "
        "I have been reading about exactly-once delivery since we spoke. " + CLOSE + SIGN
    )
    priya = (
        OPEN.format(name="Priya") + " Working through the late-arriving claims with you on the whiteboard was "
        "the best part of my day. Your question about backfills made me rethink how I would partition the "
        "tables. " + CLOSE + SIGN
    )
    report = check_panel([maria, priya], analyzer=analyzer, panel=("Maria Chen", "Priya Raman"))
    assert report.copies == ()
    assert panel_codes(report) == {"draft 1": [], "draft 2": []}


def test_nearly_the_same_sentences_count(analyzer: Analyzer) -> None:
    body = (
        " I really enjoyed learning how the team runs the claims pipeline and plans to move it to streaming."
        " It was great to hear about the projects the team is planning for the rest of this year."
    )
    one = OPEN.format(name="Maria") + body + " " + CLOSE + SIGN
    # one word changed in each sentence: nearly the same, still a copy
    other = (
        OPEN.format(name="Priya").replace("Tuesday", "Wednesday")
        + body.replace("really enjoyed", "truly enjoyed").replace("rest of", "remainder of")
        + " "
        + CLOSE.replace("excited", "thrilled")
        + SIGN
    )
    report = check_panel([one, other], analyzer=analyzer)
    (pair,) = report.copies
    assert len(pair.sentences) == 4 and all(0.75 <= c.similarity < 1 for c in pair.sentences)
    assert "the same or nearly the same" in report.drafts[0].panel_findings[0].message


def test_identical_files_are_copies(analyzer: Analyzer) -> None:
    text = (FIXTURES / "copies" / "maria.txt").read_text(encoding="utf-8")
    report = check_panel([text, text], analyzer=analyzer)
    assert report.copies[0].share == 1.0
    assert "draft 1 and draft 2 are both to Maria" in report.notes[0]


def test_the_index_skips_word_pairs_too_common_to_tell_notes_apart() -> None:
    # every sentence shares one pair; with a cap of 2 postings it is ignored, so only the
    # sentences that share their other pairs match
    common = ["thank", "you"]
    drafts = [[sentence(0, 1, [*common, "alpha", "beta"])], [sentence(0, 1, [*common, "gamma", "delta"])]]
    drafts.append([sentence(0, 1, [*common, "alpha", "beta"])])
    assert set(find_matches(drafts, similarity=0.5, max_postings=3)) == {(0, 2)}
    assert set(find_matches(drafts, similarity=0.3, max_postings=3)) == {(0, 1), (0, 2), (1, 2)}
    assert set(find_matches(drafts, similarity=0.3, max_postings=2)) == {(0, 2)}


# -- wrong names: what stays quiet -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence_text, fires",
    [
        ("Thank you, Maria, for walking me through the claims backlog.", True),
        ("Maria, your question about backfills stayed with me.", True),
        ("I keep thinking about your question on backfills, Maria.", True),
        ("I also enjoyed meeting your colleague, Maria.", False),
        ("Please pass my thanks to Maria for the tour.", False),
        ("Maria and I talked about the claims backlog for an hour.", False),
    ],
)
def test_speaking_to_another_member(sentence_text: str, fires: bool, analyzer: Analyzer) -> None:
    note = f"Hi Priya,\n\nThank you for the whiteboard session on Tuesday. {sentence_text}\n\nBest,\nJordan Lee"
    other = "Hi Maria,\n\nThank you for the tour of the claims team on Tuesday.\n\nBest,\nJordan Lee"
    report = check_panel([note, other], analyzer=analyzer, panel=("Priya Raman", "Maria Chen"))
    assert ("RF009" in [s.code for s in report.drafts[0].panel_findings]) is fires


def test_a_reader_sharing_a_first_name_is_not_flagged(analyzer: Analyzer) -> None:
    note = "Hi Maria,\n\nThank you, Maria, for the whiteboard session on Tuesday.\n\nBest,\nJordan Lee"
    report = check_panel(
        [note, note.replace("whiteboard session", "tour")],
        [fl.Context(interviewer="Maria Chen"), fl.Context(interviewer="Maria Lopez")],
        analyzer=analyzer,
    )
    assert not [s for d in report.drafts for s in d.panel_findings if s.code == "RF009"]


def test_the_addressee_comes_from_the_context_first(analyzer: Analyzer) -> None:
    note = "Dear Priya,\n\nThank you for the whiteboard session on Tuesday.\n\nBest,\nJordan Lee"
    report = check_panel([note], [SHARED.with_(interviewer="Maria Chen")], analyzer=analyzer)
    (d,) = report.drafts
    assert (d.addressee, d.addressee_source) == ("Maria Chen", "context")
    assert "RF003" in codes(d.report)  # the greeting's wrong name is the single-draft rule's


# -- selection, hostile input ------------------------------------------------------------------


def test_panel_rules_are_selected_like_every_rule() -> None:
    drafts = [(FIXTURES / "wrong_name" / f).read_text(encoding="utf-8") for f in ("maria.txt", "priya.txt")]
    copies = [(FIXTURES / "copies" / f).read_text(encoding="utf-8") for f in ("maria.txt", "priya.txt")]
    only = check_panel(drafts + copies, grammar="builtin", select=("RF009",), severity={"panel-wrong-name": "warning"})
    assert {(s.code, s.severity) for d in only.drafts for s in d.report.suggestions} == {("RF009", fl.Severity.WARNING)}
    assert only.copies == ()
    quiet = check_panel(copies, grammar="builtin", ignore=("panel-near-copy",))
    assert not [s for d in quiet.drafts for s in d.panel_findings]


def test_hostile_panels(analyzer: Analyzer) -> None:
    with pytest.raises(fl.InputError, match="got none"):
        check_panel([], analyzer=analyzer)
    with pytest.raises(fl.InputError, match="list of drafts"):
        check_panel("Dear Maria, thank you.", analyzer=analyzer)
    with pytest.raises(fl.InputError, match="not one panel"):
        check_panel(["Dear Maria,\n\nThank you."] * 101, analyzer=analyzer)
    with pytest.raises(fl.ConfigError, match="2 drafts but 1 contexts"):
        check_panel(["a", "b"], [None], analyzer=analyzer)
    one = check_panel(["Dear Maria,\n\nThank you for the tour.\n\nBest,\nJordan"], analyzer=analyzer)
    assert one.copies == () and one.notes and "nothing to compare" in one.notes[0]
    empty = check_panel(["", "Dear Maria,\n\nThank you for the tour.\n\nBest,\nJordan"], analyzer=analyzer)
    assert empty.drafts[0].report.score is None and empty.drafts[0].addressee is None


def test_fifty_notes(analyzer: Analyzer) -> None:
    base = (FIXTURES / "copies" / "maria.txt").read_text(encoding="utf-8")
    people = [f"Person{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(50)]
    report = check_panel([base.replace("Maria", p) for p in people], analyzer=analyzer, panel=people)
    assert len(report.copies) == 50 * 49 // 2
    message = report.drafts[0].panel_findings[0].message
    assert "PersonAB, PersonAC and 47 others" in message  # 49 other notes, two by name


# -- the command line --------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check-panel", "--grammar", "builtin", "--context", str(FIXTURES / "panel.toml"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_every_format_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(FIXTURES / "wrong_name")
    code, out, _ = cli(capsys, folder, "--color", "never")
    assert code == 1  # an error-level finding remains
    assert out.startswith("panel of 3 notes: Maria Chen, Priya Raman, Dev Okafor")
    assert "RF009 panel-wrong-name" in out
    for fmt, marker in (("json", '"RF009"'), ("jsonl", '"RF009"'), ("sarif", '"ruleId": "RF009"'), ("github", "RF009")):
        code, out, _ = cli(capsys, folder, "--format", fmt, "--exit-zero")
        assert code == 0 and marker in out, fmt
        if fmt == "json":
            records = json.loads(out)
            assert records[2]["panel"]["addressee"] == "Priya Raman"
        if fmt == "sarif":
            rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
            assert {"RF008", "RF009"} <= {r["id"] for r in rules}
    code, out, _ = cli(capsys, str(FIXTURES / "copies"), "--format", "jsonl")
    assert code == 0  # near-copies are warnings
    assert all(json.loads(line)["panel"]["copies"] for line in out.splitlines())


def test_cli_bad_input_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    good = str(FIXTURES / "personal" / "maria.txt")
    for args in ([str(tmp_path / "empty")], [str(binary), good], ["-"], [str(tmp_path / "none.txt")]):
        code, out, err = cli(capsys, *args)
        assert code == 2 and out == "", args
        assert err.count("\n") == 1 and "Traceback" not in err, err


def test_batch_panel(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["batch", "--panel", "--grammar", "builtin", str(FIXTURES / "copies")])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.count("near-copy: ") == 3 and out.count("panel-near-copy") >= 3


def test_a_very_long_note_is_compared_by_its_first_sentences(analyzer: Analyzer) -> None:
    body = " ".join(f"On day {k} we talked about the claims pipeline and backfill number {k}." for k in range(70))
    long_note = f"Dear Maria,\n\n{body}\n\nBest,\nJordan Lee"
    report = check_panel([long_note, long_note.replace("Maria", "Priya")], analyzer=analyzer)
    assert any("only its first 60 were compared" in n for n in report.notes)
    assert report.copies[0].compared == (60, 60)


def test_check_points_panel_rules_to_check_panel_and_accepts_a_shared_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = FIXTURES / "wrong_name" / sorted(p.name for p in (FIXTURES / "wrong_name").iterdir())[0]
    code = main(["check", "--grammar", "builtin", "--select", "RF008", str(note)])
    _, err = capsys.readouterr()
    assert code == 2 and "followup-lint check-panel" in err and "RF008 panel-near-copy" in err
    # a configuration file written for both commands: check runs its own rules and skips the panel's
    shared = tmp_path / "followup-lint.toml"
    shared.write_text('select = ["RF", "panel-wrong-name"]\nignore = ["RF008"]\n', encoding="utf-8")
    for command in ("check", "batch"):
        code = main(
            [command, "--grammar", "builtin", "--config", str(shared), "--format", "jsonl", "--exit-zero", str(note)]
        )
        out, err = capsys.readouterr()
        assert code == 0, err
        records = [json.loads(line) for line in out.splitlines()]
        assert records and {s["code"][:2] for r in records for s in r["suggestions"]} <= {"RF"}
