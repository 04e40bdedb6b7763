"""WeasyPrint's internals the print road reads besides the columns patch (weasy_internals.py)."""

from __future__ import annotations

from cpsites.print import weasy_internals


def test_the_installed_weasyprint_is_the_one_tested():
    assert weasy_internals.compatible() == []
    weasy_internals.require()


def test_page_boxes_and_fatal_fetches_work_as_used(tmp_path):
    import pytest
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    doc = HTML(string='<p id="x">a</p>').render()
    box = weasy_internals.page_box(doc.pages[0])
    assert box.content_box_y() >= 0 and box.children

    def refuse(url, *args, **kwargs):
        raise ValueError(f"refused {url}")

    weasy_internals.fail_on_errors(refuse)
    with pytest.raises(FatalURLFetchingError):
        HTML(string='<img src="file:///etc/hostname">', base_url=str(tmp_path) + "/", url_fetcher=refuse).render()
