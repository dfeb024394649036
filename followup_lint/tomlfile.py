"""Reading TOML files: one place for the ``tomllib`` shim and for the one-line errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError


def loads(text: str) -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(text)
    return data


def read_toml(path: str | Path, *, error: type[Exception], what: str = "file") -> dict[str, Any]:
    """The parsed file, or ``error`` with a one-line message naming the file."""
    p = Path(path)
    try:
        if p.is_dir():
            raise error(f"{p}: is a directory, not a {what}")
        return loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{p}: {what} not found") from None
    except PermissionError:
        raise error(f"{p}: permission denied") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{p}: not a valid TOML {what} ({exc})") from None
    except OSError as exc:
        raise error(f"{p}: cannot read ({exc.strerror or exc})") from None
