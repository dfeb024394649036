"""Validated data files: phrase lists, thresholds and weights live here, not in code."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class DataFileError(RuntimeError):
    """A packaged data file is missing or malformed (names the file)."""


@cache
def load_data(name: str) -> dict[str, Any]:
    """Parse ``followup_lint/data/<name>.toml`` once."""
    path = resources.files(__package__).joinpath(f"{name}.toml")
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        return data
    except FileNotFoundError:
        raise DataFileError(f"data file {name}.toml is missing from the package") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"data file {name}.toml is malformed: {exc}") from None
