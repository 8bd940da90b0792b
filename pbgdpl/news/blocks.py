"""StreamField blocks of an article body."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from pbgdpl.core.sanitize import SanitisedRichTextBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("cấp"), choices=[("h2", _("Tiêu đề mục")), ("h3", _("Tiêu đề tiểu mục"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề")
        template = "news/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("ảnh"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("trích dẫn"))
    attribution = blocks.CharBlock(label=_("nguồn trích dẫn"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "news/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tài liệu"))
    title = blocks.CharBlock(label=_("tên hiển thị"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "news/blocks/document.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("địa chỉ video (YouTube, Facebook…)"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "news/blocks/video.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = SanitisedRichTextBlock(
        label=_("Đoạn văn"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="news/blocks/paragraph.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    table = TableBlock(label=_("Bảng"), template="news/blocks/table.html")
    document = DocumentLinkBlock()


def body_plain_text(body) -> str:
    """The searchable words of an article body (no markup, no media)."""
    parts: list[str] = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type == "heading":
            parts.append(value["text"])
        elif block.block_type == "quote":
            parts.append(value["text"])
        elif block.block_type in {"image", "video"}:
            parts.append(value.get("caption") or "")
        elif block.block_type == "table":
            for row in (value or {}).get("data") or []:
                parts.append(" ".join(str(cell) for cell in row if cell))
        elif block.block_type == "document":
            parts.append(value.get("title") or "")
    return "\n".join(part for part in parts if part)
