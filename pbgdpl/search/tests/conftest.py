"""Fixtures of the search tests (the cache is cleared around every test by ``pbgdpl/conftest.py``)."""
