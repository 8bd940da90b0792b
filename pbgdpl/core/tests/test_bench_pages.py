from pbgdpl.core.management.commands.bench_pages import page_weight


def test_page_weight_follows_stylesheets_to_their_fonts():
    weight = page_weight('<html><link rel="stylesheet" href="/static/css/site.css"><img src="/nope.png"></html>')
    assert set(weight["assets"]) == {
        "/static/css/site.css",
        "/static/fonts/be-vietnam-pro-400.woff2",
        "/static/fonts/be-vietnam-pro-600.woff2",
    }
    assert weight["missing"] == ["/nope.png"]
    # Both fonts together stay within the UI brief's ~100 KB budget.
    fonts = sum(size for url, size in weight["assets"].items() if url.endswith(".woff2"))
    assert fonts <= 100 * 1024
