from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newszone.photos import services
from newszone.photos.forms import BulkUploadForm, PhotoAdminForm
from newszone.photos.models import Photo


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoAdminForm
    list_display = ["thumbnail", "caption", "creator", "credit", "width", "height"]
    search_fields = ["caption", "credit", "creator", "alt_text", "city"]
    readonly_fields = ["focal_point_picker", "width", "height", "embedded_fields"]
    change_list_template = "admin/photos/photo/change_list.html"
    fieldsets = [
        (None, {"fields": ["image", "caption", "alt_text"]}),
        (
            _("Who and where"),
            {
                "fields": [
                    "creator",
                    "credit",
                    "copyright_notice",
                    "taken_at",
                    "city",
                    "country",
                ]
            },
        ),
        (
            _("Crops"),
            {"fields": ["focal_point_picker", "focal_x", "focal_y", "width", "height"]},
        ),
        (_("Metadata in the file"), {"fields": ["embedded_fields"]}),
    ]

    class Media:
        js = ["newszone/focal-point.js"]
        css = {"all": ["newszone/desk.css"]}

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not obj.image:
            return ""
        return format_html(
            '<img src="{}" alt="" style="max-width:120px;height:auto">', obj.image.url
        )

    @admin.display(description=_("focal point"))
    def focal_point_picker(self, obj):
        if not obj.pk or not obj.image:
            return _("Save the photo first.")
        return format_html(
            '<div class="focal-picker" data-x="{}" data-y="{}">'
            '<img src="{}" alt="" width="{}" height="{}">'
            '<span class="focal-marker" aria-hidden="true"></span></div>'
            "<p class=help>{}</p>",
            obj.focal_x,
            obj.focal_y,
            obj.image.url,
            obj.width,
            obj.height,
            _("Click the most important point of the picture; crops keep it."),
        )

    @admin.display(description=_("read from the file"))
    def embedded_fields(self, obj):
        rows = sorted((obj.embedded or {}).items())
        if not rows:
            return "–"
        items = format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows)
        return format_html("<dl>{}</dl>", items)

    def save_model(self, request, obj, form, change):
        if "image" in form.changed_data:
            services.fill_from_file(obj, form.cleaned_data["image"])
        super().save_model(request, obj, form, change)
        if not change or {"image", "focal_x", "focal_y"} & set(form.changed_data):
            services.queue_renditions(obj)

    def get_urls(self):
        upload = path(
            "upload/",
            self.admin_site.admin_view(self.bulk_upload),
            name="photos_photo_upload",
        )
        return [upload, *super().get_urls()]

    def bulk_upload(self, request):
        """Several photos at once; each file stands or falls alone."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = BulkUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            made, failed = [], []
            for upload in form.cleaned_data["files"]:
                try:
                    made.append(
                        services.create_photo(
                            upload, defaults={"credit": form.cleaned_data["credit"]}
                        )
                    )
                except ValidationError as error:
                    failed.append((upload.name, " ".join(error.messages)))
            for name, reason in failed:
                messages.error(request, f"{name}: {reason}")
            if made:
                messages.success(
                    request,
                    ngettext("%d photo added.", "%d photos added.", len(made))
                    % len(made),
                )
            if not failed:
                return HttpResponseRedirect(reverse("admin:photos_photo_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("Upload photos"),
        }
        return TemplateResponse(request, "admin/photos/photo/upload.html", context)
