"""The report colours, light and dark, meet WCAG AA: 4.5:1 for text, 3:1 for bars and marks."""

from __future__ import annotations

import pytest

from followup_lint.display.html import GRAPHIC_PAIRS, PALETTE, TEXT_PAIRS


def luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-fails grey


@pytest.mark.parametrize("scheme", sorted(PALETTE))
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS)
def test_text_colours_reach_4_5(scheme: str, fg: str, bg: str) -> None:
    colors = PALETTE[scheme]
    assert contrast(colors[fg], colors[bg]) >= 4.5, f"{scheme}: {fg} on {bg}"


@pytest.mark.parametrize("scheme", sorted(PALETTE))
@pytest.mark.parametrize(("fg", "bg"), GRAPHIC_PAIRS)
def test_graphics_reach_3(scheme: str, fg: str, bg: str) -> None:
    colors = PALETTE[scheme]
    assert contrast(colors[fg], colors[bg]) >= 3.0, f"{scheme}: {fg} on {bg}"


def test_both_schemes_name_the_same_colours() -> None:
    assert set(PALETTE["light"]) == set(PALETTE["dark"])
