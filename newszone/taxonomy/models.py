from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newszone.core.text import unicode_slug


class SectionQuerySet(models.QuerySet):
    def tree(self) -> dict[int, "Section"]:
        """All sections by id, in one query, each knowing its parent object."""
        sections = {s.pk: s for s in self.order_by("position", "pk")}
        for section in sections.values():
            section.parent_obj = sections.get(section.parent_id)
        return sections


class Section(models.Model):
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    name_ko = models.CharField(_("name in Korean"), max_length=60)
    name_en = models.CharField(_("name in English"), max_length=60)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in menus.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return f"{self.name_en} / {self.name_ko}"

    def name(self, language: str) -> str:
        return self.name_ko if language == "ko" else self.name_en

    def get_absolute_url(self) -> str:
        return reverse("frontend:section", kwargs={"slug": self.slug})

    def ancestry(self, tree: dict[int, "Section"]) -> list["Section"]:
        """This section and its parents, root first, using a loaded tree."""
        chain, node, seen = [], tree.get(self.pk, self), set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.append(node)
            node = tree.get(node.parent_id)
        return chain[::-1]

    def descendant_ids(self, tree: dict[int, "Section"]) -> set[int]:
        """Ids of this section and every section below it."""
        ids, grew = {self.pk}, True
        while grew:
            below = {s.pk for s in tree.values() if s.parent_id in ids} - ids
            ids |= below
            grew = bool(below)
        return ids

    def clean(self):
        from django.core.exceptions import ValidationError

        node, seen = self.parent, set()
        while node is not None:
            if node.pk == self.pk or node.pk in seen:
                raise ValidationError(
                    {"parent": _("A section cannot sit inside itself.")}
                )
            seen.add(node.pk)
            node = node.parent


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(
        _("address"), max_length=80, unique=True, allow_unicode=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug(unicode_slug(self.name) or "tag")
        super().save(*args, **kwargs)

    def free_slug(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``… when another tag has it (K-9, k-9)."""
        taken = set(
            Tag.objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        return slug

    def get_absolute_url(self) -> str:
        return reverse("frontend:tag", kwargs={"slug": self.slug})
