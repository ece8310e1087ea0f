"""Match what a source names (reporters, sections, tags) to rows, else make them.

One ``Resolver`` per run keeps every reporter, section and tag in memory
(desk-sized tables), so matching costs no query. Rows made inside a
transaction that is rolled back are forgotten with ``rollback()``.
"""

from __future__ import annotations

from dataclasses import astuple

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify

from newszone.accounts.models import Reporter
from newszone.core.text import normalize_space
from newszone.importers.items import ReporterRef, SectionRef
from newszone.taxonomy.models import Section, Tag


def key(text: str) -> str:
    return normalize_space(text).casefold()


def free_slug(base: str, taken: set[str], fallback: str, limit: int) -> str:
    """An ASCII slug (reporter and section URLs are ASCII) not yet taken."""
    base = (slugify(base) or fallback)[: limit - 6].strip("-") or fallback
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


class Resolver:
    def __init__(self, dry_run: bool = False):
        self.dry_run = dry_run
        self.made: list[tuple[str, object]] = []  # (kind, row) since last commit
        self.reporters_by_email: dict[str, Reporter] = {}
        self.reporters_by_name: dict[str, Reporter] = {}
        self.reporter_slugs: set[str] = set()
        for reporter in Reporter.objects.all():
            self._remember_reporter(reporter)
        self.sections = list(Section.objects.all())
        self.section_slugs = {s.slug for s in self.sections}
        self.section_cache: dict[tuple[str, str, str], Section] = {}
        self.tags = {key(t.name): t for t in Tag.objects.all()}

    # -- reporters -------------------------------------------------------

    def _remember_reporter(self, reporter: Reporter) -> None:
        self.reporter_slugs.add(reporter.slug)
        if reporter.email:
            self.reporters_by_email.setdefault(reporter.email.lower(), reporter)
        for name in (reporter.name_ko, reporter.name_en):
            self.reporters_by_name.setdefault(key(name), reporter)

    def reporter(self, ref: ReporterRef, notes: list[str]) -> Reporter:
        """By e-mail first (names repeat, addresses don't), then by either name."""
        email = clean_email(ref.email, notes)
        found = self.known_reporter(ref, email)
        return found if found is not None else self._new_reporter(ref, email)

    def known_reporter(self, ref: ReporterRef, email: str) -> Reporter | None:
        by_email = email and self.reporters_by_email.get(email.lower())
        return by_email or self.reporters_by_name.get(key(ref.name))

    def _new_reporter(self, ref: ReporterRef, email: str) -> Reporter:
        name = normalize_space(ref.name)
        base = name if ref.language != "ko" else email.partition("@")[0]
        reporter = Reporter(name_ko=name, name_en=name, email=email)
        reporter.slug = free_slug(base, self.reporter_slugs, "reporter", 80)
        self._save("reporter", reporter)
        self._remember_reporter(reporter)
        return reporter

    # -- sections --------------------------------------------------------

    def section(self, ref: SectionRef) -> Section:
        found = self.known_section(ref)
        if found is None:
            above = self.section(SectionRef(name=ref.parent)) if ref.parent else None
            found = self.section_cache[astuple(ref)] = self._new_section(ref, above)
        return found

    def known_section(self, ref: SectionRef) -> Section | None:
        """Matched once per distinct name in a run (archives repeat a few)."""
        key_ = astuple(ref)
        if key_ not in self.section_cache:
            found = self.find_section(ref.name, ref.parent, ref.slug)
            if found is None:
                return None
            self.section_cache[key_] = found
        return self.section_cache[key_]

    def find_section(self, name: str, parent: str = "", slug: str = ""):
        """By slug, else by name in either language; a named parent breaks ties."""
        if slug and (hit := [s for s in self.sections if s.slug == slug]):
            return hit[0]
        named = [
            s for s in self.sections if key(name) in (key(s.name_en), key(s.name_ko))
        ]
        if parent and len(named) > 1:
            under = [s for s in named if self._parent_named(s, parent)]
            named = under or named
        return named[0] if named else None

    def _parent_named(self, section: Section, parent: str) -> bool:
        above = next((s for s in self.sections if s.pk == section.parent_id), None)
        return above is not None and key(parent) in (
            key(above.name_en),
            key(above.name_ko),
        )

    def _new_section(self, ref: SectionRef, parent: Section | None) -> Section:
        name = normalize_space(ref.name)
        section = Section(name_ko=name, name_en=name, parent=parent)
        section.slug = free_slug(ref.slug or name, self.section_slugs, "section", 60)
        self._save("section", section)
        self.sections.append(section)
        return section

    # -- tags ------------------------------------------------------------

    def tag(self, name: str) -> Tag:
        name = normalize_space(name)
        found = self.tags.get(key(name))
        if found is None:
            found = Tag(name=name)
            self._save("tag", found)
            self.tags[key(name)] = found
        return found

    # -- transactions ----------------------------------------------------

    def _save(self, kind: str, row) -> None:
        if not self.dry_run:
            row.save()
        self.made.append((kind, row))

    def commit(self) -> list[tuple[str, object]]:
        """What was made since the last commit (for the report)."""
        made, self.made = self.made, []
        return made

    def rollback(self) -> None:
        """Forget rows made in a transaction that did not commit."""
        for kind, row in self.made:
            if kind == "reporter":
                self.reporter_slugs.discard(row.slug)
                for index in (self.reporters_by_email, self.reporters_by_name):
                    for k in [k for k, v in index.items() if v is row]:
                        del index[k]
            elif kind == "section":
                self.sections.remove(row)
                self.section_slugs.discard(row.slug)
                self.section_cache.clear()
            else:
                self.tags.pop(key(row.name), None)
        self.made = []


def clean_email(email: str, notes: list[str] | None = None) -> str:
    """The address, or "" (with a note) when it is not one."""
    email = (email or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        if notes is not None:
            notes.append(f"byline e-mail “{email[:60]}” is not an address: left out")
        return ""
    return email
