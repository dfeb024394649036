"""Packaged data files: phrase lists, thresholds, weights and rubrics live here, not in code."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..tomlfile import TOMLDecodeError, loads


class DataFileError(RuntimeError):
    """A packaged data file is missing or malformed (names the file and the key)."""


@cache
def load_data(name: str) -> dict[str, Any]:
    """Parse ``followup_lint/data/<name>.toml`` once."""
    path = resources.files(__package__).joinpath(f"{name}.toml")
    try:
        return loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"data file {name}.toml is missing from the package") from None
    except TOMLDecodeError as exc:
        raise DataFileError(f"data file {name}.toml is malformed: {exc}") from None
