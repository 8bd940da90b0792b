"""``{% click_to_load url title %}``: a YouTube/Facebook video behind a button (see media.embeds)."""

from django import template

from ..embeds import embed_for

register = template.Library()


@register.inclusion_tag("media/_embed.html")
def click_to_load(url: str, title: str = "") -> dict:
    return {"embed": embed_for(url), "url": url, "title": title or "Video"}
