"""`/healthz` and `/readyz`, answered before any other middleware runs.

A load balancer probes each web process on its own address: plain HTTP, the
Host header being that address (an IP and a port, rarely the site's name), no
X-Forwarded-Proto. Further down, such a request would be redirected to HTTPS
(SECURE_SSL_REDIRECT) or refused with a 400 (ALLOWED_HOSTS, checked when
CommonMiddleware reads the host). Nothing in these answers depends on the host
or the scheme (no link, no cookie, no page), so this middleware, first in
MIDDLEWARE, answers them without reading either. Sessions and authentication
never run: no login, and no query but the checks' own.

- `/healthz`: the process is alive and answers; touches nothing.
- `/readyz`: the database, its migrations, the broker and the cache (readiness.py).
"""

from django.http import JsonResponse

from dayofaction.readiness import readiness

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


def _answer(request, body: dict, *, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    if request.method == "HEAD":
        response.content = b""
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if request.path_info == HEALTH_PATH:
            return _answer(request, {"status": "ok"}, status=200)
        if request.path_info == READY_PATH:
            checks = readiness()
            ready = all(answer == "ok" for answer in checks.values())
            body = {"status": "ok" if ready else "unavailable", "checks": checks}
            return _answer(request, body, status=200 if ready else 503)
        return self.get_response(request)
