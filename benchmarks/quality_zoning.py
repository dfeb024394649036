"""Zoning: how well the message reader finds greetings and sign-offs in real mail.

Part of ``benchmarks/quality.py``. Data: ``zoning/asf/{train,test,eval}`` in the shared data
folder (Apache mailing-list messages, zones marked by hand; JSON standoff ``.ann`` files, a
file may hold a thread and each ``Body`` is one message), read at run time and never copied.
Also the project's own fixtures (``tests/fixtures/mail``), and a comparison of quote
detection with ``quotequail``, ``mail-parser-reply`` and ``email-reply-parser`` on them.

Matching is by span overlap: a predicted zone is right when it overlaps a hand-marked zone of
its kind in the same message; a hand-marked zone is found when a predicted one overlaps it.
"Closing" is the closing phrase and the signature together (``Body/Outro`` plus
``Body/Signature*``). Quoted messages are read with their ``>`` marks blanked, as the
annotators treated each quoted message as a message of its own.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from followup_lint.message import read_message  # noqa: E402
from followup_lint.message.data import patterns  # noqa: E402
from followup_lint.message.signoff import is_boilerplate  # noqa: E402

SPLITS = ("train", "test", "eval")
FIXTURES = ROOT / "tests" / "fixtures" / "mail"
_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


def _dequote(text: str, start: int, end: int) -> str:
    """``text`` with the ``>`` marks of ``text[start:end]`` turned into spaces (same length)."""
    piece = _MARKS.sub(lambda m: " " * len(m.group(0)), text[start:end])
    return text[:start] + piece + text[end:]


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and not text[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


class _Score:
    def __init__(self) -> None:
        self.pred = self.pred_ok = self.gold = self.gold_ok = 0

    def add(self, pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> None:
        def hit(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
            return any(s < a[1] and a[0] < e for s, e in spans)

        self.pred += len(pred)
        self.gold += len(gold)
        self.pred_ok += sum(hit(x, gold) for x in pred)
        self.gold_ok += sum(hit(x, pred) for x in gold)

    def figures(self) -> dict[str, Any]:
        p = self.pred_ok / self.pred if self.pred else 1.0
        r = self.gold_ok / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "gold": self.gold,
            "predicted": self.pred,
        }


def _predicted(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    m = read_message(text, start=start, end=end)
    greet = [(z.start, z.end) for z in m.zone("greeting")]
    sign = [
        (z.start, z.end)
        for z in m.zones
        if z.kind == "closing" or (z.kind == "signature" and not is_boilerplate(text[z.start : z.end], patterns()))
    ]
    return greet, _merge(sign, text) if sign else []


def score_split(folder: Path, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    greeting, closing = _Score(), _Score()
    messages = 0
    for ann in sorted(folder.glob("*.ann")):
        data = json.loads(ann.read_text(encoding="utf-8"))
        text: str = data["text"]
        marks = data["denotations"]
        for body in (d for d in marks if d["type"] == "Body"):
            bs, be = body["start"], body["end"]
            inside = [d for d in marks if bs <= d["start"] < be and d is not body]
            gold_greet = [(d["start"], d["end"]) for d in inside if d["type"].startswith("Body/Intro")]
            gold_sign = [
                (d["start"], d["end"]) for d in inside if d["type"].startswith(("Body/Outro", "Body/Signature"))
            ]
            clean = _dequote(text, bs, be)
            pg, ps = _predicted(clean, bs, be)
            gold_greet, gold_sign = _merge(gold_greet, text), _merge(gold_sign, text)
            greeting.add(pg, gold_greet)
            closing.add(ps, gold_sign)
            messages += 1
            if errors is not None:
                for kind, pred, gold in (("greeting", pg, gold_greet), ("closing", ps, gold_sign)):
                    if bool(pred) != bool(gold) or (
                        pred and not any(s < pe and ps_ < e for s, e in gold for ps_, pe in pred)
                    ):
                        errors.append(
                            {
                                "file": ann.name,
                                "kind": kind,
                                "pred": [clean[s:e] for s, e in pred],
                                "gold": [text[s:e] for s, e in gold],
                            }
                        )
    return {"messages": messages, "greeting": greeting.figures(), "closing_signature": closing.figures()}


def fixtures() -> list[tuple[str, str, list[dict[str, str]]]]:
    out = []
    for path in sorted(FIXTURES.glob("*.txt")):
        zones = json.loads(path.with_suffix(".zones.json").read_text(encoding="utf-8"))
        out.append((path.stem, path.read_text(encoding="utf-8"), zones["zones"]))
    return out


def score_fixtures() -> dict[str, Any]:
    """Exact zone agreement on the project's fixtures, and greeting/closing overlap figures."""
    greeting, closing, placeholder = _Score(), _Score(), _Score()
    exact = 0
    items = fixtures()
    for _, text, expected in items:
        m = read_message(text)
        got = [{"kind": z.kind, "text": text[z.start : z.end]} for z in m.zones]
        exact += got == expected

        pg = [(z.start, z.end) for z in m.zone("greeting")]
        ps = _merge([(z.start, z.end) for z in m.zones if z.kind in ("closing", "signature")], text)
        pp = [(z.start, z.end) for z in m.zone("placeholder")]
        greeting.add(pg, _expected_spans(text, ("greeting",), expected))
        closing.add(ps, _expected_spans(text, ("closing", "signature"), expected))
        placeholder.add(pp, _expected_spans(text, ("placeholder",), expected))
    return {
        "messages": len(items),
        "exact": exact,
        "greeting": greeting.figures(),
        "closing_signature": closing.figures(),
        "placeholder": placeholder.figures(),
    }


