"""Fetching article pages: every page arrives once, each host has its own client, all closed after."""

from __future__ import annotations

import time

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from ingest.edges.http import HttpClient, new_client
from ingest.edges.netguard import HostGuard
from ingest.edges.pages import iter_pages


class CountingConnect:
    """Makes real clients and keeps them, to count them and see that they were closed."""

    def __init__(self) -> None:
        self.clients: list[HttpClient] = []

    def __call__(self) -> HttpClient:
        client = new_client("layoffwatch-test", 5)
        self.clients.append(client)
        return client


def fetch_all(connect: CountingConnect, urls: list[str]) -> dict[int, tuple[int | None, bytes, str | None]]:
    pages = iter_pages(
        connect, urls, guard=HostGuard(["127.0.0.1", "localhost"]), concurrency=4, per_host=2,
        per_host_delay=0.0, max_bytes=100_000, timeout=5,
    )
    return {index: (page.status, page.content, page.error) for index, page in pages}


def test_pages_arrive_once_each_over_one_client_per_host(httpserver: HTTPServer) -> None:
    for i in range(6):
        httpserver.expect_request(f"/a/{i}.html").respond_with_data(f"<p>page {i}</p>", content_type="text/html")
    httpserver.expect_request("/gone.html").respond_with_data("gone", status=404)
    port = httpserver.port
    # Two host names for the one server: 127.0.0.1 and localhost count as two hosts.
    urls = [f"http://{host}:{port}/a/{i}.html" for i in range(6) for host in ("127.0.0.1", "localhost")]
    urls.append(f"http://127.0.0.1:{port}/gone.html")
    connect = CountingConnect()

    got = fetch_all(connect, urls)

    assert sorted(got) == list(range(len(urls)))
    for index, url in enumerate(urls[:-1]):
        status, content, error = got[index]
        assert (status, error) == (200, None)
        assert content == f"<p>page {url.rsplit('/', 1)[1].removesuffix('.html')}</p>".encode()
    assert got[len(urls) - 1][0] == 404 and got[len(urls) - 1][2]
    assert len(connect.clients) == 2
    assert all(client.is_closed for client in connect.clients)


def test_clients_are_closed_when_the_caller_stops_early(httpserver: HTTPServer) -> None:
    for i in range(4):
        httpserver.expect_request(f"/b/{i}.html").respond_with_data("<p>x</p>", content_type="text/html")
    urls = [httpserver.url_for(f"/b/{i}.html") for i in range(4)]
    connect = CountingConnect()
    pages = iter_pages(
        connect, urls, guard=HostGuard(["127.0.0.1", "localhost"]), concurrency=2, per_host=2,
        per_host_delay=0.0, max_bytes=100_000, timeout=5,
    )
    next(pages)
    pages.close()
    assert len(connect.clients) == 1
    assert connect.clients[0].is_closed


def test_fetching_keeps_pace_with_a_caller_that_stops_pulling(httpserver: HTTPServer) -> None:
    """A caller whose workers are busy stops pulling: at most 2 x concurrency pages run ahead."""
    httpserver.expect_request("/c.html").respond_with_data("<p>c</p>", content_type="text/html")
    urls = [httpserver.url_for("/c.html") + f"?n={i}" for i in range(60)]
    pages = iter_pages(
        CountingConnect(), urls, guard=HostGuard(["127.0.0.1", "localhost"]), concurrency=3, per_host=3,
        per_host_delay=0.0, max_bytes=100_000, timeout=5,
    )
    pulled = [next(pages) for _ in range(5)]
    time.sleep(0.5)  # the caller is busy; an eager fetcher would have fetched all 60 by now
    assert 5 <= len(httpserver.log) <= 5 + 2 * 3
    rest = list(pages)
    assert sorted(index for index, _ in pulled + rest) == list(range(60))
    assert len(httpserver.log) == 60


def test_no_urls_makes_no_client() -> None:
    connect = CountingConnect()
    assert fetch_all(connect, []) == {}
    assert connect.clients == []


def test_a_host_that_must_wait_leaves_the_threads_to_other_hosts(httpserver: HTTPServer) -> None:
    """Per-host spacing is kept without a pool thread sleeping: the other host's pages go meanwhile."""
    started: list[tuple[str, float]] = []

    def record(request: Request) -> Response:
        started.append((request.host.split(":")[0], time.monotonic()))
        return Response("<p>x</p>", content_type="text/html")

    httpserver.expect_request("/d.html").respond_with_handler(record)
    port = httpserver.port
    # Both of the first pages are 127.0.0.1's: a limiter sleeping in the pool's threads would hold
    # both threads on that host and start localhost only once 127.0.0.1's spacing allowed.
    urls = [f"http://{host}:{port}/d.html?n={i}" for host in ("127.0.0.1", "localhost") for i in range(3)]
    pages = iter_pages(
        CountingConnect(), urls, guard=HostGuard(["127.0.0.1", "localhost"]), concurrency=2, per_host=1,
        per_host_delay=0.4,  # a politeness delay (default 0) is what makes a host wait
        max_bytes=100_000, timeout=5,
    )
    assert sorted(index for index, page in pages if page.status == 200) == list(range(6))
    by_host = {host: [at for name, at in started if name == host] for host in ("127.0.0.1", "localhost")}
    assert [len(times) for times in by_host.values()] == [3, 3]
    for times in by_host.values():
        assert all(later - earlier >= 0.39 for earlier, later in zip(times, times[1:], strict=False))
    assert by_host["localhost"][0] - by_host["127.0.0.1"][0] < 0.3  # not after 127.0.0.1's second slot
