"""Speed and memory of followup-lint against its floor and a peer, measured in one run.

    python benchmarks/run.py [--quick]      # writes benchmarks/REPORT.md and results.json

Measures on the bundled drafts (corpus/drafts, 50-300 words): warm ``analyze()`` latency
(p50/p95, grammar=builtin), ``analyze_many()`` throughput, the move model alone, the raw spaCy
passes (our slim pipeline and the full en_core_web_sm) on the same drafts, proselint's
``lint()`` on the same drafts, ``import followup_lint`` time, one-file CLI wall time and peak
memory (cold), and proselint's CLI. Medians; the machine is noisy, so read ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_drafts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpus" / "drafts").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                subject = rec.get("subject")
                body = rec["body"]
                texts.append(f"Subject: {subject}\n\n{body}" if subject else body)
    texts = [t for t in texts if 50 <= len(t.split()) <= 300]
    if not texts:
        texts = [(ROOT / "examples" / n).read_text() for n in ("thank_you_draft.txt", "thank_you_revised.txt")]
    return texts


def timed(fn: Any, items: list[Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for item in items:
            t = time.perf_counter()
            fn(item)
            out.append(time.perf_counter() - t)
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def wall(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time and the largest peak RSS (MiB) of a command, cold each time."""
    times, peaks = [], []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "import resource,subprocess,sys;"
                "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
                *cmd,
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        times.append(time.perf_counter() - t)
        peaks.append(int(proc.stdout.strip() or 0) / 1024)
    return statistics.median(times), max(peaks)


