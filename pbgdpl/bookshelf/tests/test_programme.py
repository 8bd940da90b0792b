"""Podcast episodes and audiobooks appear in Tình huống pháp luật › Chương trình nghe nhìn beside videos."""

import pytest

from pbgdpl.bookshelf.models import PodcastShow
from pbgdpl.media.programme import programme


@pytest.mark.django_db
def test_a_live_episode_is_listed_in_the_audiovisual_programme_and_a_hidden_one_is_not():
    show = PodcastShow.objects.create(title="Pháp luật mỗi tuần", slug="phap-luat-moi-tuan", description="Chương trình nói.",
                                      author="Sở Tư pháp")
    show.episodes.create(title="Số 1: Hợp đồng thuê nhà", slug="so-1", description="Thuê nhà cần biết gì.", audio="x.mp3")
    show.episodes.create(title="Số 2: Bản nháp", slug="so-2", description="Chưa phát hành.", audio="y.mp3", live=False)
    titles = [item.title for item in programme("podcast")]
    assert titles == ["Pháp luật mỗi tuần: Số 1: Hợp đồng thuê nhà"]
    assert programme("podcast")[0].url == "/tu-sach-phap-luat/podcast/phap-luat-moi-tuan/so-1/"
