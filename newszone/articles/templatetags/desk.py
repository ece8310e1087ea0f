from django import template
from django.utils.translation import gettext as _

from newszone.articles.desk_views import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_dashboard(context):
    lists = dashboard(context["request"].user)
    return {
        "lists": [
            (_("My drafts"), lists["my_drafts"]),
            (_("Waiting for review"), lists["in_review"]),
            (_("Approved, not yet out"), lists["approved"]),
            (_("Scheduled"), lists["scheduled"]),
            (_("Recently published"), lists["published"]),
        ],
        "corrected": lists["corrected"],
    }
