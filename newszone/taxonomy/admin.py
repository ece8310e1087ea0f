from django.contrib import admin

from newszone.taxonomy.models import Section, Tag


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ko", "parent", "position", "slug"]
    list_editable = ["position"]
    list_select_related = ["parent"]
    search_fields = ["name_en", "name_ko", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
