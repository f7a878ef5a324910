"""The settings of each deployment profile, read in a fresh process each time."""

import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import SimpleTestCase

PRODUCTION = {
    "RIHUB_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://rihub@db.internal:5432/rihub",
    "ALLOWED_HOSTS": "romaintegration.example.org",
    "EMAIL_URL": "submission://rihub:pw@mail.internal:587",
}
SETTINGS_VARIABLES = {
    "RIHUB_ENV",
    "SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "DEBUG",
    "REDIS_URL",
    "EMAIL_URL",
    "S3_BUCKET",
    "DJANGO_SETTINGS_MODULE",
    "RIHUB_VAR_DIR",
}


class SettingsTestCase(SimpleTestCase):
    def setUp(self) -> None:
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.var = folder.name

    def manage(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """Run manage.py with only the given settings variables set."""
        clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
        defaults = {
            "DJANGO_SETTINGS_MODULE": "rihub.settings",
            "RIHUB_VAR_DIR": self.var,
        }
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=clean | defaults | env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def read(self, *names: str, **env: str) -> dict[str, Any]:
        """Read several settings in one process."""
        code = (
            "import json; from django.conf import settings as s; "
            f"print(json.dumps({{n: str(eval('s.' + n)) for n in {list(names)!r}}}))"
        )
        result = self.manage("shell", "--no-imports", "-c", code, **env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout.strip().splitlines()[-1])

    def assert_refused(self, message: str, **env: str) -> None:
        result = self.manage("check", **env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(message, result.stderr)


class ProductionSettingsTests(SettingsTestCase):
    def test_refuses_to_start_without_a_secret_key(self) -> None:
        self.assert_refused(
            "SECRET_KEY must be set when RIHUB_ENV=production",
            **PRODUCTION | {"SECRET_KEY": ""},
        )

    def test_refuses_to_start_on_anything_but_postgresql(self) -> None:
        for url in ("", "sqlite:///x.db", "mysql://rihub@db/rihub"):
            with self.subTest(url=url):
                self.assert_refused(
                    "DATABASE_URL must name a PostgreSQL database",
                    **PRODUCTION | {"DATABASE_URL": url},
                )

    def test_refuses_to_start_without_its_host_names(self) -> None:
        self.assert_refused(
            "ALLOWED_HOSTS must be set", **PRODUCTION | {"ALLOWED_HOSTS": ""}
        )
        self.assert_refused(
            "ALLOWED_HOSTS must name the hosts", **PRODUCTION | {"ALLOWED_HOSTS": "*"}
        )

    def test_refuses_to_start_with_debug_on(self) -> None:
        self.assert_refused("DEBUG must be off", **PRODUCTION | {"DEBUG": "true"})

    def test_deploy_check_reports_nothing(self) -> None:
        result = self.manage("check", "--deploy", "--fail-level", "DEBUG", **PRODUCTION)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("System check identified no issues (0 silenced)", result.stdout)

    def test_deploy_check_warns_when_mail_is_not_sent(self) -> None:
        env = PRODUCTION | {"EMAIL_URL": "console://"}
        result = self.manage("check", "--deploy", "--fail-level", "WARNING", **env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("rihub.W001", result.stderr)

    def test_cookies_are_secure_and_hsts_is_on(self) -> None:
        found = self.read(
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_HSTS_SECONDS",
            "DEBUG",
            **PRODUCTION,
        )
        self.assertEqual(
            found,
            {
                "SESSION_COOKIE_SECURE": "True",
                "CSRF_COOKIE_SECURE": "True",
                "SECURE_HSTS_SECONDS": "31536000",
                "DEBUG": "False",
            },
        )


class EmbeddedSettingsTests(SettingsTestCase):
    def test_defaults_need_no_configuration(self) -> None:
        found = self.read(
            "DATABASES['default']['ENGINE']",
            "CACHES['default']['BACKEND']",
            "EMAIL_BACKEND",
        )
        self.assertEqual(
            list(found.values()),
            [
                "django.db.backends.sqlite3",
                "django.core.cache.backends.locmem.LocMemCache",
                "django.core.mail.backends.console.EmailBackend",
            ],
        )

    def test_the_development_secret_key_is_generated_once_and_kept(self) -> None:
        first = self.read("SECRET_KEY")["SECRET_KEY"]
        second = self.read("SECRET_KEY")["SECRET_KEY"]
        key_file = Path(self.var) / "secret_key"

        self.assertEqual(first, second)
        self.assertGreaterEqual(len(first), 50)
        self.assertEqual(key_file.read_text().strip(), first)
        self.assertEqual(key_file.stat().st_mode & 0o777, 0o600)

    def test_services_are_chosen_by_url(self) -> None:
        found = self.read(
            "DATABASES['default']['ENGINE']",
            "CACHES['default']['BACKEND']",
            "EMAIL_HOST",
            "EMAIL_USE_TLS",
            "STORAGES['default']['BACKEND']",
            DATABASE_URL="postgres://rihub:pw@db.internal:5432/rihub",
            REDIS_URL="redis://cache.internal:6379/1",
            EMAIL_URL="submission://user:pw@mail.internal:587",
            S3_BUCKET="rihub-media",
        )
        self.assertEqual(
            list(found.values()),
            [
                "django.db.backends.postgresql",
                "django.core.cache.backends.redis.RedisCache",
                "mail.internal",
                "True",
                "storages.backends.s3.S3Storage",
            ],
        )

    def test_a_malformed_value_is_refused_by_name(self) -> None:
        self.assert_refused("DEBUG must be true or false, not 'maybe'", DEBUG="maybe")
        self.assert_refused(
            "EMAIL_URL must start with one of", EMAIL_URL="smtp+tls://mail.internal"
        )
