from django.utils.translation import get_language

from newszone.publication.models import Publication
from newszone.taxonomy.models import Section


def section_tree(request):
    """All sections, loaded once per request and shared by views and menus."""
    if not hasattr(request, "_section_tree"):
        request._section_tree = Section.objects.tree()
    return request._section_tree


def site(request):
    tree = section_tree(request)
    roots = [s for s in tree.values() if s.parent_id is None]
    for root in roots:
        root.menu_children = [s for s in tree.values() if s.parent_id == root.pk]
    return {
        "publication": Publication.current(),
        "menu": roots,
        "LANG": get_language(),
    }
