"""The reader's search settings (게시물 검색 설정), read from GET parameters."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newszone.accounts.models import Reporter
from newszone.search.query import MAX_QUERY_CHARS, SCOPES, SORTS, SearchQuery, parse

PERIODS = {"day": 1, "week": 7, "month": 31, "year": 366}
PER_PAGE = 20


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    scope = forms.ChoiceField(
        label=_("Search in"),
        required=False,
        choices=list(
            zip(
                SCOPES,
                [_("Everything"), _("Headlines"), _("Story text"), _("Reporter names")],
                strict=True,
            )
        ),
    )
    op = forms.ChoiceField(
        label=_("Combine"), required=False, choices=[("and", _("and")), ("or", _("or"))]
    )
    q2 = forms.CharField(label=_("Second keyword"), required=False, strip=True)
    reporter = forms.CharField(label=_("Reporter"), required=False, max_length=80)
    date_from = forms.DateField(
        label=_("From"), required=False, input_formats=["%Y-%m-%d"]
    )
    date_to = forms.DateField(label=_("To"), required=False, input_formats=["%Y-%m-%d"])
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[
            ("", _("Any time")),
            ("day", _("Past day")),
            ("week", _("Past week")),
            ("month", _("Past month")),
            ("year", _("Past year")),
        ],
    )
    section = forms.ChoiceField(label=_("Section"), required=False)
    lang = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[
            ("all", _("All languages")),
            ("ko", _("Korean")),
            ("en", _("English")),
        ],
    )
    photo = forms.BooleanField(label=_("Only stories with photos"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=list(
            zip(
                SORTS,
                [_("Relevance"), _("Newest first"), _("Oldest first")],
                strict=True,
            )
        ),
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, data, *, sections, language, **kwargs):
        data = data.copy()
        data.setdefault("lang", language)  # the page's edition, unless asked otherwise
        for name, field in (("from", "date_from"), ("to", "date_to")):
            if name in data:
                data[field] = data.pop(name)[-1]
        super().__init__(data, **kwargs)
        self.tree = sections
        self.language = language
        self.fields["section"].choices = [("", _("All sections"))] + [
            (s.slug, ("— " * (len(s.ancestry(sections)) - 1)) + s.name(language))
            for s in sections.values()
        ]

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_CHARS]  # cut, never refuse

    def clean_q2(self):
        return self.cleaned_data["q2"][:MAX_QUERY_CHARS]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        for day in (start, end):
            if day and not 1900 <= day.year <= 2200:
                raise forms.ValidationError(_("Dates must fall between 1900 and 2200."))
        if data.get("period") and not (start or end):
            today = timezone.localdate()
            data["date_from"] = today - timedelta(days=PERIODS[data["period"]])
            data["date_to"] = today
        elif start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data

    def to_query(self, *, public_only: bool = True) -> SearchQuery:
        data = self.cleaned_data
        lang = data.get("lang") or self.language
        return SearchQuery(
            groups=parse(data.get("q", "")),
            groups2=parse(data.get("q2", "")),
            op=data.get("op") or "and",
            scope=data.get("scope") or "all",
            language=None if lang == "all" else lang,
            section_ids=self.section_ids(),
            reporter_ids=self.reporter_ids(),
            date_from=self._moment(data.get("date_from")),
            date_to=self._moment(data.get("date_to"), next_day=True),
            photo=bool(data.get("photo")),
            public_only=public_only,
            sort=data.get("sort") or "relevance",
            offset=((data.get("page") or 1) - 1) * PER_PAGE,
            limit=PER_PAGE,
        )

    def section_ids(self) -> list[int] | None:
        slug = self.cleaned_data.get("section")
        return [s.pk for s in self.tree.values() if s.slug == slug] if slug else None

    def reporter_ids(self) -> list[int] | None:
        name = (self.cleaned_data.get("reporter") or "").strip()
        if not name:
            return None
        exact = Q(slug=name) | Q(name_ko=name) | Q(name_en__iexact=name)
        ids = list(Reporter.objects.filter(exact).values_list("pk", flat=True)[:20])
        if not ids:
            loose = Q(name_ko__icontains=name) | Q(name_en__icontains=name)
            ids = list(Reporter.objects.filter(loose).values_list("pk", flat=True)[:20])
        return ids

    @staticmethod
    def _moment(day, next_day: bool = False) -> datetime | None:
        if day is None:
            return None
        if next_day:
            day = day + timedelta(days=1)
        return timezone.make_aware(datetime.combine(day, time.min))
