"""Build ``corpus/sentences/*.jsonl`` from the hand-written templates in ``templates/``.

    python corpus/source/build.py

Each template line is one sentence idea written for this corpus; the script fills its slots
from one industry at a time (``pools.py``) to make up to six variants, which share a family id
so that they always land in the same split. Some variants are re-spelt in British English and
a few are turned into the clumsy register (lower case, dropped apostrophes, common
misspellings); the record says which. The output is deterministic.

Template file format (``templates/<label>.txt``)::

    # comment
    <stage> <register>[!] <text> [|| note]

``[[a|b|c]]`` picks one of the alternatives per variant (an empty one drops the
part). stage is ty, sc, fi or any; register is f (formal), n (neutral), c (casual) or k (clumsy);
``!`` marks a deliberate hard case, whose note says why. ``\\n`` in a text is a line break.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from pools import (  # noqa: E402
    CANDIDATES,
    DATES,
    DAYS,
    INDUSTRIES,
    NUMBERS,
    PEOPLE,
    PHONES_UK,
    PHONES_US,
    WHEN,
)

STAGES = {"ty": "thank_you", "sc": "status_check", "fi": "final", "any": "any"}
REGISTERS = {"f": "formal", "n": "neutral", "c": "casual", "k": "clumsy"}
VARIANTS = 6
SLOT = re.compile(r"\{(\w+)\}")
CHOICE = re.compile(r"\[\[([^\]]*)\]\]")

US_TO_UK = {
    "organize": "organise", "organized": "organised", "organizing": "organising", "organization": "organisation",
    "realize": "realise", "realized": "realised", "recognize": "recognise", "recognized": "recognised",
    "prioritize": "prioritise", "prioritizing": "prioritising", "apologize": "apologise", "apologies": "apologies",
    "color": "colour", "behavior": "behaviour", "center": "centre", "analyze": "analyse", "analyzing": "analysing",
    "favorite": "favourite", "honor": "honour", "honored": "honoured", "labor": "labour", "program": "programme",
    "enrollment": "enrolment", "traveling": "travelling", "modeling": "modelling", "catalog": "catalogue",
    "emphasize": "emphasise", "summarize": "summarise", "utilize": "utilise", "optimize": "optimise",
    "license": "licence", "practicing": "practising", "fulfill": "fulfil", "judgment": "judgement",
}
UK_WORDS = (set(US_TO_UK.values()) - set(US_TO_UK)) | {
    "whilst", "learnt", "cv", "enquire", "rota", "faff", "shortlisting", "mob", "cheers", "ta", "apologise",
    "realise", "favour", "colour", "programme", "organise", "organisation", "licence", "colleagues'",
}
MISSPELL = {
    "interested": "intrested", "opportunity": "oppurtunity", "definitely": "definately", "receive": "recieve",
    "really": "realy", "appreciate": "apreciate", "experience": "experiance", "position": "postion",
    "schedule": "schedual", "thank": "thank", "because": "becuase", "which": "wich", "until": "untill",
    "believe": "beleive", "forward": "foward", "grateful": "greatful", "conversation": "conversaton",
}


def industry_slots(name: str, rng: random.Random) -> dict[str, str]:
    pool = INDUSTRIES[name]
    role, seniority = rng.choice(pool["roles"])
    topic, topic2 = rng.sample(pool["topics"], 2)
    first, last, title = rng.choice(PEOPLE)
    cand = rng.choice(CANDIDATES)
    cand_first, cand_last = cand.split(" ", 1)
    uk = rng.random() < 0.3
    handle = f"{cand_first}.{cand_last}".lower().replace("'", "")
    return {
        "role": role, "role_l": role.lower(), "company": rng.choice(pool["companies"]), "topic": topic,
        "topic2": topic2, "project": (project := rng.choice(pool["projects"])),
        "project_slug": re.sub(r"[^a-z0-9]+", "-", project.lower()).strip("-"), "skill": rng.choice(pool["skills"]),
        "tool": rng.choice(pool["tools"]), "team": rng.choice(pool["teams"]), "first": first, "last": last,
        "title_name": f"{title} {last}", "first_l": first.lower(), "full": f"{first} {last}", "cand": cand, "cand_first": cand_first,
        "day": rng.choice(DAYS), "when": rng.choice(WHEN), "date": rng.choice(DATES),
        "phone": rng.choice(PHONES_UK if uk else PHONES_US), "num": rng.choice(NUMBERS),
        "email": rng.choice([f"{handle}@gmail.com", f"{handle}@outlook.com", f"{cand_first.lower()}{cand_last[0].lower()}@proton.me"]),
        "link": f"linkedin.com/in/{handle.replace('.', '-')}", "_seniority": seniority,
        "_uk": "1" if uk else "",
    }


def to_uk(text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        uk = US_TO_UK.get(word.lower())
        if uk is None:
            return word
        return uk.capitalize() if word[0].isupper() else uk

    return re.sub(r"[A-Za-z]+", swap, text)


def clumsify(text: str, rng: random.Random) -> str:
    """The clumsy register: lower case, no apostrophes, a misspelling or two, no final stop."""
    out = text.lower().replace("'", "").replace("’", "")
    for right, wrong in MISSPELL.items():
        if right in out and rng.random() < 0.7:
            out = re.sub(rf"\b{right}\b", wrong, out, count=1)
    out = out.rstrip(".")
    if rng.random() < 0.5:
        out = out.replace(", ", " ", 1)
    return out


def parse(path: Path) -> list[dict[str, object]]:
    label = path.stem
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        stage, register, rest = line.split(" ", 2)
        hard = register.endswith("!")
        text, _, note = rest.partition(" || ")
        if hard and not note:
            raise SystemExit(f"{path}:{number}: a hard case needs a note")
        out.append({
            "label": label, "stage": STAGES[stage], "register": REGISTERS[register.rstrip("!")], "hard": hard,
            "text": text.strip().replace("\\n", "\n"), "note": note.strip(), "line": number,
        })
    return out


def expand(template: dict[str, object], family: str, seen: set[str]) -> list[dict[str, object]]:
    text = str(template["text"])
    rng = random.Random(family)
    slots = set(SLOT.findall(text)) | ({"_choice"} if CHOICE.search(text) else set())
    uses_industry = bool(slots & {"role", "role_l", "company", "topic", "topic2", "project", "project_slug", "skill", "tool", "team"})
    industries = sorted(INDUSTRIES)
    rng.shuffle(industries)
    records = []
    tries = 0
    while len(records) < (VARIANTS if slots else 1) and tries < 40:
        industry = industries[tries % len(industries)]
        tries += 1
        values = industry_slots(industry, rng)
        chosen = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
        filled = SLOT.sub(lambda m: values[m.group(1)], chosen)
        filled = re.sub(r"  +", " ", filled).replace(" ,", ",").strip()
        register = str(template["register"])
        variety = "uk" if any(w.lower() in UK_WORDS for w in re.findall(r"[A-Za-z]+", filled)) else "us"
        if values["_uk"] and register != "clumsy":
            uk_text = to_uk(filled)
            if uk_text != filled:
                filled, variety = uk_text, "uk"
        if register != "clumsy" and len(records) == VARIANTS - 1 and rng.random() < 0.35:
            filled, register = clumsify(filled, rng), "clumsy"
        key = filled.strip().lower()
        if key in seen:
            continue
        seen.add(key)
        records.append({
            "text": filled, "label": template["label"], "stage": template["stage"], "register": register,
            "industry": industry if uses_industry else "general",
            "seniority": values["_seniority"] if uses_industry else "any", "variety": variety,
            "family": family, "hard": template["hard"], "note": template["note"],
        })
    return records


def main() -> int:
    out_dir = HERE.parent / "sentences"
    out_dir.mkdir(exist_ok=True)
    seen: set[str] = set()
    total = 0
    for path in sorted((HERE / "templates").glob("*.txt")):  # before the w*.jsonl files
        records = []
        for index, template in enumerate(parse(path), 1):
            records += expand(template, f"{path.stem}-{index:03d}", seen)
        with (out_dir / f"{path.stem}.jsonl").open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        total += len(records)
        print(f"{path.stem:14} {len(records):5} sentences from {index} templates")
    print(f"total          {total:5}")
    dedupe_written(out_dir, seen)
    return 0


def dedupe_written(out_dir: Path, seen: set[str]) -> None:
    """Drop from the sentences written one by one (``w*.jsonl``) any text already in the corpus
    or in the challenge set, so that no text straddles splits or leaks into the challenge."""
    challenge = {
        json.loads(line)["text"].strip().lower()
        for path in sorted((HERE.parent / "challenge").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    for path in sorted(out_dir.glob("w*.jsonl")):
        kept, dropped = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            key = json.loads(line)["text"].strip().lower()
            if key in seen or key in challenge:
                dropped.append(key)
                continue
            seen.add(key)
            kept.append(line)
        path.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
        print(f"{path.name:14} {len(kept):5} written one by one ({len(dropped)} duplicates dropped)")


if __name__ == "__main__":
    raise SystemExit(main())
