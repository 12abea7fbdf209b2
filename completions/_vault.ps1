
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'vault' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'vault'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'vault' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new vault file; its first user becomes the vault admin')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the vault file, the acting user and the session')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock once and print a session token for scripts: eval "$(vault unlock)"')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'End the session named by VAULT_SESSION')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change the acting user''s passphrase (and KDF cost); re-seals one row')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Create, list, show, edit, clone and delete projects')
            [CompletionResult]::new('secret', 'secret', [CompletionResultType]::ParameterValue, 'Create, list, show, get, edit, clone, delete secrets; history and rollback')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Add, list and remove users; make vault admins (vault admin)')
            [CompletionResult]::new('community', 'community', [CompletionResultType]::ParameterValue, 'Communities: groups of projects that share secrets')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Who did what, when (never values); --verify checks the MAC chain')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'OpenBao / HashiCorp Vault servers that keep secret values (KV v2)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a program with a project''s secrets as env vars, its output masked')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import secrets from a dotenv or JSON file (all or nothing)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a project''s secrets as dotenv, JSON or shell (masked unless --reveal)')
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Render a template with {{ vault://PROJECT/SECRET }} references to stdout or a 0600 file')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Find your secrets'' values (and their encodings) in files, folders or git history')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy the whole vault into another store (a file into PostgreSQL, or back), checked')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (vault.1 and one per subcommand) into DIR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;init' {
            [CompletionResult]::new('--kdf-memory', '--kdf-memory', [CompletionResultType]::ParameterName, 'Argon2id memory in MiB (floor 8) [default: 256]')
            [CompletionResult]::new('--kdf-iterations', '--kdf-iterations', [CompletionResultType]::ParameterName, 'Argon2id passes (floor 1) [default: 3]')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;status' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;unlock' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the session lasts: 30s, 15m, 2h, 1d (at most 30d)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;lock' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;passwd' {
            [CompletionResult]::new('--new-passphrase-file', '--new-passphrase-file', [CompletionResultType]::ParameterName, 'Read the new passphrase from FILE instead of a prompt')
            [CompletionResult]::new('--kdf-memory', '--kdf-memory', [CompletionResultType]::ParameterName, 'Argon2id memory in MiB (floor 8) [default: 256]')
            [CompletionResult]::new('--kdf-iterations', '--kdf-iterations', [CompletionResultType]::ParameterName, 'Argon2id passes (floor 1) [default: 3]')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project; you become its owner')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the projects you are a member of')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a project: metadata, members, number of secrets')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a project or change its description (owner)')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Add, remove and list a project''s members (owner manages)')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a project''s secrets into a new project (new ids and keys; history not copied)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a project and every secret in it (owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;project;create' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the project is for (stored in clear)')
            [CompletionResult]::new('--community', '--community', [CompletionResultType]::ParameterName, 'Community the project belongs to (you must be a member)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project;list' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project;show' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project;edit' {
            [CompletionResult]::new('--rename', '--rename', [CompletionResultType]::ParameterName, 'New name')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description')
            [CompletionResult]::new('--community', '--community', [CompletionResultType]::ParameterName, 'Move the project into community C (you must be a member)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--no-community', '--no-community', [CompletionResultType]::ParameterName, 'Take the project out of its community')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project;member' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Grant a user a role in the project (owner); the project key is wrapped to them')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member (owner) and rotate the project''s keys')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members and roles')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;project;member;add' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'vault;project;member;remove' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project;member;list' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project;member;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Grant a user a role in the project (owner); the project key is wrapped to them')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member (owner) and rotate the project''s keys')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members and roles')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;project;member;help;add' {
            break
        }
        'vault;project;member;help;remove' {
            break
        }
        'vault;project;member;help;list' {
            break
        }
        'vault;project;member;help;help' {
            break
        }
        'vault;project;clone' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the new project')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project;delete' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;project;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project; you become its owner')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the projects you are a member of')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a project: metadata, members, number of secrets')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a project or change its description (owner)')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Add, remove and list a project''s members (owner manages)')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a project''s secrets into a new project (new ids and keys; history not copied)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a project and every secret in it (owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;project;help;create' {
            break
        }
        'vault;project;help;list' {
            break
        }
        'vault;project;help;show' {
            break
        }
        'vault;project;help;edit' {
            break
        }
        'vault;project;help;member' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Grant a user a role in the project (owner); the project key is wrapped to them')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member (owner) and rotate the project''s keys')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members and roles')
            break
        }
        'vault;project;help;member;add' {
            break
        }
        'vault;project;help;member;remove' {
            break
        }
        'vault;project;help;member;list' {
            break
        }
        'vault;project;help;clone' {
            break
        }
        'vault;project;help;delete' {
            break
        }
        'vault;project;help;help' {
            break
        }
        'vault;secret' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a secret; the value comes from stdin, a hidden prompt or --from-file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List secrets with values masked as *** (or shown with --reveal)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a secret''s metadata, its value as ***, and code that reads it')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a secret''s bare value for scripts (*** unless --reveal)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a secret, change its description or env name, or give it a new value')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a secret into another project as an independent secret (new id, new key)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a secret and all its versions')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Share a secret with its project''s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs')
            [CompletionResult]::new('unshare', 'unshare', [CompletionResultType]::ParameterValue, 'Stop sharing a secret (community admin); its data key is rotated')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Let a secret shared into this project''s community reach this project''s programs (owner or editor), under an env name you choose now')
            [CompletionResult]::new('unaccept', 'unaccept', [CompletionResultType]::ParameterValue, 'Withdraw a project''s acceptance of a shared secret (owner or editor)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List a secret''s versions: number, time, author (values stay masked)')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Write a new version holding an older version''s value')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;secret;create' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What it is (stored in clear)')
            [CompletionResult]::new('--env-name', '--env-name', [CompletionResultType]::ParameterName, 'Environment variable name for `vault run`, taken as given [default: the name, each ''-'' made ''_'']')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read the value from FILE')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Keep the value in this provider (OpenBao / Vault KV v2) instead of the vault file')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--write-only', '--write-only', [CompletionResultType]::ParameterName, 'Make it write-only: it reaches programs through `vault run` but nobody, you included, can reveal, get, export or clone it. Cannot be undone')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Show values instead of ***')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Show the value instead of ***')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;get' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print the value instead of ***')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;edit' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--rename', '--rename', [CompletionResultType]::ParameterName, 'New name')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description')
            [CompletionResult]::new('--env-name', '--env-name', [CompletionResultType]::ParameterName, 'New env var name')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read a new value from FILE')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Move the value (every version) from the vault file to this provider')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--value-stdin', '--value-stdin', [CompletionResultType]::ParameterName, 'Read a new value from stdin (or a hidden prompt on a terminal)')
            [CompletionResult]::new('--write-only', '--write-only', [CompletionResultType]::ParameterName, 'Make it write-only: it reaches programs through `vault run` but nobody, you included, can reveal, get, export or clone it. Cannot be undone')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Move the value (every version) from its provider back into the vault file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;clone' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--to-project', '--to-project', [CompletionResultType]::ParameterName, 'Target project')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name in the target [default: the same name]')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--to-private', '--to-private', [CompletionResultType]::ParameterName, 'Copy into your private secrets')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;delete' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;share' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--community', '--community', [CompletionResultType]::ParameterName, 'Community [default: the project''s community]')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--provider-token', '--provider-token', [CompletionResultType]::ParameterName, 'For a secret kept in a provider: hand the community the provider''s token with it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;unshare' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--community', '--community', [CompletionResultType]::ParameterName, 'Community [default: the project''s community]')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;accept' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The receiving project')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The receiving project')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Its home project, when several share a secret of that name')
            [CompletionResult]::new('--env-name', '--env-name', [CompletionResultType]::ParameterName, 'Env var name it gets here [default: its env name at home]')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;unaccept' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The receiving project')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The receiving project')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Its home project, when several share a secret of that name')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;history' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;rollback' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The version whose value becomes current again')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;secret;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a secret; the value comes from stdin, a hidden prompt or --from-file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List secrets with values masked as *** (or shown with --reveal)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a secret''s metadata, its value as ***, and code that reads it')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a secret''s bare value for scripts (*** unless --reveal)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a secret, change its description or env name, or give it a new value')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a secret into another project as an independent secret (new id, new key)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a secret and all its versions')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Share a secret with its project''s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs')
            [CompletionResult]::new('unshare', 'unshare', [CompletionResultType]::ParameterValue, 'Stop sharing a secret (community admin); its data key is rotated')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Let a secret shared into this project''s community reach this project''s programs (owner or editor), under an env name you choose now')
            [CompletionResult]::new('unaccept', 'unaccept', [CompletionResultType]::ParameterValue, 'Withdraw a project''s acceptance of a shared secret (owner or editor)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List a secret''s versions: number, time, author (values stay masked)')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Write a new version holding an older version''s value')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;secret;help;create' {
            break
        }
        'vault;secret;help;list' {
            break
        }
        'vault;secret;help;show' {
            break
        }
        'vault;secret;help;get' {
            break
        }
        'vault;secret;help;edit' {
            break
        }
        'vault;secret;help;clone' {
            break
        }
        'vault;secret;help;delete' {
            break
        }
        'vault;secret;help;share' {
            break
        }
        'vault;secret;help;unshare' {
            break
        }
        'vault;secret;help;accept' {
            break
        }
        'vault;secret;help;unaccept' {
            break
        }
        'vault;secret;help;history' {
            break
        }
        'vault;secret;help;rollback' {
            break
        }
        'vault;secret;help;help' {
            break
        }
        'vault;user' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (vault admin). They choose their own keys at their first unlock')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users: role, status, key fingerprint')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Make a user a vault admin or not (vault admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;user;add' {
            [CompletionResult]::new('--new-passphrase-file', '--new-passphrase-file', [CompletionResultType]::ParameterName, 'Read the new user''s first passphrase from FILE instead of a prompt')
            [CompletionResult]::new('--kdf-memory', '--kdf-memory', [CompletionResultType]::ParameterName, 'Argon2id memory in MiB (floor 8) [default: 256]')
            [CompletionResult]::new('--kdf-iterations', '--kdf-iterations', [CompletionResultType]::ParameterName, 'Argon2id passes (floor 1) [default: 3]')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'Make them a vault admin too')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;user;list' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;user;remove' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;user;role' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'Grant the vault admin role')
            [CompletionResult]::new('--no-admin', '--no-admin', [CompletionResultType]::ParameterName, 'Take the vault admin role away')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;user;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (vault admin). They choose their own keys at their first unlock')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users: role, status, key fingerprint')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Make a user a vault admin or not (vault admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;user;help;add' {
            break
        }
        'vault;user;help;list' {
            break
        }
        'vault;user;help;remove' {
            break
        }
        'vault;user;help;role' {
            break
        }
        'vault;user;help;help' {
            break
        }
        'vault;community' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a community; you become its first admin')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List communities')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a community: its projects, members and shared secrets (members only)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a community or change its description (community admin)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a community (community admin): its shares end and its projects leave it')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Add, remove and list members (community admins manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;community;create' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What it is for (stored in clear)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;community;list' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;community;show' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;community;edit' {
            [CompletionResult]::new('--rename', '--rename', [CompletionResultType]::ParameterName, 'New name')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;community;delete' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;community;member' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member, or change their admin flag (community admin)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member (community admin); the community key is rotated')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;community;member;add' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'Make them a community admin (they can share secrets and manage members)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;community;member;remove' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;community;member;list' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;community;member;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member, or change their admin flag (community admin)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member (community admin); the community key is rotated')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;community;member;help;add' {
            break
        }
        'vault;community;member;help;remove' {
            break
        }
        'vault;community;member;help;list' {
            break
        }
        'vault;community;member;help;help' {
            break
        }
        'vault;community;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a community; you become its first admin')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List communities')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a community: its projects, members and shared secrets (members only)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a community or change its description (community admin)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a community (community admin): its shares end and its projects leave it')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Add, remove and list members (community admins manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;community;help;create' {
            break
        }
        'vault;community;help;list' {
            break
        }
        'vault;community;help;show' {
            break
        }
        'vault;community;help;edit' {
            break
        }
        'vault;community;help;delete' {
            break
        }
        'vault;community;help;member' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member, or change their admin flag (community admin)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member (community admin); the community key is rotated')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members')
            break
        }
        'vault;community;help;member;add' {
            break
        }
        'vault;community;help;member;remove' {
            break
        }
        'vault;community;help;member;list' {
            break
        }
        'vault;community;help;help' {
            break
        }
        'vault;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events at or after T (RFC 3339 time or YYYY-MM-DD, UTC)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Only events by user U')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only events in project P')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the MAC chain; exit 7 if an event was removed or edited')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;provider' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List providers: kind, address, mount and whether each answers (never the token)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)')
            [CompletionResult]::new('rotate-token', 'rotate-token', [CompletionResultType]::ParameterValue, 'Replace a provider''s token (vault admin): checked against the server, then every sealed copy re-sealed')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider (vault admin); refused while secrets keep their values there')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;provider;add' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What kind of server it is (openbao: OpenBao, or HashiCorp Vault, the same KV v2 API)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Server address, e.g. https://bao.example.com:8200; repeat it (or separate with commas) for the nodes of a cluster, tried in that order')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--mount', '--mount', [CompletionResultType]::ParameterName, 'KV version 2 mount that keeps the values')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace (sent as X-Vault-Namespace)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust only the CA certificates in this PEM file (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each request (connecting is capped at 3)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'vault;provider;list' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;provider;check' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;provider;rotate-token' {
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the new token from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--drop-unreachable', '--drop-unreachable', [CompletionResultType]::ParameterName, 'Delete the copies you cannot re-seal (projects you are not a member of, other users'' private secrets, shares into communities you do not administer) instead of refusing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'vault;provider;remove' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;provider;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List providers: kind, address, mount and whether each answers (never the token)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)')
            [CompletionResult]::new('rotate-token', 'rotate-token', [CompletionResultType]::ParameterValue, 'Replace a provider''s token (vault admin): checked against the server, then every sealed copy re-sealed')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider (vault admin); refused while secrets keep their values there')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;provider;help;add' {
            break
        }
        'vault;provider;help;list' {
            break
        }
        'vault;provider;help;check' {
            break
        }
        'vault;provider;help;rotate-token' {
            break
        }
        'vault;provider;help;remove' {
            break
        }
        'vault;provider;help;help' {
            break
        }
        'vault;run' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Inject only these env names (comma-separated)')
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'When a provider cannot be reached, use offline copies of its values up to this old (30s, 15m, 2h, 1d); runs with this flag keep those copies, sealed')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'Do not mask output (write-only secrets are still masked)')
            [CompletionResult]::new('--pristine', '--pristine', [CompletionResultType]::ParameterName, 'Start from an empty environment plus PATH, HOME, USER, LANG, TERM and the secrets')
            [CompletionResult]::new('--files', '--files', [CompletionResultType]::ParameterName, 'Hand each secret as NAME_FILE=/dev/fd/N (a sealed in-memory file) instead of NAME=value')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;import' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'File format [default: json for *.json, else dotenv]')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Write a new version of secrets that already exist instead of refusing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'vault;export' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print values instead of ***')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'vault;inject' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project holding the secret [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the result to FILE (mode 0600, replaced atomically) instead of stdout')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the result to FILE (mode 0600, replaced atomically) instead of stdout')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Use your private secrets (only you can ever read them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;scan' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Look for the secrets of project P (repeatable) [default: every project you can read, and your private secrets]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Look for the secrets of project P (repeatable) [default: every project you can read, and your private secrets]')
            [CompletionResult]::new('--git', '--git', [CompletionResultType]::ParameterName, 'Scan every blob in the git history of the current repository: of all refs, or of the commits in REV-RANGE (as `git rev-list` reads it, e.g. main..HEAD)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Skip files larger than SIZE: bytes, or with a K, M or G suffix [default: no limit]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: text lines, JSON (same as --json), or SARIF 2.1.0 for code-scanning tools')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Look for your private secrets (with --project: as well; alone: only them)')
            [CompletionResult]::new('--staged', '--staged', [CompletionResultType]::ParameterName, 'Scan what is staged for the next commit (for a pre-commit hook)')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read paths that .gitignore files ignore, too')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;migrate' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where the copy goes: a file that does not exist yet, or postgres://USER@HOST:PORT/DB (an existing database without a vault)')
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;completions' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;man' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Acting user [default: the OS user name]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from FILE (one trailing newline is ignored)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output (stable fields, RFC 3339 times)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only requested data, no confirmations')
            [CompletionResult]::new('--accept-rollback', '--accept-rollback', [CompletionResultType]::ParameterName, 'Take the vault file even if it is older than the one this computer last saw (a backup you restored on purpose); without it such a file is exit 7')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'vault;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new vault file; its first user becomes the vault admin')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the vault file, the acting user and the session')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock once and print a session token for scripts: eval "$(vault unlock)"')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'End the session named by VAULT_SESSION')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change the acting user''s passphrase (and KDF cost); re-seals one row')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Create, list, show, edit, clone and delete projects')
            [CompletionResult]::new('secret', 'secret', [CompletionResultType]::ParameterValue, 'Create, list, show, get, edit, clone, delete secrets; history and rollback')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Add, list and remove users; make vault admins (vault admin)')
            [CompletionResult]::new('community', 'community', [CompletionResultType]::ParameterValue, 'Communities: groups of projects that share secrets')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Who did what, when (never values); --verify checks the MAC chain')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'OpenBao / HashiCorp Vault servers that keep secret values (KV v2)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a program with a project''s secrets as env vars, its output masked')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import secrets from a dotenv or JSON file (all or nothing)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a project''s secrets as dotenv, JSON or shell (masked unless --reveal)')
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Render a template with {{ vault://PROJECT/SECRET }} references to stdout or a 0600 file')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Find your secrets'' values (and their encodings) in files, folders or git history')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy the whole vault into another store (a file into PostgreSQL, or back), checked')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (vault.1 and one per subcommand) into DIR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'vault;help;init' {
            break
        }
        'vault;help;status' {
            break
        }
        'vault;help;unlock' {
            break
        }
        'vault;help;lock' {
            break
        }
        'vault;help;passwd' {
            break
        }
        'vault;help;project' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project; you become its owner')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the projects you are a member of')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a project: metadata, members, number of secrets')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a project or change its description (owner)')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Add, remove and list a project''s members (owner manages)')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a project''s secrets into a new project (new ids and keys; history not copied)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a project and every secret in it (owner)')
            break
        }
        'vault;help;project;create' {
            break
        }
        'vault;help;project;list' {
            break
        }
        'vault;help;project;show' {
            break
        }
        'vault;help;project;edit' {
            break
        }
        'vault;help;project;member' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Grant a user a role in the project (owner); the project key is wrapped to them')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member (owner) and rotate the project''s keys')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members and roles')
            break
        }
        'vault;help;project;member;add' {
            break
        }
        'vault;help;project;member;remove' {
            break
        }
        'vault;help;project;member;list' {
            break
        }
        'vault;help;project;clone' {
            break
        }
        'vault;help;project;delete' {
            break
        }
        'vault;help;secret' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a secret; the value comes from stdin, a hidden prompt or --from-file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List secrets with values masked as *** (or shown with --reveal)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a secret''s metadata, its value as ***, and code that reads it')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a secret''s bare value for scripts (*** unless --reveal)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a secret, change its description or env name, or give it a new value')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a secret into another project as an independent secret (new id, new key)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a secret and all its versions')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Share a secret with its project''s community (community admin); other projects of the community then see it read-only, and each may accept it for its programs')
            [CompletionResult]::new('unshare', 'unshare', [CompletionResultType]::ParameterValue, 'Stop sharing a secret (community admin); its data key is rotated')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Let a secret shared into this project''s community reach this project''s programs (owner or editor), under an env name you choose now')
            [CompletionResult]::new('unaccept', 'unaccept', [CompletionResultType]::ParameterValue, 'Withdraw a project''s acceptance of a shared secret (owner or editor)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List a secret''s versions: number, time, author (values stay masked)')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Write a new version holding an older version''s value')
            break
        }
        'vault;help;secret;create' {
            break
        }
        'vault;help;secret;list' {
            break
        }
        'vault;help;secret;show' {
            break
        }
        'vault;help;secret;get' {
            break
        }
        'vault;help;secret;edit' {
            break
        }
        'vault;help;secret;clone' {
            break
        }
        'vault;help;secret;delete' {
            break
        }
        'vault;help;secret;share' {
            break
        }
        'vault;help;secret;unshare' {
            break
        }
        'vault;help;secret;accept' {
            break
        }
        'vault;help;secret;unaccept' {
            break
        }
        'vault;help;secret;history' {
            break
        }
        'vault;help;secret;rollback' {
            break
        }
        'vault;help;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (vault admin). They choose their own keys at their first unlock')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users: role, status, key fingerprint')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user (vault admin): they can no longer unlock; their private secrets are deleted')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Make a user a vault admin or not (vault admin)')
            break
        }
        'vault;help;user;add' {
            break
        }
        'vault;help;user;list' {
            break
        }
        'vault;help;user;remove' {
            break
        }
        'vault;help;user;role' {
            break
        }
        'vault;help;community' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a community; you become its first admin')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List communities')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a community: its projects, members and shared secrets (members only)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename a community or change its description (community admin)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a community (community admin): its shares end and its projects leave it')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Add, remove and list members (community admins manage)')
            break
        }
        'vault;help;community;create' {
            break
        }
        'vault;help;community;list' {
            break
        }
        'vault;help;community;show' {
            break
        }
        'vault;help;community;edit' {
            break
        }
        'vault;help;community;delete' {
            break
        }
        'vault;help;community;member' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member, or change their admin flag (community admin)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member (community admin); the community key is rotated')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members')
            break
        }
        'vault;help;community;member;add' {
            break
        }
        'vault;help;community;member;remove' {
            break
        }
        'vault;help;community;member;list' {
            break
        }
        'vault;help;audit' {
            break
        }
        'vault;help;provider' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List providers: kind, address, mount and whether each answers (never the token)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)')
            [CompletionResult]::new('rotate-token', 'rotate-token', [CompletionResultType]::ParameterValue, 'Replace a provider''s token (vault admin): checked against the server, then every sealed copy re-sealed')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider (vault admin); refused while secrets keep their values there')
            break
        }
        'vault;help;provider;add' {
            break
        }
        'vault;help;provider;list' {
            break
        }
        'vault;help;provider;check' {
            break
        }
        'vault;help;provider;rotate-token' {
            break
        }
        'vault;help;provider;remove' {
            break
        }
        'vault;help;run' {
            break
        }
        'vault;help;import' {
            break
        }
        'vault;help;export' {
            break
        }
        'vault;help;inject' {
            break
        }
        'vault;help;scan' {
            break
        }
        'vault;help;migrate' {
            break
        }
        'vault;help;completions' {
            break
        }
        'vault;help;man' {
            break
        }
        'vault;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
