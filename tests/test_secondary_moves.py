"""A sentence can make two moves; the report names both, and the rules count the second."""

from __future__ import annotations

from followup_lint import Report, analyze

TWO_MOVES = (
    "Dear Ms. Chen,\n\nThank you for the interview on Tuesday. I'm very interested in the role and look "
    "forward to hearing about next steps.\n\nBest regards,\nJordan Lee\n"
)


def _sentence(report: Report, start: str) -> dict[str, object]:
    return next(s for s in report.to_dict()["sentences"] if str(s["text"]).startswith(start))


def test_interest_and_next_steps_in_one_sentence() -> None:
    report = analyze(TWO_MOVES, grammar="off")
    s = _sentence(report, "I'm very interested")
    moves = [s["move"], *s["secondary"]]  # type: ignore[misc]
    assert {"interest", "next_steps"} <= set(moves)
    assert s["move"] not in s["secondary"]  # type: ignore[operator]
    codes = {x.code for x in report.suggestions}
    assert "IN001" not in codes and "ST006" not in codes


def test_greeting_and_sign_off_make_no_second_move() -> None:
    report = analyze(TWO_MOVES, grammar="off")
    for s in report.to_dict()["sentences"]:
        if s["move"] in ("greeting", "sign_off"):
            assert s["secondary"] == []


def test_secondary_moves_survive_the_json_round_trip() -> None:
    report = analyze(TWO_MOVES, grammar="off")
    again = Report.from_dict(report.to_dict())
    assert [s.secondary for s in again.sentences] == [s.secondary for s in report.sentences]
    assert any(s.secondary for s in again.sentences)
