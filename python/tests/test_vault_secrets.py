"""vault_secrets against vaults made and read by the real `vault` binary."""

import hashlib
import io
import logging
import os
import pickle
import subprocess
import sys
import traceback

import pytest

import vault_secrets
from vault_secrets import Client

from conftest import ALICE_PASS, BOB_PASS, VAULT_BIN, assert_absent

HF = "hf_ZqXv8Rk2mN4pT7wL9sJ3cB6dF1gH5jK0"
WANDB = "wandb-7c1f0e9a4b2d8c6e5f3a1b0c9d8e7f6a"
ROTATED = "hf_rotated_after_the_kernel_started_42"


@pytest.fixture
def alice(cli, monkeypatch):
    """alice's client, unlocking with VAULT_PASSPHRASE (never a prompt)."""
    monkeypatch.setenv("VAULT_PASSPHRASE", ALICE_PASS)
    return Client(prompt=False)


def test_a_secret_the_binary_made_reads_back_masked_until_revealed(cli, alice):
    cli.create("ml-pipeline", "hf-token", HF, "--description", "Hugging Face")
    s = alice.get("hf-token", project="ml-pipeline")
    assert s.reveal() == HF
    assert repr(s) == str(s) == f"{s}" == f"{s:>3}" == "***"
    assert "%s" % s == "***" and "{}".format(s) == "***"
    assert s.name == "hf-token" and s.info.description == "Hugging Face"
    assert s.info.created_by == "alice" and s.info.version == 1
    assert s.info.created_at.tzinfo is not None
    # A log line or a container's repr shows nothing either.
    buf = io.StringIO()
    log = logging.getLogger("vault-secrets-test")
    log.addHandler(logging.StreamHandler(buf))
    log.warning("token is %s / %r", s, [s, {"k": s}])
    assert_absent(HF, buf.getvalue(), repr([s]), repr({"k": s}), repr(s.info))
    assert "***" in buf.getvalue()


def test_a_secret_python_made_reads_back_from_the_binary_and_is_audited_as_alice(cli, alice):
    info = alice.create("wandb-key", WANDB, project="ml-pipeline", description="W&B")
    assert info.name == "wandb-key" and info.env_name == "wandb_key" and info.project == "ml-pipeline"
    assert info.created_by == "alice" and len(info.id) == 32
    assert cli.reveal("ml-pipeline", "wandb-key") == WANDB
    alice.get("wandb-key", project="ml-pipeline")
    events = [(e["user"], e["action"], e.get("project"), e.get("resource"), e["outcome"]) for e in cli.audit()]
    assert events[-3:] == [
        ("alice", "secret create", "ml-pipeline", "wandb-key", "ok"),
        ("alice", "secret reveal", "ml-pipeline", "wandb-key", "ok"),  # the binary's
        ("alice", "secret reveal", "ml-pipeline", "wandb-key", "ok"),  # ours
    ]
    cli.run("audit", "--verify")
    # Nowhere in clear: the vault, its WAL, the session folder, the state; the audit log.
    assert_absent(WANDB, cli.files(), cli.out("audit"), cli.out("audit", "--json"))


def test_list_gives_metadata_only(cli, alice):
    cli.create("ml-pipeline", "hf-token", HF)
    alice.create("wandb-key", WANDB, project="ml-pipeline")
    listed = alice.list(project="ml-pipeline")
    assert sorted(s.name for s in listed) == ["hf-token", "wandb-key"]
    assert all(not hasattr(s, "value") and not hasattr(s, "reveal") for s in listed)
    assert_absent(HF, repr(listed))
    assert_absent(WANDB, repr(listed))
    assert "value='***'" in repr(listed[0])
    # The same ids and versions the binary lists.
    import json
    ours = {s.name: (s.id, s.version) for s in listed}
    theirs = {s["name"]: (s["id"], s["version"]) for s in json.loads(cli.out("secret", "list", "--project", "ml-pipeline", "--json"))}
    assert ours == theirs


