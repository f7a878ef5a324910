"""A folder of its own for the files a test class writes: PDFs, images, uploads."""

import shutil
import tempfile

from django.conf import settings
from django.test import SimpleTestCase, override_settings

# Wagtail caches renditions by image and filter: a rendition cached by one test
# class would name a file another class's folder no longer holds.
NO_RENDITION_CACHE = {
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
}


class TemporaryMediaMixin(SimpleTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        # Before the test data, which may store its files there too.
        folder = tempfile.mkdtemp(prefix="rihub-media-")
        cls.addClassCleanup(shutil.rmtree, folder, ignore_errors=True)
        media = override_settings(
            MEDIA_ROOT=folder, CACHES=settings.CACHES | NO_RENDITION_CACHE
        )
        media.enable()
        cls.addClassCleanup(media.disable)
        super().setUpClass()
