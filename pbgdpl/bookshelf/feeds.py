"""The podcast RSS of a show: RSS 2.0 with the iTunes namespace, as podcast directories require.

GUIDs are the episodes' UUIDs (never their address, which an editor may change); enclosures give the
length and type the audio view answers with.
"""

from __future__ import annotations

import io

from django.utils.feedgenerator import rfc2822_date
from django.utils.xmlutils import SimplerXMLGenerator

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"


def podcast_feed(request, show, episodes) -> bytes:
    out = io.StringIO()
    xml = SimplerXMLGenerator(out, "utf-8")
    xml.startDocument()
    xml.startElement("rss", {"version": "2.0", "xmlns:itunes": ITUNES,
                             "xmlns:atom": "http://www.w3.org/2005/Atom"})
    xml.startElement("channel", {})
    page = request.build_absolute_uri(show.get_absolute_url())
    xml.addQuickElement("title", show.title)
    xml.addQuickElement("link", page)
    xml.addQuickElement("description", show.description)
    xml.addQuickElement("language", "vi")
    xml.addQuickElement("atom:link", attrs={"href": request.build_absolute_uri(), "rel": "self",
                                            "type": "application/rss+xml"})
    xml.addQuickElement("itunes:author", show.author)
    xml.addQuickElement("itunes:summary", show.description)
    xml.addQuickElement("itunes:explicit", "true" if show.explicit else "false")
    xml.addQuickElement("itunes:category", attrs={"text": show.category})
    xml.addQuickElement("itunes:image", attrs={"href": _image_url(request, show)})
    items = list(episodes)
    if items:
        xml.addQuickElement("lastBuildDate", rfc2822_date(max(e.published_at for e in items)))
    for episode in items:
        xml.startElement("item", {})
        xml.addQuickElement("title", episode.title)
        xml.addQuickElement("link", request.build_absolute_uri(episode.get_absolute_url()))
        xml.addQuickElement("description", episode.description)
        xml.addQuickElement("guid", f"urn:uuid:{episode.guid}", {"isPermaLink": "false"})
        xml.addQuickElement("pubDate", rfc2822_date(episode.published_at))
        xml.addQuickElement("enclosure", attrs={"url": request.build_absolute_uri(episode.get_audio_url()),
                                                "length": str(episode.audio_bytes), "type": episode.audio_type})
        xml.addQuickElement("itunes:duration", str(episode.duration_seconds))
        xml.addQuickElement("itunes:explicit", "true" if show.explicit else "false")
        xml.endElement("item")
    xml.endElement("channel")
    xml.endElement("rss")
    xml.endDocument()
    return out.getvalue().encode("utf-8")


def _image_url(request, show) -> str:
    """The show's cover (a 1400 px square rendition), or the portal's default podcast cover."""
    from django.templatetags.static import static

    if show.image_id:
        return request.build_absolute_uri(show.image.get_rendition("fill-1400x1400").url)
    return request.build_absolute_uri(static("bookshelf/podcast-cover.png"))