def test_update_renames_describes_and_versions(cli, alice):
    alice.create("hf-token", HF, project="ml-pipeline")
    info = alice.update("hf-token", ROTATED, project="ml-pipeline", description="rotated")
    assert info.version == 2 and info.description == "rotated"
    assert cli.reveal("ml-pipeline", "hf-token") == ROTATED
    alice.update("hf-token", project="ml-pipeline", rename="hf-token-2")
    assert alice.get("hf-token-2", project="ml-pipeline").reveal() == ROTATED
    # The binary's history has both versions, and rolls back to the first.
    cli.run("secret", "rollback", "hf-token-2", "--project", "ml-pipeline", "--version", "1")
    assert alice.get("hf-token-2", project="ml-pipeline").reveal() == HF
    with pytest.raises(vault_secrets.UsageError):
        alice.update("hf-token-2", project="ml-pipeline")  # nothing to change


def test_delete_then_not_found(cli, alice):
    alice.create("hf-token", HF, project="ml-pipeline")
    alice.delete("hf-token", project="ml-pipeline")
    with pytest.raises(vault_secrets.NotFound) as e:
        alice.get("hf-token", project="ml-pipeline")
    assert e.value.exit_code == 3 and "hf-token" in str(e.value)
    assert cli.run("secret", "get", "hf-token", "--project", "ml-pipeline", check=False).returncode == 3


def test_errors_carry_the_exit_codes_and_never_the_value(cli, alice):
    alice.create("hf-token", HF, project="ml-pipeline")
    cases = [
        (vault_secrets.AlreadyExists, 4, lambda: alice.create("hf-token", HF, project="ml-pipeline")),
        (vault_secrets.UsageError, 2, lambda: alice.create("bad name!", HF, project="ml-pipeline")),
        (vault_secrets.UsageError, 2, lambda: alice.create("ok-name", HF, project="ml-pipeline", env_name="LD_PRELOAD")),
        (vault_secrets.NotFound, 3, lambda: alice.get("hf-token", project="no-such-project")),
        (vault_secrets.NotFound, 3, lambda: alice.update("missing", HF, project="ml-pipeline")),
    ]
    for cls, code, call in cases:
        with pytest.raises(cls) as e:
            call()
        assert e.value.exit_code == code and isinstance(e.value, vault_secrets.VaultError)
        text = "".join(traceback.format_exception(e.type, e.value, e.tb))
        assert_absent(HF, text, repr(e.value))
    with pytest.raises(TypeError):
        alice.create("num", 12345, project="ml-pipeline")
    # Nothing of the refused calls landed.
    assert [s.name for s in alice.list(project="ml-pipeline")] == ["hf-token"]


def test_a_value_can_be_passed_on_without_revealing_it(cli, alice):
    alice.create("hf-token", HF, project="ml-pipeline")
    cli.run("project", "create", "ml-staging")
    s = alice.get("hf-token", project="ml-pipeline")
    alice.create("hf-token", s, project="ml-staging")
    assert cli.reveal("ml-staging", "hf-token") == HF


def test_a_secret_value_cannot_be_pickled(cli, alice):
    alice.create("hf-token", HF, project="ml-pipeline")
    s = alice.get("hf-token", project="ml-pipeline")
    with pytest.raises(TypeError):
        pickle.dumps(s)
    with pytest.raises(TypeError):
        pickle.dumps(alice.env(project="ml-pipeline"))


