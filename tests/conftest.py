import pytest


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    """Media in a temp folder; static files without a manifest (no collectstatic)."""
    settings.MEDIA_ROOT = tmp_path / "media"
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
