"""A re-ranker learned from question → article pairs (decision 0005, fourth pass).

``features`` turns the lexical top candidates into a small feature matrix, ``associations``
learns which question syllables go with which article-title syllables, ``reranker`` holds the
linear model (training, saving, applying) and ``training`` reads pairs at run time and
cross-validates. Off unless ``SEARCH_RERANKER`` names a model file or an evaluation sets one.
"""
