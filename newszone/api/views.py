"""Routes where one URL answers several methods: reads in ``read.py``,
writes in ``write.py``."""

import hashlib
import json

from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from newszone.api import read, write
from newszone.api.common import endpoint
from newszone.api.serializers import photo_json
from newszone.articles.models import Article
from newszone.photos.models import Photo


@endpoint("GET", "POST")
def articles(request):
    if request.method == "POST":
        return write.create_article(request)
    return read.article_list(request)


@endpoint("GET", "PATCH")
def article(request, pk: int):
    if request.method == "PATCH":
        return write.update_article(request, pk)
    return read.article_detail(request, pk)


@endpoint("GET")
def photo(request, pk: int):
    """A photo and its metadata: for the desk, or once a public story uses it."""
    found = Photo.objects.filter(pk=pk).first()
    desk = read.is_desk(request)
    public = Article.objects.published().filter(article_photos__photo_id=pk).exists()
    if found is None or not (desk or public):
        raise Http404("No such photo.")
    body = json.dumps(photo_json(found, request), ensure_ascii=False).encode()
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    last_modified = int(found.updated_at.timestamp())
    not_modified = get_conditional_response(
        request, etag=etag, last_modified=last_modified
    )
    response = not_modified or HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "private, no-store" if desk else "public, max-age=60"
    return response
