"""Search analytics for editors: what people search for, what finds nothing, what they open.

No IP address, user agent, session or user id is stored. Each counter row counts searches
(or clicks) of one normalised query in one time bucket: an hour for recent rows, a day once
:func:`services.compact` has rolled them up. Rows older than
``SEARCH_ANALYTICS_RETENTION_DAYS`` are deleted.

The public "popular searches" count people, not searches: ``SearchPhraseClient`` keeps, per
day and phrase, a hash of the salted client key together with the phrase (it cannot be
reversed to an address nor linked across phrases), for 30 days. Limits per client (repeats,
writes per minute) live only in the cache.
"""
