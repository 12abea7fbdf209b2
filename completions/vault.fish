# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_vault_global_optspecs
    string join \n vault= user= passphrase-file= json q/quiet accept-rollback h/help V/version
end

function __fish_vault_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_vault_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_vault_using_subcommand
    set -l cmd (__fish_vault_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c vault -n "__fish_vault_needs_command" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_needs_command" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_needs_command" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_needs_command" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_needs_command" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_needs_command" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c vault -n "__fish_vault_needs_command" -s V -l version -d 'Print version'
complete -c vault -n "__fish_vault_needs_command" -f -a "init" -d 'Create a new vault file; its first user becomes the vault admin'
complete -c vault -n "__fish_vault_needs_command" -f -a "status" -d 'Show the vault file, the acting user and the session'
complete -c vault -n "__fish_vault_needs_command" -f -a "unlock" -d 'Unlock once and print a session token for scripts: eval "$(vault unlock)"'
complete -c vault -n "__fish_vault_needs_command" -f -a "lock" -d 'End the session named by VAULT_SESSION'
complete -c vault -n "__fish_vault_needs_command" -f -a "passwd" -d 'Change the acting user\'s passphrase (and KDF cost); re-seals one row'
complete -c vault -n "__fish_vault_needs_command" -f -a "project" -d 'Create, list, show, edit, clone and delete projects'
complete -c vault -n "__fish_vault_needs_command" -f -a "secret" -d 'Create, list, show, get, edit, clone, delete secrets; history and rollback'
complete -c vault -n "__fish_vault_needs_command" -f -a "user" -d 'Add, list and remove users; make vault admins (vault admin)'
complete -c vault -n "__fish_vault_needs_command" -f -a "community" -d 'Communities: groups of projects that share secrets'
complete -c vault -n "__fish_vault_needs_command" -f -a "audit" -d 'Who did what, when (never values); --verify checks the MAC chain'
complete -c vault -n "__fish_vault_needs_command" -f -a "provider" -d 'OpenBao / HashiCorp Vault servers that keep secret values (KV v2)'
complete -c vault -n "__fish_vault_needs_command" -f -a "run" -d 'Run a program with a project\'s secrets as env vars, its output masked'
complete -c vault -n "__fish_vault_needs_command" -f -a "import" -d 'Import secrets from a dotenv or JSON file (all or nothing)'
complete -c vault -n "__fish_vault_needs_command" -f -a "export" -d 'Export a project\'s secrets as dotenv, JSON or shell (masked unless --reveal)'
complete -c vault -n "__fish_vault_needs_command" -f -a "inject" -d 'Render a template with {{ vault://PROJECT/SECRET }} references to stdout or a 0600 file'
complete -c vault -n "__fish_vault_needs_command" -f -a "scan" -d 'Find your secrets\' values (and their encodings) in files, folders or git history'
complete -c vault -n "__fish_vault_needs_command" -f -a "migrate" -d 'Copy the whole vault into another store (a file into PostgreSQL, or back), checked'
complete -c vault -n "__fish_vault_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c vault -n "__fish_vault_needs_command" -f -a "man" -d 'Write man pages (vault.1 and one per subcommand) into DIR'
complete -c vault -n "__fish_vault_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand init" -l kdf-memory -d 'Argon2id memory in MiB (floor 8) [default: 256]' -r
complete -c vault -n "__fish_vault_using_subcommand init" -l kdf-iterations -d 'Argon2id passes (floor 1) [default: 3]' -r
complete -c vault -n "__fish_vault_using_subcommand init" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand init" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand init" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand init" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand init" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand init" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand init" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand status" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand status" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand status" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand status" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand status" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand status" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand status" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand unlock" -l ttl -d 'How long the session lasts: 30s, 15m, 2h, 1d (at most 30d)' -r
complete -c vault -n "__fish_vault_using_subcommand unlock" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand unlock" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand unlock" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand unlock" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand unlock" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand unlock" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand unlock" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand lock" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand lock" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand lock" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand lock" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand lock" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand lock" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand lock" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand passwd" -l new-passphrase-file -d 'Read the new passphrase from FILE instead of a prompt' -r -F
complete -c vault -n "__fish_vault_using_subcommand passwd" -l kdf-memory -d 'Argon2id memory in MiB (floor 8) [default: 256]' -r
complete -c vault -n "__fish_vault_using_subcommand passwd" -l kdf-iterations -d 'Argon2id passes (floor 1) [default: 3]' -r
complete -c vault -n "__fish_vault_using_subcommand passwd" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand passwd" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand passwd" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand passwd" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand passwd" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand passwd" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand passwd" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -f -a "create" -d 'Create a project; you become its owner'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -f -a "list" -d 'List the projects you are a member of'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -f -a "show" -d 'Show a project: metadata, members, number of secrets'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -f -a "edit" -d 'Rename a project or change its description (owner)'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -f -a "member" -d 'Add, remove and list a project\'s members (owner manages)'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -f -a "clone" -d 'Copy a project\'s secrets into a new project (new ids and keys; history not copied)'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -f -a "delete" -d 'Delete a project and every secret in it (owner)'
complete -c vault -n "__fish_vault_using_subcommand project; and not __fish_seen_subcommand_from create list show edit member clone delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -l description -d 'What the project is for (stored in clear)' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -l community -d 'Community the project belongs to (you must be a member)' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from list" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from list" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from list" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from show" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from show" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from show" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from show" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l rename -d 'New name' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l description -d 'New description' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l community -d 'Move the project into community C (you must be a member)' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l no-community -d 'Take the project out of its community'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -f -a "add" -d 'Grant a user a role in the project (owner); the project key is wrapped to them'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -f -a "remove" -d 'Remove a member (owner) and rotate the project\'s keys'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -f -a "list" -d 'List members and roles'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from member" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from clone" -l name -d 'Name of the new project' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from clone" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from clone" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from clone" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from clone" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from clone" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from clone" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from clone" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from delete" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from delete" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from delete" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask; required without a terminal'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from delete" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from delete" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a project; you become its owner'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the projects you are a member of'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a project: metadata, members, number of secrets'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Rename a project or change its description (owner)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "member" -d 'Add, remove and list a project\'s members (owner manages)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "clone" -d 'Copy a project\'s secrets into a new project (new ids and keys; history not copied)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a project and every secret in it (owner)'
complete -c vault -n "__fish_vault_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "create" -d 'Create a secret; the value comes from stdin, a hidden prompt or --from-file'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "list" -d 'List secrets with values masked as *** (or shown with --reveal)'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "show" -d 'Show a secret\'s metadata, its value as ***, and code that reads it'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "get" -d 'Print a secret\'s bare value for scripts (*** unless --reveal)'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "edit" -d 'Rename a secret, change its description or env name, or give it a new value'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "clone" -d 'Copy a secret into another project as an independent secret (new id, new key)'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "delete" -d 'Delete a secret and all its versions'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "share" -d 'Share a secret with its project\'s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "unshare" -d 'Stop sharing a secret (community admin); its data key is rotated'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "accept" -d 'Let a secret shared into this project\'s community reach this project\'s programs (owner or editor), under an env name you choose now'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "unaccept" -d 'Withdraw a project\'s acceptance of a shared secret (owner or editor)'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "history" -d 'List a secret\'s versions: number, time, author (values stay masked)'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "rollback" -d 'Write a new version holding an older version\'s value'
complete -c vault -n "__fish_vault_using_subcommand secret; and not __fish_seen_subcommand_from create list show get edit clone delete share unshare accept unaccept history rollback help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l description -d 'What it is (stored in clear)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l env-name -d 'Environment variable name for `vault run`, taken as given [default: the name, each \'-\' made \'_\']' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l from-file -d 'Read the value from FILE' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l provider -d 'Keep the value in this provider (OpenBao / Vault KV v2) instead of the vault file' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l write-only -d 'Make it write-only: it reaches programs through `vault run` but nobody, you included, can reveal, get, export or clone it. Cannot be undone'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -l reveal -d 'Show values instead of ***'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -l reveal -d 'Show the value instead of ***'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -l reveal -d 'Print the value instead of ***'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l rename -d 'New name' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l description -d 'New description' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l env-name -d 'New env var name' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l from-file -d 'Read a new value from FILE' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l provider -d 'Move the value (every version) from the vault file to this provider' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l value-stdin -d 'Read a new value from stdin (or a hidden prompt on a terminal)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l write-only -d 'Make it write-only: it reaches programs through `vault run` but nobody, you included, can reveal, get, export or clone it. Cannot be undone'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l local -d 'Move the value (every version) from its provider back into the vault file'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l to-project -d 'Target project' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l name -d 'Name in the target [default: the same name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l to-private -d 'Copy into your private secrets'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from clone" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask; required without a terminal'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -l community -d 'Community [default: the project\'s community]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -l provider-token -d 'For a secret kept in a provider: hand the community the provider\'s token with it'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from share" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -l community -d 'Community [default: the project\'s community]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unshare" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -s p -l project -d 'The receiving project' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -l from -d 'Its home project, when several share a secret of that name' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -l env-name -d 'Env var name it gets here [default: its env name at home]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from accept" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -s p -l project -d 'The receiving project' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -l from -d 'Its home project, when several share a secret of that name' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from unaccept" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -l version -d 'The version whose value becomes current again' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from rollback" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a secret; the value comes from stdin, a hidden prompt or --from-file'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "list" -d 'List secrets with values masked as *** (or shown with --reveal)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a secret\'s metadata, its value as ***, and code that reads it'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print a secret\'s bare value for scripts (*** unless --reveal)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Rename a secret, change its description or env name, or give it a new value'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "clone" -d 'Copy a secret into another project as an independent secret (new id, new key)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a secret and all its versions'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "share" -d 'Share a secret with its project\'s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "unshare" -d 'Stop sharing a secret (community admin); its data key is rotated'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "accept" -d 'Let a secret shared into this project\'s community reach this project\'s programs (owner or editor), under an env name you choose now'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "unaccept" -d 'Withdraw a project\'s acceptance of a shared secret (owner or editor)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "history" -d 'List a secret\'s versions: number, time, author (values stay masked)'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "rollback" -d 'Write a new version holding an older version\'s value'
complete -c vault -n "__fish_vault_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -f -a "add" -d 'Add a user (vault admin). They choose their own keys at their first unlock'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -f -a "list" -d 'List users: role, status, key fingerprint'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -f -a "remove" -d 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -f -a "role" -d 'Make a user a vault admin or not (vault admin)'
complete -c vault -n "__fish_vault_using_subcommand user; and not __fish_seen_subcommand_from add list remove role help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l new-passphrase-file -d 'Read the new user\'s first passphrase from FILE instead of a prompt' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l kdf-memory -d 'Argon2id memory in MiB (floor 8) [default: 256]' -r
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l kdf-iterations -d 'Argon2id passes (floor 1) [default: 3]' -r
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l admin -d 'Make them a vault admin too'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from list" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from list" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from list" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from remove" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from remove" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from remove" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from remove" -l yes -d 'Do not ask; required without a terminal'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from remove" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -l admin -d 'Grant the vault admin role'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -l no-admin -d 'Take the vault admin role away'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from role" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a user (vault admin). They choose their own keys at their first unlock'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users: role, status, key fingerprint'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "role" -d 'Make a user a vault admin or not (vault admin)'
complete -c vault -n "__fish_vault_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -f -a "create" -d 'Create a community; you become its first admin'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -f -a "list" -d 'List communities'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -f -a "show" -d 'Show a community: its projects, members and shared secrets (members only)'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -f -a "edit" -d 'Rename a community or change its description (community admin)'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -f -a "delete" -d 'Delete a community (community admin): its shares end and its projects leave it'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -f -a "member" -d 'Add, remove and list members (community admins manage)'
complete -c vault -n "__fish_vault_using_subcommand community; and not __fish_seen_subcommand_from create list show edit delete member help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from create" -l description -d 'What it is for (stored in clear)' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from create" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from create" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from create" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from create" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from create" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from list" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from list" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from list" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from show" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from show" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from show" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from show" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -l rename -d 'New name' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -l description -d 'New description' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from delete" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from delete" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from delete" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask; required without a terminal'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from delete" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from delete" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -f -a "add" -d 'Add a member, or change their admin flag (community admin)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -f -a "remove" -d 'Remove a member (community admin); the community key is rotated'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -f -a "list" -d 'List members'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from member" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a community; you become its first admin'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from help" -f -a "list" -d 'List communities'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a community: its projects, members and shared secrets (members only)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Rename a community or change its description (community admin)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a community (community admin): its shares end and its projects leave it'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from help" -f -a "member" -d 'Add, remove and list members (community admins manage)'
complete -c vault -n "__fish_vault_using_subcommand community; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand audit" -l since -d 'Only events at or after T (RFC 3339 time or YYYY-MM-DD, UTC)' -r
complete -c vault -n "__fish_vault_using_subcommand audit" -l by -d 'Only events by user U' -r
complete -c vault -n "__fish_vault_using_subcommand audit" -l project -d 'Only events in project P' -r
complete -c vault -n "__fish_vault_using_subcommand audit" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand audit" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand audit" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand audit" -l verify -d 'Check the MAC chain; exit 7 if an event was removed or edited'
complete -c vault -n "__fish_vault_using_subcommand audit" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand audit" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand audit" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand audit" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -f -a "add" -d 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -f -a "list" -d 'List providers: kind, address, mount and whether each answers (never the token)'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -f -a "check" -d 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -f -a "rotate-token" -d 'Replace a provider\'s token (vault admin): checked against the server, then every sealed copy re-sealed'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -f -a "remove" -d 'Remove a provider (vault admin); refused while secrets keep their values there'
complete -c vault -n "__fish_vault_using_subcommand provider; and not __fish_seen_subcommand_from add list check rotate-token remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l kind -d 'What kind of server it is (openbao: OpenBao, or HashiCorp Vault, the same KV v2 API)' -r -f -a "openbao\t''"
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l address -d 'Server address, e.g. https://bao.example.com:8200; repeat it (or separate with commas) for the nodes of a cluster, tried in that order' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l token-file -d 'Read the token from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l mount -d 'KV version 2 mount that keeps the values' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l namespace -d 'Namespace (sent as X-Vault-Namespace)' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l ca-cert -d 'Trust only the CA certificates in this PEM file (a private CA)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds allowed for each request (connecting is capped at 3)' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from list" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from list" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from list" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from check" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from check" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from check" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from check" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from check" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -l token-file -d 'Read the new token from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -l drop-unreachable -d 'Delete the copies you cannot re-seal (projects you are not a member of, other users\' private secrets, shares into communities you do not administer) instead of refusing'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from rotate-token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from remove" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from remove" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from remove" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from remove" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "list" -d 'List providers: kind, address, mount and whether each answers (never the token)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "rotate-token" -d 'Replace a provider\'s token (vault admin): checked against the server, then every sealed copy re-sealed'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a provider (vault admin); refused while secrets keep their values there'
complete -c vault -n "__fish_vault_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand run" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand run" -l only -d 'Inject only these env names (comma-separated)' -r
complete -c vault -n "__fish_vault_using_subcommand run" -l max-age -d 'When a provider cannot be reached, use offline copies of its values up to this old (30s, 15m, 2h, 1d); runs with this flag keep those copies, sealed' -r
complete -c vault -n "__fish_vault_using_subcommand run" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand run" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand run" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand run" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand run" -l no-mask -d 'Do not mask output (write-only secrets are still masked)'
complete -c vault -n "__fish_vault_using_subcommand run" -l pristine -d 'Start from an empty environment plus PATH, HOME, USER, LANG, TERM and the secrets'
complete -c vault -n "__fish_vault_using_subcommand run" -l files -d 'Hand each secret as NAME_FILE=/dev/fd/N (a sealed in-memory file) instead of NAME=value'
complete -c vault -n "__fish_vault_using_subcommand run" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand run" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand run" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand run" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand import" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand import" -l format -d 'File format [default: json for *.json, else dotenv]' -r -f -a "dotenv\t'KEY=value lines as python-dotenv and Node\'s dotenv both read them'
json\t'One JSON object of string values: {"KEY": "value"}'"
complete -c vault -n "__fish_vault_using_subcommand import" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand import" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand import" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand import" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand import" -l overwrite -d 'Write a new version of secrets that already exist instead of refusing'
complete -c vault -n "__fish_vault_using_subcommand import" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand import" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand import" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c vault -n "__fish_vault_using_subcommand export" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand export" -l format -d 'Output format' -r -f -a "dotenv\t'KEY=\'value\' lines that vault, python-dotenv, Node\'s dotenv and sh read back alike'
json\t'One JSON object of string values'
shell\t'export KEY=\'value\' lines, safe for `eval`'"
complete -c vault -n "__fish_vault_using_subcommand export" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand export" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand export" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand export" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand export" -l reveal -d 'Print values instead of ***'
complete -c vault -n "__fish_vault_using_subcommand export" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand export" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand export" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c vault -n "__fish_vault_using_subcommand inject" -s p -l project -d 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)' -r
complete -c vault -n "__fish_vault_using_subcommand inject" -s o -l out -d 'Write the result to FILE (mode 0600, replaced atomically) instead of stdout' -r -F
complete -c vault -n "__fish_vault_using_subcommand inject" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand inject" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand inject" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand inject" -l private -d 'Use your private secrets (only you can ever read them)'
complete -c vault -n "__fish_vault_using_subcommand inject" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand inject" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand inject" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand inject" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand scan" -s p -l project -d 'Look for the secrets of project P (repeatable) [default: every project you can read, and your private secrets]' -r
complete -c vault -n "__fish_vault_using_subcommand scan" -l git -d 'Scan every blob in the git history of the current repository: of all refs, or of the commits in REV-RANGE (as `git rev-list` reads it, e.g. main..HEAD)' -r
complete -c vault -n "__fish_vault_using_subcommand scan" -l max-size -d 'Skip files larger than SIZE: bytes, or with a K, M or G suffix [default: no limit]' -r
complete -c vault -n "__fish_vault_using_subcommand scan" -l format -d 'Output: text lines, JSON (same as --json), or SARIF 2.1.0 for code-scanning tools' -r -f -a "text\t''
json\t''
sarif\t''"
complete -c vault -n "__fish_vault_using_subcommand scan" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand scan" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand scan" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand scan" -l private -d 'Look for your private secrets (with --project: as well; alone: only them)'
complete -c vault -n "__fish_vault_using_subcommand scan" -l staged -d 'Scan what is staged for the next commit (for a pre-commit hook)'
complete -c vault -n "__fish_vault_using_subcommand scan" -l no-ignore -d 'Read paths that .gitignore files ignore, too'
complete -c vault -n "__fish_vault_using_subcommand scan" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand scan" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand scan" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand scan" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand migrate" -l to -d 'Where the copy goes: a file that does not exist yet, or postgres://USER@HOST:PORT/DB (an existing database without a vault)' -r -F
complete -c vault -n "__fish_vault_using_subcommand migrate" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand migrate" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand migrate" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand migrate" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand migrate" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand migrate" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand migrate" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand completions" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand completions" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand completions" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand completions" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand completions" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand completions" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand completions" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand man" -l vault -d 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]' -r -F
complete -c vault -n "__fish_vault_using_subcommand man" -l user -d 'Acting user [default: the OS user name]' -r
complete -c vault -n "__fish_vault_using_subcommand man" -l passphrase-file -d 'Read the passphrase from FILE (one trailing newline is ignored)' -r -F
complete -c vault -n "__fish_vault_using_subcommand man" -l json -d 'Machine-readable JSON output (stable fields, RFC 3339 times)'
complete -c vault -n "__fish_vault_using_subcommand man" -s q -l quiet -d 'Print only requested data, no confirmations'
complete -c vault -n "__fish_vault_using_subcommand man" -l accept-rollback -d 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7'
complete -c vault -n "__fish_vault_using_subcommand man" -s h -l help -d 'Print help'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "init" -d 'Create a new vault file; its first user becomes the vault admin'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "status" -d 'Show the vault file, the acting user and the session'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "unlock" -d 'Unlock once and print a session token for scripts: eval "$(vault unlock)"'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "lock" -d 'End the session named by VAULT_SESSION'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "passwd" -d 'Change the acting user\'s passphrase (and KDF cost); re-seals one row'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "project" -d 'Create, list, show, edit, clone and delete projects'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "secret" -d 'Create, list, show, get, edit, clone, delete secrets; history and rollback'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "user" -d 'Add, list and remove users; make vault admins (vault admin)'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "community" -d 'Communities: groups of projects that share secrets'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "audit" -d 'Who did what, when (never values); --verify checks the MAC chain'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "provider" -d 'OpenBao / HashiCorp Vault servers that keep secret values (KV v2)'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "run" -d 'Run a program with a project\'s secrets as env vars, its output masked'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "import" -d 'Import secrets from a dotenv or JSON file (all or nothing)'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "export" -d 'Export a project\'s secrets as dotenv, JSON or shell (masked unless --reveal)'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "inject" -d 'Render a template with {{ vault://PROJECT/SECRET }} references to stdout or a 0600 file'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "scan" -d 'Find your secrets\' values (and their encodings) in files, folders or git history'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "migrate" -d 'Copy the whole vault into another store (a file into PostgreSQL, or back), checked'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "man" -d 'Write man pages (vault.1 and one per subcommand) into DIR'
complete -c vault -n "__fish_vault_using_subcommand help; and not __fish_seen_subcommand_from init status unlock lock passwd project secret user community audit provider run import export inject scan migrate completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "create" -d 'Create a project; you become its owner'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "list" -d 'List the projects you are a member of'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "show" -d 'Show a project: metadata, members, number of secrets'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "edit" -d 'Rename a project or change its description (owner)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "member" -d 'Add, remove and list a project\'s members (owner manages)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "clone" -d 'Copy a project\'s secrets into a new project (new ids and keys; history not copied)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "delete" -d 'Delete a project and every secret in it (owner)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "create" -d 'Create a secret; the value comes from stdin, a hidden prompt or --from-file'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "list" -d 'List secrets with values masked as *** (or shown with --reveal)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "show" -d 'Show a secret\'s metadata, its value as ***, and code that reads it'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "get" -d 'Print a secret\'s bare value for scripts (*** unless --reveal)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "edit" -d 'Rename a secret, change its description or env name, or give it a new value'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "clone" -d 'Copy a secret into another project as an independent secret (new id, new key)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "delete" -d 'Delete a secret and all its versions'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "share" -d 'Share a secret with its project\'s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "unshare" -d 'Stop sharing a secret (community admin); its data key is rotated'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "accept" -d 'Let a secret shared into this project\'s community reach this project\'s programs (owner or editor), under an env name you choose now'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "unaccept" -d 'Withdraw a project\'s acceptance of a shared secret (owner or editor)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "history" -d 'List a secret\'s versions: number, time, author (values stay masked)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "rollback" -d 'Write a new version holding an older version\'s value'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "add" -d 'Add a user (vault admin). They choose their own keys at their first unlock'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users: role, status, key fingerprint'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "remove" -d 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "role" -d 'Make a user a vault admin or not (vault admin)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from community" -f -a "create" -d 'Create a community; you become its first admin'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from community" -f -a "list" -d 'List communities'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from community" -f -a "show" -d 'Show a community: its projects, members and shared secrets (members only)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from community" -f -a "edit" -d 'Rename a community or change its description (community admin)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from community" -f -a "delete" -d 'Delete a community (community admin): its shares end and its projects leave it'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from community" -f -a "member" -d 'Add, remove and list members (community admins manage)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "add" -d 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "list" -d 'List providers: kind, address, mount and whether each answers (never the token)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "check" -d 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "rotate-token" -d 'Replace a provider\'s token (vault admin): checked against the server, then every sealed copy re-sealed'
complete -c vault -n "__fish_vault_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "remove" -d 'Remove a provider (vault admin); refused while secrets keep their values there'
