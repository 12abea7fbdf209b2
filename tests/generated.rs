//! The committed completions/ and man/ are generated from the clap definitions; this fails when
//! they are stale. Regenerate with `VAULT_REGENERATE=1 cargo test --test generated`.

use std::path::{Path, PathBuf};
use std::process::Command;

const SHELLS: &[(&str, &str)] = &[
    ("bash", "vault.bash"),
    ("zsh", "_vault"),
    ("fish", "vault.fish"),
    ("elvish", "vault.elv"),
    ("powershell", "_vault.ps1"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn regenerate() -> bool {
    std::env::var_os("VAULT_REGENERATE").is_some()
}

fn check(path: &Path, fresh: &[u8], stale: &mut Vec<String>) {
    if regenerate() {
        std::fs::write(path, fresh).unwrap();
    } else if std::fs::read(path).ok().as_deref() != Some(fresh) {
        stale.push(path.display().to_string());
    }
}

#[test]
fn completions_are_current() {
    let mut stale = Vec::new();
    std::fs::create_dir_all(root().join("completions")).unwrap();
    for (shell, file) in SHELLS {
        let out = Command::new(env!("CARGO_BIN_EXE_vault")).args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "vault completions {shell} failed");
        assert!(!out.stdout.is_empty());
        check(&root().join("completions").join(file), &out.stdout, &mut stale);
    }
    assert!(stale.is_empty(), "stale completions (run VAULT_REGENERATE=1 cargo test --test generated): {stale:?}");
}

#[test]
fn man_pages_are_current() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vault")).arg("man").arg(tmp.path()).output().unwrap();
    assert!(out.status.success(), "vault man failed: {}", String::from_utf8_lossy(&out.stderr));
    let man = root().join("man");
    std::fs::create_dir_all(&man).unwrap();
    let mut fresh: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    fresh.sort();
    for must in ["vault.1", "vault-secret.1", "vault-secret-create.1", "vault-project-list.1", "vault-init.1"] {
        assert!(fresh.iter().any(|f| f == must), "vault man wrote no {must}");
    }
    let mut stale = Vec::new();
    for name in &fresh {
        check(&man.join(name), &std::fs::read(tmp.path().join(name)).unwrap(), &mut stale);
    }
    // A page whose subcommand is gone is stale too.
    for e in std::fs::read_dir(&man).unwrap() {
        let name = e.unwrap().file_name();
        if !fresh.contains(&name) {
            if regenerate() {
                std::fs::remove_file(man.join(&name)).unwrap();
            } else {
                stale.push(format!("man/{} (no such command)", name.to_string_lossy()));
            }
        }
    }
    assert!(stale.is_empty(), "stale man pages (run VAULT_REGENERATE=1 cargo test --test generated): {stale:?}");
}
