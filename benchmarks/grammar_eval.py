"""Grammar and spelling quality on our case file and on learner sentences, and the speller
comparison.

    python benchmarks/grammar_eval.py              # everything; writes benchmarks/grammar_results.json
    python benchmarks/grammar_eval.py --jfleg 300  # the learner sentences only, the first 300

Backends: LanguageTool, Harper, the two merged (``auto``) and the built-in checker.

For each backend (LanguageTool on the local server, the built-in checker) every case of
``corpus/grammar/cases.jsonl`` goes through the whole analyzer with its context, and the GM
findings are matched to the expected errors: an expected error is found when a finding's span
overlaps it; a finding that overlaps no expected error is a false alarm. Then the two offline
spelling dictionaries (pyspellchecker, symspellpy) are compared on the spelling cases alone:
detection, false flags, top correction and time.

Learner sentences (``../shared/data/grammar/jfleg_dev``, read at run time, skipped when absent,
never copied into the project): each tokenised source sentence is detokenised and analysed
alone; one whose four references all differ from it has an error, and it is *found* when any
GM finding is reported on it (or FM005, which reports a text written wholly in lower case once,
in place of GM003/GM004 on each sentence). Each reference is a corrected sentence, and any GM finding on
one is a *false alarm*. We report recall, false-alarm rate and their difference. The
references are human corrections and some still hold errors, so the false-alarm rate is an
upper bound.

Speed: warm ``analyze()`` time per bundled draft with Harper, and the cold start of the CLI on
one file with ``--grammar harper`` and ``--grammar builtin``.
"""

from __future__ import annotations

import hashlib
import json
import os
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
# The shared data folder: FOLLOWUP_LINT_DATA (as for benchmarks/quality.py), else ../shared/data.
JFLEG = Path(os.environ.get("FOLLOWUP_LINT_DATA") or ROOT.parent / "shared" / "data") / "grammar" / "jfleg_dev"
BACKENDS = ("languagetool", "harper", "auto", "builtin")


def detokenise(line: str) -> str:
    """Undo the data's tokenisation: " ." -> ".", " n't" -> "n't", " 's" -> "'s", quotes."""
    s = " ".join(line.split())
    s = re.sub(r" ([.,!?;:%)\]}])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'m|'ll|'d)\b", r"\1", s, flags=re.I)
    s = re.sub(r"``|''", '"', s)
    s = re.sub(r"(?<=s) ' ", "' ", s)  # plural possessive: "years ' time" -> "years' time"
    parts = s.split('"')
    if len(parts) % 2 == 1:  # paired double quotes: attach each to the words it encloses
        s = "".join(p if i % 2 == 0 else '"' + p.strip() + '"' for i, p in enumerate(parts))
        s = re.sub(r'" ([.,!?;:])', r'"\1', s)
    return s


def load_jfleg(limit: int | None = None) -> tuple[list[str], list[list[str]]] | None:
    """Source sentences and their references, or None when the data is not here."""
    if not (JFLEG / "dev.src").exists():
        return None
    read = lambda name: [detokenise(x) for x in (JFLEG / name).read_text(encoding="utf-8").splitlines()]  # noqa: E731
    src = read("dev.src")
    refs = [read(f"dev.ref{k}") for k in range(4)]
    n = len(src) if limit is None else min(limit, len(src))
    return src[:n], [r[:n] for r in refs]


