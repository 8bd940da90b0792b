"""Errors as RFC 9457 problem details (``application/problem+json``), in Vietnamese."""

from __future__ import annotations

import json
import logging

from django.http import HttpResponse

log = logging.getLogger(__name__)
PROBLEM_TYPE = "application/problem+json"
TITLES = {
    400: "Yêu cầu không hợp lệ",
    401: "Cần khóa API",
    403: "Không có quyền",
    404: "Không tìm thấy",
    422: "Tham số không hợp lệ",
    429: "Quá nhiều yêu cầu",
    500: "Lỗi hệ thống",
}


def problem(status: int, detail: str, *, errors: list | None = None, retry_after: int | None = None) -> HttpResponse:
    body = {"type": "about:blank", "title": TITLES.get(status, "Lỗi"), "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_TYPE)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def install(api) -> None:
    """Route ninja's exceptions (and unexpected ones) to problem details."""
    from django.http import Http404
    from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        errors = [{"loc": list(map(str, error.get("loc", []))), "msg": error.get("msg", "")} for error in exc.errors]
        return problem(422, "Một số tham số không đúng định dạng.", errors=errors)

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return problem(429, "Bạn gửi quá nhiều yêu cầu; hãy thử lại sau.", retry_after=int(exc.wait or 60))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return problem(401, "Khóa API không hợp lệ hoặc đã bị thu hồi.")

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return problem(404, "Không có dữ liệu ở địa chỉ này.")

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return problem(exc.status_code, str(exc))

    @api.exception_handler(Exception)
    def unexpected(request, exc):
        log.exception("API error on %s", request.path)
        return problem(500, "Đã có lỗi; chúng tôi đã ghi nhận và sẽ xử lý.")
