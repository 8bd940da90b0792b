"""How many legal-aid requests one client may send per hour and per day (LEGALAID_RATE_LIMIT_*)."""

from __future__ import annotations

from pbgdpl.core.ratelimit import ClientWindows

REQUESTS = ClientWindows("legalaid-rate", (("hour", 3600, "LEGALAID_RATE_LIMIT_HOUR"),
                                           ("day", 86400, "LEGALAID_RATE_LIMIT_DAY")))
is_limited, record = REQUESTS.is_limited, REQUESTS.record
