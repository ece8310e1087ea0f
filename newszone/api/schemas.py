"""JSON Schemas (2020-12, as OpenAPI 3.1 uses) of what the API sends and takes.

They describe ``serializers.py``, ``ninjs.py`` and the fields ``write.py``
accepts; the tests check real answers against them (schemathesis) and the
article's keys against ``Article``'s properties, so a new field shows here.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from newszone.articles.models import ArticleType, Correction, Language, Status


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, required=None, description: str = "", **extra) -> dict:
    """An object; every property required unless ``required`` says otherwise."""
    schema = {"type": "object", "properties": properties}
    schema["required"] = list(properties) if required is None else required
    if description:
        schema["description"] = description
    return {**schema, **extra}


def text(description: str = "", **extra) -> dict:
    return {
        "type": "string",
        **({"description": description} if description else {}),
        **extra,
    }


def nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"]}


URI = {"type": "string", "format": "uri"}
TIME = {"type": "string", "format": "date-time"}
ID = {"type": "integer", "minimum": 1}
LANGUAGE = {"type": "string", "enum": Language.values}
NAMES = {"ko": URI, "en": URI}
RESOURCES = ("articles", "sections", "reporters", "tags", "openapi", "docs")


def output_schemas() -> dict:
    return {
        "Index": obj(
            dict.fromkeys(RESOURCES, URI)
            | {"ninjs": text(_("The media type of ninjs answers."))},
        ),
        "Problem": obj(
            {
                "type": text(_("A URI naming the kind of problem; about:blank here.")),
                "title": text(_("The HTTP status in words.")),
                "status": {"type": "integer"},
                "detail": text(_("What went wrong, for a person to read.")),
                "errors": {
                    "type": "object",
                    "description": _("Messages per field or query parameter."),
                    "additionalProperties": {
                        "type": "array",
                        "items": {"type": "string"},
                    },
                },
            },
            required=["type", "title", "status"],
            description=_("An RFC 7807 problem (application/problem+json)."),
        ),
        "SectionRef": obj(
            {"slug": text(), "name": text(_("In the story's language.")), "url": URI}
        ),
        "Byline": obj(
            {
                "id": ID,
                "slug": text(),
                "name": text(_("As printed in the story's language.")),
                "email": text(_("Empty when the reporter has none.")),
                "url": {**URI, "description": _("The reporter's page for readers.")},
            }
        ),
        "ArticlePhoto": obj(
            {
                "id": ID,
                "caption": text(),
                "credit": text(),
                "alt_text": text(),
                "width": {"type": "integer", "description": _("Upright, in pixels.")},
                "height": {"type": "integer"},
                "renditions": {
                    "type": "object",
                    "description": _(
                        "Absolute URLs by rendition name, <crop>-<width>.<webp|jpg>: "
                        "crops orig, 16x9, 4x3 and 1x1. Never upscaled."
                    ),
                    "additionalProperties": URI,
                },
            }
        ),
        "Translation": obj(
            {
                "id": ID,
                "language": LANGUAGE,
                "headline": text(),
                "url": URI,
                "web_url": URI,
            },
            description=_("The same story in the other language."),
        ),
        "Correction": obj(
            {
                "kind": {"type": "string", "enum": Correction.Kind.values},
                "text": text(),
                "created_at": TIME,
            }
        ),
        "Article": article_schema(),
        "ArticleList": obj(
            {
                "next": nullable(
                    {**URI, "description": _("The next page; null on the last.")}
                ),
                "results": {"type": "array", "items": ref("Article")},
            }
        ),
        "NinjsItem": ninjs_schema(),
        "NinjsList": obj(
            {
                "next": nullable(URI),
                "results": {"type": "array", "items": ref("NinjsItem")},
            },
            description=_(
                "A page of articles as ninjs items (the page is plain JSON)."
            ),
        ),
        **taxonomy_schemas(),
        "Photo": obj(
            {
                "id": ID,
                "caption": text(),
                "creator": text(),
                "credit": text(),
                "copyright": text(),
                "alt_text": text(),
                "taken_at": nullable(TIME),
                "city": text(),
                "country": text(),
                "width": {"type": "integer"},
                "height": {"type": "integer"},
                "renditions": {"type": "object", "additionalProperties": URI},
                "embedded": {
                    "type": "object",
                    "description": _("The IPTC and XMP fields found in the file."),
                },
            },
            required=[
                "id",
                "caption",
                "creator",
                "credit",
                "copyright",
                "alt_text",
                "taken_at",
                "city",
                "country",
                "width",
                "height",
            ],
            description=_("An uploaded photo and the metadata read from its file."),
        ),
    }


def article_schema() -> dict:
    properties = {
        "id": ID,
        "url": {**URI, "description": _("This article in the API.")},
        "web_url": {**URI, "description": _("The page readers see.")},
        "language": LANGUAGE,
        "headline": text(),
        "alternate_headline": text(
            _("A second title, e.g. for print or social media.")
        ),
        "deck": text(_("One or two sentences under the headline.")),
        "body_html": text(_("Sanitised HTML.")),
        "section": ref("SectionRef"),
        "reporters": {"type": "array", "items": ref("Byline")},
        "tags": {"type": "array", "items": {"type": "string"}},
        "type": {"type": "string", "enum": ArticleType.values},
        "copyright": text(),
        "status": {
            "type": "string",
            "enum": Status.values,
            "description": _("Always 'published' without a desk token."),
        },
        "published_at": nullable({**TIME, "description": _("First publication.")}),
        "updated_at": TIME,
        "version": {
            "type": "integer",
            "description": _("Grows with every save; the ETag carries it."),
        },
        "translation": {"oneOf": [ref("Translation"), {"type": "null"}]},
        "photos": {"type": "array", "items": ref("ArticlePhoto")},
        "corrections": {"type": "array", "items": ref("Correction")},
        "publish_at": nullable({**TIME, "description": _("Desk tokens only.")}),
        "embargo_until": nullable({**TIME, "description": _("Desk tokens only.")}),
    }
    required = [
        name for name in properties if name not in ("publish_at", "embargo_until")
    ]
    return obj(properties, required=required, description=_("One story, one language."))


def ninjs_schema() -> dict:
    """The parts of ninjs 2.3 this API sends; the full schema is IPTC's."""
    roles = {
        "type": "array",
        "items": obj(
            {"role": text(), "contenttype": text(), "value": text()}, required=["value"]
        ),
    }
    return obj(
        {
            "uri": URI,
            "standard": {"type": "object"},
            "type": {"type": "string", "enum": ["text", "picture"]},
            "representationtype": {"type": "string", "enum": ["full", "partial"]},
            "version": text(),
            "firstcreated": TIME,
            "versioncreated": TIME,
            "embargoed": TIME,
            "pubstatus": {"type": "string", "enum": ["usable", "withheld", "canceled"]},
            "language": text(),
            "copyrightholder": text(),
            "copyrightnotice": text(),
            "headlines": roles,
            "descriptions": roles,
            "bodies": {"type": "array", "items": {"type": "object"}},
            "people": {"type": "array", "items": {"type": "object"}},
            "subjects": {"type": "array", "items": {"type": "object"}},
            "genres": {"type": "array", "items": {"type": "object"}},
            "associations": {"type": "array", "items": {"type": "object"}},
        },
        required=["uri", "type", "version", "versioncreated", "pubstatus", "language"],
        description=_(
            "An IPTC ninjs 2.3 news item (media type application/ninjs+json), "
            "valid against http://www.iptc.org/std/ninjs/ninjs-schema_2.3.json. "
            "Reporters are people (rel author), the section and tags subjects "
            "(rel section, keyword), the deck a summary description, corrections "
            "descriptions (role correction or update), photos and the translation "
            "associations."
        ),
        externalDocs={"url": "https://www.iptc.org/std/ninjs/userguide/"},
    )


