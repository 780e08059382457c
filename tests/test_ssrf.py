"""The SSRF guard: article links from feeds never reach private addresses unless allowed.

Blocked targets are refused by the guard before any socket is opened: every test runs under
`loopback_only`, which fails the test on any connection attempt beyond 127.0.0.0/8 and ::1, and
names are resolved by injected resolvers (never DNS) except `localhost` (from /etc/hosts).
"""

from __future__ import annotations

import socket
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from usecases import run as pipeline
from ingest.models.errors import PermanentFetchError, TransientFetchError
from ingest.edges.http import fetch, new_client
from ingest.models import FeedConfig
from ingest.edges.netguard import HostGuard
from ingest.settings import load_settings
from storage.db import utcnow
from tests.conftest import copy_migrated
from tests.hostile import ConnectLog, RawServer, loopback_only
from tests.pages import rss, story

pytestmark = pytest.mark.usefixtures(loopback_only.__name__)

DATE = "Wed, 28 Jan 2026 14:00:00 GMT"
NAMES = {
    "metadata.test": ["169.254.169.254"],
    "intranet.test": ["10.1.2.3"],
    "mixed.test": ["93.184.216.34", "10.0.0.1"],  # one private answer is enough to refuse
    "v6.test": ["fd00::1"],
    "cgnat.test": ["100.64.1.1"],
    "mapped.test": ["::ffff:192.168.0.1"],
    "localhost": ["127.0.0.1"],
    "news.test": ["93.184.216.34"],
    "v6news.test": ["2606:4700::1111"],
    "dual.test": ["2606:4700::1111", "93.184.216.34", "2606:4700::1001"],
}


