"""Terminal and GitHub-annotation escaping."""

from __future__ import annotations

from followup_lint.display.safe import github_message, github_property, terminal_safe


def test_osc_title_sequence_is_removed() -> None:
    assert terminal_safe("Hi \x1b]0;PWNED\x07Sam") == "Hi Sam"
    assert terminal_safe("Hi \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") == "Hi link"


def test_csi_sequences_are_removed() -> None:
    assert terminal_safe("\x1b[2J\x1b[31mred\x1b[0m text") == "red text"
    assert terminal_safe("a\x1b[?1049hb") == "ab"


def test_newline_and_tab_stay_other_controls_are_shown() -> None:
    out = terminal_safe("a\tb\nc\rd\x00e\x07f\x7fg\x9bh\x85i")
    assert "\t" in out and "\n" in out
    assert not any((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in out)
    assert out.startswith("a\tb\nc") and out.endswith("i")


def test_a_lone_escape_is_neutralised() -> None:
    out = terminal_safe("x\x1b")
    assert "\x1b" not in out and out.startswith("x")


def test_plain_text_is_unchanged() -> None:
    text = "Dear Ms. Chen,\n\tThank you — 😊"
    assert terminal_safe(text) == text


def test_github_message_escapes_like_the_toolkit() -> None:
    assert github_message("50% done\r\n::error::x") == "50%25 done%0D%0A::error::x"


def test_github_property_escapes_colon_and_comma_too() -> None:
    assert github_property("a,b:c\nd%") == "a%2Cb%3Ac%0Ad%25"
    assert github_property("drafts/note.txt") == "drafts/note.txt"
