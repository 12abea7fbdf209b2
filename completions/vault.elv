
use builtin;
use str;

set edit:completion:arg-completer[vault] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'vault'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'vault'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a new vault file; its first user becomes the vault admin'
            cand status 'Show the vault file, the acting user and the session'
            cand unlock 'Unlock once and print a session token for scripts: eval "$(vault unlock)"'
            cand lock 'End the session named by VAULT_SESSION'
            cand passwd 'Change the acting user''s passphrase (and KDF cost); re-seals one row'
            cand project 'Create, list, show, edit, clone and delete projects'
            cand secret 'Create, list, show, get, edit, clone, delete secrets; history and rollback'
            cand user 'Add, list and remove users; make vault admins (vault admin)'
            cand community 'Communities: groups of projects that share secrets'
            cand audit 'Who did what, when (never values); --verify checks the MAC chain'
            cand provider 'OpenBao / HashiCorp Vault servers that keep secret values (KV v2)'
            cand run 'Run a program with a project''s secrets as env vars, its output masked'
            cand import 'Import secrets from a dotenv or JSON file (all or nothing)'
            cand export 'Export a project''s secrets as dotenv, JSON or shell (masked unless --reveal)'
            cand inject 'Render a template with {{ vault://PROJECT/SECRET }} references to stdout or a 0600 file'
            cand scan 'Find your secrets'' values (and their encodings) in files, folders or git history'
            cand migrate 'Copy the whole vault into another store (a file into PostgreSQL, or back), checked'
            cand completions 'Print a shell completion script'
            cand man 'Write man pages (vault.1 and one per subcommand) into DIR'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;init'= {
            cand --kdf-memory 'Argon2id memory in MiB (floor 8) [default: 256]'
            cand --kdf-iterations 'Argon2id passes (floor 1) [default: 3]'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;status'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;unlock'= {
            cand --ttl 'How long the session lasts: 30s, 15m, 2h, 1d (at most 30d)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;lock'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;passwd'= {
            cand --new-passphrase-file 'Read the new passphrase from FILE instead of a prompt'
            cand --kdf-memory 'Argon2id memory in MiB (floor 8) [default: 256]'
            cand --kdf-iterations 'Argon2id passes (floor 1) [default: 3]'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a project; you become its owner'
            cand list 'List the projects you are a member of'
            cand show 'Show a project: metadata, members, number of secrets'
            cand edit 'Rename a project or change its description (owner)'
            cand member 'Add, remove and list a project''s members (owner manages)'
            cand clone 'Copy a project''s secrets into a new project (new ids and keys; history not copied)'
            cand delete 'Delete a project and every secret in it (owner)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;project;create'= {
            cand --description 'What the project is for (stored in clear)'
            cand --community 'Community the project belongs to (you must be a member)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project;list'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project;show'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project;edit'= {
            cand --rename 'New name'
            cand --description 'New description'
            cand --community 'Move the project into community C (you must be a member)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --no-community 'Take the project out of its community'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project;member'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Grant a user a role in the project (owner); the project key is wrapped to them'
            cand remove 'Remove a member (owner) and rotate the project''s keys'
            cand list 'List members and roles'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;project;member;add'= {
            cand --role 'Role'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'vault;project;member;remove'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project;member;list'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project;member;help'= {
            cand add 'Grant a user a role in the project (owner); the project key is wrapped to them'
            cand remove 'Remove a member (owner) and rotate the project''s keys'
            cand list 'List members and roles'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;project;member;help;add'= {
        }
        &'vault;project;member;help;remove'= {
        }
        &'vault;project;member;help;list'= {
        }
        &'vault;project;member;help;help'= {
        }
        &'vault;project;clone'= {
            cand --name 'Name of the new project'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project;delete'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --yes 'Do not ask; required without a terminal'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;project;help'= {
            cand create 'Create a project; you become its owner'
            cand list 'List the projects you are a member of'
            cand show 'Show a project: metadata, members, number of secrets'
            cand edit 'Rename a project or change its description (owner)'
            cand member 'Add, remove and list a project''s members (owner manages)'
            cand clone 'Copy a project''s secrets into a new project (new ids and keys; history not copied)'
            cand delete 'Delete a project and every secret in it (owner)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;project;help;create'= {
        }
        &'vault;project;help;list'= {
        }
        &'vault;project;help;show'= {
        }
        &'vault;project;help;edit'= {
        }
        &'vault;project;help;member'= {
            cand add 'Grant a user a role in the project (owner); the project key is wrapped to them'
            cand remove 'Remove a member (owner) and rotate the project''s keys'
            cand list 'List members and roles'
        }
        &'vault;project;help;member;add'= {
        }
        &'vault;project;help;member;remove'= {
        }
        &'vault;project;help;member;list'= {
        }
        &'vault;project;help;clone'= {
        }
        &'vault;project;help;delete'= {
        }
        &'vault;project;help;help'= {
        }
        &'vault;secret'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a secret; the value comes from stdin, a hidden prompt or --from-file'
            cand list 'List secrets with values masked as *** (or shown with --reveal)'
            cand show 'Show a secret''s metadata, its value as ***, and code that reads it'
            cand get 'Print a secret''s bare value for scripts (*** unless --reveal)'
            cand edit 'Rename a secret, change its description or env name, or give it a new value'
            cand clone 'Copy a secret into another project as an independent secret (new id, new key)'
            cand delete 'Delete a secret and all its versions'
            cand share 'Share a secret with its project''s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs'
            cand unshare 'Stop sharing a secret (community admin); its data key is rotated'
            cand accept 'Let a secret shared into this project''s community reach this project''s programs (owner or editor), under an env name you choose now'
            cand unaccept 'Withdraw a project''s acceptance of a shared secret (owner or editor)'
            cand history 'List a secret''s versions: number, time, author (values stay masked)'
            cand rollback 'Write a new version holding an older version''s value'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;secret;create'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --description 'What it is (stored in clear)'
            cand --env-name 'Environment variable name for `vault run`, taken as given [default: the name, each ''-'' made ''_'']'
            cand --from-file 'Read the value from FILE'
            cand --provider 'Keep the value in this provider (OpenBao / Vault KV v2) instead of the vault file'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --write-only 'Make it write-only: it reaches programs through `vault run` but nobody, you included, can reveal, get, export or clone it. Cannot be undone'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;list'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --reveal 'Show values instead of ***'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;show'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --reveal 'Show the value instead of ***'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;get'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --reveal 'Print the value instead of ***'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;edit'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --rename 'New name'
            cand --description 'New description'
            cand --env-name 'New env var name'
            cand --from-file 'Read a new value from FILE'
            cand --provider 'Move the value (every version) from the vault file to this provider'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --value-stdin 'Read a new value from stdin (or a hidden prompt on a terminal)'
            cand --write-only 'Make it write-only: it reaches programs through `vault run` but nobody, you included, can reveal, get, export or clone it. Cannot be undone'
            cand --local 'Move the value (every version) from its provider back into the vault file'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;clone'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --to-project 'Target project'
            cand --name 'Name in the target [default: the same name]'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --to-private 'Copy into your private secrets'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;delete'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --yes 'Do not ask; required without a terminal'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;share'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --community 'Community [default: the project''s community]'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --provider-token 'For a secret kept in a provider: hand the community the provider''s token with it'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;unshare'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --community 'Community [default: the project''s community]'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;accept'= {
            cand -p 'The receiving project'
            cand --project 'The receiving project'
            cand --from 'Its home project, when several share a secret of that name'
            cand --env-name 'Env var name it gets here [default: its env name at home]'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;unaccept'= {
            cand -p 'The receiving project'
            cand --project 'The receiving project'
            cand --from 'Its home project, when several share a secret of that name'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;history'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;rollback'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --version 'The version whose value becomes current again'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;secret;help'= {
            cand create 'Create a secret; the value comes from stdin, a hidden prompt or --from-file'
            cand list 'List secrets with values masked as *** (or shown with --reveal)'
            cand show 'Show a secret''s metadata, its value as ***, and code that reads it'
            cand get 'Print a secret''s bare value for scripts (*** unless --reveal)'
            cand edit 'Rename a secret, change its description or env name, or give it a new value'
            cand clone 'Copy a secret into another project as an independent secret (new id, new key)'
            cand delete 'Delete a secret and all its versions'
            cand share 'Share a secret with its project''s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs'
            cand unshare 'Stop sharing a secret (community admin); its data key is rotated'
            cand accept 'Let a secret shared into this project''s community reach this project''s programs (owner or editor), under an env name you choose now'
            cand unaccept 'Withdraw a project''s acceptance of a shared secret (owner or editor)'
            cand history 'List a secret''s versions: number, time, author (values stay masked)'
            cand rollback 'Write a new version holding an older version''s value'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;secret;help;create'= {
        }
        &'vault;secret;help;list'= {
        }
        &'vault;secret;help;show'= {
        }
        &'vault;secret;help;get'= {
        }
        &'vault;secret;help;edit'= {
        }
        &'vault;secret;help;clone'= {
        }
        &'vault;secret;help;delete'= {
        }
        &'vault;secret;help;share'= {
        }
        &'vault;secret;help;unshare'= {
        }
        &'vault;secret;help;accept'= {
        }
        &'vault;secret;help;unaccept'= {
        }
        &'vault;secret;help;history'= {
        }
        &'vault;secret;help;rollback'= {
        }
        &'vault;secret;help;help'= {
        }
        &'vault;user'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a user (vault admin). They choose their own keys at their first unlock'
            cand list 'List users: role, status, key fingerprint'
            cand remove 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted'
            cand role 'Make a user a vault admin or not (vault admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;user;add'= {
            cand --new-passphrase-file 'Read the new user''s first passphrase from FILE instead of a prompt'
            cand --kdf-memory 'Argon2id memory in MiB (floor 8) [default: 256]'
            cand --kdf-iterations 'Argon2id passes (floor 1) [default: 3]'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --admin 'Make them a vault admin too'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;user;list'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;user;remove'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --yes 'Do not ask; required without a terminal'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;user;role'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --admin 'Grant the vault admin role'
            cand --no-admin 'Take the vault admin role away'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;user;help'= {
            cand add 'Add a user (vault admin). They choose their own keys at their first unlock'
            cand list 'List users: role, status, key fingerprint'
            cand remove 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted'
            cand role 'Make a user a vault admin or not (vault admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;user;help;add'= {
        }
        &'vault;user;help;list'= {
        }
        &'vault;user;help;remove'= {
        }
        &'vault;user;help;role'= {
        }
        &'vault;user;help;help'= {
        }
        &'vault;community'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a community; you become its first admin'
            cand list 'List communities'
            cand show 'Show a community: its projects, members and shared secrets (members only)'
            cand edit 'Rename a community or change its description (community admin)'
            cand delete 'Delete a community (community admin): its shares end and its projects leave it'
            cand member 'Add, remove and list members (community admins manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;community;create'= {
            cand --description 'What it is for (stored in clear)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;community;list'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;community;show'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;community;edit'= {
            cand --rename 'New name'
            cand --description 'New description'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;community;delete'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --yes 'Do not ask; required without a terminal'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;community;member'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a member, or change their admin flag (community admin)'
            cand remove 'Remove a member (community admin); the community key is rotated'
            cand list 'List members'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;community;member;add'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --admin 'Make them a community admin (they can share secrets and manage members)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;community;member;remove'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;community;member;list'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;community;member;help'= {
            cand add 'Add a member, or change their admin flag (community admin)'
            cand remove 'Remove a member (community admin); the community key is rotated'
            cand list 'List members'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;community;member;help;add'= {
        }
        &'vault;community;member;help;remove'= {
        }
        &'vault;community;member;help;list'= {
        }
        &'vault;community;member;help;help'= {
        }
        &'vault;community;help'= {
            cand create 'Create a community; you become its first admin'
            cand list 'List communities'
            cand show 'Show a community: its projects, members and shared secrets (members only)'
            cand edit 'Rename a community or change its description (community admin)'
            cand delete 'Delete a community (community admin): its shares end and its projects leave it'
            cand member 'Add, remove and list members (community admins manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;community;help;create'= {
        }
        &'vault;community;help;list'= {
        }
        &'vault;community;help;show'= {
        }
        &'vault;community;help;edit'= {
        }
        &'vault;community;help;delete'= {
        }
        &'vault;community;help;member'= {
            cand add 'Add a member, or change their admin flag (community admin)'
            cand remove 'Remove a member (community admin); the community key is rotated'
            cand list 'List members'
        }
        &'vault;community;help;member;add'= {
        }
        &'vault;community;help;member;remove'= {
        }
        &'vault;community;help;member;list'= {
        }
        &'vault;community;help;help'= {
        }
        &'vault;audit'= {
            cand --since 'Only events at or after T (RFC 3339 time or YYYY-MM-DD, UTC)'
            cand --by 'Only events by user U'
            cand --project 'Only events in project P'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --verify 'Check the MAC chain; exit 7 if an event was removed or edited'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;provider'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)'
            cand list 'List providers: kind, address, mount and whether each answers (never the token)'
            cand check 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)'
            cand rotate-token 'Replace a provider''s token (vault admin): checked against the server, then every sealed copy re-sealed'
            cand remove 'Remove a provider (vault admin); refused while secrets keep their values there'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;provider;add'= {
            cand --kind 'What kind of server it is (openbao: OpenBao, or HashiCorp Vault, the same KV v2 API)'
            cand --address 'Server address, e.g. https://bao.example.com:8200; repeat it (or separate with commas) for the nodes of a cluster, tried in that order'
            cand --token-file 'Read the token from FILE (one trailing newline is ignored)'
            cand --mount 'KV version 2 mount that keeps the values'
            cand --namespace 'Namespace (sent as X-Vault-Namespace)'
            cand --ca-cert 'Trust only the CA certificates in this PEM file (a private CA)'
            cand --timeout 'Seconds allowed for each request (connecting is capped at 3)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'vault;provider;list'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;provider;check'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;provider;rotate-token'= {
            cand --token-file 'Read the new token from FILE (one trailing newline is ignored)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --drop-unreachable 'Delete the copies you cannot re-seal (projects you are not a member of, other users'' private secrets, shares into communities you do not administer) instead of refusing'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'vault;provider;remove'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;provider;help'= {
            cand add 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)'
            cand list 'List providers: kind, address, mount and whether each answers (never the token)'
            cand check 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)'
            cand rotate-token 'Replace a provider''s token (vault admin): checked against the server, then every sealed copy re-sealed'
            cand remove 'Remove a provider (vault admin); refused while secrets keep their values there'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;provider;help;add'= {
        }
        &'vault;provider;help;list'= {
        }
        &'vault;provider;help;check'= {
        }
        &'vault;provider;help;rotate-token'= {
        }
        &'vault;provider;help;remove'= {
        }
        &'vault;provider;help;help'= {
        }
        &'vault;run'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --only 'Inject only these env names (comma-separated)'
            cand --max-age 'When a provider cannot be reached, use offline copies of its values up to this old (30s, 15m, 2h, 1d); runs with this flag keep those copies, sealed'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --no-mask 'Do not mask output (write-only secrets are still masked)'
            cand --pristine 'Start from an empty environment plus PATH, HOME, USER, LANG, TERM and the secrets'
            cand --files 'Hand each secret as NAME_FILE=/dev/fd/N (a sealed in-memory file) instead of NAME=value'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;import'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --format 'File format [default: json for *.json, else dotenv]'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --overwrite 'Write a new version of secrets that already exist instead of refusing'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'vault;export'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --format 'Output format'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --reveal 'Print values instead of ***'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'vault;inject'= {
            cand -p 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand --project 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)'
            cand -o 'Write the result to FILE (mode 0600, replaced atomically) instead of stdout'
            cand --out 'Write the result to FILE (mode 0600, replaced atomically) instead of stdout'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Use your private secrets (only you can ever read them)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;scan'= {
            cand -p 'Look for the secrets of project P (repeatable) [default: every project you can read, and your private secrets]'
            cand --project 'Look for the secrets of project P (repeatable) [default: every project you can read, and your private secrets]'
            cand --git 'Scan every blob in the git history of the current repository: of all refs, or of the commits in REV-RANGE (as `git rev-list` reads it, e.g. main..HEAD)'
            cand --max-size 'Skip files larger than SIZE: bytes, or with a K, M or G suffix [default: no limit]'
            cand --format 'Output: text lines, JSON (same as --json), or SARIF 2.1.0 for code-scanning tools'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --private 'Look for your private secrets (with --project: as well; alone: only them)'
            cand --staged 'Scan what is staged for the next commit (for a pre-commit hook)'
            cand --no-ignore 'Read paths that .gitignore files ignore, too'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;migrate'= {
            cand --to 'Where the copy goes: a file that does not exist yet, or postgres://USER@HOST:PORT/DB (an existing database without a vault)'
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;completions'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;man'= {
            cand --vault 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]'
            cand --user 'Acting user [default: the OS user name]'
            cand --passphrase-file 'Read the passphrase from FILE (one trailing newline is ignored)'
            cand --json 'Machine-readable JSON output (stable fields, RFC 3339 times)'
            cand -q 'Print only requested data, no confirmations'
            cand --quiet 'Print only requested data, no confirmations'
            cand --accept-rollback 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'vault;help'= {
            cand init 'Create a new vault file; its first user becomes the vault admin'
            cand status 'Show the vault file, the acting user and the session'
            cand unlock 'Unlock once and print a session token for scripts: eval "$(vault unlock)"'
            cand lock 'End the session named by VAULT_SESSION'
            cand passwd 'Change the acting user''s passphrase (and KDF cost); re-seals one row'
            cand project 'Create, list, show, edit, clone and delete projects'
            cand secret 'Create, list, show, get, edit, clone, delete secrets; history and rollback'
            cand user 'Add, list and remove users; make vault admins (vault admin)'
            cand community 'Communities: groups of projects that share secrets'
            cand audit 'Who did what, when (never values); --verify checks the MAC chain'
            cand provider 'OpenBao / HashiCorp Vault servers that keep secret values (KV v2)'
            cand run 'Run a program with a project''s secrets as env vars, its output masked'
            cand import 'Import secrets from a dotenv or JSON file (all or nothing)'
            cand export 'Export a project''s secrets as dotenv, JSON or shell (masked unless --reveal)'
            cand inject 'Render a template with {{ vault://PROJECT/SECRET }} references to stdout or a 0600 file'
            cand scan 'Find your secrets'' values (and their encodings) in files, folders or git history'
            cand migrate 'Copy the whole vault into another store (a file into PostgreSQL, or back), checked'
            cand completions 'Print a shell completion script'
            cand man 'Write man pages (vault.1 and one per subcommand) into DIR'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'vault;help;init'= {
        }
        &'vault;help;status'= {
        }
        &'vault;help;unlock'= {
        }
        &'vault;help;lock'= {
        }
        &'vault;help;passwd'= {
        }
        &'vault;help;project'= {
            cand create 'Create a project; you become its owner'
            cand list 'List the projects you are a member of'
            cand show 'Show a project: metadata, members, number of secrets'
            cand edit 'Rename a project or change its description (owner)'
            cand member 'Add, remove and list a project''s members (owner manages)'
            cand clone 'Copy a project''s secrets into a new project (new ids and keys; history not copied)'
            cand delete 'Delete a project and every secret in it (owner)'
        }
        &'vault;help;project;create'= {
        }
        &'vault;help;project;list'= {
        }
        &'vault;help;project;show'= {
        }
        &'vault;help;project;edit'= {
        }
        &'vault;help;project;member'= {
            cand add 'Grant a user a role in the project (owner); the project key is wrapped to them'
            cand remove 'Remove a member (owner) and rotate the project''s keys'
            cand list 'List members and roles'
        }
        &'vault;help;project;member;add'= {
        }
        &'vault;help;project;member;remove'= {
        }
        &'vault;help;project;member;list'= {
        }
        &'vault;help;project;clone'= {
        }
        &'vault;help;project;delete'= {
        }
        &'vault;help;secret'= {
            cand create 'Create a secret; the value comes from stdin, a hidden prompt or --from-file'
            cand list 'List secrets with values masked as *** (or shown with --reveal)'
            cand show 'Show a secret''s metadata, its value as ***, and code that reads it'
            cand get 'Print a secret''s bare value for scripts (*** unless --reveal)'
            cand edit 'Rename a secret, change its description or env name, or give it a new value'
            cand clone 'Copy a secret into another project as an independent secret (new id, new key)'
            cand delete 'Delete a secret and all its versions'
            cand share 'Share a secret with its project''s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs'
            cand unshare 'Stop sharing a secret (community admin); its data key is rotated'
            cand accept 'Let a secret shared into this project''s community reach this project''s programs (owner or editor), under an env name you choose now'
            cand unaccept 'Withdraw a project''s acceptance of a shared secret (owner or editor)'
            cand history 'List a secret''s versions: number, time, author (values stay masked)'
            cand rollback 'Write a new version holding an older version''s value'
        }
        &'vault;help;secret;create'= {
        }
        &'vault;help;secret;list'= {
        }
        &'vault;help;secret;show'= {
        }
        &'vault;help;secret;get'= {
        }
        &'vault;help;secret;edit'= {
        }
        &'vault;help;secret;clone'= {
        }
        &'vault;help;secret;delete'= {
        }
        &'vault;help;secret;share'= {
        }
        &'vault;help;secret;unshare'= {
        }
        &'vault;help;secret;accept'= {
        }
        &'vault;help;secret;unaccept'= {
        }
        &'vault;help;secret;history'= {
        }
        &'vault;help;secret;rollback'= {
        }
        &'vault;help;user'= {
            cand add 'Add a user (vault admin). They choose their own keys at their first unlock'
            cand list 'List users: role, status, key fingerprint'
            cand remove 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted'
            cand role 'Make a user a vault admin or not (vault admin)'
        }
        &'vault;help;user;add'= {
        }
        &'vault;help;user;list'= {
        }
        &'vault;help;user;remove'= {
        }
        &'vault;help;user;role'= {
        }
        &'vault;help;community'= {
            cand create 'Create a community; you become its first admin'
            cand list 'List communities'
            cand show 'Show a community: its projects, members and shared secrets (members only)'
            cand edit 'Rename a community or change its description (community admin)'
            cand delete 'Delete a community (community admin): its shares end and its projects leave it'
            cand member 'Add, remove and list members (community admins manage)'
        }
        &'vault;help;community;create'= {
        }
        &'vault;help;community;list'= {
        }
        &'vault;help;community;show'= {
        }
        &'vault;help;community;edit'= {
        }
        &'vault;help;community;delete'= {
        }
        &'vault;help;community;member'= {
            cand add 'Add a member, or change their admin flag (community admin)'
            cand remove 'Remove a member (community admin); the community key is rotated'
            cand list 'List members'
        }
        &'vault;help;community;member;add'= {
        }
        &'vault;help;community;member;remove'= {
        }
        &'vault;help;community;member;list'= {
        }
        &'vault;help;audit'= {
        }
        &'vault;help;provider'= {
            cand add 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)'
            cand list 'List providers: kind, address, mount and whether each answers (never the token)'
            cand check 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)'
            cand rotate-token 'Replace a provider''s token (vault admin): checked against the server, then every sealed copy re-sealed'
            cand remove 'Remove a provider (vault admin); refused while secrets keep their values there'
        }
        &'vault;help;provider;add'= {
        }
        &'vault;help;provider;list'= {
        }
        &'vault;help;provider;check'= {
        }
        &'vault;help;provider;rotate-token'= {
        }
        &'vault;help;provider;remove'= {
        }
        &'vault;help;run'= {
        }
        &'vault;help;import'= {
        }
        &'vault;help;export'= {
        }
        &'vault;help;inject'= {
        }
        &'vault;help;scan'= {
        }
        &'vault;help;migrate'= {
        }
        &'vault;help;completions'= {
        }
        &'vault;help;man'= {
        }
        &'vault;help;help'= {
        }
    ]
    $completions[$command]
}
