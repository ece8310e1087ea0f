"""Photos and renditions in an S3-compatible store (moto's in-process S3)."""

import os
import subprocess
import sys

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto import mock_aws

from newszone.articles.models import ArticlePhoto
from newszone.frontend.pictures import picture
from newszone.photos.renditions import Spec, get_rendition
from newszone.photos.services import create_photo
from tests.factories import image_bytes, make_article

pytestmark = pytest.mark.django_db
BUCKET = "newszone-media"


@pytest.fixture
def s3(settings, monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "default_acl": "private",
                    "querystring_auth": True,
                    "file_overwrite": False,
                },
            },
        }
        yield client


def keys(client) -> list[str]:
    listing = client.list_objects_v2(Bucket=BUCKET)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def test_photos_and_renditions_go_to_the_bucket(s3, client):
    photo = create_photo(SimpleUploadedFile("ship.jpg", image_bytes(size=(900, 600))))
    assert any(k.startswith("photos/") and k.endswith(".jpg") for k in keys(s3))
    made = get_rendition(photo, Spec.parse("orig-640.webp"))
    assert f"renditions/{photo.pk}/{photo.version}-orig-640.webp" in keys(s3)
    assert (made.width, made.height) == (640, 427)
    assert "Signature=" in photo.image.url  # originals: signed URLs only

    ArticlePhoto.objects.create(article=make_article(photos=0), photo=photo)
    response = client.get(picture(photo).src)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_a_bucket_in_the_environment_selects_the_s3_storage():
    env = {
        **os.environ,
        "NEWSZONE_SECRET_KEY": "t",
        "NEWSZONE_S3_BUCKET": "paper-media",
        "NEWSZONE_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    }
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "print(settings.STORAGES['default']['BACKEND'], "
        "settings.STORAGES['default']['OPTIONS']['bucket_name'], "
        "settings.STORAGES['default']['OPTIONS']['endpoint_url'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "newszone.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [
        "storages.backends.s3.S3Storage",
        "paper-media",
        "http://127.0.0.1:9000",
    ]
