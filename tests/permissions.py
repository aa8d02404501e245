"""The permission matrix: one row per view, one expected answer per role."""

import pytest
from django.urls import reverse

LOGIN = "login"
ROLES = ("anonymous", "member", "leader", "other_leader", "staff")


def matrix(table, roles=ROLES):
    """pytest parameters (view, role, expected) from {view: (answer per role in `roles`)}."""
    return [
        pytest.param(view, role, expected, id=f"{view}-{role}")
        for view, row in table.items()
        for role, expected in zip(roles, row, strict=True)
    ]


def assert_status(response, expected):
    """`expected` is a status code, or LOGIN for a redirect to the login page."""
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login") + "?next=")
    else:
        assert response.status_code == expected
