"""Refuse addresses that hold a NUL character before any view looks them up.

No address of the app holds one, and PostgreSQL cannot even compare text that
does: a token, slug or id taken from the path would crash the lookup.
"""

from django.http import Http404


class RefuseNulInPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404("No page has this address.")
        return self.get_response(request)
