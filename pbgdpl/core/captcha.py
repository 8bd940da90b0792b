"""Self-hosted ALTCHA proof-of-work: the server signs a challenge, the browser finds the number.

No third party sees the visitor. A solved challenge is accepted once (its signature is
remembered in the cache until it expires) so one solution cannot be replayed in bulk.
"""

from __future__ import annotations

import base64
import datetime
import json
import logging

import altcha
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

log = logging.getLogger(__name__)
CHALLENGE_TTL = datetime.timedelta(minutes=30)


def _key() -> str:
    return f"altcha:{settings.SECRET_KEY}"


def create_challenge() -> dict:
    challenge = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(
            hmac_key=_key(),
            max_number=settings.ALTCHA_MAX_NUMBER,
            expires=timezone.now() + CHALLENGE_TTL,
        )
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }


def verify(payload: str, owner: str = "") -> bool:
    """True for a correct, unexpired solution (the widget's base64 JSON payload) not used by another form.

    ``owner`` is the form's one-time submission key: the same form sent twice (double
    click) may present its solution again, so the second request finds the question the
    first one created instead of failing on the CAPTCHA.
    """
    if not payload or len(payload) > 2000:
        return False
    try:
        ok, error = altcha.verify_solution_v1(payload, _key(), check_expires=True)
    except Exception:
        log.info("Malformed ALTCHA payload")
        return False
    if not ok:
        return False
    try:
        signature = json.loads(base64.b64decode(payload))["signature"]
    except (ValueError, KeyError, TypeError):
        return False
    # add() is atomic: only the first form that uses a solution owns it.
    key = f"altcha-used:{signature}"
    if cache.add(key, owner or "-", timeout=int(CHALLENGE_TTL.total_seconds())):
        return True
    return bool(owner) and cache.get(key) == owner


def solve_for_tests(challenge: dict) -> str:
    """Solve a challenge the way the widget does (tests and the load-check script use it)."""
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxnumber"]
    )
    payload = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()
