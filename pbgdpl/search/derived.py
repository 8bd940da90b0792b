"""Tables a reader derives from its index, recomputed when the index changes.

- the law names the index holds (document titles), to recognise a law named in a query;
- the accented terms: each folded syllable's most frequent accented spelling with its
  document frequency (typo correction) and its accented spellings (diacritic restoration).

They live in ``IndexHandle.derived``; ``index.py`` keeps the costly term tables across reloads
(``SLOW_DERIVED``) and drops the rest.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import tantivy

from . import analysis
from .index import IndexHandle
from .lawnames import LawIndex, LawName, law_names_for

log = logging.getLogger(__name__)

# Group titles starting with one of these (folded) are legal documents people name in queries.
LEGAL_TITLE_PREFIXES = (
    "hien phap", "bo luat", "luat", "nghi dinh", "nghi quyet", "thong tu", "quyet dinh", "phap lenh",
    "chi thi", "lenh", "van ban hop nhat", "thong tu lien tich",
)
VOCAB_MAX_AGE_S = 300.0

Vocabulary = dict[str, tuple[str, int]]
Spellings = dict[str, list[tuple[str, int]]]


def law_index(handle: IndexHandle, searcher: tantivy.Searcher) -> LawIndex:
    """The legal documents of the index as law names (computed once per index generation)."""
    d = handle.derived
    if "laws" not in d:
        laws: list[LawName] = []
        try:
            res = searcher.aggregate(
                tantivy.Query.all_query(), {"t": {"terms": {"field": "group_title", "size": 20000}}}
            )
            for bucket in res["t"]["buckets"]:
                title = bucket["key"]
                folded = " ".join(analysis.fold_all(analysis.syllables(title)))
                if title and folded.startswith(LEGAL_TITLE_PREFIXES):
                    laws.append(law_names_for(title))
        except Exception:  # an empty index has no column yet
            log.debug("No group titles in the index", exc_info=True)
        d["laws"] = LawIndex(laws)
    return d["laws"]


def _slow_derived(handle: IndexHandle, key: str, compute: Callable[[tantivy.Searcher], dict]) -> dict:
    """A costly derived table: computed once synchronously, then refreshed in a background
    thread when older than VOCAB_MAX_AGE_S (the stale one serves meanwhile)."""
    d = handle.derived
    searcher = handle.searcher()
    # Recompute now when the index grew a lot since (a first import, a small site).
    if key not in d or searcher.num_docs > 1.2 * d.get(f"{key}_n", 0) + 100:
        d[key] = compute(searcher)
        d[f"{key}_at"] = time.monotonic()
        d[f"{key}_n"] = searcher.num_docs
    elif time.monotonic() - d.get(f"{key}_at", 0) > VOCAB_MAX_AGE_S and not d.get(f"{key}_busy"):
        d[f"{key}_busy"] = True
        threading.Thread(target=_refresh, args=(handle, key, compute), daemon=True).start()
    return d[key]


def _refresh(handle: IndexHandle, key: str, compute: Callable[[tantivy.Searcher], dict]) -> None:
    d = handle.derived
    try:
        s = handle.searcher()
        d[key] = compute(s)
        d[f"{key}_at"] = time.monotonic()
        d[f"{key}_n"] = s.num_docs
    except Exception:
        log.exception("Refreshing %s failed", key)
    finally:
        d[f"{key}_busy"] = False


def _compute_terms(s: tantivy.Searcher) -> dict[str, dict]:
    vocab: Vocabulary = {}
    forms: dict[str, dict[str, int]] = {}
    for fieldname in ("title_a", "pbody_a"):
        try:
            terms = s.terms_with_prefix(fieldname, "")
        except ValueError:
            terms = []
        for term, count in terms:
            f = analysis.fold(term)
            best = vocab.get(f)
            if best is None or count > best[1]:
                vocab[f] = (term, count)
            slot = forms.setdefault(f, {})
            slot[term] = slot.get(term, 0) + count
    spellings = {f: sorted(v.items(), key=lambda kv: -kv[1])[:4] for f, v in forms.items()}
    return {"vocab": vocab, "spellings": spellings}


def _index_terms(handle: IndexHandle) -> dict[str, dict]:
    """Both term tables, built in ONE pass over the accented terms (at 200k articles a pass
    takes seconds)."""
    return _slow_derived(handle, "terms", _compute_terms)


def vocabulary(handle: IndexHandle) -> Vocabulary:
    """folded syllable → (most frequent accented spelling, document frequency)."""
    return _index_terms(handle)["vocab"]


def spellings(handle: IndexHandle) -> Spellings:
    """folded syllable → its accented spellings in the index, most frequent first (≤ 4)."""
    return _index_terms(handle)["spellings"]
