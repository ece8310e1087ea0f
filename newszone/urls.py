from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from newszone.frontend import photo_views, views

admin.site.site_header = "newszone desk"
admin.site.site_title = "newszone desk"
admin.site.index_title = "Desk"
admin.site.index_template = "desk/index.html"

urlpatterns = [
    path("desk/", admin.site.urls),
    path("api/v1/", include("newszone.api.urls")),
    path("healthz", views.healthz, name="healthz"),
    # Sitemaps and robots.txt list both editions: not language-prefixed.
    path("", include("newszone.feeds.sitemap_urls")),
    # Not language-prefixed: a picture is the same in both editions.
    re_path(
        r"^photos/(?P<pk>[0-9]{1,18})/(?P<version>[0-9a-f]{8})-(?P<spec>[^/]+)$",
        photo_views.rendition,
        name="photo-rendition",
    ),
]
urlpatterns += i18n_patterns(
    path("", include("newszone.frontend.urls")),
    path("feeds/", include("newszone.feeds.urls")),
    prefix_default_language=True,
)
if settings.NEWSZONE_SERVE_MEDIA:
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            photo_views.media,
        )
    ]

handler404 = "newszone.frontend.views.not_found"
handler500 = "newszone.frontend.views.server_error"
