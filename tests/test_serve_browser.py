"""The coaching page in a real browser: Debian's Chromium driven by Playwright (never a
downloaded browser). Type a draft, watch the score, reach findings by mouse and keyboard,
apply fixes, switch to dark mode; screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.fixes import apply_safe_fixes

from .test_serve_api import CONTEXT, EXAMPLE, ROOT, SCRIPT, ThreadServer

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True
    )

expect = playwright_api.expect


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with ThreadServer() as s:
        yield s.url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, url: str) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000},
        permissions=["clipboard-read", "clipboard-write"],
        color_scheme="light",
    )
    pg = context.new_page()
    problems: list[str] = []
    # a 4xx the page asked for (an invalid field) is shown to the user, not a page fault
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" and "status of 422" not in m.text else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.goto(url + "/")
    yield pg
    context.close()
    assert not problems, problems  # no CSP violation, no script error


def fill_context(page: Any) -> None:
    for key in ("interviewer", "company", "role", "candidate"):
        page.fill(f"#{key}", CONTEXT[key])
    page.fill("#topics", "\n".join(CONTEXT["topics"]))
    page.fill("#interview_date", CONTEXT["interview_date"])
    page.fill("#send_date", CONTEXT["send_date"])
    page.select_option("#stage", CONTEXT["stage"])


def score_of(page: Any) -> int:
    text = page.get_by_test_id("score").inner_text()
    return int(text.split("/")[0])


def settle(page: Any) -> None:
    expect(page.locator("#status")).to_have_text("Up to date.", timeout=20_000)


def test_type_see_reach_fix_and_switch_to_dark(page: Any, analyzer: Analyzer) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    fill_context(page)
    page.fill("#draft", EXAMPLE[:-1])
    page.locator("#draft").press_sequentially(EXAMPLE[-1:], delay=30)  # the last keystroke by hand
    settle(page)
    expected = analyzer.analyze(EXAMPLE, fl.Context.from_dict(CONTEXT))
    assert abs(score_of(page) - (expected.score or 0)) <= 0.5  # the page rounds half up

    # every finding is marked, overlapping ones included, and listed for assistive technology
    marked = page.eval_on_selector_all("#marked mark", "ms => [...new Set(ms.map(m => m.dataset.finding))].length")
    assert marked == len(expected.suggestions)
    findings = page.get_by_role("list", name="Findings").get_by_role("listitem")
    expect(findings).to_have_count(len(expected.suggestions))
    tree = page.get_by_role("list", name="Findings").aria_snapshot()
    for s in expected.suggestions:
        assert f"{s.code} {s.name}: " in tree
    assert page.get_by_role("button", name=re.compile("FM004 casual-greeting")).is_visible()

    # hover: the mark's finding shows its message, why and fix
    casual = next(s for s in expected.suggestions if s.code == "FM004")
    page.locator('#marked mark[data-code="FM004"]').first.hover()
    expect(page.locator("#detail")).to_contain_text(casual.message)
    expect(page.locator("#detail")).to_contain_text("Why: " + casual.why)
    expect(page.locator("#detail")).to_contain_text("warning")  # severity in words
    page.screenshot(path=str(ARTIFACTS / "serve-light.png"), full_page=True)

    # keyboard: Tab from the draft until a mark has focus; its finding is described and shown
    page.focus("#draft")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#marked mark')"):
            break
    else:
        pytest.fail("Tab never reached a marked finding")
    index = int(page.evaluate("document.activeElement.dataset.finding"))
    first = expected.suggestions[index]
    expect(page.locator("#detail")).to_contain_text(first.message)
    described = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent"
    )
    assert described == first.message
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('#marked mark')")  # the next finding

    # apply one safe fix with a click: the text changes, the score follows, before/after appears
    before_score = score_of(page)
    page.get_by_role("button", name="Apply fix: “Hello”").click()
    settle(page)
    assert page.input_value("#draft").startswith("Subject: Thanks!!\n\nHello Maria,")
    fixed = analyzer.analyze(page.input_value("#draft"), fl.Context.from_dict(CONTEXT))
    assert abs(score_of(page) - (fixed.score or 0)) <= 0.5 and score_of(page) >= before_score
    expect(page.locator("#compare")).to_be_visible()
    expect(page.get_by_test_id("compare-counts")).to_contain_text("Fixed: 1")

    # copy the fixed text: every safe fix, as the library applies them
    page.get_by_role("button", name="Copy fixed text").click()
    expect(page.locator("#copied")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == apply_safe_fixes(fixed)[0]
    page.get_by_role("button", name="Apply all safe fixes").click()
    settle(page)
    assert page.input_value("#draft") == apply_safe_fixes(fixed)[0]

    # dark mode: the toggle flips the scheme, the draft panel goes dark
    toggle = page.get_by_role("button", name="Dark mode")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    panel = page.eval_on_selector("#marked", "e => getComputedStyle(e).backgroundColor")
    assert panel == "rgb(22, 27, 34)"
    page.screenshot(path=str(ARTIFACTS / "serve-dark.png"), full_page=True)


def test_dark_by_system_setting(browser: Any, url: str) -> None:
    context = browser.new_context(color_scheme="dark")
    pg = context.new_page()
    pg.goto(url + "/")
    expect(pg.get_by_role("button", name="Dark mode")).to_have_attribute("aria-pressed", "true")
    assert pg.eval_on_selector("#marked", "e => getComputedStyle(e).backgroundColor") == "rgb(22, 27, 34)"
    context.close()


def test_user_text_is_shown_never_run(page: Any) -> None:
    page.evaluate("window.pwned = false")
    hostile = SCRIPT.replace('alert("pwned")', "window.pwned = true") + ' <img src=x onerror="window.pwned=true">'
    for key in ("interviewer", "company", "role", "candidate", "notes"):
        page.fill(f"#{key}", hostile)
    page.fill("#draft", f"Dear {hostile},\n\nThank you {hostile}.\n\nBest,\n{hostile}")
    settle(page)
    assert page.evaluate("window.pwned") is False
    assert page.locator("script").count() == 1  # only /static/app.js
    assert page.locator("#marked img, #findings img, #detail img").count() == 0
    expect(page.locator("#marked")).to_contain_text("<script>")


def test_an_error_is_shown_as_text(page: Any) -> None:
    page.fill("#interview_date", "")
    page.evaluate("document.getElementById('interview_date').type = 'text'")
    page.fill("#interview_date", "<b>soon</b>")
    page.fill("#draft", "Dear Sam,\n\nThank you.\n\nBest,\nAna")
    expect(page.get_by_role("alert")).to_contain_text("interview_date: '<b>soon</b>' is not an ISO date")


def test_comparison_columns_line_up(browser: Any, analyzer: Analyzer) -> None:
    from followup_lint.compare import compare_reports
    from followup_lint.display.html import comparison_html

    before = analyzer.analyze("")  # an unjudged draft: its column carries an extra note
    after = analyzer.analyze((ROOT / "examples" / "thank_you_revised.txt").read_text(encoding="utf-8"))
    pg = browser.new_page()
    pg.set_content(comparison_html(compare_reports(before, after)))
    tops = pg.eval_on_selector_all(
        ".fl-compare > .fl-dims, .fl-compare > div > .fl-dims, .fl-compare .fl-draft",
        "els => els.map(e => Math.round(e.getBoundingClientRect().top))",
    )
    pg.close()
    assert len(tops) == 4 and tops[0] == tops[1] and tops[2] == tops[3], tops
