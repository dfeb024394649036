"""The OpenAPI 3.1 document, written by hand: the report schema is the package's own JSON schema."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from .. import __version__
from .limits import Limits


@cache
def _report_schema() -> dict[str, Any]:
    text = resources.files("followup_lint").joinpath("data").joinpath("report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    schema.pop("$schema", None)
    return schema


_DRAFT = {
    "type": "object",
    "description": "Exactly one of text, eml_base64, html or draft.",
    "properties": {
        "text": {"type": "string", "description": "Plain text; a first line 'Subject: ...' is the subject."},
        "subject": {"type": "string", "description": "A subject given apart from text or html."},
        "eml_base64": {"type": "string", "contentEncoding": "base64", "description": "An RFC 822 message."},
        "html": {"type": "string", "description": "An HTML body (converted to text)."},
        "draft": {
            "type": "object",
            "description": "A Draft already read by the caller: text, body_span, subject_span, source, "
            "sent_at, notes (what followup-lint's own command sends).",
        },
    },
}
_CONTEXT = {
    "type": "object",
    "description": "Context fields, as in a --context TOML file.",
    "properties": {
        "interviewer": {"type": "string"},
        "company": {"type": "string"},
        "role": {"type": "string"},
        "topics": {"type": "array", "items": {"type": "string"}},
        "notes": {"type": "string"},
        "interview_date": {"type": "string", "description": "ISO date or date-time"},
        "send_date": {"type": "string", "description": "ISO date or date-time"},
        "candidate": {"type": "string"},
        "stage": {"type": "string"},
    },
    "additionalProperties": False,
}
_OPTIONS = {
    "type": "object",
    "description": "Config fields (select, ignore, severity, vocabulary, grammar, weights, labeller, max_chars). "
    "languagetool_url and spacy_model cannot be set over HTTP.",
}
_PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
    },
}


def _problems(*codes: int) -> dict[str, Any]:
    return {
        str(c): {
            "description": "A problem detail (RFC 9457)",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for c in codes
    }


def _json(ref: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def openapi(limits: Limits) -> dict[str, Any]:
    errors = _problems(400, 408, 413, 415, 422, 503, 504)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "followup-lint",
            "version": __version__,
            "description": "Scores post-interview follow-up drafts. Local by default; no draft is stored or logged. "
            f"Bodies are limited to {limits.max_body:,} bytes, batches to {limits.max_batch} drafts, requests to "
            f"{limits.timeout:g} s; past {limits.workers} running and {limits.queue} waiting requests the "
            "server answers 503.",
        },
        "paths": {
            "/v1/analyze": {
                "post": {
                    "summary": "Analyse one draft",
                    "requestBody": {"required": True, **_json("AnalyzeRequest")},
                    "responses": {"200": {"description": "The report", **_json("Report")}, **errors},
                }
            },
            "/v1/analyze-many": {
                "post": {
                    "summary": f"Analyse up to {limits.max_batch} drafts in one batch",
                    "requestBody": {"required": True, **_json("AnalyzeManyRequest")},
                    "responses": {
                        "200": {
                            "description": "One report per draft, in order",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "reports": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Report"},
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        **errors,
                    },
                }
            },
            "/v1/rules": {"get": {"summary": "Every rule", "responses": {"200": {"description": "The rules"}}}},
            "/v1/rules/{code}": {
                "get": {
                    "summary": "One rule's page (by code or name)",
                    "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "The rule"}, **_problems(404)},
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Liveness: 200 when ready, 503 while loading",
                    "responses": {"200": {"description": "Ready"}, "503": {"description": "Still loading"}},
                }
            },
        },
        "components": {
            "schemas": {
                "AnalyzeRequest": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Draft"},
                        {
                            "type": "object",
                            "properties": {
                                "context": {"$ref": "#/components/schemas/Context"},
                                "options": {"$ref": "#/components/schemas/Options"},
                            },
                        },
                    ]
                },
                "AnalyzeManyRequest": {
                    "type": "object",
                    "required": ["drafts"],
                    "properties": {
                        "drafts": {
                            "type": "array",
                            "maxItems": limits.max_batch,
                            "items": {
                                "allOf": [
                                    {"$ref": "#/components/schemas/Draft"},
                                    {"properties": {"context": {"$ref": "#/components/schemas/Context"}}},
                                ]
                            },
                        },
                        "context": {"$ref": "#/components/schemas/Context"},
                        "options": {"$ref": "#/components/schemas/Options"},
                    },
                },
                "Draft": _DRAFT,
                "Context": _CONTEXT,
                "Options": _OPTIONS,
                "Problem": _PROBLEM,
                "Report": _report_schema(),
            }
        },
    }
