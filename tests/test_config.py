"""Configuration files and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import followup_lint as fl
from followup_lint.config import Config, ConfigError


def test_discovers_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.followup-lint]\ngrammar = "off"\nignore = ["LN003"]\n'
        'severity = { FM001 = "error" }\nvocabulary = ["Snowflake"]\n'
    )
    sub = tmp_path / "drafts"
    sub.mkdir()
    config = Config.discover(sub)
    assert config.grammar == "off" and config.ignore == ("LN003",)
    assert config.severity["FM001"] is fl.Severity.ERROR and config.vocabulary == ("Snowflake",)


def test_dotfile_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.followup-lint]\ngrammar = "off"\n')
    (tmp_path / ".followup-lint.toml").write_text('grammar = "builtin"\n')
    assert Config.discover(tmp_path).grammar == "builtin"


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert Config.discover(tmp_path) == Config()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('grammar = "sometimes"', "grammar"),
        ('colour = "red"', "unknown key 'colour'"),
        ('severity = { FM001 = "fatal" }', "unknown severity"),
        ("weights = { charm = 3 }", "unknown dimension"),
        ("grammar = [", "invalid TOML"),
    ],
)
def test_bad_config_names_the_problem(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text(body + "\n")
    with pytest.raises(ConfigError, match=message) as exc:
        Config.from_file(path)
    assert str(path) in str(exc.value)


def test_selection_semantics() -> None:
    c = Config(select=("RF", "slang"), ignore=("RF004",))
    assert c.rule_enabled("RF002", "wrong-company")
    assert c.rule_enabled("FM001", "slang")
    assert not c.rule_enabled("RF004", "role-not-mentioned")
    assert not c.rule_enabled("TN001", "pushy-request")
    assert Config().rule_enabled("GM008", "style-issue", default=False) is False
    assert Config(select=("GM008",)).rule_enabled("GM008", "style-issue", default=False)


def test_severity_most_specific_wins() -> None:
    c = Config(severity={"FM": fl.Severity.SUGGESTION, "FM001": fl.Severity.ERROR})
    assert c.severity_for("FM001", "slang", fl.Severity.WARNING) is fl.Severity.ERROR
    assert c.severity_for("FM002", "emoji", fl.Severity.WARNING) is fl.Severity.SUGGESTION
    assert c.severity_for("TN001", "pushy-request", fl.Severity.WARNING) is fl.Severity.WARNING


def test_context_file_and_merge(tmp_path: Path) -> None:
    path = tmp_path / "ctx.toml"
    path.write_text('[context]\ninterviewer = "Maria Chen"\ntopics = ["a", "b"]\ninterview_date = 2026-03-02\n')
    ctx = fl.Context.from_toml(path)
    assert ctx.interviewer == "Maria Chen" and ctx.topics == ("a", "b")
    assert ctx.interview_date is not None and ctx.interview_date.hour == 12
    merged = fl.Context(company="Lumen").merged_over(ctx)
    assert merged.company == "Lumen" and merged.interviewer == "Maria Chen"
    path.write_text('interviewr = "typo"\n')
    with pytest.raises(fl.ContextError, match="unknown context field"):
        fl.Context.from_toml(path)
