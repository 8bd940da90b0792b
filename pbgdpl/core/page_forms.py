"""The admin form every page type uses: ASCII slugs, and a slug clash that names the other page.

- Slugs are ASCII (``WAGTAIL_ALLOW_UNICODE_SLUGS = False``), folded the Vietnamese way: Wagtail's
  browser-side slugify turns "đất" into "djat" (a Serbian transliteration) and Django's drops the
  "đ" ("at"), so a slug that is one of those automatic renderings of the title is replaced by
  :func:`pbgdpl.core.text.vietnamese_slug` of the title ("dat"); a slug the editor typed is kept.
- Wagtail's autosave stores a new page as a draft while the editor types. Starting again with the
  same title then fails with "slug already in use" and nothing says where that page is: the error
  here links to the existing draft's edit page (decision 0012).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .text import vietnamese_slug


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


def is_automatic_slug(slug: str, title: str) -> bool:
    """True when ``slug`` is what Wagtail (browser or server) would have made from ``title``.

    Wagtail's browser slugify drops the Vietnamese vowels it has no mapping for ("truyền" →
    "truyn") and writes "đ" as "dj"; Django's drops "đ". So: a Unicode slugify of the title, or,
    word by word, each word of the slug (with "dj" read as "d") is a subsequence of the word of
    the Vietnamese slug.
    """
    if not slug or slug == slugify(title, allow_unicode=True):
        return True
    ours = vietnamese_slug(title, 255).split("-")
    theirs = slug.replace("dj", "d").split("-")
    # Django's slugify may drop a word entirely ("đ" alone): compare without empty words.
    theirs = [word for word in theirs if word]
    if len(theirs) != len(ours):
        return False
    return all(_is_subsequence(mine, full) for mine, full in zip(theirs, ours, strict=True))


def ascii_slug(slug: str, title: str, *, published: bool = False) -> str:
    """``slug`` as the page should store it (see the module docstring).

    A published page keeps an ASCII slug as it is: its address is already shared.
    """
    if title and not published and is_automatic_slug(slug, title):
        return vietnamese_slug(title, 255) or slug
    if not slug.isascii():
        return vietnamese_slug(slug, 255)
    return slug


def clash_message(other: Page) -> str:
    """An error naming the sibling page that holds the slug, with a link to edit it."""
    url = reverse("wagtailadmin_pages:edit", args=[other.pk])
    if other.live:
        text = _("Đường dẫn “%(slug)s” đã được trang “%(title)s” dùng.") % {"slug": other.slug, "title": other.title}
        link = _("Mở trang đó")
        hint = _("hoặc đổi đường dẫn trong thẻ Quảng bá.")
    else:
        text = _("Đã có bản nháp “%(title)s” với đường dẫn “%(slug)s” (có thể do trang quản trị tự lưu lần trước).") % {
            "slug": other.slug, "title": other.draft_title or other.title}
        link = _("Mở bản nháp đó để viết tiếp")
        hint = _("hoặc đổi đường dẫn trong thẻ Quảng bá nếu đây là bài khác.")
    return format_html('{} <a href="{}">{}</a> {}', text, url, link, hint)


class PortalPageForm(WagtailAdminPageForm):
    def __init__(self, data=None, *args, **kwargs):
        # Fixed before validation: a Unicode slug would otherwise fail the ASCII slug check.
        if data is not None and "slug" in data:
            instance = kwargs.get("instance")
            data = data.copy()
            data["slug"] = ascii_slug((data.get("slug") or "").strip(), (data.get("title") or "").strip(),
                                      published=bool(instance is not None and instance.pk and instance.live))
        super().__init__(data, *args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        slug = (self.data.get("slug") or "").strip()  # Wagtail's add_error dropped it from cleaned_data
        if slug and "slug" in self.errors and self.parent_page is not None:
            others = self.parent_page.get_children().filter(slug=slug)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            other = others.first()
            if other is not None:
                self.errors["slug"] = self.error_class([clash_message(other)])
        return cleaned_data