def taxonomy_schemas() -> dict:
    count = {
        "type": "integer",
        "description": _("Public stories, those in subsections included."),
    }
    section = obj(
        {
            "slug": text(),
            "name_ko": text(),
            "name_en": text(),
            "parent": nullable(text(_("The parent section's slug."))),
            "position": {"type": "integer"},
            "url": URI,
            "web_urls": obj(NAMES),
            "articles": {**URI, "description": _("Its stories in the API.")},
            "article_count": count,
        }
    )
    detail = {
        "allOf": [
            ref("Section"),
            obj(
                {
                    "ancestors": {"type": "array", "items": {"type": "string"}},
                    "children": {"type": "array", "items": ref("Section")},
                }
            ),
        ]
    }
    reporter = obj(
        {
            "id": ID,
            "slug": text(),
            "name_ko": text(),
            "name_en": text(),
            "email": text(),
            "bio_ko": text(),
            "bio_en": text(),
            "url": URI,
            "web_urls": obj(NAMES),
            "articles": URI,
            "article_count": {"type": "integer"},
        }
    )
    tag = obj(
        {
            "name": text(),
            "slug": text(),
            "web_urls": obj(NAMES),
            "articles": URI,
            "article_count": {"type": "integer"},
        }
    )
    return {
        "Section": section,
        "SectionDetail": detail,
        "SectionList": obj({"results": {"type": "array", "items": ref("Section")}}),
        "Reporter": reporter,
        "ReporterList": obj({"results": {"type": "array", "items": ref("Reporter")}}),
        "Tag": tag,
        "TagList": obj({"results": {"type": "array", "items": ref("Tag")}}),
    }


