"""A folder of its own for the files a test class writes: PDFs, images, uploads."""

import shutil
import tempfile

from django.test import SimpleTestCase, override_settings


class TemporaryMediaMixin(SimpleTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        folder = tempfile.mkdtemp(prefix="rihub-media-")
        cls.addClassCleanup(shutil.rmtree, folder, ignore_errors=True)
        media = override_settings(MEDIA_ROOT=folder)
        media.enable()
        cls.addClassCleanup(media.disable)
