"""The test overlay: fast hashing, tasks run at once, mail kept in memory."""

import tempfile
from pathlib import Path

from rihub.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# With REDIS_URL set (as in CI) the tests use Redis, under their own key prefix.
CACHES["default"]["KEY_PREFIX"] = "rihub-test"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
LOGGING["loggers"] = {"django_tasks": {"level": "WARNING"}}  # noqa: F405

# Uploaded files written by tests stay out of the checkout.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "rihub-test-media"  # noqa: F405

# A test's rollback leaves the cache as it was: pages stay uncached unless a test
# turns the page cache on for itself.
RIHUB_PAGE_CACHE_SECONDS = 0
