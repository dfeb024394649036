"""Which of Harper's rules followup-lint runs: the ones that find anything in text like ours.

    FOLLOWUP_LINT_DATA=../shared/data python benchmarks/harper_rules.py   # writes followup_lint/data/harper.toml

Harper ships about 900 rules, most of them single idioms ("a means to an end", "akimbo"). Each
costs a scan of the text, and together they took about 30 ms of a 150-word draft, for findings
that almost never come. This script lints half A of the learner sentences (the half grammar
choices are made on; half B stays for measuring), the bundled drafts and the grammar cases
with every default rule on, and keeps the rules that reported anything there; the rest are
switched off. The sentences are read at run time and never copied: only rule names are written.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import grammar_eval  # noqa: E402


def fired_rules() -> Counter[str] | None:
    import harper

    data = grammar_eval.load_jfleg(None)
    if data is None:
        return None
    src, refs = data
    half = [grammar_eval.half_of(s) for s in src]
    texts = [s for s, h in zip(src, half) if h == "A"]
    texts += [r[i] for r in refs for i in range(len(src)) if half[i] == "A" and r[i].strip()]
    texts += grammar_eval.load_draft_bodies()
    cases = (ROOT / "corpus" / "grammar" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in cases if line.strip()]
    linter = harper.Linter()
    fired: Counter[str] = Counter()
    for text in texts:
        for rule, lints in dict(linter.organized_lints(text)).items():
            if lints:
                fired[rule] += len(lints)
    return fired


def main() -> int:
    import harper

    fired = fired_rules()
    if fired is None:
        print("no learner data here (set FOLLOWUP_LINT_DATA): harper.toml left as it is", file=sys.stderr)
        return 1
    default = dict(harper.get_default_lint_config())
    kept = sorted(r for r in fired if default.get(r))
    lines = [
        "# Harper's rules that followup-lint runs (every other rule is off; DISABLED_RULES in",
        "# followup_lint/grammar/harper.py switches some of these off again, with reasons).",
        f"# Written by benchmarks/harper_rules.py for harper-py {version('harper-py')}: the {len(kept)} of",
        f"# {sum(1 for v in default.values() if v)} default rules that reported anything on half A of the learner",
        "# sentences, the bundled drafts and the grammar cases. Rules a new Harper version adds stay off",
        "# until this is run again.",
        "kept = [",
        *(f'  "{r}",' for r in kept),
        "]",
        "",
    ]
    (ROOT / "followup_lint" / "data" / "harper.toml").write_text("\n".join(lines), encoding="utf-8")
    print(f"kept {len(kept)} rules: {', '.join(kept)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
