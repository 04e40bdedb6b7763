"""The W3C Nu HTML checker over a whole built site: errors and warnings, counted by message.

    .venv/bin/python scripts/nu_check.py [site]        (default: site/, after `make site`)

Needs Java (Debian's default-jre-headless) and `npm ci --prefix tests/e2e` (vnu-jar), both
installed by `make test`. The test suite runs the same checker on the session build
(tests/e2e/test_html_valid.py).
"""

from __future__ import annotations

import collections
import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VNU = REPO / "tests" / "e2e" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "site")
    java = shutil.which("java")
    if not java or not VNU.is_file():
        raise SystemExit("needs java and tests/e2e/node_modules/vnu-jar: run `make test` once")
    pages = sorted(site.rglob("*.html"))
    done = subprocess.run([java, "-Xss4m", "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                           "--skip-non-html", str(site)], capture_output=True, text=True)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    print(f"{len(pages)} pages: {len(errors)} errors on {len({m['url'] for m in errors})} pages, "
          f"{len(warnings)} warnings")
    for kind, found in (("error", errors), ("warning", warnings)):
        for message, n in collections.Counter(m["message"][:100] for m in found).most_common():
            print(f"  {n:6} {kind}: {message}")


if __name__ == "__main__":
    main()
