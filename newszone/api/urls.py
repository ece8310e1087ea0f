from django.urls import path

from newszone.api import openapi, read, views, write

app_name = "api"
urlpatterns = [
    path("", read.index, name="index"),
    path("openapi.json", openapi.schema, name="openapi"),
    path("docs/", openapi.docs, name="docs"),
    path("articles/", views.articles, name="articles"),
    path("articles/<id:pk>/", views.article, name="article"),
    path("articles/<id:pk>/photos/", write.attach_photo, name="article-photos"),
    path("articles/<id:pk>/<str:action>/", write.transition, name="article-action"),
    path("photos/", write.upload_photo, name="photos"),
    path("photos/<id:pk>/", views.photo, name="photo"),
    path("sections/", read.section_list, name="sections"),
    path("sections/<slug:slug>/", read.section_detail, name="section"),
    path("reporters/", read.reporter_list, name="reporters"),
    path("reporters/<slug:slug>/", read.reporter_detail, name="reporter"),
    path("tags/", read.tag_list, name="tags"),
]
