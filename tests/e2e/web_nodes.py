"""Web nodes on loopback: gunicorn processes and nginx in front of them as the balancer.

Used by the two-node test and bench/rush.py. Each process is started in a session of
its own (its process group), waited for until it answers HTTP, and fails with the
end of its log when it does not. nginx runs in the foreground from a config written
to a directory of the caller's, never as the system's service.
"""

import contextlib
import http.client
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.e2e import processes

PROJECT_DIR = Path(__file__).resolve().parents[2]
# The production settings with Django's test-speed password hasher: see that module.
CHEAP_LOGIN_SETTINGS = "tests.e2e.settings_web_nodes"

# The balancer. A request whose connection to a node failed (refused, reset before it
# was sent, timed out) goes to the other node: nothing reached the app. Once a POST
# was sent nginx never passes it on (non_idempotent is not listed): the node may have
# committed it, and a second node would apply it twice. GETs are retried on a 502 too.
#
# Every proxied request holds two connections (the client's and the node's): a rush of
# thousands of phones needs more than nginx's default 512, and as many open files.
NGINX_CONFIG = """\
worker_processes 1;
worker_rlimit_nofile 16384;
daemon off;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 8192; }}
http {{
    access_log {access_log};
    client_body_temp_path {directory}/client_body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    upstream web {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://web;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
            proxy_next_upstream error timeout http_502;
            proxy_next_upstream_tries 2;
            proxy_next_upstream_timeout 10s;
        }}
    }}
}}
"""
# A node that failed is left out for this long, then tried again.
UPSTREAM = "        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;"


@dataclass(frozen=True)
class Running:
    process: subprocess.Popen
    port: int
    log_path: Path


def nginx_path() -> str | None:
    """Debian's nginx (in /usr/sbin, which a non-root PATH may lack), or None."""
    return shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")


def web_environment(
    *, database_url: str, redis_url: str, secret_key: str, trusted_proxies: int, **overrides
) -> dict:
    """A node's environment: production settings (cheap hashes), this run's database and
    Redis (cache in database 1, broker in 0) and one secret key shared by all nodes."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": CHEAP_LOGIN_SETTINGS,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DAYOFACTION_TRUSTED_PROXY_COUNT": str(trusted_proxies),
        "DATABASE_URL": database_url,
        "CACHE_URL": f"{redis_url}/1",
        "CELERY_BROKER_URL": f"{redis_url}/0",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PYTHONUNBUFFERED": "1",
        **overrides,
    }


def collect_static(env: dict) -> None:
    """What a deploy does before its web processes start: the hashed static files and their
    manifest, which the production settings serve (without it every page answers 500).
    A fresh checkout (CI's) has none yet."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        env=env,
        cwd=PROJECT_DIR,
        check=True,
        timeout=180,
    )


def start_gunicorn(*, env: dict, log_path: Path, workers: int, timeout=60.0) -> Running:
    port = processes.free_port()
    process = processes.start(
        command=[
            sys.executable,
            "-m",
            "gunicorn",
            "dayofaction.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "info",
            # gunicorn's control socket is one path per user: two nodes would fight over it.
            "--no-control-socket",
        ],
        log_path=log_path,
        env=env,
        cwd=PROJECT_DIR,
    )
    wait_until_answering(process, port=port, name="gunicorn", log_path=log_path, timeout=timeout)
    return Running(process, port, log_path)


def start_nginx(*, directory: Path, upstream_ports: list[int], access_log=True) -> Running:
    """nginx on a free port balancing over the nodes (round robin)."""
    directory.mkdir(parents=True, exist_ok=True)
    port = processes.free_port()
    config = directory / "nginx.conf"
    config.write_text(
        NGINX_CONFIG.format(
            directory=directory,
            port=port,
            access_log=f"{directory}/access.log" if access_log else "off",
            servers="\n".join(UPSTREAM.format(port=upstream) for upstream in upstream_ports),
        )
    )
    log_path = directory / "nginx.log"
    process = processes.start(
        command=[nginx_path(), "-p", str(directory), "-c", str(config), "-e", "stderr"],
        log_path=log_path,
    )
    wait_until_answering(process, port=port, name="nginx", log_path=log_path, timeout=20)
    return Running(process, port, log_path)


def wait_until_answering(
    process: subprocess.Popen, *, port: int, name: str, log_path: Path, timeout: float
) -> None:
    """Poll GET / until the process answers with any status."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            pass
        if process.poll() is not None:
            raise processes.ProcessFailed(
                f"{name} exited with {process.returncode} before it answered:\n"
                + processes.tail(log_path)
            )
        if time.monotonic() > deadline:
            stop(process)
            raise processes.ProcessFailed(
                f"{name} did not answer within {timeout} s:\n" + processes.tail(log_path)
            )
        time.sleep(0.2)


def kill(running: Running, *, whole_node: bool) -> None:
    """SIGKILL the master (its workers notice and leave), or the whole process group."""
    if whole_node:
        os.killpg(running.process.pid, signal.SIGKILL)
    else:
        os.kill(running.process.pid, signal.SIGKILL)
    running.process.wait(timeout=10)


def stop(process: subprocess.Popen) -> None:
    """Stop the process, then whatever of its group outlived it (a killed master's workers)."""
    processes.stop(process)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
