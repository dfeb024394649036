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
        ("grammar = [", "not a valid TOML"),
    ],
)
def test_bad_config_names_the_problem(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text(body + "\n")
    with pytest.raises(ConfigError, match=message) as exc:
        Config.from_file(path)
    assert str(path) in str(exc.value)


def _enabled(config: Config) -> set[str]:
    from followup_lint.rules.selection import Selection

    return {r.code for r in Selection.from_config(config).rules}


def test_selection_semantics() -> None:
    on = _enabled(Config(select=("RF", "slang"), ignore=("RF004",)))
    assert "RF002" in on and "FM001" in on
    assert "RF004" not in on and "TN001" not in on
    assert "GM008" not in _enabled(Config())
    assert "GM008" in _enabled(Config(select=("GM008",)))
    # a dimension name selects its rules; matching ignores case
    assert {c for c in _enabled(Config(ignore=("fm", "Tone"))) if c[:2] in ("FM", "TN")} == set()


@pytest.mark.parametrize("selector", ["nonsense", "XX9", "wrong-compny"])
def test_unknown_selectors_are_errors_naming_the_closest(selector: str) -> None:
    with pytest.raises(ConfigError, match="matches no rule"):
        _enabled(Config(ignore=(selector,)))
    with pytest.raises(ConfigError, match="wrong-company"):
        _enabled(Config(select=("wrong-compny",)))


def test_severity_most_specific_wins() -> None:
    c = Config(severity={"FM": fl.Severity.SUGGESTION, "FM001": fl.Severity.ERROR})
    assert c.severity_override("FM001", "slang") is fl.Severity.ERROR
    assert c.severity_override("FM002", "emoji") is fl.Severity.SUGGESTION
    assert c.severity_override("TN001", "pushy-request") is None


@pytest.mark.parametrize(
    "options",
    [
        {"grammer": "builtin"},
        {"weights": {"tone": float("inf")}},
        {"weights": {"tone": float("nan")}},
        {"weights": {"tone": -1}},
        {"severity": {"": "error"}},
        {"max_chars": 5_000_000},
        {"spacy_model": "os"},
        {"labeller": "bogus"},
        {"languagetool_url": "https://lt.example.org"},
    ],
)
def test_bad_options_are_config_errors(options: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        Config().with_(**options)


def test_a_remote_server_needs_an_opt_in_and_a_trusted_file(tmp_path: Path) -> None:
    assert Config(languagetool_url="https://lt.example.org", allow_remote=True).sends_text_away
    assert not Config(languagetool_url="http://127.0.0.1:8081").sends_text_away
    shared = tmp_path / ".followup-lint.toml"
    shared.write_text('languagetool_url = "http://127.0.0.1:8081"\n')
    with pytest.raises(ConfigError, match="may only be set in your own config"):
        Config.discover(tmp_path)


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
