"""How many questions one client may send per hour and per day (QA_RATE_LIMIT_*)."""

from __future__ import annotations

from pbgdpl.core.ratelimit import ClientWindows

QUESTIONS = ClientWindows("qa-rate", (("hour", 3600, "QA_RATE_LIMIT_HOUR"), ("day", 86400, "QA_RATE_LIMIT_DAY")))
is_limited, record = QUESTIONS.is_limited, QUESTIONS.record
