"""Fixtures for the image pipeline tests: phone-like photos and a private cache per test."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from cpsites.images import reset_stats
from cpsites.images.cache import ImageCache

REPO = Path(__file__).resolve().parents[2]


def _load_photos():
    spec = importlib.util.spec_from_file_location("make_sample_photos", REPO / "scripts" / "make_sample_photos.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def photos():
    """scripts/make_sample_photos.py: scene(name, size), save_phone_jpeg(image, path, orientation)."""
    return _load_photos()


@pytest.fixture
def cache(tmp_path) -> ImageCache:
    reset_stats()
    return ImageCache(tmp_path / "cache")

