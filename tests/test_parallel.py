"""analyze_many on worker processes gives the same reports, in order, as one process."""

from __future__ import annotations

import pytest

import followup_lint as fl

DRAFTS = [
    "Dear Maria,\n\nThank you for the interview on Monday. I enjoyed hearing about the claims pipeline.\n\n"
    "Best regards,\nJordan Lee",
    "",
    "hey!!! any news?? i really need this job",
    "Hello Sam,\n\nI wanted to check in on the Account Manager role. I remain very interested.\n\nKind regards,\nAna",
] * 5


def test_worker_processes_match_one_process(analyzer: fl.Analyzer) -> None:
    contexts = [fl.Context(company="Lumen Health") if i % 2 else None for i in range(len(DRAFTS))]
    serial = analyzer.analyze_many(DRAFTS, contexts)
    parallel = analyzer.analyze_many(DRAFTS, contexts, n_process=2, batch_size=4)
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in serial]


def test_n_process_must_be_positive(analyzer: fl.Analyzer) -> None:
    with pytest.raises(ValueError, match="n_process"):
        analyzer.analyze_many(DRAFTS, n_process=0)
