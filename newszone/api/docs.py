"""What the HTML docs page shows, read from the OpenAPI document itself, so
the page and ``openapi.json`` cannot disagree."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.utils.translation import gettext as _

METHODS = ("get", "post", "put", "patch", "delete")


def resolve(document: dict, node: dict) -> dict:
    """Follow a local ``$ref`` (``#/components/…``) to what it names."""
    while "$ref" in node:
        target = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def type_label(schema: dict) -> list[dict]:
    """A schema as words, refs as links: ``[{"text": …, "ref": name|None}]``."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return [{"text": name, "ref": name}]
    for key, joint in (
        ("oneOf", _(" or ")),
        ("anyOf", _(" or ")),
        ("allOf", _(" and ")),
    ):
        if key in schema:
            parts = []
            for n, option in enumerate(schema[key]):
                parts += ([{"text": joint, "ref": None}] if n else []) + type_label(
                    option
                )
            return parts
    kind = schema.get("type", _("any"))
    kind = " | ".join(kind) if isinstance(kind, list) else kind
    if "items" in schema:
        return [{"text": _("array of "), "ref": None}, *type_label(schema["items"])]
    if isinstance(schema.get("additionalProperties"), dict):
        values = type_label(schema["additionalProperties"])
        return [{"text": _("object of "), "ref": None}, *values]
    if "format" in schema:
        kind = f"{kind} ({schema['format']})"
    return [{"text": kind, "ref": None}]


def constraints(schema: dict) -> str:
    """Enums, bounds and defaults, briefly."""
    notes = []
    if "enum" in schema:
        notes.append(_("one of: %s") % ", ".join(str(v) for v in schema["enum"]))
    for key, label in (
        ("minimum", _("at least %s")),
        ("maximum", _("at most %s")),
        ("minLength", _("at least %s characters")),
        ("maxLength", _("at most %s characters")),
        ("maxItems", _("at most %s items")),
        ("default", _("default %s")),
        ("pattern", _("pattern %s")),
    ):
        if key in schema:
            notes.append(label % schema[key])
    return "; ".join(notes)


def property_rows(document: dict, schema: dict) -> list[dict]:
    schema = resolve(document, schema)
    rows = []
    for part in schema.get("allOf", []):
        rows += property_rows(document, part)
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        rows.append(
            {
                "name": name,
                "type": type_label(prop),
                "required": name in required,
                "description": prop.get("description", ""),
                "constraints": constraints(prop),
            }
        )
    return rows


def parameter_rows(document: dict, params: list) -> list[dict]:
    rows = []
    for param in (resolve(document, p) for p in params):
        schema = param.get("schema", {})
        rows.append(
            {
                "name": param["name"],
                "where": param["in"],
                "type": type_label(schema),
                "required": param.get("required", False),
                "description": param.get("description", ""),
                "constraints": constraints(schema),
            }
        )
    return rows


def response_rows(document: dict, responses: dict) -> list[dict]:
    rows = []
    for status, response in responses.items():
        response = resolve(document, response)
        rows.append(
            {
                "status": status,
                "description": response.get("description", ""),
                "content": [
                    {
                        "media_type": media_type,
                        "type": type_label(body.get("schema", {})),
                    }
                    for media_type, body in response.get("content", {}).items()
                ],
                "headers": list(response.get("headers", {})),
            }
        )
    return rows


def operation(document: dict, base: str, path: str, method: str, item: dict) -> dict:
    op = item[method]
    body = op.get("requestBody", {}).get("content", {})
    return {
        "id": op["operationId"],
        "method": method.upper(),
        "path": base + path,
        "summary": op.get("summary", ""),
        "description": op.get("description", ""),
        "token": _("required") if {} not in op.get("security", []) else _("optional"),
        "parameters": parameter_rows(
            document, item.get("parameters", []) + op.get("parameters", [])
        ),
        "body": [
            {
                "media_type": media_type,
                "required": op["requestBody"].get("required", False),
                "type": type_label(content.get("schema", {})),
            }
            for media_type, content in body.items()
        ],
        "responses": response_rows(document, op["responses"]),
    }


def context(document: dict) -> dict:
    """Operations grouped by tag, then every schema with its properties."""
    server = document["servers"][0]["url"]
    base = urlsplit(server).path.rstrip("/")
    groups = {
        tag["name"]: {**tag, "operations": []} for tag in document.get("tags", [])
    }
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                found = operation(document, base, path, method, item)
                groups[item[method]["tags"][0]]["operations"].append(found)
    schemas = [
        {
            "name": name,
            "description": schema.get("description", ""),
            "rows": property_rows(document, schema),
        }
        for name, schema in document["components"]["schemas"].items()
    ]
    security = document["components"]["securitySchemes"]["token"]
    return {
        "info": document["info"],
        "server": server,
        "groups": [g for g in groups.values() if g["operations"]],
        "schemas": schemas,
        "security": security,
    }
