"""Benchmark: the registration rush, driven by locust against gunicorn (production settings).

    .venv/bin/python bench/rush.py [--users 2000] [--watchers 300] [--seconds 60]
        [--web-workers 3] [--two-nodes [--kill master|node]] [--production-hasher]
    .venv/bin/python bench/rush.py --profile [--users 200]

What runs, all on loopback, on ports the system picks, stopped whatever happens: a
database of its own (bench_rush) on the local PostgreSQL; a redis-server of its own
(the cache, with allauth's rate limits, and the Celery broker); an SMTP server
process and a real Celery worker (prefork, 2 processes) sending the confirmations the
sign-ups queue; gunicorn with the production settings (debug off, secure cookies,
sessions in the database; tests/e2e/settings_web_nodes.py says the one change, the
password hasher, and `--production-hasher` undoes it). With `--two-nodes`, two
gunicorns behind nginx (tests/e2e/web_nodes.py), and halfway through `--seconds`
one of them is killed with SIGKILL: its master (`--kill master`, its workers then
leave by themselves) or the whole node (`--kill node`).

The scenario (bench/rush_world.py, bench/rush_locustfile.py): a national event with
five meetings per chapter of 100 people, seats for 90% of them; `--users` members
arrive evenly over `--seconds` (after the watchers), each logs in through allauth's
form, registers for the event and takes a seat in a meeting of their chapter with
a free seat (a waitlist place when none is left), then stops; `--watchers` others,
registered and seated, open their itinerary every 10 s or so until the last member
is done. The run stops by itself: when the last member is done, or at `--max-seconds`;
at most 8 requests a member and 100 a watcher, only to 127.0.0.1.

A sign-up is a member's two POSTs: register (POST /events/<slug>/register/) and take
a seat (POST /meetings/<id>/seat/), each timed from sending the request to its
redirect; signup_p50/p95/p99_ms are percentiles of their sum over the members whose
pages then said they were registered and seated (or waitlisted). The login, the GETs
of each form and the pages after each redirect are requests too: they count in
requests_per_second and errors, not in the sign-up's time. `errors` counts requests
that failed: no answer, or a status other than the page's own (a 502, a login form
shown again). The database is then counted (bench/rush_counts.py).

`--profile` builds the same world and profiles sign-ups in-process instead
(bench/rush_profile.py): time and queries per POST, and the profile's top lines.
The machine is shared and has 2 cores: the load average before the run is printed;
compare runs taken at similar load.
"""

import argparse
import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import benchlib
import rush_world
from rush_counts import count

from tests.e2e import processes, web_nodes

PASSWORD = "lobby-day-rush-2027"
DATABASE = "bench_rush"
WORKER_PROCESSES = 2


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=2000, help="members who sign up")
    parser.add_argument("--watchers", type=int, default=300, help="seated members refreshing")
    parser.add_argument("--seconds", type=float, default=60, help="the members arrive over this")
    parser.add_argument("--max-seconds", type=float, help="stop by then (default 5 x --seconds)")
    parser.add_argument("--web-workers", type=int, default=3, help="gunicorn workers per node")
    parser.add_argument("--two-nodes", action="store_true", help="two gunicorns behind nginx")
    parser.add_argument("--kill", choices=("master", "node"), default="master")
    parser.add_argument(
        "--production-hasher", action="store_true", help="production hasher logins"
    )
    parser.add_argument("--profile", action="store_true", help="profile sign-ups in-process")
    parser.add_argument("--profile-count", type=int, default=20)
    args = parser.parse_args()
    if args.users < 1 or args.watchers < 0 or args.seconds <= 0 or args.web_workers < 1:
        parser.error("give at least one member, a positive time and one worker")
    if args.watchers > rush_world.SEATED_SHARE * (args.users + args.watchers) / 2:
        parser.error("at most as many watchers as half the seats")
    args.max_seconds = args.max_seconds or 5 * args.seconds
    return args


def password_hash(production: bool) -> str:
    from django.contrib.auth.hashers import MD5PasswordHasher, make_password

    if production:
        return make_password(PASSWORD)
    cheap = MD5PasswordHasher()
    return cheap.encode(PASSWORD, cheap.salt())


def production_hash_ms() -> float:
    from django.contrib.auth.hashers import make_password

    started = time.perf_counter()
    make_password(PASSWORD)
    return (time.perf_counter() - started) * 1000


