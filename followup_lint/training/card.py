"""The model card's generated figures, and whole-draft scores with a newly trained model."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np

from .corpus import load_drafts


def draft_scores(folder: Path, drafts_dir: Path) -> dict[str, Any]:
    """Mean overall score per document label (good, weak, bad) with the model in ``folder``
    (the one just trained, wherever it was written) and with the keyword cues."""
    from .. import Config, Context
    from ..analyzer import Analyzer
    from ..draft import Draft

    records = load_drafts(drafts_dir)
    if not records:
        return {}
    out: dict[str, Any] = {}
    for labeller in ("model", "keywords"):
        model_dir = str(folder) if labeller == "model" else None
        analyzer = Analyzer(Config(grammar="builtin", labeller=labeller, model_dir=model_dir))
        texts = [Draft.from_text(str(r["body"]), subject=r.get("subject") or None) for r in records]  # type: ignore[arg-type]
        contexts = []
        for r in records:
            ctx = dict(r.get("context") or {})  # type: ignore[call-overload]
            ctx["stage"] = r.get("stage", "auto")
            contexts.append(Context.from_dict(ctx))
        reports = analyzer.analyze_many(texts, contexts)
        by: dict[str, list[float]] = {}
        for r, rep in zip(records, reports):
            if rep.score is not None:
                by.setdefault(str(r["quality"]), []).append(rep.score)
        out[labeller] = {q: {"n": len(v), "mean": round(float(np.mean(v)), 1)} for q, v in sorted(by.items())}
    return out


def write_card_metrics(card: Path, metrics: dict[str, Any]) -> None:
    """Replace the generated block of the model card, so its figures match the shipped model."""
    start, end = "<!-- metrics:start -->", "<!-- metrics:end -->"
    if not card.is_file():
        return
    text = card.read_text(encoding="utf-8")
    if start not in text or end not in text:
        return
    block = render_metrics_markdown(metrics)
    text = re.sub(
        re.escape(start) + r".*?" + re.escape(end),
        lambda _: f"{start}\n{block}\n{end}",
        text,
        flags=re.S,
    )
    card.write_text(text, encoding="utf-8")


def render_metrics_markdown(m: dict[str, Any]) -> str:
    lines = [
        f"Trained {m['trained_on']} sentences; C = {m['C']}, temperature = {m['temperature']:.3f}.",
        "",
        "| split | n | model macro-F1 | model accuracy | keyword baseline macro-F1 |",
        "|---|---|---|---|---|",
    ]
    for split in ("test", "challenge", "challenge_real"):
        if split in m["model"]:
            lines.append(
                f"| {split} | {m['model'][split]['n']} | {m['model'][split]['macro_f1']:.3f} | "
                f"{m['model'][split]['accuracy']:.3f} | {m['baseline'][split]['macro_f1']:.3f} |"
            )
    lines += [
        "",
        f"Calibration (expected calibration error, test): before {m['ece_before']:.3f}, "
        f"after temperature {m['ece_after']:.3f}.",
        "",
    ]
    for split in ("test", "challenge", "challenge_real"):
        if split not in m["model"]:
            continue
        lines += [
            f"Per label, {split}:",
            "",
            "| label | precision | recall | F1 | support |",
            "|---|---|---|---|---|",
        ]
        for lab, v in m["model"][split]["per_label"].items():
            lines.append(f"| {lab} | {v['precision']:.2f} | {v['recall']:.2f} | {v['f1']:.2f} | {v['support']} |")
        lines.append("")
    cm = m["model"]["test"]["confusion"]
    short = [lab[:5] for lab in cm["labels"]]
    lines += [
        "Confusion matrix, test (rows: true, columns: predicted):",
        "",
        "| | " + " | ".join(short) + " |",
        "|---" * (len(short) + 1) + "|",
    ]
    for lab, row in zip(short, cm["matrix"]):
        lines.append(f"| {lab} | " + " | ".join(str(x) for x in row) + " |")
    if m.get("drafts"):
        lines += [
            "",
            "Whole drafts, mean overall score by document label (`grammar=builtin`):",
            "",
            "| labeller | good | weak | bad |",
            "|---|---|---|---|",
        ]
        for lab, row in m["drafts"].items():
            cells = [f"{row[q]['mean']:.1f} (n={row[q]['n']})" if q in row else "—" for q in ("good", "weak", "bad")]
            lines.append(f"| {lab} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def refresh_drafts(out: Path) -> dict[str, Any]:
    """Re-measure the whole-draft figures of the model in ``out`` with the code as it is now
    (the rules and scoring change more often than the model), and rewrite them in
    ``metrics.json`` and the card.

        python -m followup_lint.training.card [--out models]
    """
    import json

    from .corpus import corpus_dir

    metrics_path = out / "metrics.json"
    metrics: dict[str, Any] = json.loads(metrics_path.read_text(encoding="utf-8"))
    metrics["drafts"] = draft_scores(out, corpus_dir() / "drafts")
    metrics_path.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    write_card_metrics(out / "README.md", metrics)
    return metrics


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m followup_lint.training.card", description=refresh_drafts.__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "models")
    refresh_drafts(parser.parse_args().out)