def half_of(source: str) -> str:
    """ "A" or "B", fixed by a hash of the source sentence: rules are chosen on half A and
    half B is reported beside it, so a choice that only fits the sentences it was made on shows."""
    return "A" if hashlib.sha256(source.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def evaluate_jfleg(mode: str, data: tuple[list[str], list[list[str]]]) -> dict[str, Any]:
    src, refs = data
    analyzer = fl.Analyzer(grammar=mode)
    analyzer.analyze("Warm-up sentence for the checker.")
    halves = [half_of(s) for s in src]
    faulty = [i for i in range(len(src)) if all(r[i] != src[i] for r in refs)]
    corrected = [(i, r[i]) for r in refs for i in range(len(src)) if r[i].strip()]
    backends: Counter[str] = Counter()
    by_rule_found: Counter[str] = Counter()
    by_rule_false: Counter[str] = Counter()

    def flags(text: str, counter: Counter[str]) -> bool:
        report = analyzer.analyze(text)
        backends[report.grammar["backend"]] += 1
        rules = {
            f"{s.code} {s.source_rule}" for s in report.suggestions if s.code.startswith("GM") or s.code == "FM005"
        }
        counter.update(rules)
        return bool(rules)

    started = time.perf_counter()
    found = {i: flags(src[i], by_rule_found) for i in faulty}
    false = [(i, flags(text, by_rule_false)) for i, text in corrected]
    out: dict[str, Any] = {"backend": mode, "ran_as": dict(backends)}
    for part in ("all", "A", "B"):
        hits = [f for i, f in found.items() if part == "all" or halves[i] == part]
        alarms = [f for i, f in false if part == "all" or halves[i] == part]
        recall, false_rate = sum(hits) / len(hits), sum(alarms) / len(alarms)
        figures = {
            "faulty_sentences": len(hits),
            "corrected_sentences": len(alarms),
            "recall": round(recall, 3),
            "false_alarm_rate": round(false_rate, 3),
            "recall_minus_false_alarm": round(recall - false_rate, 3),
        }
        if part == "all":
            out.update(figures)
        else:
            out[f"half_{part}"] = figures
    out["seconds"] = round(time.perf_counter() - started, 1)
    out["top_false_alarm_rules"] = by_rule_false.most_common(12)
    out["top_finding_rules"] = by_rule_found.most_common(12)
    return out


def draft_latency(mode: str, drafts: list[str]) -> dict[str, Any]:
    """Warm analyze() time per bundled draft (whole analyzer, this backend)."""
    analyzer = fl.Analyzer(grammar=mode)
    analyzer.analyze(drafts[0])
    times, words = [], []
    for text in drafts:
        started = time.perf_counter()
        analyzer.analyze(text)
        times.append(1000 * (time.perf_counter() - started))
        words.append(len(text.split()))
    near_150 = [t for t, w in zip(times, words) if 100 <= w <= 200]
    return {
        "backend": mode,
        "drafts": len(drafts),
        "p50_ms": round(statistics.median(times), 1),
        "p90_ms": round(sorted(times)[int(0.9 * (len(times) - 1))], 1),
        "drafts_100_to_200_words": len(near_150),
        "p50_ms_100_to_200_words": round(statistics.median(near_150), 1) if near_150 else None,
    }


def cli_cold_start(draft: str, runs: int = 5) -> dict[str, Any]:
    """Median wall time of ``followup-lint FILE --grammar X`` in a fresh interpreter."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(draft, encoding="utf-8")
        out: dict[str, Any] = {}
        for mode in ("builtin", "harper"):
            cmd = [sys.executable, "-m", "followup_lint", str(path), "--grammar", mode]
            walls = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT, env={**_env(), "PYTHONPATH": str(ROOT)})
                walls.append(time.perf_counter() - started)
            out[f"{mode}_s"] = round(statistics.median(walls), 2)
        out["harper_minus_builtin_s"] = round(out["harper_s"] - out["builtin_s"], 2)
        return out


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


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


def render_jfleg(rows: list[dict[str, Any]]) -> str:
    lines = [
        "Half A (rules were chosen on it) and half B (only reported) are split by a hash of the source sentence.",
        "",
        "| backend | sentences | recall on faulty sentences | false alarms on corrected ones | difference |",
        "|---|---|---|---|---|",
    ]
    for b in rows:
        if "error" in b:
            lines.append(f"| {b['backend']} | not run: {b['error']} | | | |")
            continue
        for name, part in (("all", b), ("half A", b["half_A"]), ("half B", b["half_B"])):
            cells = (part["recall"], part["false_alarm_rate"], part["recall_minus_false_alarm"])
            lines.append(f"| {b['backend']} | {name} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")
    return "\n".join(lines)


def run_jfleg(limit: int | None) -> list[dict[str, Any]] | None:
    data = load_jfleg(limit)
    if data is None:
        return None
    rows = []
    for mode in BACKENDS:
        try:
            rows.append(evaluate_jfleg(mode, data))
        except Exception as exc:  # a machine without Java still gets the other figures
            rows.append({"backend": mode, "error": str(exc)})
    return rows


def main() -> int:
    if "--jfleg" in sys.argv:
        at = sys.argv.index("--jfleg")
        limit = int(sys.argv[at + 1]) if len(sys.argv) > at + 1 else None
        rows = run_jfleg(limit)
        print(json.dumps(rows, indent=2) if rows is not None else "no learner data here")
        print(render_jfleg(rows or []))
        return 0
    cases = load_cases()
    results: dict[str, Any] = {
        "cases": len(cases),
        "expected_errors": sum(len(c["errors"]) for c in cases),
        "clean": sum(1 for c in cases if not c["errors"]),
        "backends": [],
    }
    for mode in BACKENDS:
        try:
            results["backends"].append(evaluate_backend(mode, cases))
        except Exception as exc:  # a machine without Java still gets the built-in figures
            results["backends"].append({"backend": mode, "error": str(exc)})
    drafts = load_draft_bodies()
    results["spellers"] = compare_spellers(cases, drafts)
    results["jfleg_dev"] = run_jfleg(None)
    results["latency"] = [draft_latency(mode, drafts) for mode in ("harper", "builtin")]
    results["cli_cold_start"] = cli_cold_start(drafts[0])
    (ROOT / "benchmarks" / "grammar_results.json").write_text(json.dumps(results, indent=2) + "\n")
    block = render(results)
    if results["jfleg_dev"] is not None:
        block += "\n\nLearner sentences (jfleg dev, evaluation only):\n\n" + render_jfleg(results["jfleg_dev"])
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
