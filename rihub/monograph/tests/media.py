"""A test case whose files, pictures included, live in a folder of its own."""

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import TestCase, override_settings

# Wagtail caches renditions by image and filter: a rendition cached by one test
# class would name a file another class's folder no longer holds.
NO_RENDITION_CACHE = {
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
}


class MediaTestCase(TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        # Before the test data, which stores its pictures there too.
        folder = tempfile.mkdtemp(prefix="rihub-monograph-")
        cls.addClassCleanup(shutil.rmtree, folder, ignore_errors=True)
        media = override_settings(
            MEDIA_ROOT=folder, CACHES=settings.CACHES | NO_RENDITION_CACHE
        )
        media.enable()
        cls.addClassCleanup(media.disable)
        super().setUpClass()

    def output(self) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="rihub-book-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        return folder