def test_env_is_a_dict_for_subprocess_and_is_audited(cli, alice):
    cli.create("ml-pipeline", "hf-token", HF)
    alice.create("wandb-key", WANDB, project="ml-pipeline")
    env = alice.env(project="ml-pipeline")
    assert dict(env) == {"hf_token": HF, "wandb_key": WANDB}
    assert_absent(HF, repr(env), str(env), f"{env}")
    code = "import hashlib, os; print(hashlib.sha256(os.environ['hf_token'].encode()).hexdigest())"
    out = subprocess.run([sys.executable, "-c", code],
                         env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout
    assert out.strip() == hashlib.sha256(HF.encode()).hexdigest()
    last = cli.audit()[-1]
    assert (last["user"], last["action"], last["project"], last["outcome"]) == ("alice", "export reveal", "ml-pipeline", "ok")


def test_env_refuses_a_write_only_secret_as_the_binary_does(cli, alice):
    cli.create("ml-pipeline", "hf-token", HF)
    alice.create("deploy-key", WANDB, project="ml-pipeline", write_only=True)
    with pytest.raises(vault_secrets.VaultError) as e:
        alice.env(project="ml-pipeline")
    p = cli.run("export", "--project", "ml-pipeline", "--reveal", check=False)
    assert e.value.exit_code == p.returncode != 0
    with pytest.raises(vault_secrets.VaultError) as e:
        alice.get("deploy-key", project="ml-pipeline")
    assert e.value.exit_code == cli.run("secret", "get", "deploy-key", "--project", "ml-pipeline", "--reveal", check=False).returncode
    assert_absent(WANDB, str(e.value))


def test_private_secrets(cli, alice):
    alice.create("my-token", HF, private=True)
    assert cli.out("secret", "get", "my-token", "--private", "--reveal") == HF
    assert [s.name for s in alice.list(private=True)] == ["my-token"]


def test_a_viewer_cannot_create_and_a_demoted_editor_is_refused_at_once(cli, alice):
    bob_file = cli.add_user("bob", BOB_PASS)
    cli.run("project", "member", "add", "ml-pipeline", "bob", "--role", "editor")
    alice.create("hf-token", HF, project="ml-pipeline")
    bob = Client(user="bob", passphrase_file=str(bob_file), prompt=False)
    bob.create("bob-key", WANDB, project="ml-pipeline")
    assert bob.get("hf-token", project="ml-pipeline").reveal() == HF
    # Demoted while his process holds his keys: the next call reads the roster again.
    cli.run("project", "member", "add", "ml-pipeline", "bob", "--role", "viewer")
    with pytest.raises(vault_secrets.PermissionDenied) as e:
        bob.create("bob-key-2", WANDB, project="ml-pipeline")
    assert e.value.exit_code == 6
    with pytest.raises(vault_secrets.PermissionDenied):
        bob.delete("hf-token", project="ml-pipeline")
    assert bob.get("hf-token", project="ml-pipeline").reveal() == HF  # a viewer reads
    denied = [e for e in cli.audit() if e["outcome"] == "denied"]
    assert [(e["user"], e["action"]) for e in denied] == [("bob", "secret create"), ("bob", "secret delete")]


def test_a_removed_user_holding_keys_is_refused_at_once(cli, alice):
    bob_file = cli.add_user("bob", BOB_PASS)
    cli.run("project", "member", "add", "ml-pipeline", "bob", "--role", "editor")
    alice.create("hf-token", HF, project="ml-pipeline")
    bob = Client(user="bob", passphrase_file=str(bob_file), prompt=False)
    assert bob.get("hf-token", project="ml-pipeline").reveal() == HF
    bob.create("bob-own", WANDB, private=True)
    assert bob._native.holds_keys
    # Out of the project while his process holds his keys: refused as the binary refuses him.
    cli.run("project", "member", "remove", "ml-pipeline", "bob")
    with pytest.raises(vault_secrets.VaultError) as e:
        bob.get("hf-token", project="ml-pipeline")
    assert e.value.exit_code == cli.run("secret", "get", "hf-token", "--project", "ml-pipeline", "--reveal",
                                        user="bob", passphrase=BOB_PASS, check=False).returncode != 0
    assert bob.get("bob-own", private=True).reveal() == WANDB
    # Removed from the vault: not even his own private secrets.
    cli.run("user", "remove", "bob", "--yes")
    with pytest.raises(vault_secrets.AuthenticationFailed) as e:
        bob.list(private=True)
    assert e.value.exit_code == 5
    with pytest.raises(vault_secrets.AuthenticationFailed):
        bob.create("x-key", WANDB, private=True)


def test_a_session_unlocks_and_vault_lock_ends_it(cli, monkeypatch):
    out = cli.out("unlock")
    token = out.split("'")[1]
    monkeypatch.setenv("VAULT_SESSION", token)
    c = Client(prompt=False)
    c.create("hf-token", HF, project="ml-pipeline")
    assert c.get("hf-token", project="ml-pipeline").reveal() == HF
    assert not c._native.holds_keys  # a session's keys are read from its file each time
    cli.run("lock", passphrase=None, env={"VAULT_SESSION": token})
    with pytest.raises(vault_secrets.AuthenticationFailed):
        c.get("hf-token", project="ml-pipeline")
    assert_absent(HF, cli.files())


def test_passphrase_unlock_is_held_until_lock(cli, alice, monkeypatch):
    alice.create("hf-token", HF, project="ml-pipeline")
    assert alice._native.holds_keys
    # The variable was taken out of the environment; the keys are held: no second KDF, no prompt.
    assert "VAULT_PASSPHRASE" not in os.environ
    assert alice.get("hf-token", project="ml-pipeline").reveal() == HF
    alice.lock()
    assert not alice._native.holds_keys
    with pytest.raises(vault_secrets.AuthenticationFailed) as e:
        alice.get("hf-token", project="ml-pipeline")
    assert e.value.exit_code == 5


def test_getpass_is_asked_once_and_a_wrong_passphrase_fails(cli, monkeypatch):
    cli.create("ml-pipeline", "hf-token", HF)
    asked = []

    def fake_getpass(prompt):
        asked.append(prompt)
        return ALICE_PASS if len(asked) == 1 else "wrong passphrase"

    monkeypatch.setattr(vault_secrets._getpass, "getpass", fake_getpass)
    c = Client()
    assert c.get("hf-token", project="ml-pipeline").reveal() == HF
    assert c.get("hf-token", project="ml-pipeline").reveal() == HF
    assert len(asked) == 1 and "alice" in asked[0]
    c.lock()
    with pytest.raises(vault_secrets.AuthenticationFailed) as e:
        c.get("hf-token", project="ml-pipeline")
    assert len(asked) == 2 and e.value.exit_code == 5
    assert_absent(ALICE_PASS, str(e.value))
    # prompt=False never asks.
    with pytest.raises(vault_secrets.AuthenticationFailed):
        Client(prompt=False).get("hf-token", project="ml-pipeline")
    assert len(asked) == 2


def test_a_passphrase_file_and_a_wrong_one(cli):
    cli.create("ml-pipeline", "hf-token", HF)
    good = cli.scratch / "alice.pass"
    good.write_text(ALICE_PASS + "\n")
    bad = cli.scratch / "bad.pass"
    bad.write_text("not her passphrase\n")
    assert Client(passphrase_file=str(good), prompt=False).get("hf-token", project="ml-pipeline").reveal() == HF
    with pytest.raises(vault_secrets.AuthenticationFailed):
        Client(passphrase_file=str(bad), prompt=False).get("hf-token", project="ml-pipeline")
    failed = cli.audit()[-1]
    assert (failed["action"], failed["outcome"]) == ("unlock", "failed (exit 5)") or failed["outcome"].startswith("failed")


def test_module_level_functions_use_the_configured_client(cli, monkeypatch):
    monkeypatch.setenv("VAULT_PASSPHRASE", ALICE_PASS)
    vault_secrets.configure(prompt=False)
    vault_secrets.create("hf-token", HF, project="ml-pipeline", description="HF")
    assert vault_secrets.get("hf-token", project="ml-pipeline").reveal() == HF
    assert [s.name for s in vault_secrets.list(project="ml-pipeline")] == ["hf-token"]
    vault_secrets.update("hf-token", ROTATED, project="ml-pipeline")
    assert dict(vault_secrets.env(project="ml-pipeline")) == {"hf_token": ROTATED}
    vault_secrets.delete("hf-token", project="ml-pipeline")
    assert vault_secrets.list(project="ml-pipeline") == []
    vault_secrets.lock()


def test_no_subprocess_is_started(cli, alice, monkeypatch):
    """Values never go through a child process: the package is the library, not a CLI wrapper."""
    def refuse(*a, **k):
        raise AssertionError("vault_secrets started a process")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(os, "posix_spawn", refuse, raising=False)
    monkeypatch.setattr(os, "fork", refuse)
    monkeypatch.setenv("PATH", "")
    alice.create("hf-token", HF, project="ml-pipeline")
    assert alice.get("hf-token", project="ml-pipeline").reveal() == HF


def test_a_new_user_cannot_read_what_is_not_shared_with_them(cli, alice):
    bob_file = cli.add_user("bob", BOB_PASS)
    alice.create("hf-token", HF, project="ml-pipeline")
    bob = Client(user="bob", passphrase_file=str(bob_file), prompt=False)
    with pytest.raises(vault_secrets.VaultError) as e:
        bob.get("hf-token", project="ml-pipeline")
    assert e.value.exit_code in (3, 6)
    assert e.value.exit_code == cli.run("secret", "get", "hf-token", "--project", "ml-pipeline", "--reveal",
                                        user="bob", passphrase=BOB_PASS, check=False).returncode


def test_the_credentials_are_taken_out_of_the_environment(cli, monkeypatch):
    """As the command line does: a program started with env={**os.environ, ...} gets neither
    the passphrase nor the session token."""
    token = cli.out("unlock").split("'")[1]
    monkeypatch.setenv("VAULT_SESSION", token)
    monkeypatch.setenv("VAULT_PASSPHRASE", ALICE_PASS)
    c = Client(prompt=False)
    assert "VAULT_SESSION" not in os.environ and "VAULT_PASSPHRASE" not in os.environ
    c.create("hf-token", HF, project="ml-pipeline")
    env = c.env(project="ml-pipeline")
    code = "import os; print(sorted(k for k in os.environ if k in ('VAULT_SESSION', 'VAULT_PASSPHRASE')))"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"
    # A second client still unlocks with what the first one took.
    assert Client(prompt=False).get("hf-token", project="ml-pipeline").reveal() == HF


def test_no_terminal_means_no_prompt_and_stdin_is_left_alone(cli):
    """Without a terminal or Jupyter, a missing passphrase is AuthenticationFailed at once:
    getpass would otherwise read (or wait for) a line of the program's own stdin."""
    cli.create("ml-pipeline", "hf-token", HF)
    script = (
        "import sys, vault_secrets\n"
        "try:\n"
        "    vault_secrets.get('hf-token', project='ml-pipeline')\n"
        "except vault_secrets.AuthenticationFailed as e:\n"
        "    print('refused', e.exit_code)\n"
        "print('stdin:', sys.stdin.read().strip())\n"
    )
    p = subprocess.run([sys.executable, "-c", script], input="the program's own input\n", capture_output=True,
                       text=True, start_new_session=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == ["refused 5", "stdin: the program's own input"]
    assert "the program's own input" not in str(cli.audit())


def test_concurrent_clients_never_share_a_session_memo(cli, monkeypatch):
    """alice on a session and bob on his passphrase, in two threads of one process: nothing of
    bob's (his unwrapped project key, his checks) is saved into alice's session file."""
    import threading
    bob_file = cli.add_user("bob", BOB_PASS)
    cli.run("project", "create", "bob-project", user="bob", passphrase=BOB_PASS)
    cli.create("ml-pipeline", "hf-token", HF)
    cli.run("secret", "create", "bob-key", "--project", "bob-project", input=WANDB, user="bob", passphrase=BOB_PASS)
    token = cli.out("unlock").split("'")[1]
    monkeypatch.setenv("VAULT_SESSION", token)
    alice = Client(prompt=False)
    monkeypatch.delenv("VAULT_SESSION", raising=False)
    for _ in range(5):
        alice.get("hf-token", project="ml-pipeline")
    session_dir = cli.home / "run" / "vault"
    sizes = lambda: {p.name: p.stat().st_size for p in session_dir.iterdir() if p.is_file()}
    alone = sizes()
    vault_secrets._taken.clear()
    bob = Client(user="bob", passphrase_file=str(bob_file), prompt=False)
    stop = threading.Event()

    def bob_loop():
        while not stop.is_set():
            assert dict(bob.env(project="bob-project")) == {"bob_key": WANDB}

    t = threading.Thread(target=bob_loop)
    t.start()
    try:
        for _ in range(40):
            assert alice.get("hf-token", project="ml-pipeline").reveal() == HF
    finally:
        stop.set()
        t.join()
    assert sizes() == alone
