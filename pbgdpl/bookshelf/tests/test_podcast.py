"""Podcasts: the feed a podcast app subscribes to, the audio it downloads, the show page."""

from __future__ import annotations

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from lxml import etree

from ..models import Episode
from .factories import make_show, tone

pytestmark = pytest.mark.django_db
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def test_feed_has_the_required_rss_and_itunes_elements_and_every_enclosure_answers(client):
    show = make_show(episodes=3)
    response = client.get(f"/tu-sach-phap-luat/podcast/{show.slug}/rss.xml")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = etree.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for tag in ("title", "link", "description", "language"):
        assert channel.findtext(tag)
    assert channel.findtext(f"{ITUNES}author") == "Sở Tư pháp"
    assert channel.find(f"{ITUNES}image").get("href").startswith("http://testserver/")
    assert channel.find(f"{ITUNES}category").get("text")
    assert channel.findtext(f"{ITUNES}explicit") in ("true", "false")
    items = channel.findall("item")
    assert len(items) == 3
    for item in items:
        assert item.findtext("title") and item.findtext("pubDate") and item.findtext("guid")
        enclosure = item.find("enclosure")
        url = enclosure.get("url").removeprefix("http://testserver")
        for method in (client.head, client.get):
            answer = method(url)
            assert answer.status_code == 200
            assert answer["Content-Length"] == enclosure.get("length")
            assert answer["Content-Type"] == enclosure.get("type") == "audio/mpeg"
        assert len(b"".join(client.get(url).streaming_content)) == int(enclosure.get("length"))
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert len(parsed.entries) == 3
    assert all(entry.enclosures[0]["type"] == "audio/mpeg" for entry in parsed.entries)
    from django.contrib.staticfiles import finders
    from PIL import Image

    cover = channel.find(f"{ITUNES}image").get("href")
    with Image.open(finders.find(cover.split("/static/", 1)[1])) as image:
        assert image.size == (1400, 1400)  # podcast directories ask for 1400–3000 px squares


def test_guids_stay_the_same_when_an_episode_is_renamed(client):
    show = make_show(episodes=1)
    before = feedparser.parse(client.get(f"/tu-sach-phap-luat/podcast/{show.slug}/rss.xml").content).entries[0].id
    Episode.objects.update(slug="doi-ten", title="Tên mới")
    after = feedparser.parse(client.get(f"/tu-sach-phap-luat/podcast/{show.slug}/rss.xml").content).entries[0]
    assert after.id == before and after.title == "Tên mới"


def test_audio_answers_byte_ranges_for_seeking(client):
    show = make_show(episodes=1)
    episode = show.episodes.get()
    partial = client.get(episode.get_audio_url(), HTTP_RANGE="bytes=100-199")
    assert partial.status_code == 206
    assert partial["Content-Range"] == f"bytes 100-199/{episode.audio_bytes}"
    assert len(partial.content) == 100
    assert client.get(episode.get_audio_url(), HTTP_RANGE="bytes=999999-").status_code == 416


def test_show_page_links_its_feed_and_has_an_accessible_player(client):
    show = make_show(episodes=1)
    body = client.get(f"/tu-sach-phap-luat/podcast/{show.slug}/").content.decode()
    assert f'<link rel="alternate" type="application/rss+xml" title="{show.title}" href="/tu-sach-phap-luat/podcast/{show.slug}/rss.xml">' in body
    episode = client.get(show.episodes.get().get_absolute_url()).content.decode()
    assert "<audio controls" in episode and 'data-skip="-15"' in episode and 'value="1.5"' in episode
    assert "Lời thoại về tạm trú." in episode


@pytest.mark.parametrize("extension", ["ogg", "m4a"])
def test_ogg_and_m4a_are_recognised(extension):
    show = make_show(episodes=1, extension=extension)
    episode = show.episodes.get()
    assert episode.audio_type == {"ogg": "audio/ogg", "m4a": "audio/mp4"}[extension]
    assert episode.duration_seconds == 1


def test_a_renamed_or_corrupt_audio_file_is_refused():
    from .. import services

    show = make_show(episodes=0)
    fake = Episode(show=show, slug="x", title="x", description="x")
    fake.audio.save("x.mp3", ContentFile(b"%PDF-1.4 not audio"), save=False)
    with pytest.raises(ValidationError, match="hỏng hoặc không phải âm thanh"):
        services.check_audio(fake)
    renamed = Episode(show=show, slug="y", title="y", description="y")
    renamed.audio.save("y.mp3", ContentFile(tone("ogg")), save=False)
    with pytest.raises(ValidationError, match="không khớp với phần mở rộng .mp3"):
        services.check_audio(renamed)
