"""HTTP headers the sites are served with: security headers and a Content-Security-Policy.

One table for the nginx sample in the README (checked against it by a test) and for the browser
tests' server (tests/e2e/e2e_server.py), which loads every sampled page under this policy and
fails on any violation in the console.

The policy allows nothing from another origin: scripts, styles, pictures, fonts, requests and
workers come from the site itself (the pages carry no inline script: Material's two were moved
into files, see overrides/partials/javascripts/). Inline styles stay allowed for the department's
accent colour and Material's own CSS variables. The one exception is a TV episode's page: after
the reader clicks play, it embeds the YouTube (privacy-enhanced) or Vimeo player, so pages under
`tv/` may frame those two hosts and nothing else.
"""

from __future__ import annotations

# hosts of the video players built by overrides/assets/javascripts/cp-video.js after a click
VIDEO_PLAYERS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")

# default-src 'self' covers scripts, fonts, requests, workers, media; only what differs is listed
# (every byte of these headers travels with every response of a page view: kept short)
CSP = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'none'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
CSP_VIDEO = CSP.replace("frame-src 'none'", "frame-src " + " ".join(VIDEO_PLAYERS))

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def headers_for(path: str) -> dict[str, str]:
    """Every header for a URL path of a built site (`/mingachevir/tv/2026-11-20-1/`)."""
    video = "/tv/" in "/" + path.lstrip("/")
    return {**SECURITY_HEADERS, "Content-Security-Policy": CSP_VIDEO if video else CSP}


def nginx_sample() -> str:
    """The nginx lines that send these headers (the README shows them; a test keeps them equal)."""
    frames = CSP.replace("frame-src 'none'", "frame-src $cpsites_frames")
    lines = ["map $uri $cpsites_frames {                    # TV pages may frame the two video players",
             f'    ~/tv/    "{" ".join(VIDEO_PLAYERS)}";',
             "    default  \"'none'\";",
             "}",
             "# inside `server { ... }`; `always`: on 404 pages too",
             f'add_header Content-Security-Policy "{frames}" always;']
    lines += [f'add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS.items()]
    return "\n".join(lines)
