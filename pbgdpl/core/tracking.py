"""Private tracking links for what a stranger sends in (a Q&A question, a legal-aid request).

The person gets a short code to read over the phone and a secret link; only the link's SHA-256
is stored, so a leaked database does not open anybody's page.
"""

from __future__ import annotations

import hashlib
import secrets

# Letters and digits that cannot be mistaken for one another when read aloud or copied by hand
# (no I/1, L, O/0).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_tracking_code(prefix: str) -> str:
    """``PREFIX-XXXX-XXXX``: eight random characters from :data:`CODE_ALPHABET`."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{prefix}-{raw[:4]}-{raw[4:]}"


def hash_token(token: str) -> str:
    """What is stored for a secret link token: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def keep_for_success_page(request, session_key: str, pk: int, token: str | None) -> None:
    """The secret link exists only in the request that made it: keep it in the session until the
    success page shows it. A repeated post of an accepted form (``token`` None) keeps the one there."""
    if token:
        request.session[session_key] = {"pk": pk, "token": token}


def success_page_item(request, session_key: str, queryset) -> tuple[object, str] | None:
    """The item this visitor just sent and its secret link token, or None (no submission in the
    session, or the item has since been deleted)."""
    data = request.session.get(session_key)
    found = queryset.filter(pk=data["pk"]).first() if data else None
    return None if found is None else (found, data["token"])
