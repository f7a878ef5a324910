"""The settings of each deployment profile, read in a fresh process each time."""

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

PRODUCTION = {
    "RIHUB_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://rihub@db.internal:5432/rihub",
    "ALLOWED_HOSTS": "romaintegration.example.org",
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


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py with only the given settings variables set."""
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=clean | {"DJANGO_SETTINGS_MODULE": "rihub.settings"} | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def show(name: str, **env: str) -> str:
    code = f"from django.conf import settings; print(settings.{name})"
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_to_start_without_a_secret_key(self) -> None:
        env = PRODUCTION | {"SECRET_KEY": ""}
        result = manage("check", **env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY must be set when RIHUB_ENV=production", result.stderr)

    def test_refuses_to_start_on_sqlite(self) -> None:
        result = manage("check", **PRODUCTION | {"DATABASE_URL": "sqlite:///x.db"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DATABASE_URL must name a PostgreSQL database", result.stderr)

    def test_refuses_to_start_without_its_host_names(self) -> None:
        result = manage("check", **PRODUCTION | {"ALLOWED_HOSTS": ""})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ALLOWED_HOSTS must be set", result.stderr)

    def test_deploy_check_reports_nothing(self) -> None:
        result = manage("check", "--deploy", "--fail-level", "DEBUG", **PRODUCTION)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("System check identified no issues (0 silenced)", result.stdout)

    def test_cookies_are_secure_and_hsts_is_on(self) -> None:
        self.assertEqual(show("SESSION_COOKIE_SECURE", **PRODUCTION), "True")
        self.assertEqual(show("SECURE_HSTS_SECONDS", **PRODUCTION), "31536000")
        self.assertEqual(show("DEBUG", **PRODUCTION), "False")


class EmbeddedSettingsTests(SimpleTestCase):
    def test_defaults_need_no_configuration(self) -> None:
        engine = show("DATABASES['default']['ENGINE']")
        cache = show("CACHES['default']['BACKEND']")
        email = show("EMAIL_BACKEND")

        self.assertEqual(engine, "django.db.backends.sqlite3")
        self.assertEqual(cache, "django.core.cache.backends.locmem.LocMemCache")
        self.assertEqual(email, "django.core.mail.backends.console.EmailBackend")

    def test_the_development_secret_key_is_generated_once_and_kept(self) -> None:
        with tempfile.TemporaryDirectory() as var:
            first = show("SECRET_KEY", RIHUB_VAR_DIR=var)
            second = show("SECRET_KEY", RIHUB_VAR_DIR=var)
            key_file = Path(var) / "secret_key"

            self.assertEqual(first, second)
            self.assertGreaterEqual(len(first), 50)
            self.assertEqual(key_file.read_text().strip(), first)
            self.assertEqual(key_file.stat().st_mode & 0o777, 0o600)

    def test_services_are_chosen_by_url(self) -> None:
        env = {
            "DATABASE_URL": "postgres://rihub:pw@db.internal:5432/rihub",
            "REDIS_URL": "redis://cache.internal:6379/1",
            "EMAIL_URL": "submission://user:pw@mail.internal:587",
            "S3_BUCKET": "rihub-media",
        }
        self.assertEqual(
            show("DATABASES['default']['ENGINE']", **env),
            "django.db.backends.postgresql",
        )
        self.assertEqual(
            show("CACHES['default']['BACKEND']", **env),
            "django.core.cache.backends.redis.RedisCache",
        )
        self.assertEqual(show("EMAIL_HOST", **env), "mail.internal")
        self.assertEqual(show("EMAIL_USE_TLS", **env), "True")
        self.assertEqual(
            show("STORAGES['default']['BACKEND']", **env),
            "storages.backends.s3.S3Storage",
        )

    def test_a_malformed_boolean_is_refused_by_name(self) -> None:
        result = manage("check", DEBUG="maybe")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DEBUG must be true or false, not 'maybe'", result.stderr)

    def test_an_unknown_email_scheme_is_refused(self) -> None:
        result = manage("check", EMAIL_URL="smtp+tls://mail.internal")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("EMAIL_URL must start with one of", result.stderr)
