"""Rich text sanitised with nh3 on every save (``RichTextField`` on any model).

Wagtail's editor already limits rich text to its enabled features, but HTML that reaches a model
from importers, services, the shell or a tampered form does not pass through the editor. Before each
save, every ``RichTextField`` value is cleaned to Wagtail's rich-text vocabulary: formatting tags,
links (including Wagtail's ``<a linktype="page" id="…">``) and ``<embed embedtype=… />``; scripts,
event handlers, styles, iframes and ``javascript:`` URLs are removed. Idempotent: clean HTML is
left unchanged. Connected by ``CoreConfig.ready()``.
"""

from __future__ import annotations

import re

import nh3
from django.db.models.signals import pre_save
from wagtail.blocks import RichTextBlock
from wagtail.fields import RichTextField

TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "b", "i", "strong", "em", "u", "s", "sub", "sup", "code", "ul", "ol",
        "li", "a", "br", "hr", "blockquote", "embed", "table", "thead", "tbody", "tr", "th", "td", "caption",
        "span", "abbr"}
ATTRIBUTES = {
    "a": {"href", "linktype", "id", "hreflang"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# html5ever writes void elements as <embed …>; Wagtail's rewriter expects <embed … />.
_EMBED = re.compile(r"<embed(\s[^>]*?)?\s*/?>")


def clean_rich_text(html: str) -> str:
    """Wagtail-compatible rich text with everything active removed."""
    if not html:
        return html
    cleaned = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                        clean_content_tags={"script", "style"}, strip_comments=True)
    return _EMBED.sub(lambda m: f"<embed{m.group(1) or ''}/>", cleaned)


def _sanitise(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, RichTextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and value:
                setattr(instance, field.attname, clean_rich_text(value))


def connect() -> None:
    pre_save.connect(_sanitise, dispatch_uid="pbgdpl_sanitise_rich_text")


class SanitisedRichTextBlock(RichTextBlock):
    """A StreamField rich-text block whose stored HTML is cleaned like ``RichTextField``.

    The pre_save hook above cannot see inside StreamField JSON, so the block cleans its own
    value when it is serialised for the database.
    """

    def get_prep_value(self, value):
        return clean_rich_text(super().get_prep_value(value))
