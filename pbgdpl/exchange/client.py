"""HTTP client of the data-sharing platform: OAuth2 client credentials, token cached until expiry,
fetched again when the platform answers 401 (a token revoked or expired early), retries with
backoff on 5xx and network errors. See docs/exchange.md."""

from __future__ import annotations

import time

import httpx
from django.conf import settings
from django.core.cache import cache

TOKEN_CACHE_KEY = "exchange:access-token"
TIMEOUT = httpx.Timeout(20.0, connect=5.0)
ATTEMPTS = 3
BACKOFF_SECONDS = 1.0  # 1 s, 2 s between attempts (tests set it to 0)
EXPIRY_MARGIN_SECONDS = 30


class ExchangeError(Exception):
    """The platform refused or could not be reached. ``retry``: a later run may succeed."""

    def __init__(self, message: str, *, retry: bool = True):
        super().__init__(message)
        self.retry = retry


def configured(url: str) -> bool:
    return bool(url and settings.EXCHANGE_TOKEN_URL and settings.EXCHANGE_CLIENT_ID)


class ExchangeClient:
    def __init__(self):
        self.http = httpx.Client(timeout=TIMEOUT)

    def close(self) -> None:
        self.http.close()

    def _fetch_token(self) -> str:
        data = {"grant_type": "client_credentials"}
        if settings.EXCHANGE_SCOPE:
            data["scope"] = settings.EXCHANGE_SCOPE
        try:
            response = self.http.post(settings.EXCHANGE_TOKEN_URL, data=data,
                                      auth=(settings.EXCHANGE_CLIENT_ID, settings.EXCHANGE_CLIENT_SECRET))
        except httpx.HTTPError as error:
            raise ExchangeError(f"Không lấy được mã truy cập: {type(error).__name__}") from None
        if response.status_code != 200:
            raise ExchangeError(f"Máy chủ cấp mã truy cập trả lỗi {response.status_code}",
                                retry=response.status_code >= 500)
        body = response.json()
        token = body["access_token"]
        lifetime = int(body.get("expires_in", 3600)) - EXPIRY_MARGIN_SECONDS
        if lifetime > 0:
            cache.set(TOKEN_CACHE_KEY, token, lifetime)
        return token

    def _token(self, fresh: bool = False) -> str:
        token = None if fresh else cache.get(TOKEN_CACHE_KEY)
        return token or self._fetch_token()

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        """One call with a valid token: a 401 fetches a new token once, a 5xx or network error is
        retried with backoff; any other non-2xx raises a non-retryable ``ExchangeError``."""
        fresh = False
        last = ""
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
            headers = {"Authorization": f"Bearer {self._token(fresh)}", "Accept": "application/json"}
            fresh = False
            try:
                response = self.http.request(method, url, headers=headers, **kwargs)
            except httpx.HTTPError as error:
                last = f"lỗi mạng {type(error).__name__}"
                continue
            if response.status_code == 401:
                cache.delete(TOKEN_CACHE_KEY)
                fresh = True
                last = "mã truy cập hết hạn (401)"
                continue
            if response.status_code >= 500 or response.status_code == 429:
                last = f"máy chủ trả lỗi {response.status_code}"
                continue
            if response.status_code >= 400:
                raise ExchangeError(f"Trục từ chối ({response.status_code}): {response.text[:300]}", retry=False)
            return response
        raise ExchangeError(f"Không gửi được sau {ATTEMPTS} lần: {last}")
