"""Reading the labelled corpus and splitting it by family.

A family is a group of sentences written together or from one template; a family lies wholly
in one split, so near-duplicates never straddle train and test.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..types import MOVES

SPLITS = ("train", "validation", "test")


@dataclass(frozen=True)
class Sentence:
    text: str
    label: str
    family: str
    stage: str = "any"
    register: str = "neutral"
    industry: str = "general"
    hard: bool = False
    source: str = ""


def corpus_dir() -> Path:
    """The repository's ``corpus/`` folder (training runs from a checkout)."""
    here = Path(__file__).resolve().parents[2] / "corpus"
    if not here.is_dir():
        raise FileNotFoundError(f"corpus folder not found at {here}; train from a source checkout")
    return here


def _read_jsonl(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc})") from None


CHALLENGE_SETS = {"challenge": "c*.jsonl", "challenge_real": "r*.jsonl"}
"""The two challenge sets in ``corpus/challenge``: other phrasing (c) and real-mail shapes (r)."""


def load_sentences(folder: Path, pattern: str = "*.jsonl") -> list[Sentence]:
    """Every record of every file matching ``pattern`` in ``folder``, validated."""
    out: list[Sentence] = []
    for path in sorted(folder.glob(pattern)):
        for number, rec in enumerate(_read_jsonl(path), 1):
            label = rec.get("label")
            text = rec.get("text")
            if label not in MOVES or not isinstance(text, str) or not text.strip():
                raise ValueError(f"{path}:{number}: bad record (label {label!r})")
            out.append(
                Sentence(
                    text=text,
                    label=str(label),
                    family=str(rec.get("family") or f"{path.stem}-{number}"),
                    stage=str(rec.get("stage", "any")),
                    register=str(rec.get("register", "neutral")),
                    industry=str(rec.get("industry", "general")),
                    hard=bool(rec.get("hard", False)),
                    source=path.name,
                )
            )
    return out


def split_of(family: str) -> str:
    """A stable split from the family id: 70% train, 10% validation, 20% test."""
    bucket = int(hashlib.sha256(family.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < 20:
        return "test"
    if bucket < 30:
        return "validation"
    return "train"


def corpus_hash(folders: list[Path]) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.glob("*.jsonl")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_drafts(folder: Path) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for path in sorted(folder.glob("*.jsonl")):
        out.extend(_read_jsonl(path))
    return out
