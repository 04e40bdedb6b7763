"""Allow-list sanitising of HTML rendered from press officers' Markdown (nh3): the second line.

The first line is the content policy (`cpsites/content/policy.py`): it refuses, with file:line,
whatever content may not contain, before anything is built. This pass takes the same lists, plus
the few attributes Markdown's own extensions write (footnotes, accessibility), so that even a gap
in the policy cannot put anything else on a published page.
"""

from __future__ import annotations

import nh3

from cpsites.content import policy

TAGS = set(policy.TAGS)
# what Python-Markdown's extensions add to the HTML they write (footnotes, toc, admonitions)
_MARKDOWN_ATTRIBUTES = {"role", "aria-label", "aria-hidden", "aria-describedby"}
ATTRIBUTES = {tag: set(names) for tag, names in policy.ATTRIBUTES.items()}
ATTRIBUTES["*"] = (set(policy.GLOBAL_ATTRIBUTES) - {"markdown"}) | _MARKDOWN_ATTRIBUTES
URL_SCHEMES = set(policy.URL_SCHEMES)


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=None, strip_comments=True)