def fake_resolver(host: str) -> list[str]:
    """Resolve like the OS does for numeric forms (127.1, 0x7f000001...), names from NAMES; no DNS."""
    try:
        infos = socket.getaddrinfo(host, None, flags=socket.AI_NUMERICHOST, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        return NAMES.get(host, [])
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


BLOCKED = [
    "http://127.0.0.1/", "http://127.0.0.1:8080/admin", "http://127.1/", "http://2130706433/",
    "http://0x7f000001/", "http://0177.0.0.1/", "http://10.0.0.1/", "http://172.16.5.4/",
    "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/", "http://100.127.255.254/", "http://0.0.0.0/", "http://[::1]/", "http://[::]/",
    "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[fe80::1%25eth0]/",
    "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://[::127.0.0.1]/",
    "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/", "http://[2002:a00:1::]/",
    "http://224.0.0.1/", "http://[ff02::1]/", "http://240.0.0.1/", "http://255.255.255.255/",
    "http://192.0.0.8/", "http://198.18.0.1/", "http://[fec0::1]/", "http://metadata.test/",
    "http://intranet.test:8443/wiki", "http://mixed.test/", "http://v6.test/", "http://cgnat.test/",
    "http://mapped.test/", "http://localhost/", "http://LOCALHOST./", "https://user:pw@127.0.0.1/",
]


@pytest.mark.parametrize("url", BLOCKED)
def test_private_targets_are_blocked_by_default(url: str) -> None:
    guard = HostGuard([], resolver=fake_resolver)
    with pytest.raises(PermanentFetchError, match="blocked"):
        guard.check(url)


@pytest.mark.parametrize("url", ["http://93.184.216.34/", "http://[2606:4700::1111]/", "http://news.test/a", "https://v6news.test/"])
def test_public_targets_pass_the_check(url: str) -> None:
    HostGuard([], resolver=fake_resolver).check(url)  # checked only: nothing is fetched


def test_connect_addresses_are_every_vetted_address_in_resolver_order() -> None:
    guard = HostGuard([], resolver=fake_resolver)
    # Not sorted: "2606:..." < "93...." as text would hide that the order is the resolver's.
    assert guard.connect_addresses("dual.test") == ["2606:4700::1111", "93.184.216.34", "2606:4700::1001"]
    assert guard.connect_addresses("93.184.216.34") == ["93.184.216.34"]
    for host in ("mixed.test", "metadata.test", "127.1", "::ffff:192.168.0.1"):
        with pytest.raises(PermanentFetchError, match="blocked"):
            guard.connect_addresses(host)
    # Allowed by name or by network: every address is still given, none refused.
    assert HostGuard(["mixed.test"], resolver=fake_resolver).connect_addresses("MIXED.test.") == ["93.184.216.34", "10.0.0.1"]
    assert HostGuard(["10.0.0.0/8"], resolver=fake_resolver).connect_addresses("mixed.test") == ["93.184.216.34", "10.0.0.1"]
    with pytest.raises(TransientFetchError, match="cannot resolve nowhere.test"):
        guard.connect_addresses("nowhere.test")


def test_allow_list_takes_hosts_ips_cidrs_and_star() -> None:
    assert_allowed = lambda allow, url: HostGuard(allow, resolver=fake_resolver).check(url)  # noqa: E731
    assert_allowed(["10.0.0.0/8"], "http://10.9.9.9/")
    assert_allowed(["intranet.test"], "http://intranet.test/")
    assert_allowed(["169.254.169.254"], "http://metadata.test/")
    assert_allowed(["fd00::/8"], "http://v6.test/")
    assert_allowed(["*"], "http://[::1]/")
    for allow, url in ((["10.0.0.0/8"], "http://192.168.1.1/"), (["::/0"], "http://10.0.0.1/"),
                       (["intranet.test"], "http://metadata.test/")):
        with pytest.raises(PermanentFetchError, match="blocked"):
            HostGuard(allow, resolver=fake_resolver).check(url)


def test_allow_list_setting_is_parsed_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LAYOFFWATCH_ALLOW_PRIVATE_HOSTS", "localhost, 10.0.0.0/8 127.0.0.1")
    assert load_settings(db=tmp_path / "x.duckdb").allow_private_hosts == ["localhost", "10.0.0.0/8", "127.0.0.1"]
    monkeypatch.setenv("LAYOFFWATCH_ALLOW_PRIVATE_HOSTS", "*")
    assert HostGuard(load_settings(db=tmp_path / "x.duckdb").allow_private_hosts).allow_all


def test_malformed_hosts_are_blocked_not_crashes() -> None:
    guard = HostGuard([], resolver=fake_resolver)
    for url in ("http://[::1/", "http:///nohost", "http://[zz::1]/"):
        with pytest.raises(PermanentFetchError, match="blocked"):
            guard.check(url)


# --- through the real fetch path -------------------------------------------------------------

def run_steps(db: Path, feed_url: str, allow: list[str]) -> dict[str, tuple[str, str | None]]:
    """Run prepare -> fetch_feeds -> fetch_and_extract -> store; return title -> (status, error)."""
    settings = load_settings(
        db=db, allow_private_hosts=allow, http_timeout=3, http_retries=0, extract_workers=1, snapshot=False,
    )
    now = utcnow()
    prepared = pipeline.prepare(settings, [FeedConfig(name="feed", url=feed_url)], now, respect_backoff=False)
    fetched = pipeline.fetch_feeds(settings, prepared, "ssrf-run")
    assert [f.error for f in fetched.fetches] == [None]  # the configured feed itself is trusted
    pipeline.store(settings, pipeline.fetch_and_extract(settings, fetched, now), now)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT title, extraction_status, extraction_error FROM articles").fetchall()
    finally:
        con.close()
    return {title: (status, error) for title, status, error in rows}


def test_links_to_private_addresses_are_stored_blocked(
    httpserver: HTTPServer, tmp_path: Path, loopback_only: ConnectLog, migrated_db: Path
) -> None:
    page = story("Local page", "A page that must not be fetched from a feed link.")
    port = httpserver.port
    httpserver.expect_request("/page").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/feed.xml").respond_with_data(rss([
        ("s1", "Loopback link", f"http://127.0.0.1:{port}/page", DATE),
        ("s2", "Localhost link", f"http://localhost:{port}/page", DATE),
        ("s3", "IPv6 loopback link", f"http://[::1]:{port}/page", DATE),
        ("s4", "Metadata link", "http://169.254.169.254/latest/meta-data/iam/security-credentials/", DATE),
        ("s5", "Intranet link", "http://10.0.0.1/wiki", DATE),
    ]), content_type="application/rss+xml")
    # The feed is on 127.0.0.1 too, and is fetched: configured feed URLs are trusted.
    db = copy_migrated(migrated_db, tmp_path / "lw.duckdb")
    result = run_steps(db, f"http://127.0.0.1:{port}/feed.xml", allow=[])
    assert set(result) == {"Loopback link", "Localhost link", "IPv6 loopback link", "Metadata link", "Intranet link"}
    for title, (status, error) in result.items():
        assert status == "blocked" and error and "blocked:" in error, (title, status, error)
    assert [request.path for request, _ in httpserver.log] == ["/feed.xml"]  # no page was requested
    assert set(loopback_only.attempts) == {"127.0.0.1"}  # the one connection: the feed


