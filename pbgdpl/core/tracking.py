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
