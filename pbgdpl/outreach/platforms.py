"""The two platforms' publishing calls. Each returns (post id, post URL) or raises ``SendError``
(``retry`` says whether a later attempt may succeed: 5xx and network errors yes, a refused or
expired token no — an administrator must act, and the admin shows the message)."""

from __future__ import annotations

import httpx
from django.conf import settings

from pbgdpl.chat.channels import zalo
from pbgdpl.chat.channels.base import SendError, client

# Graph API codes meaning the page token is expired, revoked or lacks a permission.
FACEBOOK_TOKEN_ERRORS = {190, 102, 10, 200}


def facebook(post) -> tuple[str, str]:
    if not (settings.FACEBOOK_PAGE_ID and settings.FACEBOOK_PAGE_TOKEN):
        raise SendError("Facebook: chưa cấu hình FACEBOOK_PAGE_ID / FACEBOOK_PAGE_TOKEN", retry=False)
    message = "\n\n".join(part for part in (post.title, post.summary) if part)
    try:
        with client() as http:
            response = http.post(f"{settings.FACEBOOK_GRAPH_BASE}/{settings.FACEBOOK_PAGE_ID}/feed",
                                 data={"message": message, "link": post.link,
                                       "access_token": settings.FACEBOOK_PAGE_TOKEN})
    except httpx.HTTPError as exc:
        raise SendError(f"Facebook: không kết nối được ({type(exc).__name__})", retry=True) from None
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code >= 500 or response.status_code == 429:
        raise SendError(f"Facebook: lỗi máy chủ {response.status_code}", retry=True)
    error = body.get("error") if isinstance(body, dict) else None
    if error or response.status_code >= 400 or not body.get("id"):
        error = error or {}
        code = error.get("code")
        if code in FACEBOOK_TOKEN_ERRORS:
            raise SendError(f"Facebook: mã truy cập trang hết hạn hoặc bị thu hồi ({error.get('message', code)}). "
                            "Quản trị viên cần cấp mã mới (FACEBOOK_PAGE_TOKEN).", retry=False)
        raise SendError(f"Facebook: bị từ chối ({code or response.status_code}: {error.get('message', '')})",
                        retry=bool(error.get("is_transient")))
    post_id = str(body["id"])
    page_part, _, story = post_id.partition("_")
    return post_id, f"https://www.facebook.com/{page_part}/posts/{story or page_part}"


def zalo_oa(post) -> tuple[str, str]:
    """An OA article (title, cover image, summary, link to the portal)."""
    if not settings.ZALO_ACCESS_TOKEN and not settings.ZALO_REFRESH_TOKEN:
        raise SendError("Zalo: chưa cấu hình mã truy cập OA (ZALO_ACCESS_TOKEN)", retry=False)
    payload = {
        "type": "normal", "title": post.title[:150], "author": "Sở Tư pháp", "status": "show",
        "description": (post.summary or post.title)[:300],
        "body": [{"type": "text", "content": f"{post.summary}\n\nXem đầy đủ: {post.link}".strip()}],
    }
    if post.image_url:
        payload["cover"] = {"cover_type": "photo", "photo_url": post.image_url, "status": "show"}
    with client() as http:
        body = zalo.call_oa(http, "/v2.0/article/create", payload)
    token = str((body.get("data") or {}).get("token") or (body.get("data") or {}).get("id") or "")
    return token, ""


SENDERS = {"facebook": facebook, "zalo": zalo_oa}