def _expected_spans(text: str, kinds: tuple[str, ...], zones: list[dict[str, str]]) -> list[tuple[int, int]]:
    """Where the expected zones of these kinds sit (each found after the one before)."""
    found: list[tuple[int, int]] = []
    pos = 0
    for z in zones:
        at = text.find(z["text"], pos if z["kind"] in kinds else 0)
        if z["kind"] in kinds and at >= 0:
            found.append((at, at + len(z["text"])))
            pos = at + 1
    return _merge(found, text) if kinds != ("placeholder",) else found


def compare_quote_tools() -> dict[str, Any]:
    """Where the writer's own text ends, per tool, on fixtures that hold a quoted message."""
    cases = []
    for _, text, expected in fixtures():
        quoted = [z["text"] for z in expected if z["kind"] == "quoted"]
        if not quoted:
            continue
        at = text.find(quoted[0])
        cases.append((text, text[:at].strip()))
    tools: dict[str, Any] = {"reader": lambda t: t[: _first_quote(t)]}
    try:
        import quotequail

        def qq(t: str) -> str:
            parts = quotequail.quote(t, quote_intro_line=True)
            return "".join(s for keep, s in parts[:1] if keep)

        tools["quotequail"] = qq
    except ImportError:
        pass
    try:
        from mailparser_reply import EmailReplyParser as MPR

        langs = ["en", "de", "fr", "es", "nl", "it"]
        tools["mail-parser-reply"] = lambda t: MPR(languages=langs).read(t).replies[0].full_body or ""
    except ImportError:
        pass
    try:
        from email_reply_parser import EmailReplyParser as ERP

        tools["email-reply-parser"] = lambda t: ERP.parse_reply(t)
    except ImportError:
        pass
    out: dict[str, Any] = {"messages": len(cases)}
    for name, tool in tools.items():
        right = 0
        for text, own in cases:
            try:
                got = tool(text).strip()
            except Exception:  # a third-party parser failing on a shape is a miss, not a crash
                got = None
            right += got == own or (got is not None and _norm(got) == _norm(own))
        out[name] = right
    return out


def _norm(s: str) -> str:
    return " ".join(s.split())


def _first_quote(text: str) -> int:
    m = read_message(text)
    q = m.zone("quoted")
    return q[0].start if q else len(text)


def hostile_speed() -> dict[str, float]:
    """Seconds of reading per 100 KB on the hostile shapes the reader must stay linear on."""
    import time

    cases = {
        "1,000 nested quote levels": "Hi,\n\nok\n\n" + "".join(">" * i + " level\n" for i in range(1, 1001)),
        "10 MB message": ("Thanks for the interview. " * 12 + "\n") * 35000,
        "10,000-line signature": "Hi Sam,\n\nThanks.\n\nBest,\nAna\n"
        + "Ana Lee | +1 555 0100 | ana@x.example\n" * 10000,
        "20,000 emoji": "Hi Sam, " + "\U0001f389" * 20000,
        "20,000 exclamation marks": "Thanks" + "!" * 20000 + "\nBest,\nAna",
        "80,000-word line": "Subject: " + "word " * 80000,
    }
    out = {}
    for name, text in cases.items():
        started = time.perf_counter()
        read_message(text)
        out[name] = round((time.perf_counter() - started) / (len(text) / 100_000), 3)
    return out


def run(data: Path | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "fixtures": score_fixtures(),
        "quote_tools": compare_quote_tools(),
        "seconds_per_100kb": hostile_speed(),
    }
    folder = data / "zoning" / "asf" if data else None
    if folder is None or not folder.is_dir():
        result["asf"] = {"skipped": "shared data folder zoning/asf not found"}
        return result
    result["asf"] = {split: score_split(folder / split) for split in SPLITS if (folder / split).is_dir()}
    return result


def markdown(result: dict[str, Any]) -> str:
    lines = ["## Zoning: greetings and sign-offs", ""]
    asf = result.get("asf", {})
    if "skipped" in asf:
        lines.append(f"ASF zoning data: skipped ({asf['skipped']}).")
    else:
        lines += [
            "Apache mailing-list messages with hand-marked zones (Repke & Krestel 2018), span overlap.",
            "Developed on `train`; `test` checked while developing; `eval` read once at the end.",
            "",
            "| split | messages | greeting P | R | F1 | closing+signature P | R | F1 |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for split, r in asf.items():
            g, c = r["greeting"], r["closing_signature"]
            lines.append(
                f"| {split} | {r['messages']} | {g['precision']} | {g['recall']} | {g['f1']} | "
                f"{c['precision']} | {c['recall']} | {c['f1']} |"
            )
    fx = result["fixtures"]
    lines += [
        "",
        f"Own fixtures (`tests/fixtures/mail`, written for the project; expectations reviewed by "
        f"hand, so these figures pin behaviour rather than measure it): {fx['exact']}/{fx['messages']} messages "
        f"zoned exactly as expected; greeting F1 {fx['greeting']['f1']}, closing+signature F1 "
        f"{fx['closing_signature']['f1']}, placeholder P {fx['placeholder']['precision']} "
        f"R {fx['placeholder']['recall']}.",
    ]
    qt = result["quote_tools"]
    lines += [
        "",
        f"Quote detection on the {qt['messages']} fixtures with a quoted message (writer's text exactly right):",
        "",
    ]
    lines += [f"- {name}: {n}/{qt['messages']}" for name, n in qt.items() if name != "messages"]
    lines += ["", "Reading time on hostile input, seconds per 100 KB (one run, this machine):", ""]
    lines += [f"- {name}: {v}" for name, v in result["seconds_per_100kb"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = ap.parse_args()
    errs: list[dict[str, Any]] = []
    print(json.dumps(score_split(Path(args.data) / "zoning" / "asf" / args.split, errs), indent=1))
    if args.errors:
        for e in errs:
            print(json.dumps(e, ensure_ascii=False))
