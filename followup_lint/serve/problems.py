"""Errors as RFC 9457 problem details: type, title, status, detail; never a traceback."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

PROBLEM_BASE = "https://followup-lint.invalid/problems/"
# JSON is written with <, > and & escaped: a draft's "<script>" never appears as markup in any
# answer, even to a client that ignores the content type.
_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})

TITLES = {
    "input-error": "The draft cannot be read",
    "config-error": "An option cannot be used",
    "context-error": "A context field cannot be used",
    "invalid-request": "The request does not match the API",
    "invalid-json": "The body is not valid JSON",
    "unsupported-media-type": "The body must be JSON",
    "too-large": "The request body is too large",
    "too-slow": "The request body arrived too slowly",
    "busy": "The server is busy",
    "timeout": "The analysis took too long",
    "not-found": "Not found",
    "method-not-allowed": "Method not allowed",
    "bad-host": "Unexpected Host header",
    "internal-error": "Internal error",
}


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).translate(_ESCAPES).encode()


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content)


def problem(kind: str, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    body = {"type": PROBLEM_BASE + kind, "title": TITLES[kind], "status": status, "detail": detail}
    return Response(dumps(body), status_code=status, media_type="application/problem+json", headers=headers)
