"""Fixtures for the vault_secrets tests: a throwaway home per test, a vault made by the real
`vault` binary (VAULT_BIN, default ../target/debug/vault), and the binary itself for the
other side of each round trip.

Every test gets a clean environment: its own HOME and XDG folders (the session folder at
0700), VAULT_PATH and VAULT_USER=alice, and none of the caller's VAULT_* variables, so the
package and the binary see the same vault and nothing of the machine running the tests."""

import os
import pathlib
import subprocess
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
VAULT_BIN = os.environ.get("VAULT_BIN") or str(ROOT / "target" / "debug" / "vault")
ALICE_PASS = "correct horse battery staple 7f3a"
BOB_PASS = "bob's own passphrase, long enough 91"


class Cli:
    """The real binary acting on the test's vault."""

    def __init__(self, home, scratch, database=None):
        self.home = home
        self.scratch = scratch
        self.database = database

    def run(self, *args, input=None, user="alice", passphrase=ALICE_PASS, check=True, env=None):
        e = dict(os.environ)
        e["VAULT_USER"] = user
        e.pop("VAULT_PASSPHRASE", None)
        if passphrase is not None:
            e["VAULT_PASSPHRASE"] = passphrase
        e.update(env or {})
        if isinstance(input, str):
            input = input.encode()
        # A new session: no controlling terminal, so nothing can wait on a prompt.
        p = subprocess.run([VAULT_BIN, *args], input=input if input is not None else b"",
                           capture_output=True, env=e, start_new_session=True, timeout=60)
        if check and p.returncode != 0:
            raise AssertionError(f"vault {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
        return p

    def out(self, *args, **kw):
        return self.run(*args, **kw).stdout.decode()

    def create(self, project, name, value, *extra):
        self.run("secret", "create", name, "--project", project, *extra, input=value)

    def reveal(self, project, name, **kw):
        return self.out("secret", "get", name, "--project", project, "--reveal", **kw)

    def audit(self):
        import json
        return json.loads(self.out("audit", "--json"))

    def add_user(self, name, passphrase, admin=False):
        f = self.scratch / f"{name}.pass"
        f.write_text(passphrase)
        self.run("user", "add", name, "--new-passphrase-file", str(f), *(["--admin"] if admin else []))
        # Their first unlock makes their keys.
        self.run("project", "list", user=name, passphrase=passphrase)
        return f

    def files(self):
        """Every file under the test's home, as bytes: the vault, its WAL, sessions, state; on
        PostgreSQL, the database's whole dump too."""
        found = {p: p.read_bytes() for p in self.home.rglob("*") if p.is_file()}
        if self.database:
            found["pg_dump"] = subprocess.run(["pg_dump", self.database], capture_output=True, check=True).stdout
        return found


def new_database():
    """A fresh database on the test server (`VAULT_TEST_PG`, its admin URL as `.ci/pg-server
    start` prints it), or a skip outside CI when there is none; CI always has one."""
    admin = os.environ.get("VAULT_TEST_PG")
    if not admin:
        assert not os.environ.get("CI"), "CI must run the PostgreSQL tests: set VAULT_TEST_PG"
        pytest.skip("VAULT_TEST_PG is not set: no PostgreSQL server to test against")
    name = f"py_{os.getpid()}_{time.time_ns()}"
    for _ in range(50):  # CREATE DATABASE fails while another copy of template1 is under way
        if subprocess.run(["psql", "-q", admin, "-c", f"CREATE DATABASE {name}"], capture_output=True).returncode == 0:
            return admin.rsplit("/", 1)[0] + "/" + name
        time.sleep(0.1)
    raise AssertionError(f"cannot create database {name} on {admin}")


@pytest.fixture(params=["file", "postgres"])
def cli(request, tmp_path, monkeypatch):
    """A vault (alice its admin, project ml-pipeline), as a file or as a PostgreSQL database."""
    location = None if request.param == "file" else new_database()
    home = tmp_path / "home"
    scratch = tmp_path / "scratch"
    home.mkdir()
    scratch.mkdir()
    run = home / "run"
    run.mkdir(mode=0o700)
    for k in list(os.environ):
        if k.startswith("VAULT_") and k not in ("VAULT_BIN", "VAULT_TEST_PG"):
            monkeypatch.delenv(k)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("VAULT_PATH", location or str(home / "vault" / "vault.db"))
    monkeypatch.setenv("VAULT_USER", "alice")
    # The package's process-wide state: what it took from the environment, the default client.
    import vault_secrets
    vault_secrets._taken.clear()
    vault_secrets._default = None
    c = Cli(home, scratch, location)
    c.run("init", "--user", "alice", "--kdf-memory", "8", "--kdf-iterations", "1")
    c.run("project", "create", "ml-pipeline")
    return c


def assert_absent(value, *places):
    """`value` is in none of `places` (str, bytes, or {path: bytes}), as it is or in hex (as
    pg_dump writes a bytea)."""
    raw = value.encode() if isinstance(value, str) else value
    for needle in (raw, raw.hex().encode()):
        for place in places:
            if isinstance(place, dict):
                for path, data in place.items():
                    assert needle not in data, f"the value is in {path}"
            else:
                data = place.encode() if isinstance(place, str) else place
                assert needle not in data, f"the value is in {data[:200]!r}..."
