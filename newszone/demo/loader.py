"""Load the demo edition. Idempotent: what exists (by key or slug) is left alone."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape

from newszone.accounts.models import Reporter
from newszone.articles.models import Article, ArticlePhoto, ArticleReporter, Status
from newszone.articles.services import (
    SEARCH_SOURCE,
    link_translations,
    record_revision,
)
from newszone.demo import content, sample
from newszone.demo.pictures import make_picture
from newszone.photos.models import Photo
from newszone.publication.models import Publication
from newszone.search.documents import index_objects
from newszone.taxonomy.models import Section, Tag

PUBLICATION = {
    "name_ko": "국방일보",
    "name_en": "The Korea Defense Daily",
    "tagline_ko": "국방과 안보의 모든 것",
    "tagline_en": "Defense and security news from Korea",
    "copyright_ko": "저작권자 © 국방일보, 무단전재 및 재배포 금지",
    "copyright_en": "Copyright The Korea Defense Daily, All rights reserved",
}


def stories() -> list[dict]:
    return [sample.SAMPLE_EN, sample.SAMPLE_KO, *content.ARTICLES]


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create whatever part of the demo edition is missing; return counts made."""
    made = {"sections": 0, "reporters": 0, "articles": 0, "photos": 0}
    Publication.objects.get_or_create(pk=1, defaults=PUBLICATION)
    sections = load_sections(made)
    reporters = load_reporters(made)
    articles = {}
    for story in stories():
        articles[story["key"]] = load_story(story, sections, reporters, made)
    for story in stories():
        partner = articles.get(story.get("translation_of") or "")
        mine = articles[story["key"]]
        if partner and mine.translation_id != partner.pk:
            link_translations(mine, partner)
    # A demo story was last edited when it went out, not when the demo loaded.
    Article.objects.filter(source_key__startswith="demo:").update(
        updated_at=F("published_at")
    )
    if made["articles"]:
        index_objects(SEARCH_SOURCE, [a.pk for a in articles.values()])
    return made


def load_sections(made) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    for position, (slug, name_en, name_ko, parent) in enumerate(content.SECTIONS):
        section, created = Section.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_ko": name_ko,
                "position": position,
                "parent": sections.get(parent),
            },
        )
        sections[slug] = section
        made["sections"] += created
    return sections


def load_reporters(made) -> dict[str, Reporter]:
    reporters = {}
    for person in [sample.MAENG, *content.REPORTERS]:
        fields = {k: v for k, v in person.items() if k != "slug"}
        reporter, created = Reporter.objects.get_or_create(
            slug=person["slug"], defaults=fields
        )
        reporters[person["slug"]] = reporter
        made["reporters"] += created
    return reporters


def load_story(story, sections, reporters, made) -> Article:
    existing = Article.objects.filter(source_key=story["key"]).first()
    if existing is not None:
        return existing
    article = Article.objects.create(
        source_key=story["key"],
        language=story["language"],
        section=sections[story["section"]],
        article_type=story["type"],
        headline=story["headline"],
        alternate_headline=story.get("alternate_headline", ""),
        deck=story.get("deck", ""),
        body="".join(f"<p>{escape(p)}</p>" for p in story["body"]),
        copyright_line=story.get("copyright_line", ""),
        featured=story.get("featured", False),
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=story["hours_ago"]),
        version=1,
    )
    for position, slug in enumerate(story["reporters"]):
        ArticleReporter.objects.create(
            article=article, reporter=reporters[slug], position=position
        )
    article.tags.set(Tag.objects.get_or_create(name=name)[0] for name in story["tags"])
    for position, spec in enumerate(story.get("photos", [])):
        add_photo(article, spec, position)
        made["photos"] += 1
    record_revision(article, None, "demo edition")
    made["articles"] += 1
    return article


def add_photo(article: Article, spec: dict, position: int) -> None:
    seed = f"{article.source_key}:{position}"
    photo = Photo(
        caption=spec["caption"], credit=spec["credit"], alt_text=spec["alt_text"]
    )
    name = f"demo-{article.pk}-{position}.jpg"
    picture = ContentFile(make_picture(spec["motif"], seed), name=name)
    photo.image.save(name, picture, save=False)
    photo.save()
    ArticlePhoto.objects.create(article=article, photo=photo, position=position)
