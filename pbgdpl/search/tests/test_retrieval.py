"""How an entry's documents add up to its score (retrieval.EntryScore)."""

from __future__ import annotations

from pbgdpl.search.retrieval import EntryScore


def test_an_entry_scores_its_title_plus_its_best_passage_and_shows_that_passage():
    entry = EntryScore(gid=1, first_position=0)
    entry.add(2.0, "passage-a", unit=1)
    entry.add(1.5, "whole", unit=0)
    entry.add(3.0, "passage-b", unit=1)
    entry.add(0.5, "passage-c", unit=1)
    assert entry.score == 1.5 + 3.0
    assert entry.address == "passage-b"


def test_an_entry_found_by_its_title_only_shows_the_whole_entry():
    entry = EntryScore(gid=1, first_position=3)
    entry.add(1.0, "whole", unit=0)
    assert (entry.score, entry.address) == (1.0, "whole")
