"""cpsites: community-policing sites and print products for Azerbaijani police departments."""

__version__ = "0.1.0"
