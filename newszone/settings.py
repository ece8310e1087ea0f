"""The only settings module. It reads the environment once; see docs/settings.md.

Product data (site name, sections, copyright lines) lives in the database,
never here.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from newszone.core.env import env_bool, env_int, env_list, secret_key

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = PROJECT_DIR / "var"

DEBUG = env_bool("NEWSZONE_DEBUG", default=False)
SECRET_KEY = secret_key(DEBUG)
ALLOWED_HOSTS = env_list("NEWSZONE_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("NEWSZONE_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "newszone.core",
    "newszone.audit",
    "newszone.accounts",
    "newszone.taxonomy",
    "newszone.publication",
    "newszone.photos",
    "newszone.search",
    "newszone.articles",
    "newszone.demo",
    "newszone.importers",
    "newszone.frontend",
    "newszone.feeds",
    "newszone.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newszone.core.middleware.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newszone.audit.context.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newszone.urls"
WSGI_APPLICATION = "newszone.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newszone.frontend.context_processors.site",
            ],
        },
    }
]

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(exist_ok=True)  # the embedded default lives in var/
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'newszone.sqlite3'}",
        conn_max_age=env_int("NEWSZONE_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while the desk writes; IMMEDIATE avoids the
    # "database is locked" upgrade deadlock (Django 5.1+ transaction_mode).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON;"
        ),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

elif DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # Short queries: JIT compilation costs more than it saves (search plans).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation." + name}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("NEWSZONE_MEDIA_ROOT") or VAR_DIR / "media")
# Serve MEDIA_ROOT from the app itself: right for the embedded one-machine
# setup; turn off when a web server or an object store serves media.
NEWSZONE_SERVE_MEDIA = env_bool("NEWSZONE_SERVE_MEDIA", default=True)
# Media in an S3-compatible store when a bucket is named (needs the ``s3``
# extra); credentials come from the environment (AWS_ACCESS_KEY_ID, …), never
# from here. Originals stay private: URLs are signed, readers get renditions.
NEWSZONE_S3_BUCKET = os.environ.get("NEWSZONE_S3_BUCKET", "")
MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if NEWSZONE_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": NEWSZONE_S3_BUCKET,
            "endpoint_url": os.environ.get("NEWSZONE_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("NEWSZONE_S3_REGION") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Background jobs (search indexing, later scheduled publishing): a table in the
# same database, worked by `newszone db_worker` (started by `make run`).
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "NEWSZONE_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"
        )
    }
}
# Empty: the search engine follows the database (SQLite FTS5 or PostgreSQL).
NEWSZONE_SEARCH_BACKEND = os.environ.get("NEWSZONE_SEARCH_BACKEND", "")
# Relevance ranks all matches up to this many, else the newest this many.
NEWSZONE_SEARCH_RANK_WINDOW = env_int("NEWSZONE_SEARCH_RANK_WINDOW", 20_000)
# PostgreSQL: pages a search asks the kernel for ahead (0: none; data in memory).
NEWSZONE_SEARCH_PREFETCH = env_int("NEWSZONE_SEARCH_PREFETCH", 0)
if not 0 <= NEWSZONE_SEARCH_PREFETCH <= 1000:
    raise ImproperlyConfigured(
        f"NEWSZONE_SEARCH_PREFETCH={NEWSZONE_SEARCH_PREFETCH} is not from 0 to 1000."
    )

# Uploads: photographers' JPEGs are big, anything else is refused early.
NEWSZONE_MAX_UPLOAD_MB = env_int("NEWSZONE_MAX_UPLOAD_MB", 25)
# The desk's editor page keeps unsaved work and says who else is here this often.
NEWSZONE_AUTOSAVE_SECONDS = env_int("NEWSZONE_AUTOSAVE_SECONDS", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https")
    if env_bool("NEWSZONE_BEHIND_HTTPS_PROXY")
    else None
)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("NEWSZONE_SECURE_COOKIES")

LOGIN_URL = "admin:login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