def model_part(nlp: Any) -> Any:
    """A call of the model's own components (tok2vec, tagger, senter) on a text, without ours."""

    def run(text: str) -> Any:
        doc = nlp.make_doc(text)
        for name in ("tok2vec", "tagger", "senter"):
            doc = nlp.get_pipe(name)(doc)
        return doc

    return run


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = p.parse_args()
    repeat = 1 if args.quick else 3
    cold_runs = 3 if args.quick else 7

    drafts = load_drafts()
    words = [len(t.split()) for t in drafts]
    results: dict[str, Any] = {
        "drafts": len(drafts),
        "words_median": statistics.median(words),
        "words_total": sum(words),
    }

    import spacy

    import followup_lint as fl
    from followup_lint.analyzer import Analyzer
    from followup_lint.nlp.loading import _EXCLUDE, find_model

    analyzer = Analyzer(fl.Config(grammar="builtin"))
    analyzer.analyze(drafts[0])  # load everything
    for t in drafts[:10]:
        analyzer.analyze(t)
    lat = timed(analyzer.analyze, drafts, repeat)
    results["analyze_ms"] = {"p50": 1000 * statistics.median(lat), "p95": 1000 * pct(lat, 0.95)}
    results.update(length_figures(analyzer, drafts, lat, repeat))

    # our pipeline alone (what analyze() runs through spaCy), and the full model: the floor
    nlp = analyzer.nlp
    lat_nlp = timed(nlp, drafts, repeat)
    full = spacy.load(find_model())
    for t in drafts[:10]:
        full(t)
    lat_full = timed(full, drafts, repeat)
    # the same model components as ours, on thinc's default backend (its bundled BLIS): what
    # the choice of numpy's BLAS in nlp/loading.py is worth on this machine
    stock = spacy.load(find_model(), exclude=list(_EXCLUDE))
    stock.enable_pipe("senter")
    for t in drafts[:10]:
        stock(t)
    results["spacy_model_ours_ms_p50"] = 1000 * statistics.median(timed(model_part(nlp), drafts, repeat))
    results["spacy_model_stock_ms_p50"] = 1000 * statistics.median(timed(model_part(stock), drafts, repeat))
    results["spacy_ours_ms_p50"] = 1000 * statistics.median(lat_nlp)
    results["spacy_full_ms_p50"] = 1000 * statistics.median(lat_full)

    # batches
    for batch in (8, 32):
        t = time.perf_counter()
        analyzer.analyze_many(drafts, batch_size=batch)
        dt = time.perf_counter() - t
        results[f"analyze_many_words_per_s_batch{batch}"] = sum(words) / dt

    # two worker processes (each loads its own pipeline once; the start-up is included)
    t = time.perf_counter()
    analyzer.analyze_many(drafts * 3, batch_size=32, n_process=2)
    results["analyze_many_words_per_s_2proc"] = 3 * sum(words) / (time.perf_counter() - t)

    # the move model alone on 10-sentence drafts
    labeller = nlp.get_pipe("followup_moves").labeller
    docs = [d for d in nlp.pipe(drafts) if len(list(d.sents)) >= 8][:40]
    lat_moves = []
    for doc in docs:
        sents = list(doc.sents)[:10]
        t = time.perf_counter()
        labeller.label_doc(doc, sents)
        lat_moves.append(time.perf_counter() - t)
    results["moves_ms_per_10_sentences_p50"] = 1000 * statistics.median(lat_moves) if lat_moves else None
    results["move_labeller"] = f"{labeller.name}-{labeller.version}"

    # proselint, a peer, on the same drafts
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile  # proselint >= 0.16

        CheckRegistry().register_many(__register__)  # as its command line does

        def proselint_lint(text: str) -> Any:
            return LintFile("<draft>", text).lint()

        for t in drafts[:5]:
            proselint_lint(t)
        lat_pl = timed(proselint_lint, drafts, 1)
        results["proselint_ms_p50"] = 1000 * statistics.median(lat_pl)
    except Exception as exc:  # a peer's API may move; say so rather than fail the run
        results["proselint_ms_p50"] = None
        results["proselint_error"] = f"{type(exc).__name__}: {exc}"

    languagetool(results, drafts, repeat, cold_runs)

    # cold: import and one-file CLI
    py = sys.executable
    results["import_s"], results["import_peak_mib"] = wall([py, "-c", "import followup_lint"], cold_runs)
    # the floor of any spaCy-based command: import spaCy and load the same components, cold
    floor = f"import spacy; spacy.load({find_model()!r}, exclude=['parser', 'ner', 'lemmatizer', 'attribute_ruler'])"
    results["spacy_cold_s"], results["spacy_cold_peak_mib"] = wall([py, "-c", floor], cold_runs)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write(drafts[len(drafts) // 2])
        draft_file = fh.name
    env = dict(os.environ)
    results["cli_s"], results["cli_peak_mib"] = wall(
        [py, "-m", "followup_lint", draft_file, "--grammar", "builtin"], cold_runs, env
    )
    proselint_bin = Path(py).with_name("proselint")
    if proselint_bin.exists():
        results["proselint_cli_s"], results["proselint_cli_peak_mib"] = wall(
            [str(proselint_bin), "check", draft_file], cold_runs
        )
    os.unlink(draft_file)
    results["in_process_peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    results["machine"] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "spacy": spacy.__version__,
        "model": find_model(),
        "followup_lint": fl.__version__,
    }
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    write_report(results)
    print(json.dumps(results, indent=2))
    return 0


def length_figures(analyzer: Any, drafts: list[str], lat: list[float], repeat: int) -> dict[str, Any]:
    """Latency per 150 words two ways: each draft's time scaled to 150 words (charges fixed
    costs to short drafts), and the drafts of 120–180 words measured as they are."""
    per150 = [1000 * dt * 150 / max(1, len(d.split())) for dt, d in zip(lat, drafts * repeat)]
    mid = [d for d in drafts if 120 <= len(d.split()) <= 180]
    return {
        "analyze_ms_per_150_words_p50": statistics.median(per150),
        "analyze_ms_120_180_words_p50": 1000 * statistics.median(timed(analyzer.analyze, mid, repeat)),
        "drafts_120_180_words": len(mid),
    }


def languagetool(results: dict[str, Any], drafts: list[str], repeat: int, cold_runs: int) -> None:
    """LanguageTool: server cold start, warm per-draft latency, CLI with a reused server."""
    from followup_lint.analyzer import Analyzer
    from followup_lint.config import Config
    from followup_lint.grammar.install import find_installation
    from followup_lint.grammar.server import ensure_server, stop_server

    if find_installation() is None:
        results["languagetool"] = None
        return
    stop_server()
    t = time.perf_counter()
    ensure_server()
    cold = time.perf_counter() - t
    analyzer = Analyzer(Config(grammar="languagetool"))
    for d in drafts[:5]:
        analyzer.analyze(d)
    lat = timed(analyzer.analyze, drafts, repeat)
    by_length = length_figures(analyzer, drafts, lat, repeat)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write(drafts[len(drafts) // 2])
        draft_file = fh.name
    cli = [sys.executable, "-m", "followup_lint", draft_file, "--grammar", "languagetool"]
    subprocess.run(cli, capture_output=True, check=False)  # the server is already up: reuse it
    cli_s, cli_mib = wall(cli, cold_runs)
    os.unlink(draft_file)
    results["languagetool"] = {
        "server_cold_start_s": cold,
        "analyze_ms_p50": 1000 * statistics.median(lat),
        "analyze_ms_per_150_words_p50": by_length["analyze_ms_per_150_words_p50"],
        "analyze_ms_120_180_words_p50": by_length["analyze_ms_120_180_words_p50"],
        "cli_reused_server_s": cli_s,
        "cli_reused_server_peak_mib": cli_mib,
    }


def write_report(r: dict[str, Any]) -> None:
    def f(v: Any, digits: int = 1) -> str:
        return "—" if v is None else f"{v:.{digits}f}"

    ratio = r["analyze_ms"]["p50"] / r["spacy_ours_ms_p50"]
    lines = [
        "<!-- generated:start (benchmarks/run.py) -->",
        f"Measured on {r['drafts']} drafts from `corpus/drafts` (median {r['words_median']:.0f} words), "
        f"{r['machine']['cpus']} CPUs, Python {r['machine']['python']}, spaCy {r['machine']['spacy']} with "
        f"`{r['machine']['model']}`, move labeller `{r['move_labeller']}`.",
        "",
        "| what | figure | target |",
        "|---|---|---|",
        f"| `analyze()` warm, per draft, p50 / p95 | {f(r['analyze_ms']['p50'])} / {f(r['analyze_ms']['p95'])} ms | |",
        f"| `analyze()` warm, per 150 words (each draft's time scaled to 150 words), p50 "
        f"| {f(r['analyze_ms_per_150_words_p50'])} ms | ≤ 20 ms |",
        f"| `analyze()` warm, the {r['drafts_120_180_words']} drafts of 120–180 words, p50 "
        f"| {f(r['analyze_ms_120_180_words_p50'])} ms | ≤ 20 ms |",
        f"| our spaCy pass alone (tok2vec, tagger, senter, our components), p50 | {f(r['spacy_ours_ms_p50'])} ms | |",
        f"| analysis ÷ our spaCy pass | {ratio:.2f}× | ≤ 1.3× |",
        f"| of which the model's tok2vec, tagger and senter (numpy's BLAS), p50 "
        f"| {f(r['spacy_model_ours_ms_p50'])} ms | |",
        f"| the same three on thinc's default backend (its BLIS), p50 | {f(r['spacy_model_stock_ms_p50'])} ms | |",
        f"| full `en_core_web_sm` pass (parser + NER), p50 | {f(r['spacy_full_ms_p50'])} ms | |",
        f"| `analyze_many()` batch 32 | {f(r['analyze_many_words_per_s_batch32'], 0)} words/s | ≥ 10,000 |",
        f"| `analyze_many()` batch 8 | {f(r['analyze_many_words_per_s_batch8'], 0)} words/s | |",
        f"| `analyze_many(n_process=2)` (start-up included) | {f(r['analyze_many_words_per_s_2proc'], 0)} words/s "
        "| ≥ 10,000 |",
        f"| move labeller, 10 sentences, p50 | {f(r['moves_ms_per_10_sentences_p50'], 2)} ms | < 2 ms |",
        f"| proselint `lint()` on the same drafts, p50 | {f(r.get('proselint_ms_p50'))} ms | (peer) |",
        f"| `import followup_lint` (cold process) | {f(r['import_s'], 2)} s | < 0.3 s |",
        f"| one-file CLI, cold, `--grammar builtin` | {f(r['cli_s'], 2)} s | ≤ 1.5 s |",
        f"| floor: `import spacy` + load the same pipeline, cold | {f(r['spacy_cold_s'], 2)} s | |",
        f"| CLI ÷ floor | {r['cli_s'] / r['spacy_cold_s']:.2f}× | |",
        f"| one-file CLI peak memory | {f(r['cli_peak_mib'], 0)} MiB | ≤ 250 MiB |",
        f"| proselint CLI, one file, cold | {f(r.get('proselint_cli_s'), 2)} s, "
        f"{f(r.get('proselint_cli_peak_mib'), 0)} MiB | (peer) |",
    ]
    lt = r.get("languagetool")
    if lt:
        lines += [
            f"| LanguageTool server cold start (JVM + English rules) | {f(lt['server_cold_start_s'], 1)} s | |",
            f"| `analyze()` warm with LanguageTool, per draft, p50 | {f(lt['analyze_ms_p50'])} ms | |",
            f"| `analyze()` warm with LanguageTool, per 150 words (scaled), p50 "
            f"| {f(lt['analyze_ms_per_150_words_p50'])} ms | < 60 ms |",
            f"| `analyze()` warm with LanguageTool, drafts of 120–180 words, p50 "
            f"| {f(lt['analyze_ms_120_180_words_p50'])} ms | < 60 ms |",
            f"| one-file CLI, `--grammar languagetool`, server reused | {f(lt['cli_reused_server_s'], 2)} s, "
            f"{f(lt['cli_reused_server_peak_mib'], 0)} MiB | ≤ 1.5 s |",
        ]
    lines.append("<!-- generated:end -->")
    report = ROOT / "benchmarks" / "REPORT.md"
    text = report.read_text() if report.exists() else "# Benchmarks\n\n<!-- generated:start --><!-- generated:end -->\n"
    import re

    text = re.sub(
        r"<!-- generated:start.*?<!-- generated:end -->",
        lambda _: "\n".join(lines),
        text,
        flags=re.S,
    )
    report.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
