"""Mozilla HTTP Observatory scoring of response headers (the rules that apply to this site).

A re-implementation of the Observatory's scoring table (https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring)
for CSP, cookies, HSTS, X-Content-Type-Options, X-Frame-Options/frame-ancestors, Referrer-Policy,
CORP, redirection and SRI. Start at 100, apply penalties, and only when the result is at least 90
add bonuses (as the Observatory does); grade from the final score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from http.cookies import SimpleCookie

GRADES = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"), (50, "C"),
          (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F")]
SESSION_COOKIE_HINTS = ("session", "csrf", "sid", "login", "token")


@dataclass
class Result:
    score: int = 100
    bonus: int = 0
    results: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add(self, test: str, outcome: str, modifier: int) -> None:
        self.results[test] = (outcome, modifier)
        if modifier > 0:
            self.bonus += modifier
        else:
            self.score += modifier

    @property
    def final(self) -> int:
        return max(0, self.score + (self.bonus if self.score >= 90 else 0))

    @property
    def grade(self) -> str:
        return next(grade for floor, grade in GRADES if self.final >= floor)


def parse_csp(value: str) -> dict[str, list[str]]:
    policy: dict[str, list[str]] = {}
    for part in value.split(";"):
        tokens = part.strip().split()
        if tokens:
            policy.setdefault(tokens[0].lower(), [t for t in tokens[1:]])
    return policy


def _csp(result: Result, headers: dict[str, str]) -> dict[str, list[str]]:
    value = headers.get("content-security-policy")
    if not value:
        result.add("csp", "csp-not-implemented", -25)
        return {}
    policy = parse_csp(value)
    default = policy.get("default-src")
    if default is None:
        result.add("csp", "csp-implemented-with-unsafe-inline", -20)  # no fallback: anything goes
        return policy
    script = policy.get("script-src", default)
    style = policy.get("style-src", default)
    active = [policy.get(d, default) for d in ("script-src", "object-src")]
    insecure = any(s in ("http:", "*", "https:", "data:") or s.startswith("http://") for srcs in active for s in srcs)
    has_nonce_or_hash = any(s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) for s in script)
    if "'unsafe-inline'" in script and not has_nonce_or_hash:
        result.add("csp", "csp-implemented-with-unsafe-inline", -20)
    elif "'unsafe-eval'" in script:
        result.add("csp", "csp-implemented-with-unsafe-eval", -10)
    elif insecure:
        result.add("csp", "csp-implemented-with-insecure-scheme", -20)
    elif "'unsafe-inline'" in style:
        result.add("csp", "csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    elif default == ["'none'"]:
        result.add("csp", "csp-implemented-with-no-unsafe-default-src-none", 10)
    else:
        result.add("csp", "csp-implemented-with-no-unsafe", 5)
    return policy


def _cookies(result: Result, set_cookies: list[str], https: bool) -> None:
    if not set_cookies:
        result.add("cookies", "cookies-not-found", 0)
        return
    outcome, modifier = "cookies-secure-with-httponly-sessions-and-samesite", 5
    for raw in set_cookies:
        jar = SimpleCookie()
        jar.load(raw)
        for name, morsel in jar.items():
            sessionish = any(h in name.lower() for h in SESSION_COOKIE_HINTS)
            secure = bool(morsel["secure"])
            samesite = (morsel["samesite"] or "").lower()
            if sessionish and not secure:
                outcome, modifier = "cookies-session-without-secure-flag", -40
            elif sessionish and not morsel["httponly"]:
                outcome, modifier = min((outcome, modifier), ("cookies-session-without-httponly-flag", -30),
                                        key=lambda o: o[1])
            elif not secure and https:
                outcome, modifier = min((outcome, modifier), ("cookies-without-secure-flag", -20), key=lambda o: o[1])
            elif samesite not in ("lax", "strict") and modifier > 0:
                outcome, modifier = "cookies-secure-with-httponly-sessions", 0
    result.add("cookies", outcome, modifier)


def _hsts(result: Result, headers: dict[str, str]) -> None:
    value = headers.get("strict-transport-security", "")
    if not value:
        result.add("hsts", "hsts-not-implemented", -20)
        return
    parts = {p.strip().split("=")[0].lower(): p.strip() for p in value.split(";") if p.strip()}
    try:
        max_age = int(parts["max-age"].split("=", 1)[1])
    except (KeyError, ValueError, IndexError):
        result.add("hsts", "hsts-header-invalid", -20)
        return
    if max_age < 15768000:
        result.add("hsts", "hsts-implemented-max-age-less-than-six-months", -10)
    elif "preload" in parts and "includesubdomains" in parts:
        result.add("hsts", "hsts-preloaded", 5)
    else:
        result.add("hsts", "hsts-implemented-max-age-at-least-six-months", 0)


def _xcto(result: Result, headers: dict[str, str]) -> None:
    if headers.get("x-content-type-options", "").lower() == "nosniff":
        result.add("x-content-type-options", "x-content-type-options-nosniff", 0)
    else:
        result.add("x-content-type-options", "x-content-type-options-not-implemented", -5)


def _xfo(result: Result, headers: dict[str, str], csp: dict[str, list[str]]) -> None:
    ancestors = csp.get("frame-ancestors")
    if ancestors is not None and "*" not in ancestors:
        result.add("x-frame-options", "x-frame-options-implemented-via-csp", 5)
    elif headers.get("x-frame-options", "").upper() in ("DENY", "SAMEORIGIN"):
        result.add("x-frame-options", "x-frame-options-sameorigin-or-deny", 0)
    else:
        result.add("x-frame-options", "x-frame-options-not-implemented", -20)


def _referrer(result: Result, headers: dict[str, str]) -> None:
    value = headers.get("referrer-policy", "").split(",")[-1].strip().lower()
    if not value:
        result.add("referrer-policy", "referrer-policy-not-implemented", 0)
    elif value in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"):
        result.add("referrer-policy", "referrer-policy-private", 5)
    elif value in ("origin", "origin-when-cross-origin", "no-referrer-when-downgrade"):
        result.add("referrer-policy", "referrer-policy-no-referrer-when-downgrade", 0)
    else:
        result.add("referrer-policy", "referrer-policy-unsafe", -5)


def _corp(result: Result, headers: dict[str, str]) -> None:
    value = headers.get("cross-origin-resource-policy", "").lower()
    if not value:
        result.add("corp", "corp-not-implemented", 0)
    elif value in ("same-origin", "same-site", "cross-origin"):
        result.add("corp", f"corp-implemented-with-{value}", 0)
    else:
        result.add("corp", "corp-header-invalid", -5)


def _sri(result: Result, html: str) -> None:
    import re

    srcs = re.findall(r"<script[^>]*\bsrc=[\"']([^\"']+)", html, flags=re.I)
    external = [s for s in srcs if s.startswith(("http://", "https://", "//"))]
    if not srcs:
        result.add("sri", "sri-not-implemented-but-no-scripts-loaded", 0)
    elif not external:
        result.add("sri", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)
    elif any(s.startswith(("http://", "//")) for s in external):
        result.add("sri", "sri-not-implemented-and-external-scripts-not-loaded-securely", -50)
    else:
        result.add("sri", "sri-not-implemented-but-external-scripts-loaded-securely", -5)


def _redirection(result: Result, http_status: int, http_location: str) -> None:
    if http_status in (301, 302, 307, 308) and http_location.startswith("https://"):
        result.add("redirection", "redirection-to-https", 0)
    elif http_status in (301, 302, 307, 308):
        result.add("redirection", "redirection-not-to-https", -20)
    else:
        result.add("redirection", "redirection-missing", -20)


def score(headers: dict[str, str], set_cookies: list[str], html: str, http_status: int, http_location: str) -> Result:
    """Score one HTTPS response (headers lower-cased) plus the plain-HTTP response to the same URL."""
    headers = {k.lower(): v for k, v in headers.items()}
    result = Result()
    csp = _csp(result, headers)
    _cookies(result, set_cookies, https=True)
    _hsts(result, headers)
    _xcto(result, headers)
    _xfo(result, headers, csp)
    _referrer(result, headers)
    _corp(result, headers)
    _sri(result, html)
    _redirection(result, http_status, http_location)
    return result
