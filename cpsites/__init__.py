"""cpsites: community-policing sites and print products for Azerbaijani police departments."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root when running from a checkout (sites/, docs/, overrides/ live here).
PACKAGE_DIR = Path(__file__).resolve().parent
