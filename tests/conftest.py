import pytest


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    """Media in a temp folder; static files without a manifest (no collectstatic)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Test users need no slow password hashing (1M PBKDF2 rounds each).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Jobs run on the spot (on commit); the worker itself is tested on its own.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, tmp_path_factory):
    """SQLite tests use a file, as the product does: an in-memory shared-cache
    database answers "table is locked" where a file waits its turn (WAL,
    IMMEDIATE transactions), which would make concurrency tests lie."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("db") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)
