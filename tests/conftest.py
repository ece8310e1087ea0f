import pytest


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    """Media in a temp folder; static files without a manifest (no collectstatic)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
