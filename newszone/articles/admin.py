from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override

from newszone.accounts.roles import Role, has_role
from newszone.articles import desk_views, services, workflow
from newszone.articles.forms import ArticleAdminForm, ArticlePhotoForm
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


def parse_local(value: str):
    """A ``datetime-local`` input (the newsroom's time zone) as an aware time."""
    moment = parse_datetime(value or "")
    if moment is None:
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline",
        "language",
        "section",
        "status",
        "published_at",
        "publish_at",
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
    readonly_fields = [
        "status",
        "published_at",
        "publish_at",
        "embargo_until",
        "created_at",
        "updated_at",
        "preview_link",
    ]
    inlines = [ArticleReporterInline, ArticlePhotoInline]
    actions = ["publish_selected", "unpublish_selected"]
    change_form_template = "admin/articles/article/change_form.html"

    class Media:
        css = {"all": ["newszone/desk.css"]}
        js = ["newszone/desk.js"]

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "base_version",
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
                    "publish_at",
                    "embargo_until",
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

    # -- who may do what (the same rules as every other way in) --------------

    def has_add_permission(self, request):
        return workflow.can(request.user, "create")

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return workflow.can(request.user, "create")
        return workflow.can(request.user, "edit", obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return has_role(request.user, Role.CHIEF)
        return workflow.can(request.user, "delete", obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or workflow.can(
            request.user, "create"
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def get_object(self, request, object_id, from_field=None):
        """With ``?resume=1``, the user's working copy fills the form."""
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and request.GET.get("resume") and request.method == "GET":
            desk_views.resume_working_copy(obj, request.user)
        return obj

    # -- saving: version check (form), revision after the inlines ------------

    def save_model(self, request, obj, form, change):
        services.check_can_edit(obj if change else Article(), request.user)
        if not change:
            obj.created_by = request.user
        obj.version = form.next_version
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.record_revision(form.instance, request.user)
        desk_views.warn_copydesk(request, form.instance)  # pointed out, not fixed

    def delete_model(self, request, obj):
        services.delete_articles([obj], request.user)

    def delete_queryset(self, request, queryset):
        services.delete_articles(list(queryset), request.user)

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

    # -- the workflow buttons under the form ---------------------------------

    def response_change(self, request, obj):
        if request.POST.get("_action"):
            self.apply_action(request, obj, request.POST["_action"])
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if request.POST.get("_action"):
            self.apply_action(request, obj, request.POST["_action"])
            url = reverse("admin:articles_article_change", args=[obj.pk])
            return HttpResponseRedirect(url)
        return super().response_add(request, obj, post_url_continue)

    def apply_action(self, request, obj, action: str) -> bool:
        note = request.POST.get("transition_note", "").strip()[:1000]
        try:
            if action == "schedule":
                services.schedule_article(
                    obj,
                    request.user,
                    parse_local(request.POST.get("publish_at_input")),
                    parse_local(request.POST.get("embargo_until_input")),
                    note,
                )
            elif action in services.VERBS:
                services.VERBS[action](obj, request.user, note=note)
            else:
                raise ValidationError(_("Unknown action."))
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            self.message_user(request, f"{obj}: {text}", messages.ERROR)
            return False
        label = workflow.RULES[action].label
        self.message_user(request, f"{obj}: {label} ✓", messages.SUCCESS)
        return True

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        context = {**(extra_context or {})}
        if obj is not None:
            context.update(desk_views.workflow_context(request, obj))
            context.update(desk_views.copydesk_context(request, obj))
        return super().change_view(request, object_id, form_url, context)

    def add_view(self, request, form_url="", extra_context=None):
        blank = Article(status=Status.DRAFT)
        context = {
            **(extra_context or {}),
            "workflow_actions": workflow.allowed_actions(request.user, blank),
        }
        return super().add_view(request, form_url, context)

    def get_urls(self):
        view = self.admin_site.admin_view
        desk_pages = [
            ("<id:pk>/revisions/", desk_views.revisions, "revisions"),
            ("<id:pk>/revisions/<id:number>/restore/", desk_views.restore, "restore"),
            ("<id:pk>/autosave/", desk_views.autosave, "autosave"),
            ("<id:pk>/correct/", desk_views.correct, "correct"),
            ("<id:pk>/copydesk-fix/", desk_views.copydesk_fix, "copydesk_fix"),
        ]
        return [
            *(
                path(route, view(page), name=f"articles_article_{name}")
                for route, page, name in desk_pages
            ),
            *super().get_urls(),
        ]

    @admin.action(description=_("Publish selected stories"))
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    @admin.action(description=_("Unpublish selected stories"))
    def unpublish_selected(self, request, queryset):
        self._bulk(request, queryset.filter(status=Status.PUBLISHED), "unpublish")

    def _bulk(self, request, queryset, action):
        done = sum(self.apply_action(request, obj, action) for obj in queryset)
        self.message_user(
            request, ngettext("%d story done.", "%d stories done.", done) % done
        )
