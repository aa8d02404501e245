"""Two web nodes behind nginx: what one node wrote the other reads, and a node killed in
the middle of a rush loses no sign-up and doubles none.

Real processes on loopback, on ports the system picked: a redis-server of the test's
own (the cache, with allauth's rate limits, and the broker), two gunicorn nodes with
the production settings (tests/e2e/settings_web_nodes.py) on the test database, and
Debian's nginx in front (tests/e2e/web_nodes.py). Members use the real login form,
event page and meetings page (tests/e2e/signup_journey.py) with a plain HTTP client.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from django.db.models import Count, F, Q

from events.models import Registration
from meetings.models import Meeting, Seat, SeatStatus
from tests.e2e import processes, signup_journey, web_nodes
from tests.e2e.web_client import WebClient
from tests.factories import PASSWORD, ChapterFactory, EventFactory, MembershipFactory, at
from tests.meetings.factories import LawmakerFactory, MeetingFactory

pytestmark = [pytest.mark.web_nodes, pytest.mark.django_db(transaction=True)]

MEMBERS = 36
SEATS = (6, 6, 6)  # fewer seats than members: the last ones join waitlists
CLIENTS = 8
KILL_AFTER = 10  # sign-ups finished before a node is killed
LIVE = (SeatStatus.CONFIRMED, SeatStatus.WAITLISTED)
# A balancer passes the site's own host to every node (nginx: `Host $http_host`); allauth
# keys the failed logins of an address by it, so a node's own host:port would split them.
SITE = {"Host": "localhost"}


@dataclass
class Cluster:
    balancer: web_nodes.Running
    nodes: list[web_nodes.Running]
    redis_url: str


@pytest.fixture
def cluster(tmp_path, settings):
    if not web_nodes.nginx_path():
        pytest.skip("nginx is not installed: apt-get install nginx (.ci/run installs it)")
    redis_url = f"redis://127.0.0.1:{processes.free_port()}"
    started = []
    try:
        started.append(
            processes.start_redis_server(
                port=int(redis_url.rsplit(":", 1)[1]),
                directory=tmp_path,
                log_path=tmp_path / "redis.log",
            )
        )
        env = web_nodes.web_environment(
            database_url=processes.database_url(settings.DATABASES["default"]),
            redis_url=redis_url,
            secret_key=settings.SECRET_KEY,
            trusted_proxies=1,
            # Connections closed after each request, so the test database can be dropped.
            DATABASE_CONN_MAX_AGE="0",
        )
        web_nodes.collect_static(env)
        nodes = []
        for name in ("a", "b"):
            node = web_nodes.start_gunicorn(
                env=env, log_path=tmp_path / f"gunicorn-{name}.log", workers=2
            )
            started.append(node.process)
            nodes.append(node)
        balancer = web_nodes.start_nginx(
            directory=tmp_path / "nginx", upstream_ports=[node.port for node in nodes]
        )
        started.append(balancer.process)
        yield Cluster(balancer, nodes, redis_url)
    finally:
        for process in reversed(started):
            web_nodes.stop(process)


@pytest.fixture
def day(db):
    """A published national day: three meetings of one chapter and its members."""
    event = EventFactory(slug="national")
    chapter = ChapterFactory(states=["MN"])
    meetings = [
        MeetingFactory(
            event=event,
            chapter=chapter,
            lawmaker=LawmakerFactory(state="MN"),
            starts_at=at(event, 9 + hour),
            ends_at=at(event, 9 + hour, 30),
            seats=seats,
        )
        for hour, seats in enumerate(SEATS)
    ]
    members = [MembershipFactory(chapter=chapter).user for _ in range(MEMBERS)]
    return event, meetings, members


def test_session_and_message_made_on_one_node_serve_on_the_other(cluster, day):
    event, _, (member, *_) = day
    node_a = WebClient(cluster.nodes[0].port, headers=SITE)
    node_b = node_a.on(cluster.nodes[1].port)
    path = signup_journey.event_path(event.slug)

    signup_journey.log_in(node_a.fetch, email=member.email, password=PASSWORD, next_path=path)
    page = node_b.get(path)
    form = signup_journey.csrf_token("register", page)
    sent = node_a.post(
        f"{path}register/", {"csrfmiddlewaretoken": form, "attendance": "in_person"}
    )
    after = node_b.get(sent.location)

    assert (page.status, sent.status, after.status) == (200, 302, 200)
    assert signup_journey.messages(after.text) == [
        ("success", f"You are registered for {event} (in person).")
    ]


def test_failed_logins_on_either_node_count_together(cluster, day):
    _, _, (member, *_) = day
    node_a = WebClient(cluster.nodes[0].port, headers=SITE)
    nodes = [node_a, node_a.on(cluster.nodes[1].port)]

    def attempt(number: int, password: str):
        client = nodes[number % 2]
        form = client.get(signup_journey.LOGIN_PATH)
        token = signup_journey.csrf_token("log in", form)
        data = {"csrfmiddlewaretoken": token, "login": member.email, "password": password}
        return client.post(signup_journey.LOGIN_PATH, data)

    wrong = [attempt(number, "not-the-password") for number in range(5)]  # the limit: 5 a key
    right = attempt(5, PASSWORD)

    assert [page.status for page in wrong] == [200] * 5
    assert right.status == 200  # refused, even with the right password
    assert "Too many failed login attempts" in right.text


def _sign_up(balancer_port: int, slug: str, member) -> signup_journey.SeatTaken | str:
    """One member's sign-up through nginx; what the pages said, or why it failed.

    Each member connects from a loopback address of their own, as members at home do:
    from one address, allauth's limit of 30 logins a minute would refuse the last ones.
    """
    client = WebClient(
        balancer_port, source=f"127.0.{member.pk // 250 % 250}.{member.pk % 250 + 2}"
    )
    path = signup_journey.event_path(slug)
    try:
        signup_journey.log_in(client.fetch, email=member.email, password=PASSWORD, next_path=path)
        signup_journey.register(client.fetch, event_slug=slug)
        # Everyone wants the first meeting with a seat: they queue on one row lock.
        return signup_journey.take_seat(client.fetch, event_slug=slug, choose=min)
    except (signup_journey.StepFailed, OSError) as failure:
        return str(failure)


def test_node_killed_mid_rush_loses_and_doubles_no_sign_up(cluster, day):
    event, meetings, members = day
    finished = threading.Semaphore(0)
    killed = threading.Event()

    def killer():
        for _ in range(KILL_AFTER):
            finished.acquire(timeout=60)
        web_nodes.kill(cluster.nodes[0], whole_node=True)  # master and workers: a crash
        killed.set()

    def member_signs_up(member):
        outcome = _sign_up(cluster.balancer.port, event.slug, member)
        finished.release()
        return member, outcome

    thread = threading.Thread(target=killer)
    thread.start()
    with ThreadPoolExecutor(CLIENTS) as pool:
        outcomes = list(pool.map(member_signs_up, members))
    thread.join(timeout=60)

    acknowledged = {m.pk: o for m, o in outcomes if isinstance(o, signup_journey.SeatTaken)}
    failed = [o for _, o in outcomes if not isinstance(o, signup_journey.SeatTaken)]
    live = Seat.objects.filter(meeting__in=meetings, status__in=LIVE)
    held = {(seat.user_id, seat.meeting_id, seat.status) for seat in live}
    capacity = Meeting.objects.filter(pk__in=[m.pk for m in meetings]).annotate(
        confirmed=Count("seat_set", filter=Q(seat_set__status=SeatStatus.CONFIRMED))
    )
    registrations = Registration.objects.filter(user__in=members)

    assert killed.is_set()
    assert len(failed) <= CLIENTS, failed  # at most the requests in flight at the kill
    assert [m.pk for m in capacity if m.confirmed > m.seats] == []
    assert [m.pk for m in capacity.exclude(seats_taken=F("confirmed"))] == []
    assert live.count() == live.values("user_id").distinct().count()  # one seat each at most
    assert registrations.count() == registrations.values("user_id").distinct().count()
    assert {
        (user_id, seat.meeting_id, LIVE[seat.waitlisted]) for user_id, seat in acknowledged.items()
    } <= held  # every sign-up a member was told of is there
    assert sum(m.confirmed for m in capacity) == sum(SEATS)  # the survivor filled every seat
