from django.contrib import admin

from newszone.accounts.roles import Role, has_role
from newszone.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log: read-only, for administrators."""

    list_display = ["at", "actor_name", "action", "object_repr", "note", "ip"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_name", "object_repr", "note", "object_id"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_module_permission(self, request):
        return has_role(request.user, Role.ADMIN)

    def has_view_permission(self, request, obj=None):
        return has_role(request.user, Role.ADMIN)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