def test_allow_list_opens_private_hosts(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migrated_db: Path
) -> None:
    port = httpserver.port
    httpserver.expect_request("/page").respond_with_data(
        story("Local page", "Acme said it would cut 300 jobs at its local plant on Friday."), content_type="text/html")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss([("s1", "Allowed loopback link", f"http://127.0.0.1:{port}/page", DATE)]), content_type="application/rss+xml")
    monkeypatch.setenv("LAYOFFWATCH_ALLOW_PRIVATE_HOSTS", "127.0.0.0/8")
    db = copy_migrated(migrated_db, tmp_path / "lw.duckdb")
    result = run_steps(db, f"http://localhost:{port}/feed.xml", allow=load_settings().allow_private_hosts)
    assert result["Allowed loopback link"] == ("ok", None)


def test_redirect_from_allowed_host_to_metadata_is_refused_without_connecting(
    httpserver: HTTPServer, tmp_path: Path, loopback_only: ConnectLog, migrated_db: Path
) -> None:
    port = httpserver.port
    httpserver.expect_request("/to-metadata").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    httpserver.expect_request("/to-loopback-ip").respond_with_data(
        "", status=301, headers={"Location": f"http://127.0.0.1:{port}/secret-page"})
    httpserver.expect_request("/to-mapped").respond_with_data(
        "", status=307, headers={"Location": "http://[::ffff:10.0.0.1]/"})
    httpserver.expect_request("/feed.xml").respond_with_data(rss([
        ("r1", "Redirect to metadata", f"http://localhost:{port}/to-metadata", DATE),
        ("r2", "Redirect to loopback IP", f"http://localhost:{port}/to-loopback-ip", DATE),
        ("r3", "Redirect to mapped private", f"http://localhost:{port}/to-mapped", DATE),
    ]), content_type="application/rss+xml")
    # 'localhost' is allowed by name; the redirect targets are not.
    db = copy_migrated(migrated_db, tmp_path / "lw.duckdb")
    result = run_steps(db, f"http://localhost:{port}/feed.xml", allow=["localhost"])
    assert result["Redirect to metadata"][0] == "blocked"
    assert "169.254.169.254 is a non-public address" in result["Redirect to metadata"][1]
    assert result["Redirect to loopback IP"][0] == "blocked"
    assert result["Redirect to mapped private"][0] == "blocked"
    assert "/secret-page" not in [request.path for request, _ in httpserver.log]
    assert "169.254.169.254" not in loopback_only.attempts


def test_name_resolving_to_private_is_refused_and_connect_uses_the_checked_address(loopback_only: ConnectLog) -> None:
    asked: list[str] = []

    def resolver(host: str) -> list[str]:
        asked.append(host)
        return {"intranet.test": ["10.1.2.3"], "localhost": ["127.0.0.2"]}.get(host, [])

    page = b"<html><body><p>pinned</p></body></html>"
    routes = {"/page": lambda conn: conn.head(Content_Type="text/html", Content_Length=str(len(page))) and conn.send(page)}
    with RawServer(routes=routes, host="127.0.0.2") as server, new_client("test", 5) as client:
        with pytest.raises(PermanentFetchError, match=r"blocked: intranet.test is a non-public address \(10.1.2.3\)"):
            fetch(client, f"http://intranet.test:{server.port}/page", max_bytes=100_000, timeout=5,
                  guard=HostGuard([], resolver=resolver))
        # The system resolves localhost to 127.0.0.1, where nothing listens on this port: the
        # fetch only succeeds because the connection goes to the address the guard checked.
        response = fetch(client, f"http://localhost:{server.port}/page", max_bytes=100_000, timeout=5,
                         guard=HostGuard(["127.0.0.0/8"], resolver=resolver))
    assert response.content == page
    assert asked.count("localhost") == 1  # checked and connected on one answer: no rebinding window
    assert "10.1.2.3" not in loopback_only.attempts and "127.0.0.2" in loopback_only.attempts


def test_trusted_feed_host_cannot_redirect_into_private_space(httpserver: HTTPServer) -> None:
    """`HostGuard(allow).trusting(feed_url)` trusts the feed's own host, not where it bounces to."""
    feed_url = f"http://127.0.0.1:{httpserver.port}/feed.xml"
    httpserver.expect_request("/feed.xml").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    httpserver.expect_request("/ok.xml").respond_with_data(rss([]), content_type="application/rss+xml")
    guard = HostGuard([]).trusting(feed_url)
    with new_client("test", 5) as client:
        assert fetch(client, feed_url.replace("feed.xml", "ok.xml"), max_bytes=100_000, timeout=5, guard=guard).status == 200
        with pytest.raises(PermanentFetchError, match="blocked: 169.254.169.254"):
            fetch(client, feed_url, max_bytes=100_000, timeout=5, guard=guard)
