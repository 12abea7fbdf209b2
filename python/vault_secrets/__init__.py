"""Secrets from a `vault` for Python code and notebooks.

    import vault_secrets

    token = vault_secrets.get("hf-token", project="ml-pipeline")
    token                  # shows *** (so does print(token), a log line, an f-string)
    login(token.reveal())  # the plain string, only when asked for

    vault_secrets.create("wandb-key", key, project="ml-pipeline", description="W&B")
    vault_secrets.list(project="ml-pipeline")        # metadata; values stay ***
    subprocess.run(cmd, env={**os.environ, **vault_secrets.env(project="ml-pipeline")})

Every call is a `vault` command run in this process by the vault library itself (built with
PyO3): the same file or database, the same crypto, the same permission checks and the same
audit events (`secret reveal`, `secret create`, ...) as the command line. Nothing shells out.

Unlocking follows the command line's order: a session (`VAULT_SESSION`, from
`eval "$(vault unlock)"`), then `passphrase_file=`, then `VAULT_PASSPHRASE`, then a prompt
through `getpass` (in Jupyter, a password box; on a terminal, hidden input; with neither,
`AuthenticationFailed`, never a line of stdin). Like the command line, the first client takes
`VAULT_SESSION` and `VAULT_PASSPHRASE` out of `os.environ`, so programs this process starts do
not inherit them. After a passphrase unlock the process keeps the user's keys in memory, so the
next call does not ask again; `lock()` forgets them. Roles are read from the vault's signed
roster at every call: a user removed or demoted is refused at once.

Errors are exceptions carrying the command line's exit code: `UsageError` (2), `NotFound` (3),
`AlreadyExists` (4), `AuthenticationFailed` (5), `PermissionDenied` (6), `Tampered` (7),
`ProviderError` (8), all subclasses of `VaultError` (1).
"""

import datetime as _datetime
import getpass as _getpass
import json as _json
import os as _os
import threading as _threading

from . import _native

__all__ = [
    "Client",
    "Secret",
    "SecretInfo",
    "Env",
    "VaultError",
    "UsageError",
    "NotFound",
    "AlreadyExists",
    "AuthenticationFailed",
    "PermissionDenied",
    "Tampered",
    "ProviderError",
    "configure",
    "get",
    "list",
    "create",
    "update",
    "delete",
    "env",
    "lock",
]

MASK = "***"


class VaultError(Exception):
    """A vault error. `exit_code` is the command line's exit code for it."""

    exit_code = 1

    def __init__(self, message, exit_code=None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(VaultError):
    """Bad arguments: an invalid name, nothing to change (exit code 2)."""

    exit_code = 2


class NotFound(VaultError):
    """No such vault, project or secret (exit code 3)."""

    exit_code = 3


class AlreadyExists(VaultError):
    """The name is taken (exit code 4)."""

    exit_code = 4


class AuthenticationFailed(VaultError):
    """Wrong passphrase, unknown user, a locked or expired session, no passphrase (exit code 5)."""

    exit_code = 5


class PermissionDenied(VaultError):
    """The acting user lacks the role (exit code 6)."""

    exit_code = 6


class Tampered(VaultError):
    """The vault was damaged, edited or rolled back (exit code 7)."""

    exit_code = 7


class ProviderError(VaultError):
    """The OpenBao / Vault server holding the value is unreachable or refused (exit code 8)."""

    exit_code = 8


_BY_CODE = {c.exit_code: c for c in (UsageError, NotFound, AlreadyExists, AuthenticationFailed,
                                      PermissionDenied, Tampered, ProviderError)}


def _error(native):
    code, message, _no_passphrase = native.args
    return _BY_CODE.get(code, VaultError)(message, code)


def _time(text):
    return _datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=_datetime.timezone.utc)


