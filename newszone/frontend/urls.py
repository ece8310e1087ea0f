from django.urls import path

from newszone.frontend import views

app_name = "frontend"
urlpatterns = [
    path("", views.home, name="home"),
    path("section/<slug:slug>/", views.section, name="section"),
    path("article/<id:pk>/", views.article, name="article"),
    path("reporter/<slug:slug>/", views.reporter, name="reporter"),
    path("tag/<str:slug>/", views.tag, name="tag"),
    path("preview/<id:pk>/", views.preview, name="preview"),
    path("search/", views.search, name="search"),
    path("corrections/", views.corrections, name="corrections"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
]