def start_web(stack, args, work: Path, database_url: str, redis_url: str) -> tuple[int, list]:
    """The node(s), and nginx in front of two; returns the port the members use and nodes."""
    env = web_nodes.web_environment(
        database_url=database_url,
        redis_url=redis_url,
        secret_key=os.environ["DJANGO_SECRET_KEY"],
        # The members' own addresses, stamped by the bench; nginx appends its own.
        trusted_proxies=2 if args.two_nodes else 1,
        DJANGO_LOG_LEVEL="WARNING",
    )
    if args.production_hasher:
        env["DJANGO_SETTINGS_MODULE"] = "dayofaction.settings"
    nodes = []
    for number in range(2 if args.two_nodes else 1):
        node = web_nodes.start_gunicorn(
            env=env, log_path=work / f"gunicorn-{number}.log", workers=args.web_workers
        )
        stack.callback(web_nodes.stop, node.process)
        nodes.append(node)
    if not args.two_nodes:
        return nodes[0].port, nodes
    if not web_nodes.nginx_path():
        raise SystemExit("--two-nodes needs nginx: apt-get install nginx (Debian's package)")
    balancer = web_nodes.start_nginx(
        directory=work / "nginx", upstream_ports=[node.port for node in nodes], access_log=False
    )
    stack.callback(web_nodes.stop, balancer.process)
    return balancer.port, nodes


def start_worker(stack, work: Path, database_url: str, redis_url: str) -> subprocess.Popen:
    sink, smtp_port = processes.start_smtp_sink(
        directory=work / "mail", log_path=work / "smtp-sink.log"
    )
    stack.callback(processes.stop, sink)
    env = web_nodes.web_environment(
        database_url=database_url,
        redis_url=redis_url,
        secret_key=os.environ["DJANGO_SECRET_KEY"],
        trusted_proxies=0,
        DJANGO_SETTINGS_MODULE="dayofaction.settings",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        DAYOFACTION_VAR_DIR=str(work),
    )
    worker = processes.start_celery_worker(
        env=env,
        log_path=work / "worker.log",
        hostname="rush",
        options=("--pool=prefork", f"--concurrency={WORKER_PROCESSES}"),
    )
    stack.callback(processes.stop, worker)
    return worker


def run_locust(args, work: Path, port: int, scenario, kill) -> dict:
    """locust headless until the last member is done (or --max-seconds); its results."""
    scenario_path, results_path = work / "scenario.json", work / "results.json"
    scenario_path.write_text(json.dumps(scenario.as_json()))
    people = args.users + args.watchers
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(Path(__file__).with_name("rush_locustfile.py")),
        "--headless",
        "--host",
        f"http://127.0.0.1:{port}",
        "--users",
        str(people),
        "--spawn-rate",
        f"{people / args.seconds:.3f}",
        "--run-time",
        f"{int(args.max_seconds)}s",
        "--stop-timeout",
        "10",
        "--only-summary",
        "Member",
        *(["Watcher"] if args.watchers else []),
    ]
    env = {
        **os.environ,
        "RUSH_SCENARIO": str(scenario_path),
        "RUSH_RESULTS": str(results_path),
        "RUSH_WATCHERS": str(args.watchers),
    }
    reaped_before = _children_cpu_seconds()
    locust = processes.start(
        command=command, log_path=work / "locust.log", env=env, cwd=benchlib.ROOT
    )
    timer = threading.Timer(args.seconds / 2, kill) if kill else None
    try:
        if timer:
            timer.start()
        locust.wait(timeout=args.max_seconds + 60)
    except subprocess.TimeoutExpired:
        print(f"locust did not stop by itself: see {work / 'locust.log'}", file=sys.stderr)
    finally:
        if timer:
            timer.cancel()
        processes.stop(locust)
    if not results_path.exists():
        raise SystemExit(f"locust left no results:\n{processes.tail(work / 'locust.log')}")
    results = json.loads(results_path.read_text())
    # locust, once reaped, is the only child whose time joined ours meanwhile.
    results["load_tool_cpu_seconds"] = _children_cpu_seconds() - reaped_before
    return results


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def report(args, results: dict, scenario, killed: dict, load_before: float, cpu: dict) -> None:
    done = [s for s in results["signups"] if "meeting_id" in s]
    signup_ms = [s["register_ms"] + s["seat_ms"] for s in done]
    lines = [
        ("load_before", f"{load_before:.2f}", "(1-minute load average; 2 cores, shared)"),
        ("rush_users", args.users, "members"),
        ("watchers", args.watchers, "members"),
        ("signups_completed", len(done), "members"),
        ("signup_p50_ms", f"{benchlib.percentile(signup_ms, 0.50):.0f}", "ms"),
        ("signup_p95_ms", f"{benchlib.percentile(signup_ms, 0.95):.0f}", "ms"),
        ("signup_p99_ms", f"{benchlib.percentile(signup_ms, 0.99):.0f}", "ms"),
        ("itinerary_p95_ms", f"{benchlib.percentile(results['itinerary_ms'], 0.95):.0f}", "ms"),
        ("itinerary_views", len(results["itinerary_ms"]), "pages"),
        ("requests", results["requests"], "requests"),
        ("requests_per_second", f"{results['requests_per_second']:.1f}", "requests/s"),
        ("errors", results["failures"], "requests"),
    ]
    if results["signups"]:
        first = min(s["started"] for s in results["signups"])
        last = max(s["finished"] for s in results["signups"])
        lines.append(("rush_seconds", f"{last - first:.1f}", "s (first login to last sign-up)"))
    counts = count(
        event_slug=scenario.event_slug,
        signups=results["signups"],
        member_emails=scenario.member_emails,
    )
    lines += [(name, value, "") for name, value in vars(counts).items()]
    if killed:
        lines.append(("node_killed_at", f"{killed['at']:.1f}", f"s ({killed['how']})"))
    lost = ", without the killed node's" if killed else ""
    cpu = {**cpu, "load_tool": results["load_tool_cpu_seconds"]}
    for name, seconds in cpu.items():
        lines.append(
            (
                f"{name}_cpu_seconds",
                f"{seconds:.0f}",
                f"s ({seconds / args.users * 1000:.0f} ms a member{lost})",
            )
        )
    # What the rush costs the machine, whatever the code's latency: the cores that would
    # keep up with --users members arriving over --seconds, and the share the load tool
    # (not the app) takes of them. More than the machine has means queues, and waits.
    total = sum(cpu.values())
    lines += [
        ("cpu_seconds_per_member", f"{total / args.users * 1000:.0f}", "ms (all of the above)"),
        (
            "cores_to_keep_up",
            f"{total / args.seconds:.1f}",
            f"cores (this machine: {os.cpu_count()})",
        ),
    ]
    for name, value, unit in lines:
        print(f"{name}: {value} {unit}".rstrip())
    for name, entry in sorted(results["by_request"].items()):
        print(
            f"# {name}: {entry['requests']} requests, {entry['failures']} failed,"
            f" p50 {entry['p50_ms']:.0f} ms, p95 {entry['p95_ms']:.0f} ms"
        )
    for problem, times in sorted(results["errors_by_request"].items()):
        print(f"# {times} x {problem}")
    for record in [s for s in results["signups"] if "failed" in s][:5]:
        print(f"# failed: {record['email']}: {record['failed']}")