class Secret:
    """A secret's value. `repr()`, `str()` and formatting show `***`; `.reveal()` gives the
    plain string. It cannot be pickled (that would write the value out)."""

    __slots__ = ("_value", "info")

    def __init__(self, value, info):
        self._value = value
        self.info = info

    def reveal(self):
        """The value as a plain `str`."""
        return self._value

    @property
    def name(self):
        return self.info.name

    def __repr__(self):
        return MASK

    __str__ = __repr__

    def __format__(self, spec):
        return format(MASK, spec)

    def _repr_pretty_(self, p, cycle):
        p.text(MASK)

    def __reduce__(self):
        raise TypeError("a vault_secrets.Secret cannot be pickled: call .reveal() explicitly")

    def __getstate__(self):
        raise TypeError("a vault_secrets.Secret has no state to give: call .reveal() explicitly")

    def __eq__(self, other):
        if isinstance(other, Secret):
            return self._value == other._value
        return NotImplemented

    __hash__ = None


class SecretInfo:
    """A secret's metadata, as `vault secret list --json` prints it; never its value."""

    __slots__ = ("id", "name", "env_name", "project", "description", "version", "write_only",
                 "provider", "created_by", "created_at", "modified_by", "modified_at",
                 "shared_with", "shared_from", "accepted_as")

    def __init__(self, d):
        for k in self.__slots__:
            setattr(self, k, d.get(k))
        self.created_at = _time(d["created_at"])
        self.modified_at = _time(d["modified_at"])

    def __repr__(self):
        return (f"SecretInfo(name={self.name!r}, project={self.project!r}, value={MASK!r}, "
                f"version={self.version}, created_by={self.created_by!r})")

    def _repr_pretty_(self, p, cycle):
        p.text(repr(self))


class Env(dict):
    """Env name -> value, for `subprocess` (`env={**os.environ, **env}`). Its repr and str
    are masked; it is a plain dict otherwise, so `env.values()`, `dict(env)` or
    `json.dumps(env)` hold the values."""

    def __repr__(self):
        return "{" + ", ".join(f"{k!r}: {MASK!r}" for k in self) + "}"

    __str__ = __repr__

    def _repr_pretty_(self, p, cycle):
        p.text(repr(self))

    def __reduce__(self):
        raise TypeError("a vault_secrets.Env cannot be pickled")


# VAULT_SESSION and VAULT_PASSPHRASE, taken out of os.environ at the first Client, as the
# command line takes them out of its own: the programs this process starts (subprocess with
# env={**os.environ, ...}, a notebook's shell commands) do not inherit them.
_taken = {}
_taken_lock = _threading.Lock()


def _take_env():
    with _taken_lock:
        for k in ("VAULT_SESSION", "VAULT_PASSPHRASE"):
            v = _os.environ.pop(k, None)
            if v:
                _taken[k] = v
        return _taken.get("VAULT_SESSION"), _taken.get("VAULT_PASSPHRASE")


def _forget_env_passphrase():
    with _taken_lock:
        _taken.pop("VAULT_PASSPHRASE", None)


_STDLIB_GETPASS = tuple(f for f in (getattr(_getpass, n, None) for n in ("unix_getpass", "win_getpass", "fallback_getpass"))
                        if f is not None)


def _can_prompt():
    """Whether a getpass prompt can reach a person: a replaced getpass (Jupyter's password
    box), or a terminal. Never a line read from stdin, which belongs to the program."""
    if _getpass.getpass not in _STDLIB_GETPASS:
        return True
    try:
        fd = _os.open("/dev/tty", _os.O_RDWR | getattr(_os, "O_NOCTTY", 0))
    except OSError:
        return False
    _os.close(fd)
    return True


