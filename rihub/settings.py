"""Settings for every deployment profile, read from environment variables.

The embedded default needs nothing set: SQLite, local memory cache, console email and
files under var/. Production (RIHUB_ENV=production) refuses to start without a secret
key, a real database and the host names it serves.
"""

import secrets
from pathlib import Path

import dj_database_url
import dj_email_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from rihub.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("RIHUB_VAR_DIR") or BASE_DIR / "var")

RIHUB_ENV = env_str("RIHUB_ENV", "development")
if RIHUB_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("RIHUB_ENV must be 'development' or 'production'.")
PRODUCTION = RIHUB_ENV == "production"


def _development_secret_key() -> str:
    """Generate the key once and keep it under var/, so sessions survive restarts."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when RIHUB_ENV=production.")
    SECRET_KEY = _development_secret_key()

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when RIHUB_ENV=production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
if PRODUCTION and not env_list("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when RIHUB_ENV=production.")
if PRODUCTION and "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the hosts, not '*'.")

# The embedded profile needs no database server; production shares one PostgreSQL
# database between web servers and workers.
DATABASE_URL = env_str("DATABASE_URL")
if PRODUCTION and not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured(
        "DATABASE_URL must name a PostgreSQL database when RIHUB_ENV=production."
    )
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'rihub.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write at the same time: WAL lets readers
    # go on, and IMMEDIATE transactions wait for the lock instead of failing.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Several web workers share one cache only through Redis; one process needs none.
REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Mail goes to the console until EMAIL_URL names a server; `check --deploy` warns
# about that in production (rihub/checks.py).
_email = dj_email_url.parse(env_str("EMAIL_URL", "console://"))
if "EMAIL_BACKEND" not in _email:
    schemes = ", ".join(sorted(dj_email_url.SCHEMES))
    raise ImproperlyConfigured(f"EMAIL_URL must start with one of: {schemes}.")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or 30
EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"] or str(VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "RI Hub <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

INSTALLED_APPS = [
    "rihub.directory",
    "rihub.governance",
    "rihub.mainstreaming",
    "rihub.website",
    "rihub.website.search",
    "rihub.bulletins",
    "rihub.monograph",
    "rihub.api",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.locales",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "anymail",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside locale, sessions, CSRF and messages: it knows the page's language
    # and sees whether a page belongs to one visitor.
    "rihub.website.caching.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "rihub.urls"
WSGI_APPLICATION = "rihub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "rihub" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# English and the languages of the participating economies; Romani for content.
# Montenegrin and Romani are unknown to Django, so their names are given here.
LANG_INFO.update(
    {
        "cnr": {
            "bidi": False,
            "code": "cnr",
            "name": "Montenegrin",
            "name_local": "Crnogorski",
        },
        "rom": {
            "bidi": False,
            "code": "rom",
            "name": "Romani",
            "name_local": "Romani čhib",
        },
    }
)
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("mk", _("Macedonian")),
    ("cnr", _("Montenegrin")),
    ("sr", _("Serbian")),
    ("tr", _("Turkish")),
    ("rom", _("Romani")),
]
# Romani is offered where a page has been translated; the interface stays English.
RIHUB_CONTENT_ONLY_LANGUAGES = ["rom"]
RIHUB_DOCUMENT_LANGUAGES = [*LANGUAGES, ("de", _("German")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "rihub" / "locale"]
# Django has no Montenegrin date formats; ours are in rihub/formats/cnr.
FORMAT_MODULE_PATH = ["rihub.formats"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = env_str("TIME_ZONE", "Europe/Belgrade")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "rihub" / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")

# Several machines see the same uploaded files only in a shared bucket (S3_BUCKET).
# Its credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
S3_BUCKET = env_str("S3_BUCKET")
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
                "region_name": env_str("S3_REGION") or None,
                "custom_domain": env_str("S3_CUSTOM_DOMAIN") or None,
                "default_acl": None,
                "querystring_auth": True,
            },
        }
        if S3_BUCKET
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Background tasks: stored in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

WAGTAIL_SITE_NAME = "RI Hub"
WAGTAILADMIN_BASE_URL = env_str("RIHUB_BASE_URL", "http://127.0.0.1:8000")
# Search runs in the database (SQLite FTS5, or PostgreSQL full-text) unless an
# OpenSearch server is named; after switching, run `manage.py update_index`.
RIHUB_OPENSEARCH_URL = env_str("RIHUB_OPENSEARCH_URL")
WAGTAILSEARCH_BACKENDS = {
    "default": (
        {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": [RIHUB_OPENSEARCH_URL],
            "INDEX": env_str("RIHUB_OPENSEARCH_INDEX", "rihub"),
            "TIMEOUT": env_int("RIHUB_OPENSEARCH_TIMEOUT", 10),
        }
        if RIHUB_OPENSEARCH_URL
        else {"BACKEND": "rihub.website.search.backends"}
    )
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx"]
# The library takes these files only, recognised by their content, up to this size.
RIHUB_DOCUMENT_MAX_MB = env_int("RIHUB_DOCUMENT_MAX_MB", 50)
# Wagtail's editor posts one field per block and inline row: a long page has many.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGIN_URL = "wagtailadmin_login"

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail logs every page created or published; the audit log keeps those.
    "loggers": {"wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")}},
}

# Anonymous visitors get whole pages from the cache for this long at most; any
# change to what pages show empties it at once. 0 turns the page cache off.
RIHUB_PAGE_CACHE_SECONDS = env_int("RIHUB_PAGE_CACHE_SECONDS", 600)

# Invitations: how long a reply link works, and how many days before a meeting the
# one reminder goes out.
RIHUB_INVITATION_LINK_DAYS = env_int("RIHUB_INVITATION_LINK_DAYS", 120)
RIHUB_REMINDER_DAYS = env_int("RIHUB_REMINDER_DAYS", 7)

# The project's own reference data, loaded by `manage.py load_reference_data`.
RIHUB_REFERENCE_DATA = BASE_DIR / "rihub" / "data" / "ri2020.toml"

# The bulletin's subscriptions: how long a confirmation link works, how long a
# preferences link works, and how many sign-ups one client may send an hour.
RIHUB_CONFIRMATION_LINK_DAYS = env_int("RIHUB_CONFIRMATION_LINK_DAYS", 7)
RIHUB_PREFERENCES_LINK_DAYS = env_int("RIHUB_PREFERENCES_LINK_DAYS", 365)
RIHUB_SUBSCRIBE_PER_HOUR = env_int("RIHUB_SUBSCRIBE_PER_HOUR", 5)

# The bulletin's sending: messages a minute at most, how many a batch takes, and
# how often a delivery is tried before it is given up.
RIHUB_BULLETIN_PER_MINUTE = env_int("RIHUB_BULLETIN_PER_MINUTE", 600)
RIHUB_BULLETIN_BATCH = env_int("RIHUB_BULLETIN_BATCH", 50)
RIHUB_BULLETIN_ATTEMPTS = env_int("RIHUB_BULLETIN_ATTEMPTS", 6)
# The mail provider signs its bounce and complaint reports with this secret
# ("user:password", as django-anymail expects); unset, reports are ignored.
ANYMAIL = {"WEBHOOK_SECRET": env_str("ANYMAIL_WEBHOOK_SECRET") or None}
