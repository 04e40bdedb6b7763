"""Valid HTML: the W3C Nu HTML checker (npm `vnu-jar`, pinned in package-lock.json, on Debian's
headless Java) reads every page of the session build (portal and department, three languages,
every kind of page the samples cover and the rest) and finds no error.

Warnings kept, and why (exact start of the checker's message):
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

VNU = Path(__file__).resolve().parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material writes each page's content, h1 included, inside <article class="md-content__inner">:
# the checker advises an h1 only at the top level and a h2-h6 in every article. The article is the
# page's main text and its h1 is the page's title, which is right for readers and screen readers;
# changing it would mean replacing Material's base.html.
KEPT_WARNINGS = (
    "Consider using the “h1” element as a top-level heading only",
    "Article lacks heading.",
)


def test_every_page_is_valid_html(site_root: Path, samples):
    java = shutil.which("java")
    if java is None:
        pytest.skip("no Java: install Debian's default-jre-headless (make test does) to run the Nu HTML checker")
    if not VNU.is_file():
        pytest.fail(f"the Nu HTML checker is not installed ({VNU}): run `make test` (npm ci --prefix tests/e2e)")
    pages = sorted(site_root.rglob("*.html"))
    sampled = {s.path.rstrip("/") for s in samples}
    assert pages and sampled
    done = subprocess.run([java, "-Xss4m", "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                           *map(str, pages)], capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m.get("subType") == "warning"
                and not m["message"].startswith(KEPT_WARNINGS)]

    def show(found):
        return "\n".join(f"{m['url'].removeprefix('file:' + str(site_root))}: {m['message']}" for m in found[:20])

    assert not errors, f"{len(errors)} Nu checker errors:\n{show(errors)}"
    assert not warnings, f"{len(warnings)} new warnings (fix them, or keep them in KEPT_WARNINGS with why):\n" \
                         + show(warnings)
