"""The public API v1: OpenAPI 3.1 at /api/v1/openapi.json, docs at /api/v1/docs.

Responses to GET carry a strong ETag (a conditional request with it answers 304), CORS for any
origin (read-only data), and never personal data. Routers come from the apps (``registry``).
"""

from __future__ import annotations

import hashlib

from django.http import HttpResponseNotModified
from ninja import NinjaAPI

from . import problems
from .registry import routers
from .throttle import ClientOrKeyThrottle, OptionalPartnerKey

DESCRIPTION = (
    "Dữ liệu công khai của cổng thông tin phổ biến, giáo dục pháp luật: văn bản pháp luật (hiệu lực tại một "
    "ngày, cây điều khoản, quan hệ hai chiều), tìm kiếm, tin tức, hỏi đáp. Không cần khóa để đọc; đối tác có "
    "khóa API (gửi `Authorization: Bearer <khóa>`) được hạn mức cao hơn. Lỗi trả về theo RFC 9457."
)


PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}, "errors": {"type": "array", "items": {"type": "object"}},
    },
}
PROBLEM_STATUSES = {"400": "Yêu cầu không hợp lệ", "401": "Khóa API sai hoặc đã thu hồi", "404": "Không tìm thấy",
                    "422": "Tham số không hợp lệ", "429": "Quá nhiều yêu cầu"}


class PortalApi(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        return finish(request, response)

    def get_openapi_schema(self, *args, **kwargs):
        """Every operation documents the problem details it may answer with (RFC 9457)."""
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for code, description in PROBLEM_STATUSES.items():
                    responses.setdefault(code, {"description": description, "content": problem})
                responses.setdefault("304", {"description": "Không đổi so với ETag đã gửi"})
                if operation.get("security") and {} not in operation["security"]:
                    operation["security"].insert(0, {})  # reading needs no key: the key is optional
        return schema


def finish(request, response):
    """ETag / 304 and CORS on successful reads."""
    if request.method in ("GET", "HEAD") and response.status_code == 200:
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            not_modified["Access-Control-Allow-Origin"] = "*"
            return not_modified
        response["ETag"] = etag
        response["Cache-Control"] = "public, max-age=60"
        last_modified = getattr(request, "_api_last_modified", None)
        if last_modified is not None:
            from django.utils.http import http_date

            response["Last-Modified"] = http_date(last_modified.timestamp())
    if request.method in ("GET", "HEAD"):
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


def build_api() -> PortalApi:
    api = PortalApi(
        title="PBGDPL API", version="1", description=DESCRIPTION, urls_namespace="api-v1",
        throttle=[ClientOrKeyThrottle()], auth=[OptionalPartnerKey()],
    )
    problems.install(api)
    for entry, router in routers():
        api.add_router(f"/{entry.prefix}", router, tags=[entry.tag])
    return api


api = build_api()
