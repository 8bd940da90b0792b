"""Search analytics for editors: what people search for, what finds nothing, what they open.

Nothing personal is stored: no IP address, user agent, session or user id. Each row
counts searches (or clicks) of one normalised query in one time bucket: an hour for
recent rows, a day once :func:`services.compact` has rolled them up. Rows older than
``SEARCH_ANALYTICS_RETENTION_DAYS`` are deleted.
"""
