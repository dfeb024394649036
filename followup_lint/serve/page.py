"""The coaching page: static files shipped in the package, and the one value filled in at
serve time (the stages this version knows). No inline script or style: the CSP forbids both."""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from ..display.html import report_css
from ..types import Stage

STATIC = {
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}
STAGE_LABELS = {
    "auto": "decide from the draft",
    "thank_you": "thank-you note",
    "status_check": "status check",
    "final": "final note",
}


def _read(name: str) -> str:
    return resources.files(__package__).joinpath("static").joinpath(name).read_text(encoding="utf-8")


@cache
def index_html() -> str:
    options = "".join(
        f'<option value="{escape(s.value)}">{escape(STAGE_LABELS.get(s.value, s.value.replace("_", " ")))}</option>'
        for s in Stage
    )
    return _read("index.html").replace("<!--STAGES-->", options)


@cache
def static_file(name: str) -> tuple[str, str] | None:
    """(content, content type) of a static asset, or None for a name we do not ship."""
    if name == "report.css":  # the report styles are shared with the Jupyter view
        return report_css(), "text/css; charset=utf-8"
    if name not in STATIC:
        return None
    return _read(name), STATIC[name]
