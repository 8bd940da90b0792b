"""The site speaks Vietnamese whatever the browser asks for.

Django's ``LocaleMiddleware`` picks the language from ``Accept-Language``: an editor with an
English browser got an admin half in English ("Pages", "1 week ago", "True") and a citizen got
Django's own form errors in English. The product ships one language (decision 0001), so every
request runs in ``LANGUAGE_CODE``. A staff member who chose another language in their Wagtail
account ("preferred_language") still gets it: Wagtail's admin views override the language per
user, after this middleware (decision 0011).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


class SiteLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
        return response
