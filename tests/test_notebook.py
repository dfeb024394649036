"""The coaching tutorial runs top to bottom with the real model, and the HTML view it shows\n(shared with the coaching page) marks every finding, for mouse and keyboard, in both schemes."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.compare import compare_reports
from followup_lint.display.html import comparison_html, report_css, report_html
from followup_lint.display.notebook import coach

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "coaching.ipynb"


@pytest.mark.slow
def test_coaching_notebook_executes() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any("fl-report" in o["data"]["text/html"] for o in html)


# -- the HTML view shared with the page -----------------------------------------------------------


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: dict[str, str] = {}
        self._open: list[str] = []
        self._text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self._open.append(str(a["id"]))
            self._text[str(a["id"])] = []
        else:
            self._open.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for i in self._open:
            if i:
                self._text[i].append(data)

    def text(self, id_: str) -> str:
        return "".join(self._text[id_])


def _example(analyzer: Analyzer) -> fl.Report:
    text = (EXAMPLES / "thank_you_draft.txt").read_text(encoding="utf-8")
    return analyzer.analyze(text, fl.Context.from_toml(EXAMPLES / "thank_you_draft.toml"))


def test_every_finding_is_marked_and_reachable_by_keyboard(analyzer: Analyzer) -> None:
    report = _example(analyzer)
    assert len(report.suggestions) >= 10
    parsed = _Tags()
    parsed.feed(report_html(report))
    marks = [a for t, a in parsed.tags if "fl-mark" in (a.get("class") or "")]
    assert {a["data-finding"] for a in marks} == {str(i) for i in range(len(report.suggestions))}
    focusable = [a for a in marks if a.get("tabindex") == "0"]
    assert len(focusable) == len(report.suggestions)  # one tab stop per finding, overlaps included
    for a in focusable:
        s = report.suggestions[int(str(a["data-finding"]))]
        described = parsed.text(str(a["aria-describedby"]))
        assert s.message in described and s.why in described and s.severity.value in described


def test_user_text_is_escaped_everywhere(analyzer: Analyzer) -> None:
    script = "<script>alert(1)</script>"
    ctx = fl.Context(interviewer=script, company=script)
    report = analyzer.analyze(f"Subject: {script}\n\nDear {script}, thx!!\n\n{script}", ctx)
    html = report_html(report) + comparison_html(compare_reports(report, report))
    assert "<script" not in html and "&lt;script&gt;" in html


def test_dark_mode_reaches_the_draft_panel() -> None:
    css = report_css()
    assert "@media (prefers-color-scheme: dark)" in css
    assert '[data-jp-theme-light="false"] .fl-report' in css and "body.vscode-dark .fl-report" in css
    draft_rule = re.search(r"\.fl-draft\{[^}]*\}", css)
    assert draft_rule and "var(--fl-panel)" in draft_rule.group(0) and "#fff" not in draft_rule.group(0)


def test_the_html_view_computes_no_comparison() -> None:
    code = "import sys, followup_lint.display.html; print('followup_lint.compare' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_comparison_rows_pair_before_with_after(analyzer: Analyzer) -> None:
    before = _example(analyzer)
    after = analyzer.analyze((EXAMPLES / "thank_you_revised.txt").read_text(encoding="utf-8"))
    html = comparison_html(compare_reports(before, after))
    grid = html[html.index('<div class="fl-compare">') :]
    assert grid.count('<div class="fl-draft">') == 2 and "Fixed:" in html


class _Counting:
    """A real analyzer that counts its calls."""

    def __init__(self, inner: Analyzer) -> None:
        self.inner, self.calls = inner, 0

    def analyze(self, text: str, context: Any = None) -> fl.Report:
        self.calls += 1
        return self.inner.analyze(text, context)


def test_coach_rescores_as_you_type_once_you_pause(analyzer: Analyzer) -> None:
    pytest.importorskip("ipywidgets")
    counting = _Counting(analyzer)
    widget = coach("Dear Sam,", analyzer=counting, delay=0.2)
    box, out = widget.children
    assert box.continuous_update is True and counting.calls == 1
    for piece in ("Dear Sam,\n\nThank", " you", " for", " your time.\n\nBest,\nAna"):
        box.value += piece
        time.sleep(0.02)  # keystrokes faster than the pause
    deadline = time.monotonic() + 30
    while counting.calls < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.4)
    assert counting.calls == 2  # one re-score for the burst, not one per keystroke
    assert "your time." in out.value and "fl-report" in out.value


def test_class_table_needs_one_name_per_report() -> None:
    from followup_lint import analyze
    from followup_lint.display.notebook import class_table

    reports = [analyze("Dear Sam,\n\nThank you.\n\nJo", grammar="builtin")] * 2
    with pytest.raises(ValueError, match="2 reports but 1 names"):
        class_table(reports, ["only one"])
    with pytest.raises(TypeError):
        class_table(reports, "ab")
