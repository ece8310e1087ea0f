"""Requests refused at the door, before any view or query sees them."""

from django.http import HttpResponse

from newszone.core.http import problem

NUL = "\x00"


class RefuseNulMiddleware:
    """A NUL character in the path or a parameter: 400. No address of ours
    holds one, and PostgreSQL cannot compare text with it (a 500 otherwise,
    found by schemathesis on a tag filter)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or any(
            NUL in key or any(NUL in value for value in values)
            for key, values in request.GET.lists()
        ):
            return refusal(request.path)
        return self.get_response(request)


def refusal(path: str) -> HttpResponse:
    detail = "The address holds a NUL character."
    if path.startswith("/api/"):  # the API speaks problem+json (RFC 7807)
        return problem(400, "Bad Request", detail)
    return HttpResponse(detail, status=400, content_type="text/plain; charset=utf-8")