class Client:
    """The acting user on one vault. `vault` defaults to `VAULT_PATH`, the config file, then
    the default path; `user` to `VAULT_USER`, the config file, then the OS user. With
    `prompt=False` a missing passphrase is `AuthenticationFailed` instead of a getpass prompt."""

    def __init__(self, vault=None, user=None, passphrase_file=None, prompt=True):
        session, passphrase = _take_env()
        try:
            self._native = _native.Client(vault, user, passphrase_file, session,
                                          None if passphrase is None else passphrase.encode())
        except _native.NativeError as e:
            raise _error(e) from None
        self._prompt = prompt
        self._lock = _threading.Lock()

    @property
    def user(self):
        return self._native.user

    def _call(self, method, *args, **kwargs):
        with self._lock:
            try:
                return method(*args, **kwargs)
            except _native.NativeError as e:
                if not (self._prompt and e.args[2] and _can_prompt()):
                    raise _error(e) from None
            # No session, passphrase file or VAULT_PASSPHRASE: ask, once.
            passphrase = _getpass.getpass(f"Passphrase for {self._native.user} ({self._native.location}): ")
            self._native.give_passphrase(passphrase.encode())
            del passphrase
            try:
                return method(*args, **kwargs)
            except _native.NativeError as e:
                raise _error(e) from None

    def get(self, name, project=None, private=False):
        """The secret `name` (`vault secret get --reveal`, recorded as `secret reveal`)."""
        meta, value = self._call(self._native.get, name, project, private)
        return Secret(value, SecretInfo(_json.loads(meta)))

    def list(self, project=None, private=False):
        """The project's secrets' metadata (values are never included)."""
        return [SecretInfo(d) for d in _json.loads(self._call(self._native.list, project, private))]

    def create(self, name, value, project=None, description="", private=False, env_name=None,
               write_only=False):
        """Creates a secret (`vault secret create`); returns its metadata."""
        meta = self._call(self._native.create, name, _bytes(value), project, private, description,
                          env_name, write_only)
        return SecretInfo(_json.loads(meta))

    def update(self, name, value=None, project=None, description=None, rename=None, env_name=None,
               private=False):
        """Changes a secret (`vault secret edit`): a new value is a new version."""
        meta = self._call(self._native.update, name, project, private,
                          None if value is None else _bytes(value), description, rename, env_name)
        return SecretInfo(_json.loads(meta))

    def delete(self, name, project=None, private=False):
        """Deletes a secret and all its versions (`vault secret delete --yes`)."""
        self._call(self._native.delete, name, project, private)

    def env(self, project=None, private=False):
        """The project's secrets as env name -> value, as `vault export --reveal` hands them out
        (recorded as `export reveal`)."""
        return Env(self._call(self._native.env, project, private))

    def lock(self):
        """Forgets the keys held since a passphrase unlock and the passphrase taken from
        `VAULT_PASSPHRASE` (for every client of this process): the next call needs a session,
        the passphrase file or the prompt."""
        _forget_env_passphrase()
        with self._lock:
            self._native.lock()


def _bytes(value):
    if isinstance(value, Secret):
        value = value.reveal()
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    raise TypeError(f"a secret value is a str, not {type(value).__name__}")


_default = None
_default_lock = _threading.Lock()


def configure(vault=None, user=None, passphrase_file=None, prompt=True):
    """Sets the vault, user and unlock options the module-level functions use."""
    global _default
    with _default_lock:
        _default = Client(vault, user, passphrase_file, prompt)
    return _default


def _client():
    global _default
    with _default_lock:
        if _default is None:
            _default = Client()
        return _default


def get(name, project=None, private=False):
    return _client().get(name, project, private)


def list(project=None, private=False):  # noqa: A001 (the API's name)
    return _client().list(project, private)


def create(name, value, project=None, description="", private=False, env_name=None, write_only=False):
    return _client().create(name, value, project, description, private, env_name, write_only)


def update(name, value=None, project=None, description=None, rename=None, env_name=None, private=False):
    return _client().update(name, value, project, description, rename, env_name, private)


def delete(name, project=None, private=False):
    return _client().delete(name, project, private)


def env(project=None, private=False):
    return _client().env(project, private)


def lock():
    """Forgets the keys the default client holds and the passphrase taken from
    `VAULT_PASSPHRASE`."""
    _forget_env_passphrase()
    if _default is not None:
        _default.lock()


for _f in (get, list, create, update, delete, env):
    _f.__doc__ = getattr(Client, _f.__name__).__doc__
del _f