def input_schemas() -> dict:
    """What the write endpoints take (``write.py``)."""
    fields = {
        "headline": text(minLength=1, maxLength=200),
        "alternate_headline": text(maxLength=200),
        "deck": text(maxLength=5000),
        "body_html": text(_("HTML; sanitised when saved."), maxLength=500_000),
        "language": {**LANGUAGE, "default": "ko"},
        "section": text(_("A section's slug."), minLength=1),
        "reporters": {
            "type": "array",
            "maxItems": 10,
            "description": _(
                "Desk usernames or reporter slugs (strings), or reporter ids."
            ),
            "items": {"type": ["string", "integer"]},
        },
        "tags": {
            "type": "array",
            "maxItems": 30,
            "description": _("Tag names; new ones are created."),
            "items": text(minLength=1, maxLength=60),
        },
        "type": {"type": "string", "enum": ArticleType.values, "default": "news"},
    }
    note = text(_("Why, for the story's history."), maxLength=1000)
    return {
        "ArticleCreate": obj(
            fields,
            required=["headline", "section"],
            additionalProperties=False,
            description=_("A new story (a draft)."),
        ),
        "ArticleUpdate": obj(
            fields,
            required=[],
            additionalProperties=False,
            description=_("Only the fields sent change."),
        ),
        "Transition": obj({"note": note}, required=[], additionalProperties=False),
        "Schedule": obj(
            {
                "publish_at": {
                    **TIME,
                    "description": _("In the future, with a time zone."),
                },
                "embargo_until": nullable(
                    {**TIME, "description": _("The story goes out at the later time.")}
                ),
                "note": note,
            },
            required=["publish_at"],
            additionalProperties=False,
        ),
        "PhotoAttach": obj(
            {
                "photo": {**ID, "description": _("An uploaded photo's id.")},
                "caption": text(_("Empty: the photo's own."), maxLength=5000),
                "credit": text(_("Empty: the photo's own."), maxLength=120),
                "alt_text": text(_("Empty: the photo's own."), maxLength=300),
            },
            required=["photo"],
            additionalProperties=False,
        ),
        "PhotoUpload": obj(
            {
                "file": {
                    "type": "string",
                    "contentMediaType": "application/octet-stream",
                    "description": _("A JPEG, PNG or WebP image."),
                }
            }
        ),
    }
