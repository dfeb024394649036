"""The message reader: zones pinned on hand-written mail, the view's invariants, bounded time."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_lint.data import DataFileError, load_data
from followup_lint.draft import Draft
from followup_lint.message import ZONE_KINDS, Message, find_placeholders, read_message
from followup_lint.message.data import compile_patterns

FIXTURES = Path(__file__).parent / "fixtures" / "mail"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def load(name: str) -> tuple[str, dict[str, object]]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.zones.json").read_text(encoding="utf-8"))
    return text, expected


def zone_texts(m: Message, kind: str) -> list[str]:
    return [m.text[z.start : z.end] for z in m.zone(kind)]


def check_invariants(m: Message) -> None:
    text, view = m.text, m.view
    assert len(view) == len(text)
    blanked = [(z.start, z.end) for z in m.zones if z.kind in ("header", "quoted")]
    for i, (a, b) in enumerate(zip(text, view)):
        assert a == b or b == " "
        if a == "\n" and b == " ":  # only a wrapped line break is joined, never one of a blanked zone
            assert not any(s <= i < e for s, e in blanked)
    for z in m.zones:
        assert z.kind in ZONE_KINDS
        assert 0 <= z.start <= z.end <= len(text)
    assert list(m.zones) == sorted(m.zones, key=lambda z: (z.start, -z.end, ZONE_KINDS.index(z.kind)))
    outer = [z for z in m.zones if z.kind not in ("placeholder", "instruction")]
    for x, y in itertools.pairwise(outer):
        assert x.end <= y.start, (x, y)
    for s, e in m.paragraphs:
        assert s < e and any(z.start <= s and e <= z.end for z in m.zone("body"))


def test_there_are_sixty_fixtures() -> None:
    assert len(NAMES) >= 60


@pytest.mark.parametrize("name", NAMES)
def test_fixture_zones(name: str) -> None:
    text, expected = load(name)
    m = read_message(text)
    got = [{"kind": z.kind, "text": text[z.start : z.end]} for z in m.zones]
    assert got == expected["zones"]
    assert len(m.paragraphs) == expected["paragraphs"]
    check_invariants(m)


def test_quoted_reply_is_blank_in_the_view_and_own_words_are_not() -> None:
    text, _ = load("gmail_reply_top_posted")
    m = read_message(text)
    assert "Maria Chen" not in m.view and ">" not in m.view
    assert "Thank you for the quick reply" in m.view
    assert m.kind_at(text.index("maria@lumen.example")) == "quoted"
    assert not any("maria@" in p for p in zone_texts(m, "placeholder"))


def test_hard_wrap_is_one_paragraph_in_the_view() -> None:
    text, _ = load("wrap72_thank_you")
    m = read_message(text)
    first = m.paragraphs[0]
    assert "\n" in text[first[0] : first[1]]
    assert "\n" not in m.view[first[0] : first[1]]
    assert "the Senior Accountant position" in m.view


def test_list_lines_and_paragraphs_stay_apart() -> None:
    text, _ = load("wrap72_with_list")
    m = read_message(text)
    assert "two\nexamples" not in m.view and "two examples" in m.view
    assert "store\n- the shift" in m.view  # a list item is a line of its own


def test_signature_contact_lines_are_blank_but_the_name_stays() -> None:
    text, _ = load("signature_phone_linkedin")
    m = read_message(text)
    assert "Grace Liu" in m.view and "Best regards," in m.view
    assert "014-2231" not in m.view and "grace.liu@" not in m.view


def test_disclaimer_and_device_line_are_signature_and_blank() -> None:
    for name, words in (("signature_with_disclaimer", "CONFIDENTIALITY"), ("sent_from_iphone", "iPhone")):
        text, _ = load(name)
        m = read_message(text)
        assert words not in m.view
        assert m.kind_at(text.index(words)) == "signature"


def test_instruction_is_blank_in_the_view() -> None:
    text, _ = load("template_instruction_parenthesis")
    m = read_message(text)
    assert "You can use this section" not in m.view
    assert zone_texts(m, "instruction") == ["(You can use this section to mention something you forgot)"]


def test_one_line_body_is_not_swallowed_by_the_greeting() -> None:
    text = "Hi Ms. Alvarez, I'm just following up to see if you received my last email?"
    m = read_message(text)
    assert zone_texts(m, "greeting") == ["Hi Ms. Alvarez,"]
    assert zone_texts(m, "body") == ["I'm just following up to see if you received my last email?"]


@pytest.mark.parametrize(
    ("line", "greeting"),
    [
        ("Dear Ms. Beck and Ms. Apollo,\n\nThank you both.", "Dear Ms. Beck and Ms. Apollo,"),
        ("Andy,  Thanks for the chat.", "Andy,"),
        ("Hey Jake!!\n\nThanks!", "Hey Jake!!"),
        ("Hello hiring team,\n\nThank you.", "Hello hiring team,"),
        ("Yes, I can come on Friday.\n\nBest,\nAna", None),
        ("Dear hiring manager I am writing to thank you for the interview today.", None),
        ("Monday, I will send the references.", None),
    ],
)
def test_greetings(line: str, greeting: str | None) -> None:
    m = read_message(line)
    assert zone_texts(m, "greeting") == ([greeting] if greeting else [])


def test_offsets_are_absolute_into_the_draft_text() -> None:
    draft = Draft.from_text("Subject: Thank you\n\nHi Sam,\n\nThanks for today.\n\nBest,\nAna\n")
    m = read_message(draft.text, start=draft.body_span[0], end=draft.body_span[1])
    assert zone_texts(m, "greeting") == ["Hi Sam,"]
    assert zone_texts(m, "signature") == ["Ana"]
    assert m.view.startswith("Subject: Thank you")  # outside the range: left as it is
    assert all(z.start >= draft.body_span[0] for z in m.zones)


@pytest.mark.parametrize(
    "slot",
    [
        "Dear Mr./Ms. Last Name,",
        "the Position at Employer",
        "the Specific Position at Company Name",
        "Dear So And So,",
        "Hi Ms. Recruiter,",
        "Your email address",
        "Your contact info",
        "(You can use this section to mention something you forgot)",
        "on [date]",
        "Company Name",
        "Hiring Manager's Name",
        "the Job Title role",
        "Dear Mr./Ms.,",
        "Your Name",
        "at XYZ Company",
        "[insert detail]",
        "on ______",
        "{company}",
        "<JOB TITLE>",
        "[Interviewer's Name]",
    ],
)
def test_placeholder_forms_are_found(slot: str) -> None:
    assert find_placeholders(slot), slot


@pytest.mark.parametrize(
    "text",
    [
        "Write to me at <maria@lumen.example> or https://lumen.example/jobs/[id]",
        "My colleague [Maria Chen] sends her regards.",
        "See the article [1] and the note [sic].",
        "Thank you for meeting with the hiring manager and the company's founders.",
        "I will send it to your email address tomorrow.",
        "Dear Hiring Manager,",
    ],
)
def test_no_false_placeholders(text: str) -> None:
    assert find_placeholders(text) == []


def test_subject_alternatives_are_a_placeholder() -> None:
    text = "Subject: Interview Follow Up or Checking In"
    assert [text[s:e] for s, e, _ in find_placeholders(text)] == ["Interview Follow Up or Checking In"]


def test_a_bad_data_file_names_file_and_key() -> None:
    data = dict(load_data("message"))
    data["closing"] = {**data["closing"], "phrases": ["best(", "regards"]}
    with pytest.raises(DataFileError, match=r"message\.toml.*closing\.phrases\[0\]"):
        compile_patterns(data)
    del data["closing"]
    with pytest.raises(DataFileError, match=r"message\.toml.*closing"):
        compile_patterns(data)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*list("ab C,.!>:-\n\r\t[]@"), "Hi ", "Best,", "On x wrote:", "From: a", "Subject: b", "Sam,"])
    ).map("".join)
)
def test_invariants_hold_on_any_text(text: str) -> None:
    check_invariants(read_message(text))


@pytest.mark.parametrize("name", NAMES[:20])
def test_invariants_hold_inside_a_range(name: str) -> None:
    text, _ = load(name)
    padded = "Subject: x\n\n" + text + "\n\ntrailing"
    m = read_message(padded, start=12, end=12 + len(text))
    check_invariants(m)
    assert [(z.kind, padded[z.start : z.end]) for z in m.zones] == [
        (z.kind, text[z.start : z.end]) for z in read_message(text).zones
    ]


HOSTILE = textwrap.dedent(
    """
    from followup_lint.message import read_message
    cases = {
        "nested": "Hi,\\n\\nok\\n\\n" + "".join(">" * i + " level\\n" for i in range(1, 1001)),
        "big": ("Thanks for the interview. " * 12 + "\\n") * 35000,
        "signature": "Hi Sam,\\n\\nThanks.\\n\\nBest,\\nAna\\n" + "Ana Lee | +1 555 0100 | ana@x.example\\n" * 10000,
        "emoji": "Hi Sam, " + "\\U0001F389" * 20000,
        "bangs": "Thanks" + "!" * 20000 + "\\nBest,\\nAna",
        "words": "Subject: " + "word " * 80000,
        "brackets": "[" * 20000 + "]" * 20000,
        "spaces": "Hi" + " " * 100000 + "Sam,",
    }
    for name, text in cases.items():
        m = read_message(text)
        assert len(m.view) == len(text), name
    print("ok", len(cases))
    """
)


def test_hostile_inputs_finish() -> None:
    # a generous deadline in a subprocess: a super-linear pattern would take minutes, not seconds
    done = subprocess.run([sys.executable, "-c", HOSTILE], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok 8"
