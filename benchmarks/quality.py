"""Quality benchmark: how far followup-lint's judgement agrees with people.

    python benchmarks/quality.py [--data DIR] [--only NAME ...] [--json OUT]

Each part lives in its own module ``benchmarks/quality_<name>.py`` with two functions:

    run(data: Path | None) -> dict      # measure; ``data`` is the shared data folder or None
    markdown(result: dict) -> str       # the part's section of benchmarks/REPORT.md

Development data written by other people is read from ``../shared/data`` (or ``--data``,
or ``$FOLLOWUP_LINT_DATA``) at measurement time and never copied into the project. When the
folder is absent a part that needs it says so and skips; parts that use only the project's
own corpus still run. Every figure says which data it comes from and whether we tuned on it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def data_dir(explicit: str | None = None) -> Path | None:
    """The shared development data folder, or None when it is not there."""
    for candidate in (explicit, os.environ.get("FOLLOWUP_LINT_DATA"), str(ROOT.parent / "shared" / "data")):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def parts() -> list[str]:
    return sorted(p.stem.removeprefix("quality_") for p in HERE.glob("quality_*.py"))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", help="shared data folder (default ../shared/data)")
    p.add_argument("--only", nargs="*", help="run only these parts")
    p.add_argument("--json", default=str(HERE / "quality.json"), help="where to write the figures")
    args = p.parse_args(argv)
    data = data_dir(args.data)
    if data is None:
        print("shared data folder not found: parts that need it are skipped", file=sys.stderr)
    results: dict[str, Any] = {}
    sections: list[str] = []
    for name in args.only or parts():
        module = importlib.import_module(f"quality_{name}")
        started = time.perf_counter()
        result = module.run(data)
        result["seconds"] = round(time.perf_counter() - started, 1)
        results[name] = result
        section = module.markdown(result)
        sections.append(section)
        print(section, flush=True)
    previous: dict[str, Any] = {}
    out = Path(args.json)
    if args.only and out.is_file():
        previous = json.loads(out.read_text(encoding="utf-8"))
    previous.update(results)
    out.write_text(json.dumps(previous, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
