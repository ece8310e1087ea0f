"""The request being served, so signals can say who did what and from where."""

from contextvars import ContextVar

current_request: ContextVar = ContextVar("newszone_current_request", default=None)


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
