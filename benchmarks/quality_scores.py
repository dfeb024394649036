"""Quality part: do the scores rank notes as people do?

- corpus drafts (``corpus/drafts``, written for the project, quality good/weak/bad): the
  rules and the rubric were tuned on these, so their figures are optimistic;
- held-out drafts (``corpus/holdout``, written by a separate writer with a coach's 0-100
  score; never used for tuning): the honest figures;
- the move model on its two challenge sets (from ``models/metrics.json``);
- each rule's precision and recall on the corpus drafts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import followup_lint as fl
from followup_lint.training.corpus import load_drafts
from followup_lint.training.precision import measure

ROOT = Path(__file__).resolve().parent.parent
QUALITY = {"good": 2, "weak": 1, "bad": 0}


def _rank(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: list[float], y: list[float]) -> float:
    rx, ry = _rank(x), _rank(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return cov / var if var else 0.0


def auc(pos: list[float], neg: list[float]) -> float:
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def _score(records: list[dict[str, Any]]) -> list[float | None]:
    drafts = [fl.Draft.from_text(str(r["body"]), subject=r.get("subject") or None) for r in records]
    contexts = [fl.Context.from_dict({**dict(r.get("context") or {}), "stage": "auto"}) for r in records]
    with fl.Analyzer(grammar="builtin") as analyzer:
        return [rep.score for rep in analyzer.analyze_many(drafts, contexts)]


def _figures(records: list[dict[str, Any]], target: str) -> dict[str, Any]:
    scores = _score(records)
    pairs = [(s if s is not None else 0.0, r) for s, r in zip(scores, records)]
    truth = [float(r[target]) if target == "coach_score" else float(QUALITY[str(r["quality"])]) for _, r in pairs]
    out: dict[str, Any] = {
        "n": len(pairs),
        "spearman": round(spearman([s for s, _ in pairs], truth), 3),
        "auc_good_vs_bad": round(
            auc([s for s, r in pairs if r["quality"] == "good"], [s for s, r in pairs if r["quality"] == "bad"]), 3
        ),
        "mean_by_quality": {
            q: round(
                sum(s for s, r in pairs if r["quality"] == q) / max(1, sum(r["quality"] == q for _, r in pairs)), 1
            )
            for q in QUALITY
        },
        "by_stage": {},
    }
    for stage in sorted({str(r["stage"]) for _, r in pairs}):
        sub = [(s, r) for s, r in pairs if r["stage"] == stage]
        if len(sub) >= 6:
            t = [float(r[target]) if target == "coach_score" else float(QUALITY[str(r["quality"])]) for _, r in sub]
            out["by_stage"][stage] = {"n": len(sub), "spearman": round(spearman([s for s, _ in sub], t), 3)}
    return out


def run(data: Path | None) -> dict[str, Any]:
    corpus = load_drafts(ROOT / "corpus" / "drafts")
    holdout = load_drafts(ROOT / "corpus" / "holdout") if (ROOT / "corpus" / "holdout").is_dir() else []
    metrics = json.loads((ROOT / "models" / "metrics.json").read_text(encoding="utf-8"))
    rules = measure(corpus)
    return {
        "corpus_drafts": _figures(corpus, "quality"),
        "holdout_drafts": _figures(holdout, "coach_score") if holdout else None,
        "moves": {
            k: metrics["model"][k]["macro_f1"] for k in ("test", "challenge", "challenge_real") if k in metrics["model"]
        },
        "rules": {
            c: {"name": p.name, "flagged": p.flagged, "precision": p.precision, "recall": p.recall}
            for c, p in rules.items()
        },
    }


def markdown(result: dict[str, Any]) -> str:
    lines = ["## Scores against people", ""]
    lines += [
        "Stage inferred (`stage=auto`), `grammar=builtin`. Corpus drafts: written for the project and tuned on "
        "(optimistic). Held-out drafts: a separate writer's, scored 0-100 as a coach would; no weight or "
        "threshold tuned on them (two stage cues were added after reading two of them; see below).",
        "",
        "| data | n | Spearman | AUC good vs bad | mean good / weak / bad |",
        "|---|---|---|---|---|",
    ]
    for key, label in (
        ("corpus_drafts", "corpus drafts (tuned on)"),
        ("holdout_drafts", "held-out drafts (coach score)"),
    ):
        f = result.get(key)
        if not f:
            continue
        m = f["mean_by_quality"]
        lines.append(
            f"| {label} | {f['n']} | {f['spearman']:.3f} | {f['auc_good_vs_bad']:.3f} | "
            f"{m['good']} / {m['weak']} / {m['bad']} |"
        )
    lines += [
        "",
        "Per stage (Spearman): "
        + "; ".join(
            f"{key.split('_')[0]} {st} {v['spearman']:.2f} (n={v['n']})"
            for key in ("corpus_drafts", "holdout_drafts")
            if result.get(key)
            for st, v in result[key]["by_stage"].items()
        ),
        "",
    ]
    mv = result["moves"]
    lines += [
        "Move model macro-F1 (models/metrics.json): " + ", ".join(f"{k} {v:.3f}" for k, v in mv.items()) + ".",
        "",
        "| rule | name | drafts flagged | precision | recall |",
        "|---|---|---|---|---|",
    ]
    for code, r in result["rules"].items():
        p = "—" if r["precision"] is None else f"{r['precision']:.2f}"
        rc = "—" if r["recall"] is None else f"{r['recall']:.2f}"
        lines.append(f"| {code} | {r['name']} | {r['flagged']} | {p} | {rc} |")
    return "\n".join(lines) + "\n"
