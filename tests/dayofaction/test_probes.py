"""/healthz and /readyz: no login, no redirect, no host check, nothing secret, few queries.

Failures are real: the settings point at a local port where nothing listens
(the real PostgreSQL and Redis keep running for the other tests).
"""

import json
import socket

import celery
import django
import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from dayofaction import readiness

ALL_OK = {"database": "ok", "migrations": "ok", "broker": "ok", "cache": "ok"}
# What a load balancer sends: the web process's own address as the host, plain HTTP.
PROBE_HOST = "10.0.3.7:8000"


@pytest.fixture(autouse=True)
def migrations_not_yet_known(monkeypatch):
    monkeypatch.setattr(readiness, "_migrations_known_applied", False)


@pytest.fixture
def closed_port():
    """A local port bound but not listening: a connection to it is refused at once."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield bound.getsockname()[1]


def _body(response) -> dict:
    return json.loads(response.content)


def _assert_says_nothing_secret(response, *, closed_port: int) -> None:
    text = response.content.decode()
    database = connection.settings_dict
    for secret in (
        str(closed_port),
        "127.0.0.1",
        "redis",
        "postgres",
        "://",
        database["NAME"],
        django.get_version(),
        celery.__version__,
    ):
        assert secret not in text
    assert len(response.content) < 200


def test_healthz_answers_ok_without_login_or_database(client):
    response = client.get("/healthz")  # no `db` fixture: any query would be refused
    assert (response.status_code, _body(response)) == (200, {"status": "ok"})
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"


def test_readyz_all_well_answers_ok_for_each_check(client, db):
    response = client.get("/readyz")
    assert (response.status_code, _body(response)) == (200, {"status": "ok", "checks": ALL_OK})


def test_readyz_once_migrations_are_known_applied_runs_one_query(
    client, db, django_assert_num_queries
):
    with django_assert_num_queries(3):  # SELECT 1, then the migration table's presence and rows
        client.get("/readyz")
    for _ in range(3):
        with django_assert_num_queries(1):  # SELECT 1
            response = client.get("/readyz")
        assert response.status_code == 200


def test_readyz_unapplied_migration_answers_503_until_applied(client, db):
    loader = MigrationLoader(connection)
    app, name = next(node for node in loader.graph.leaf_nodes() if node[0] == "outbox")
    recorder = MigrationRecorder(connection)
    recorder.record_unapplied(app, name)

    response = client.get("/readyz")

    assert (response.status_code, _body(response)) == (
        503,
        {"status": "unavailable", "checks": {**ALL_OK, "migrations": "not all applied"}},
    )
    recorder.record_applied(app, name)
    assert client.get("/readyz").status_code == 200


# The test's connection is closed and reopened; serialized, as test_email_beside_heavy_work.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_readyz_database_down_answers_503_and_skips_migrations(client, monkeypatch, closed_port):
    monkeypatch.setitem(connection.settings_dict, "PORT", str(closed_port))
    connection.close()

    response = client.get("/readyz")

    assert (response.status_code, _body(response)) == (
        503,
        {
            "status": "unavailable",
            "checks": {
                **ALL_OK,
                "database": "cannot be reached",
                "migrations": "not checked: the database cannot be reached",
            },
        },
    )
    _assert_says_nothing_secret(response, closed_port=closed_port)
    connection.close()


def test_readyz_broker_down_answers_503(client, db, settings, closed_port):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{closed_port}/2"

    response = client.get("/readyz")

    assert (response.status_code, _body(response)) == (
        503,
        {"status": "unavailable", "checks": {**ALL_OK, "broker": "cannot be reached"}},
    )
    _assert_says_nothing_secret(response, closed_port=closed_port)


def test_readyz_cache_down_answers_503(client, db, settings, closed_port):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://:hunter2@127.0.0.1:{closed_port}/1",
        }
    }

    response = client.get("/readyz")

    assert (response.status_code, _body(response)) == (
        503,
        {"status": "unavailable", "checks": {**ALL_OK, "cache": "cannot be reached"}},
    )
    _assert_says_nothing_secret(response, closed_port=closed_port)
    assert "hunter2" not in response.content.decode()


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probe_over_http_to_the_process_address_is_answered_not_redirected(
    client, db, settings, path
):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(path, HTTP_HOST=PROBE_HOST)
    assert response.status_code == 200


def test_other_pages_keep_the_redirect_and_the_host_check(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get("/", HTTP_HOST=PROBE_HOST, secure=True).status_code == 400


def test_readyz_head_answers_the_status_without_a_body(client, db):
    response = client.head("/readyz")
    assert (response.status_code, response.content) == (200, b"")


def test_probe_paths_answer_only_get_and_head(client, db):
    assert client.post("/readyz").status_code == 404