def main() -> None:
    args = parse_args()
    # SIGTERM unwinds like Ctrl-C, so every process started below is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    load_before = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="bench-rush-"))
    with contextlib.ExitStack() as stack:
        redis_port = benchlib.free_port()
        redis_server = processes.start_redis_server(
            port=redis_port, directory=work, log_path=work / "redis.log"
        )
        stack.callback(processes.stop, redis_server)
        redis_url = f"redis://127.0.0.1:{redis_port}"
        os.environ.update(
            CACHE_URL=f"{redis_url}/1",
            CELERY_BROKER_URL=f"{redis_url}/0",
            CELERY_TASK_ALWAYS_EAGER="false",
        )
        database_url = benchlib.setup_django(DATABASE)
        hash_ms = production_hash_ms()
        scenario = rush_world.build(
            users=args.users,
            watchers=args.watchers,
            password=PASSWORD,
            password_hash=password_hash(args.production_hasher),
        )
        if args.profile:
            from rush_profile import profile

            profile(scenario, count=args.profile_count)
            return
        worker = start_worker(stack, work, database_url, redis_url)
        port, nodes = start_web(stack, args, work, database_url, redis_url)
        killed = {}

        def kill():
            killed.update(at=args.seconds / 2, how=f"SIGKILL to the {args.kill}")
            web_nodes.kill(nodes[0], whole_node=args.kill == "node")

        with benchlib.DatabaseCpu(DATABASE) as database:
            results = run_locust(args, work, port, scenario, kill if args.two_nodes else None)
        cpu = {
            "web": sum(benchlib.process_group_cpu_seconds(n.process.pid) for n in nodes),
            "worker": benchlib.process_group_cpu_seconds(worker.pid),
            "database": database.seconds,
        }
        print(f"hasher: {'production' if args.production_hasher else 'cheap'}", end=" ")
        print(f"(the production hasher costs {hash_ms:.0f} ms of one core per login)")
        print(f"web: {len(nodes)} node(s) x {args.web_workers} gunicorn workers", end="")
        print(" behind nginx" if args.two_nodes else ", clients direct")
        report(args, results, scenario, killed, load_before, cpu)
        print(f"# logs in {work}")


if __name__ == "__main__":
    main()
