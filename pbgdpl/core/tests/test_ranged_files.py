"""Byte ranges on served files: what phones, Safari and podcast apps need to play and seek."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import RequestFactory

from pbgdpl.core import ranged_files
from pbgdpl.core.ranged_files import ranged_file_response

CONTENT = bytes(range(256)) * 40  # 10,240 bytes, every offset distinguishable within a 256-byte window


@pytest.fixture
def stored(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(CONTENT)
    return str(path)


def _get(path: str, range_header: str | None = None):
    headers = {"HTTP_RANGE": range_header} if range_header is not None else {}
    return ranged_file_response(RequestFactory().get("/video/1/video.mp4", **headers), path, "video/mp4")


def test_without_range_the_whole_file_is_sent_and_ranges_are_advertised(stored):
    response = _get(stored)
    assert response.status_code == 200 and response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(CONTENT)) and response["Content-Type"] == "video/mp4"
    assert b"".join(response.streaming_content) == CONTENT


@pytest.mark.parametrize(("header", "start", "end"), [
    ("bytes=0-1", 0, 1),  # Safari's first probe
    ("bytes=300-5000", 300, 5000),
    ("bytes=10000-", 10000, len(CONTENT) - 1),
    ("bytes=-100", len(CONTENT) - 100, len(CONTENT) - 1),
    ("bytes=10200-999999", 10200, len(CONTENT) - 1),  # an end past the file is cut to the file
])
def test_a_range_returns_206_with_exactly_those_bytes(stored, header, start, end):
    response = _get(stored, header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(CONTENT)}"
    assert response.content == CONTENT[start:end + 1] and response["Content-Length"] == str(end - start + 1)
    assert response["Accept-Ranges"] == "bytes"


def test_an_open_range_is_answered_in_bounded_pieces(stored, monkeypatch):
    monkeypatch.setattr(ranged_files, "MAX_CHUNK", 1000)
    response = _get(stored, "bytes=500-")
    assert response.status_code == 206 and response["Content-Range"] == f"bytes 500-1499/{len(CONTENT)}"
    assert response.content == CONTENT[500:1500]


@pytest.mark.parametrize("header", ["bytes=10240-", "bytes=99999-100000", "bytes=50-10", "bytes=-0"])
def test_an_unsatisfiable_range_is_416_with_the_size(stored, header):
    response = _get(stored, header)
    assert response.status_code == 416 and response["Content-Range"] == f"bytes */{len(CONTENT)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "items=0-5", "bytes=-"])
def test_a_range_we_do_not_serve_gets_the_whole_file(stored, header):
    response = _get(stored, header)
    assert response.status_code == 200 and response["Content-Length"] == str(len(CONTENT))


def test_a_missing_file_is_not_found(tmp_path):
    with pytest.raises(Http404):
        _get(str(tmp_path / "gone.mp4"), "bytes=0-1")
