"""Counts for the corpus datasheet, written into ``corpus/README.md`` so they match the data.

python -m followup_lint.training.datasheet
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..types import MOVES
from .corpus import Sentence, corpus_dir, load_drafts, load_sentences, split_of

STAGES = ["thank_you", "status_check", "final", "withdrawal", "after_rejection", "any"]


def _table(title: str, counts: Counter[str], order: list[str] | None = None) -> list[str]:
    keys = order or sorted(counts, key=lambda k: (-counts[k], k))
    return [
        f"| {title} | " + " | ".join(keys) + " |",
        "|---" * (len(keys) + 1) + "|",
        "| count | " + " | ".join(str(counts[k]) for k in keys) + " |",
        "",
    ]


def counts_markdown(root: Path) -> str:
    sentences = load_sentences(root / "sentences")
    challenge = load_sentences(root / "challenge", "c*.jsonl") if (root / "challenge").is_dir() else []
    real = load_sentences(root / "challenge", "r*.jsonl") if (root / "challenge").is_dir() else []
    drafts = load_drafts(root / "drafts") if (root / "drafts").is_dir() else []
    lines = [
        f"Sentences: **{len(sentences)}** in {len({s.family for s in sentences})} families "
        f"({sum(s.hard for s in sentences)} marked hard); challenge: **{len(challenge)}** "
        f"+ **{len(real)}** in real-mail shapes; "
        f"drafts: **{len(drafts)}**.",
        "",
    ]
    by_split: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_split.setdefault(split_of(s.family), []).append(s)
    lines += [
        "| move | " + " | ".join(["train", "validation", "test", "all", "challenge", "challenge (real)"]) + " |",
        "|---|---|---|---|---|---|---|",
    ]
    for move in MOVES:
        cells = [sum(1 for s in by_split.get(k, []) if s.label == move) for k in ("train", "validation", "test")]
        total = sum(cells)
        ch = sum(1 for s in challenge if s.label == move)
        rl = sum(1 for s in real if s.label == move)
        lines.append(f"| {move} | " + " | ".join(str(c) for c in [*cells, total, ch, rl]) + " |")
    lines.append("")
    lines += _table("register", Counter(s.register for s in sentences), ["formal", "neutral", "casual", "clumsy"])
    lines += _table(
        "stage",
        Counter(s.stage for s in sentences),
        ["thank_you", "status_check", "final", "withdrawal", "after_rejection", "any"],
    )
    industries = Counter(s.industry for s in sentences)
    lines += [f"Industries ({len(industries)}): " + ", ".join(f"{k} {v}" for k, v in industries.most_common()), ""]
    if drafts:
        grid = Counter((str(d.get("stage")), str(d.get("quality"))) for d in drafts)
        lines += ["| drafts | good | weak | bad |", "|---|---|---|---|"]
        for stage in ("thank_you", "status_check", "final", "withdrawal", "after_rejection", "other"):
            lines.append(f"| {stage} | " + " | ".join(str(grid[(stage, q)]) for q in ("good", "weak", "bad")) + " |")
        problems: Counter[str] = Counter(p for d in drafts for p in d.get("problems", []))  # type: ignore[attr-defined]
        lines += ["", "Problems tagged in drafts: " + ", ".join(f"{k} {v}" for k, v in problems.most_common()), ""]
    return "\n".join(lines)


def update_readme(root: Path | None = None) -> None:
    root = root or corpus_dir()
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = counts_markdown(root)
    text = re.sub(
        r"<!-- counts:start -->.*?<!-- counts:end -->",
        lambda _: f"<!-- counts:start -->\n{block}\n<!-- counts:end -->",
        text,
        flags=re.S,
    )
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    update_readme()
