"""Grammar and spelling quality on our case file, and the speller comparison.

    python benchmarks/grammar_eval.py      # writes the grammar block of benchmarks/REPORT.md

For each backend (LanguageTool on the local server, the built-in checker) every case of
``corpus/grammar/cases.jsonl`` goes through the whole analyzer with its context, and the GM
findings are matched to the expected errors: an expected error is found when a finding's span
overlaps it; a finding that overlaps no expected error is a false alarm. Then the two offline
spelling dictionaries (pyspellchecker, symspellpy) are compared on the spelling cases alone:
detection, false flags, top correction and time.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import followup_lint as fl  # noqa: E402
from followup_lint.grammar.builtin import spelling_candidates  # noqa: E402
from followup_lint.grammar.variants import american_forms  # noqa: E402

CASES = ROOT / "corpus" / "grammar" / "cases.jsonl"


def load_cases() -> list[dict[str, Any]]:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    for case in cases:
        for err in case["errors"]:
            at = case["text"].find(err["text"], err.get("at", 0))
            if at < 0:
                raise ValueError(f"{case['id']}: {err['text']!r} is not in the text")
            err["start"], err["end"] = at, at + len(err["text"])
    return cases


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_backend(mode: str, cases: list[dict[str, Any]]) -> dict[str, Any]:
    analyzer = fl.Analyzer(grammar=mode)
    analyzer.analyze("Warm-up sentence for the checker.")
    found: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    false_alarms: list[dict[str, Any]] = []
    clean_flagged = 0
    times = []
    backends = Counter()
    for case in cases:
        ctx = fl.Context.from_dict(case.get("context") or {})
        started = time.perf_counter()
        report = analyzer.analyze(case["text"], context=ctx)
        times.append(time.perf_counter() - started)
        backends[report.grammar["backend"]] += 1
        spans = [(s.span.start, s.span.end, s) for s in report.suggestions if s.code.startswith("GM")]
        for err in case["errors"]:
            expected[err["kind"]] += 1
            if any(overlaps((a, b), (err["start"], err["end"])) for a, b, _ in spans):
                found[err["kind"]] += 1
        stray = [s for a, b, s in spans if not any(overlaps((a, b), (e["start"], e["end"])) for e in case["errors"])]
        false_alarms += [{"id": case["id"], "code": s.code, "text": s.text, "rule": s.source_rule} for s in stray]
        if not case["errors"] and stray:
            clean_flagged += 1
    n_clean = sum(1 for c in cases if not c["errors"])
    total_expected = sum(expected.values())
    total_found = sum(found.values())
    return {
        "backend": mode,
        "ran_as": dict(backends),
        "cases": len(cases),
        "expected_errors": total_expected,
        "recall": round(total_found / total_expected, 3) if total_expected else None,
        "recall_by_kind": {k: f"{found[k]}/{expected[k]}" for k in sorted(expected)},
        "false_alarms": len(false_alarms),
        "false_alarms_per_100_sentences": round(100 * len(false_alarms) / len(cases), 1),
        "clean_sentences": n_clean,
        "clean_sentences_flagged": clean_flagged,
        "precision": round(total_found / (total_found + len(false_alarms)), 3) if total_found else None,
        "median_ms": round(1000 * statistics.median(times), 1),
        "false_alarm_examples": false_alarms[:15],
    }


class PySpell:
    name = "pyspellchecker 0.9 (distance 1, as shipped)"

    def __init__(self, distance: int = 1) -> None:
        from spellchecker import SpellChecker

        self.spell = SpellChecker(distance=distance)
        if distance != 1:
            self.name = f"pyspellchecker 0.9 (distance {distance}, its default)"

    def unknown(self, word: str) -> bool:
        return bool(self.spell.unknown([word])) and not self.spell.known(american_forms(word))

    def correct(self, word: str) -> str | None:
        result: str | None = self.spell.correction(word)
        return result


class SymSpell:
    name = "symspellpy 6.10 (edit distance 2, bundled 82k-word list)"

    def __init__(self) -> None:
        import importlib.resources

        from symspellpy import SymSpell as _SymSpell

        self.sym = _SymSpell(max_dictionary_edit_distance=2)
        path = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
        self.sym.load_dictionary(str(path), term_index=0, count_index=1)

    def unknown(self, word: str) -> bool:
        known = self.sym.words
        return word not in known and not any(w in known for w in american_forms(word))

    def correct(self, word: str) -> str | None:
        from symspellpy import Verbosity

        hits = self.sym.lookup(word, Verbosity.TOP, max_edit_distance=2)
        return hits[0].term if hits else None


def compare_spellers(cases: list[dict[str, Any]], drafts: list[str]) -> list[dict[str, Any]]:
    rows = []
    for make in (PySpell, lambda: PySpell(2), SymSpell):
        started = time.perf_counter()
        speller = make()
        load_s = time.perf_counter() - started
        detected = corrected = expected = flags = 0
        for case in cases:
            ctx = case.get("context") or {}
            accepted = {w.lower() for v in ctx.values() for w in re.findall(r"[\w'’-]+", str(v))}
            misspelled = [e for e in case["errors"] if e["kind"] == "spelling"]
            for start, end, _, word in spelling_candidates(case["text"], accepted):
                if not any(overlaps((start, end), (e["start"], e["end"])) for e in misspelled):
                    flags += speller.unknown(word)
            for err in misspelled:
                expected += 1
                word = err["text"].lower()
                if speller.unknown(word):
                    detected += 1
                    if (speller.correct(word) or "") == str(err.get("fix", "")).lower():
                        corrected += 1
        per_draft = []
        for text in drafts:
            started = time.perf_counter()
            for _, _, _, word in spelling_candidates(text, set()):
                if speller.unknown(word):
                    speller.correct(word)
            per_draft.append(time.perf_counter() - started)
        rows.append(
            {
                "speller": speller.name,
                "load_s": round(load_s, 2),
                "detected": f"{detected}/{expected}",
                "corrected": f"{corrected}/{expected}",
                "false_flags": flags,
                "per_draft_ms_p50": round(1000 * statistics.median(per_draft), 1) if per_draft else None,
                "per_draft_ms_max": round(1000 * max(per_draft), 1) if per_draft else None,
            }
        )
    return rows


def load_draft_bodies() -> list[str]:
    out = []
    for path in sorted((ROOT / "corpus" / "drafts").glob("*.jsonl")):
        out += [json.loads(line)["body"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def render(results: dict[str, Any]) -> str:
    lines = [
        f"Grammar cases: {results['cases']} sentences in `corpus/grammar/cases.jsonl`, "
        f"{results['expected_errors']} expected errors, {results['clean']} clean sentences (traps: names, "
        "jargon, British spelling, informal but correct English). Whole analyzer, GM findings only.",
        "",
        "| backend | recall | precision | false alarms / 100 sentences | clean sentences flagged | median ms / case |",
        "|---|---|---|---|---|---|",
    ]
    for b in results["backends"]:
        if "error" in b:
            lines.append(f"| {b['backend']} | not run: {b['error']} | | | | |")
            continue
        lines.append(
            f"| {b['backend']} | {b['recall']:.2f} | {b['precision']:.2f} | {b['false_alarms_per_100_sentences']} "
            f"| {b['clean_sentences_flagged']}/{b['clean_sentences']} | {b['median_ms']} |"
        )
    names = [b["backend"] for b in results["backends"]]
    lines += ["", "Recall by error kind:", "", "| kind | " + " | ".join(names) + " |"]
    lines.append("|---" * (1 + len(results["backends"])) + "|")
    kinds = sorted({k for b in results["backends"] for k in b.get("recall_by_kind", {})})
    for k in kinds:
        cells = [b.get("recall_by_kind", {}).get(k, "—") for b in results["backends"]]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Spelling dictionaries on the spelling errors of the same cases (same word filter), and time to "
        "check every word of each bundled draft:",
        "",
        "| speller | load | detected | top correction right | false flags on correct words | per draft p50 / max |",
        "|---|---|---|---|---|---|",
    ]
    for s in results["spellers"]:
        lines.append(
            f"| {s['speller']} | {s['load_s']} s | {s['detected']} | {s['corrected']} | {s['false_flags']} | "
            f"{s['per_draft_ms_p50']} / {s['per_draft_ms_max']} ms |"
        )
    return "\n".join(lines)


def main() -> int:
    cases = load_cases()
    results: dict[str, Any] = {
        "cases": len(cases),
        "expected_errors": sum(len(c["errors"]) for c in cases),
        "clean": sum(1 for c in cases if not c["errors"]),
        "backends": [],
    }
    for mode in ("languagetool", "builtin"):
        try:
            results["backends"].append(evaluate_backend(mode, cases))
        except Exception as exc:  # a machine without Java still gets the built-in figures
            results["backends"].append({"backend": mode, "error": str(exc)})
    results["spellers"] = compare_spellers(cases, load_draft_bodies())
    (ROOT / "benchmarks" / "grammar_results.json").write_text(json.dumps(results, indent=2) + "\n")
    block = render(results)
    print(block)
    report = ROOT / "benchmarks" / "REPORT.md"
    text = report.read_text(encoding="utf-8")
    start, end = "<!-- grammar:start (benchmarks/grammar_eval.py) -->", "<!-- grammar:end -->"
    if start in text:
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: f"{start}\n{block}\n{end}", text, flags=re.S)
    else:
        text += f"\n## Grammar and spelling\n\n{start}\n{block}\n{end}\n"
    report.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
