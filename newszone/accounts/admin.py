from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from newszone.accounts.models import Reporter, User

admin.site.register(User, UserAdmin)


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ["name_ko", "name_en", "email", "user"]
    search_fields = ["name_ko", "name_en", "email"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["user"]
