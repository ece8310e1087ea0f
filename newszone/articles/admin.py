from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override

from newszone.articles import services
from newszone.articles.forms import ArticlePhotoForm
from newszone.articles.models import Article, ArticlePhoto, ArticleReporter, Status
from newszone.search import api as search
from newszone.search.query import SearchQuery, parse

DESK_SEARCH_LIMIT = 500


class ArticleReporterInline(admin.TabularInline):
    model = ArticleReporter
    extra = 1
    autocomplete_fields = ["reporter"]
    verbose_name = _("reporter in the byline")
    verbose_name_plural = _("byline (in order)")


class ArticlePhotoInline(admin.StackedInline):
    model = ArticlePhoto
    form = ArticlePhotoForm
    extra = 1
    autocomplete_fields = ["photo"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline",
        "language",
        "section",
        "status",
        "published_at",
        "updated_at",
    ]
    list_filter = [
        "status",
        "language",
        "section",
        ("reporters", admin.RelatedOnlyFieldListFilter),
        "article_type",
    ]
    list_select_related = ["section"]
    search_fields = [
        "headline",
        "alternate_headline",
        "deck",
        "reporters__name_ko",
        "reporters__name_en",
    ]
    date_hierarchy = "published_at"
    autocomplete_fields = ["section", "tags", "translation"]
    readonly_fields = ["status", "created_at", "updated_at", "preview_link"]
    inlines = [ArticleReporterInline, ArticlePhotoInline]
    actions = ["publish_selected", "unpublish_selected"]
    change_form_template = "admin/articles/article/change_form.html"

    class Media:
        css = {"all": ["newszone/desk.css"]}

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "language",
                    "section",
                    "article_type",
                    "headline",
                    "alternate_headline",
                    "deck",
                    "body",
                ]
            },
        ),
        (_("Tags and links"), {"fields": ["tags", "translation", "featured"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "copyright_line",
                    "preview_link",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if not obj.pk:
            return _("Save the story first.")
        with override(obj.language):
            url = reverse("frontend:preview", kwargs={"pk": obj.pk})
        return format_html(
            '<a href="{}" target="_blank">{}</a>',
            url,
            _("Preview as readers will see it"),
        )

    def save_model(self, request, obj, form, change):
        if obj.status == Status.PUBLISHED and obj.published_at is None:
            # Clearing the time of a live story keeps its first publication time.
            obj.published_at = form.initial.get("published_at") or timezone.now()
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        """The list search also asks the search engine (drafts included), so
        송영무 finds 송영무는 and "talks" finds "talked"."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        groups = parse(search_term)
        if not groups:
            return found, duplicates
        query = SearchQuery(groups=groups, public_only=False, limit=DESK_SEARCH_LIMIT)
        ids = [hit.object_id for hit in search.search(query).hits]
        return found | queryset.filter(pk__in=ids), duplicates

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.article_saved(form.instance)

    def delete_model(self, request, obj):
        services.delete_articles([obj])

    def delete_queryset(self, request, queryset):
        services.delete_articles(list(queryset))

    def response_change(self, request, obj):
        for flag, verb in (
            ("_publish", services.publish_article),
            ("_unpublish", services.unpublish_article),
        ):
            if flag in request.POST:
                self._apply(request, verb, [obj])
                return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_publish" in request.POST:
            self._apply(request, services.publish_article, [obj])
            return HttpResponseRedirect(
                reverse("admin:articles_article_change", args=[obj.pk])
            )
        return super().response_add(request, obj, post_url_continue)

    def _apply(self, request, verb, articles):
        done = 0
        for article in articles:
            try:
                verb(article)
                done += 1
            except ValidationError as error:
                self.message_user(
                    request, f"{article}: {' '.join(error.messages)}", messages.ERROR
                )
        return done

    @admin.action(description=_("Publish selected stories"))
    def publish_selected(self, request, queryset):
        done = self._apply(request, services.publish_article, queryset)
        self.message_user(
            request,
            ngettext("%d story published.", "%d stories published.", done) % done,
        )

    @admin.action(description=_("Unpublish selected stories"))
    def unpublish_selected(self, request, queryset):
        done = self._apply(
            request,
            services.unpublish_article,
            queryset.filter(status=Status.PUBLISHED),
        )
        self.message_user(
            request,
            ngettext("%d story unpublished.", "%d stories unpublished.", done) % done,
        )
