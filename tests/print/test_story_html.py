"""Story Markdown as the newspaper prints it: what the site's Markdown means, nothing unsafe."""

from cpsites.print.newspaper import story_html

BODY = """Sakinlər görüşə gəldilər.

![Patrul maşını](../images/news/car.jpg)

/// caption
Məktəblilər patrul maşınını yaxından gördülər.
///

> «Polis sizin üçün açıqdır».

<link rel="attachment" href="file:///etc/passwd"><script>alert(1)</script>
"""


def test_caption_blocks_leave_with_their_photo():
    html = str(story_html(BODY))
    assert "Sakinlər görüşə gəldilər." in html
    assert "«Polis sizin üçün açıqdır»." in html
    assert "///" not in html
    assert "patrul maşınını yaxından" not in html  # the caption of a photo the paper does not print
    assert "<img" not in html and "<figure" not in html and "<p></p>" not in html


def test_no_links_scripts_or_attachments():
    html = str(story_html(BODY))
    assert "<link" not in html and "passwd" not in html and "script" not in html and "alert" not in html


def test_addresses_are_marked_so_they_break_without_hyphens():
    html = str(story_html("Yazın: (icma.mingachevir@polis.example) və ya https://icma-polisi.example/mingachevir/."))
    assert '(<span class="addr">icma.mingachevir@polis.example</span>)' in html
    assert '<span class="addr">https://icma-polisi.example/mingachevir/</span>.' in html
