"""HTTP answers shared across the layers: RFC 7807 problems."""

from django.http import JsonResponse

PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str = "", **extra) -> JsonResponse:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    response = JsonResponse(body, status=status, content_type=PROBLEM)
    response["Cache-Control"] = "no-store"  # a refusal may not hold tomorrow
    if status == 401:
        response["WWW-Authenticate"] = 'Token realm="newszone"'
    return response
