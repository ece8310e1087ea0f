"""HTTP caching for feeds and sitemaps: the reader pages' conditional GET
(``frontend.conditional``), plus a short shared-cache lifetime."""

from functools import wraps

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from newszone.frontend.conditional import conditional_page

# Feed readers and crawlers poll far more often than people read: a shared
# cache (CDN, proxy) may answer them for a minute before it revalidates,
# which costs one query and a 304. Browsers still revalidate every time.
SHARED_MAX_AGE = 60


def shared_cache(response):
    if response.status_code in (200, 304):
        patch_cache_control(response, s_maxage=SHARED_MAX_AGE)
    return response


def public_feed(view):
    """A feed: GET/HEAD only, ETag and Last-Modified from all public content
    (a 304 when nothing changed), cacheable by shared caches."""
    conditional = require_safe(conditional_page(view))

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return shared_cache(conditional(request, *args, **kwargs))

    return wrapper


def public_sitemap(view):
    """A sitemap: like a feed, but the same in every language, so its ETag is
    computed in the default language whatever the visitor's Accept-Language
    (``conditional_page`` folds the active language into the ETag)."""
    feed = public_feed(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return feed(request, *args, **kwargs)

    return wrapper
