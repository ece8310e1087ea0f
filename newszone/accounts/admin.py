from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newszone.accounts.models import ApiToken, Reporter, User


@admin.register(User)
class DeskUserAdmin(UserAdmin):
    """People and their roles (groups). Only a superuser grants superuser."""

    list_display = ["username", "email", "roles", "is_active", "last_login"]
    list_filter = ["groups", "is_active", "is_staff"]

    @admin.display(description=_("roles"))
    def roles(self, obj):
        return ", ".join(g.name for g in obj.groups.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions", "last_login", "date_joined"]
        return fields


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made with ``newszone token USERNAME``; here they are revoked."""

    list_display = ["prefix", "user", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["prefix", "user__username"]
    readonly_fields = ["user", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Revoke selected tokens"))
    def revoke(self, request, queryset):
        from newszone.audit.log import record

        for token in queryset.filter(revoked_at__isnull=True):
            ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
            record(
                "token_revoked",
                request.user,
                token.user,
                detail={"prefix": token.prefix},
            )


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ["name_ko", "name_en", "email", "user"]
    search_fields = ["name_ko", "name_en", "email"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["user"]
