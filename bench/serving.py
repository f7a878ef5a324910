"""Serve pages under load: gunicorn with and without the page cache, and nginx.

nginx serving the same HTML from a file is the limit: what the machine gives
when the application does no work at all. wrk is the load generator.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = 32
WORKERS = min(4, max(2, 2 * (os.cpu_count() or 1)))
THREADS = 2

# wrk reports every percentile through its Lua API, the 95th included.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, '
    .. '"socket_errors": %d, "bad_status": %d}\\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""

NGINX_CONF = """
worker_processes {workers};
daemon off;
pid {dir}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  default_type text/html;
  sendfile on;
  server {{ listen 127.0.0.1:{port}; root {dir}/www; }}
}}
"""


@dataclass
class Load:
    """What wrk measured on one address: throughput and latency in ms."""

    server: str
    page: str
    requests: int
    per_second: float
    p50: float
    p95: float
    p99: float
    errors: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes], what: str) -> None:
    """Wait for the server's first answer; fail at once if it exits."""
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                response.read()
                return
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"{what} exited: {server.returncode}.") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
        return bytes(response.read())


@contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[str]:
    """A gunicorn master with its gthread workers; yields its base address."""
    port = free_port()
    command = [
        *(sys.executable, "-m", "gunicorn", "rihub.wsgi:application"),
        *("--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)),
        *("--worker-class", "gthread", "--threads", str(THREADS)),
        *("--error-logfile", str(log), "--timeout", "120"),
    ]
    with log.open("ab") as output:
        server = subprocess.Popen(  # noqa: S603
            command, env=env, cwd=ROOT, stdout=output, stderr=output
        )
    try:
        wait_until_up(
            f"http://127.0.0.1:{port}/robots.txt", server, f"gunicorn ({log})"
        )
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


@contextmanager
def nginx(binary: str, files: dict[str, bytes]) -> Iterator[str]:
    """nginx on a free port, with its own configuration, serving these files."""
    with tempfile.TemporaryDirectory(prefix="rihub-nginx-") as folder:
        root = Path(folder)
        (root / "www").mkdir()
        for name, content in files.items():
            (root / "www" / name).write_bytes(content)
        # Run as root, nginx's workers become 'nobody': they must read the files.
        for path in [root, root / "www", *(root / "www").iterdir()]:
            path.chmod(0o755)
        port = free_port()
        conf = root / "nginx.conf"
        conf.write_text(NGINX_CONF.format(workers=WORKERS, dir=root, port=port))
        command = [binary, "-e", "stderr", "-p", str(root), "-c", str(conf)]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        try:
            wait_until_up(
                f"http://127.0.0.1:{port}/{next(iter(files))}", server, "nginx"
            )
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    """Ask the server to stop; both gunicorn and nginx end gracefully on SIGTERM."""
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def wrk(binary: str, url: str, seconds: int) -> dict[str, float]:
    """One wrk run at the bench's concurrency; its figures from the Lua report."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_REPORT)
        script.flush()
        threads = str(min(CONNECTIONS, os.cpu_count() or 1))
        command = [
            *(binary, "-t", threads, "-c", str(CONNECTIONS), "-d", f"{seconds}s"),
            *("--timeout", "30s", "-s", script.name, url),
        ]
        output = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, check=True
        )
    report = output.stdout.strip().splitlines()[-1]
    return dict(json.loads(report))


def measure(binary: str, server: str, url: str, page: str, seconds: int) -> Load:
    """Warm up for a few seconds (imports, caches), then measure."""
    wrk(binary, url, min(3, seconds))
    figures = wrk(binary, url, seconds)
    return Load(
        server=server,
        page=page,
        requests=int(figures["requests"]),
        per_second=figures["requests"] / figures["seconds"],
        p50=figures["p50"],
        p95=figures["p95"],
        p99=figures["p99"],
        errors=int(figures["socket_errors"] + figures["bad_status"]),
    )


def find_tool(name: str) -> str | None:
    """A tool on PATH, or in the system folders a non-root PATH may lack."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
