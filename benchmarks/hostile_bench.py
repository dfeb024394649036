"""Hostile input, before and after: time and peak memory of the worst cases, each in its own
process with a deadline and an address-space cap, so a case that would take the machine down
is recorded as what it did instead.

    python benchmarks/hostile_bench.py [--before REV] [--deadline SECONDS] [--quick]

"before" runs the package as it was at REV (exported with ``git archive`` into a temporary
folder); "after" runs this checkout. The tokenizer cases compare spaCy on the raw text with
spaCy on ``tokenizer_safe(text)`` in this checkout (the raw run only at a small size: 100,000
raw "!" would take most of an hour). Writes ``benchmarks/hostile_results.json``; the numbers
in ``benchmarks/HOSTILE.md`` come from it. All inputs are generated here; no data is read.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "1ee509f"  # the package before the hostile-input work
MEMORY_CAP = 4_000_000_000  # bytes of address space per case

_EML = """
import time
from followup_lint.draft import Draft
word, n = {word!r}, {n}
raw = ("From: a@b.c\\nTo: d@e.f\\nSubject: " + word * (n // len(word)) + "\\n\\nDear Sam,\\nThanks.\\n").encode()
t = time.perf_counter()
try:
    d = Draft.from_bytes(raw, name="x.eml")
    result = "subject of %d characters" % len(d.subject or "")
except MemoryError:
    result = "MemoryError"
seconds = time.perf_counter() - t
"""

_PART = """
import time
from followup_lint.draft import Draft
big = "=?utf-8?q?Thank_you?= " * 13_000
raw = ("From: a@b.c\\nTo: d@e.f\\nSubject: hi\\nMIME-Version: 1.0\\n"
       'Content-Type: multipart/mixed; boundary="B"\\n\\n--B\\n'
       'Content-Type: text/plain; charset=utf-8; name="' + big + '"\\n'
       'Content-Disposition: inline; filename="' + big + '"\\n\\nDear Sam,\\nThanks.\\n--B--\\n').encode()
t = time.perf_counter()
try:
    result = "body: %r" % Draft.from_bytes(raw, name="x.eml").body[:9]
except Exception as exc:
    result = type(exc).__name__
seconds = time.perf_counter() - t
"""

_SPACY = """
import time
from followup_lint.nlp.loading import load_pipeline
nlp = load_pipeline()
nlp.max_length = 2_000_000
text = {text}
safe = {safe}
if safe:
    from followup_lint.sanitize import tokenizer_safe
t = time.perf_counter()
doc = nlp(tokenizer_safe(text) if safe else text)
seconds = time.perf_counter() - t
result = "%d tokens" % len(doc)
"""

_SPANS = """
import time
from followup_lint.report import Span
text = "a\\n" * 10_000
t = time.perf_counter()
spans = [Span.of(text, i, i + 1) for i in range(0, 20_000, 2)]
seconds = time.perf_counter() - t
result = "%d spans" % len(spans)
"""

_ANALYZE = """
import time
import followup_lint as fl
analyzer = fl.Analyzer(fl.Config(grammar="builtin"))
analyzer.analyze("Dear Sam,\\n\\nThank you.\\n")
t = time.perf_counter()
report = analyzer.analyze("a\\n" * 10_000)
seconds = time.perf_counter() - t
result = "%d suggestions" % len(report.suggestions)
"""

_FIFO = """
import os, tempfile, time
from followup_lint.draft import Draft, InputError
path = os.path.join(tempfile.mkdtemp(), "draft.txt")
os.mkfifo(path)
t = time.perf_counter()
try:
    Draft.from_path(path)
    result = "read"
except InputError as exc:
    result = "InputError: %s" % str(exc).split(": ", 1)[-1]
seconds = time.perf_counter() - t
"""

_RUNNER = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
{body}
print(json.dumps({{"seconds": round(seconds, 3), "result": result}}))
"""


def run_case(code: str, pythonpath: Path, deadline: float) -> dict[str, Any]:
    """One case in a fresh process: its own timing, its peak RSS, or how it failed."""
    script = _RUNNER.format(cap=MEMORY_CAP, body=textwrap.dedent(code))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        env = {**os.environ, "PYTHONPATH": str(pythonpath)}
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=out, stderr=err, env=env, cwd=pythonpath)
        end = time.monotonic() + deadline
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > end:
                proc.kill()
                killed = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        peak_mb = round(usage.ru_maxrss / 1024, 1)  # KiB on Linux
        if killed:
            return {"outcome": f"killed at the {deadline:.0f} s deadline", "peak_mb": peak_mb}
        lines = out.read().decode().strip().splitlines()
        if proc.returncode != 0 or not lines:
            tail = err.read().decode().strip().splitlines()[-1:] or ["?"]
            return {"outcome": f"failed: {tail[0][:200]}", "peak_mb": peak_mb}
        data = json.loads(lines[-1])
        return {"outcome": "ok", "seconds": data["seconds"], "result": data["result"], "peak_mb": peak_mb}


def export(rev: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", rev, "followup_lint", "models"], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def cases(quick: bool) -> list[tuple[str, str, bool]]:
    """(name, code, compare with before): cases that exist in the old package run twice."""
    word = "=?utf-8?q?Thank_you?= "
    out = [
        ("rfc2047 subject 250 KB", _EML.format(word=word, n=250_000), True),
        ("rfc2047 subject 1 MB", _EML.format(word=word, n=1_000_000), not quick),
        ("MIME part headers of 300 KB encoded words", _PART, True),
        ("plain subject 980 KB", _EML.format(word="Thank you ", n=980_000), True),
        ("10,000 spans over 10,000 one-letter lines", _SPANS, True),
        ("analyze() of 10,000 one-letter lines", _ANALYZE, True),
        ("a FIFO as input", _FIFO, True),
    ]
    for label, unit in (("!", "!"), (")", ")"), ("emoji", "\\U0001F60A"), ("a", "a"), (".", ".")):
        raw_n = 5_000
        out.append((f"spaCy, raw {raw_n:,} x {label}", _SPACY.format(text=f'"{unit}" * {raw_n}', safe=False), False))
        out.append(
            (f"spaCy, tokenizer_safe 100,000 x {label}", _SPACY.format(text=f'"{unit}" * 100_000', safe=True), False)
        )
    out.append(("spaCy, raw 10,000 one-letter lines", _SPACY.format(text='"a\\n" * 10_000', safe=False), False))
    out.append(
        ("spaCy, tokenizer_safe 10,000 one-letter lines", _SPACY.format(text='"a\\n" * 10_000', safe=True), False)
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default=BEFORE, help=f"git revision for the 'before' runs (default {BEFORE})")
    ap.add_argument("--deadline", type=float, default=120.0, help="seconds per case (default 120)")
    ap.add_argument("--quick", action="store_true", help="skip the 1 MB 'before' case (it needs the full memory cap)")
    args = ap.parse_args()
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        before = export(args.before, Path(tmp))
        for name, code, compare in cases(args.quick):
            row: dict[str, Any] = {"case": name}
            if compare:
                row["before"] = run_case(code, before, args.deadline)
            row["after"] = run_case(code, ROOT, args.deadline)
            results.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    payload = {
        "before_revision": args.before,
        "deadline_seconds": args.deadline,
        "memory_cap_bytes": MEMORY_CAP,
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "results": results,
    }
    (ROOT / "benchmarks" / "hostile_results.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
