//! Communities and sharing in a team vault (issue 4), driven through the binary with two or
//! three users: sharing a secret into a community and unsharing it, who may do either, a
//! project joining a community, and a tampered share.
//!
//! Every refusal checks the exit code, that stderr names who lacks which role, and that nothing
//! changed (`vault_state`, which leaves out the audit log a refusal appends to).

mod common;

use common::team::*;
use common::*;
use predicates::str::contains;

const S3_V1: &str = "s3-key-shared-v1-0c4e";
const S3_V2: &str = "s3-key-shared-v2-8d2a";
const LAB_S3: &str = "lab-own-s3-value-61f7";

#[test]
fn sharing_into_a_community_end_to_end() {
    let home = team(&["bob", "carol"]);
    let h = home.path();
    alice(h)
        .args(["community", "create", "research", "--description", "ML research"])
        .assert()
        .success()
        .stderr(contains("created community 'research' (id "))
        .stderr(contains("you are its admin"));
    alice(h)
        .args(["community", "member", "add", "research", "bob"])
        .assert()
        .success()
        .stderr("'bob' is now a member of community 'research'\n");
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    alice(h).args(["project", "create", "lab", "--community", "research"]).assert().success();
    create_secret(h, "vision", "S3_KEY", S3_V1);
    add_member(h, "alice", "lab", "bob", "editor");
    add_member(h, "alice", "lab", "carol", "viewer");
    assert!(names_in(h, "bob", "lab").is_empty());

    alice(h)
        .args(["secret", "share", "S3_KEY", "--project", "vision", "--community", "research"])
        .assert()
        .success()
        .stdout("")
        .stderr("shared secret 'S3_KEY' of project 'vision' with community 'research'\n");
    let a = alice(h).args(["community", "show", "research"]).assert().success();
    let show = stdout_of(&a);
    assert!(show.lines().any(|l| matches(r"^Shared secrets:\s+S3_KEY \(from vision\)$", l)), "{show}");
    assert!(show.lines().any(|l| matches(r"^Projects:\s+(lab, vision|vision, lab)$", l)), "{show}");
    assert!(show.lines().any(|l| matches(r"^Members:\s+alice \(admin\), bob$", l)), "{show}");
    let a = alice(h).args(["secret", "list", "--project", "vision"]).assert().success();
    assert!(
        stdout_of(&a).lines().any(|l| row_matches(l, &["S3_KEY", r"\*\*\*", "with research.*"])),
        "{}",
        stdout_of(&a)
    );

    // Bob (community member, lab editor, not in vision) sees it in lab, read-only.
    let list = list_json_as(h, "bob", "lab");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["name"], "S3_KEY");
    assert_eq!(list[0]["project"], "lab");
    assert_eq!(list[0]["shared_from"], "vision");
    assert!(list[0].get("value").is_none());
    let a = as_user(h, "bob").args(["secret", "list", "--project", "lab"]).assert().success();
    assert!(
        stdout_of(&a)
            .lines()
            .any(|l| row_matches(l, &["S3_KEY", r"\*\*\*", r"from vision \(read-only, not accepted\)", "alice.*"])),
        "{}",
        stdout_of(&a)
    );
    assert_eq!(list[0]["accepted_as"], serde_json::Value::Null);
    assert_eq!(reveal_as(h, "bob", "lab", "S3_KEY"), S3_V1);
    // Not accepted in lab yet: its programs do not get it.
    assert_eq!(run_sh(h, "bob", "lab", "test -z \"${S3_KEY+x}\" && echo unset"), "unset\n");
    // Carol is only a viewer of lab: she cannot accept it for lab's programs.
    as_user(h, "carol")
        .args(["secret", "accept", "S3_KEY", "--project", "lab"])
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'carol' is a viewer of project 'lab'; accepting a shared secret needs an editor\n");
    as_user(h, "bob")
        .args(["secret", "accept", "S3_KEY", "--project", "lab"])
        .assert()
        .success()
        .stdout("")
        .stderr("accepted secret 'S3_KEY' shared from project 'vision': programs of 'lab' get it as S3_KEY\n");
    assert_eq!(list_json_as(h, "bob", "lab")[0]["accepted_as"], "S3_KEY");
    as_user(h, "bob")
        .args(["secret", "get", "S3_KEY", "--project", "vision", "--reveal"])
        .assert()
        .code(6)
        .stderr("vault: error: user 'bob' is not a member of project 'vision'\n");
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$S3_KEY\""), S3_V1);

    // Read-only in lab, even for an editor of lab.
    let before = vault_state(h);
    let read_only = "vault: error: user 'bob' cannot change secret 'S3_KEY' in project 'lab': it is shared from project 'vision' and read-only here\n";
    as_user(h, "bob")
        .args(["secret", "edit", "S3_KEY", "--project", "lab", "--value-stdin"])
        .write_stdin("bob-overwrote-it-1234")
        .assert()
        .code(6)
        .stdout("")
        .stderr(read_only);
    as_user(h, "bob")
        .args(["secret", "delete", "S3_KEY", "--project", "lab", "--yes"])
        .assert()
        .code(6)
        .stderr(read_only);
    as_user(h, "bob")
        .args(["secret", "rollback", "S3_KEY", "--project", "lab", "--version", "1"])
        .assert()
        .code(6)
        .stderr(read_only);
    assert_unchanged(h, &before);
    assert_absent(h, b"bob-overwrote-it-1234");

    // Carol is in lab but not in the community: she does not see it.
    assert!(names_in(h, "carol", "lab").is_empty());
    as_user(h, "carol").args(["secret", "get", "S3_KEY", "--project", "lab", "--reveal"]).assert().code(3).stdout("");
    let out = as_user(h, "carol")
        .args(["run", "--project", "lab", "--no-mask", "--", "env"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_value(&out, &[S3_V1]);

    // Edits in its home reach the community at once, with no re-share.
    alice(h)
        .args(["secret", "edit", "S3_KEY", "--project", "vision", "--value-stdin"])
        .write_stdin(S3_V2)
        .assert()
        .success();
    assert_eq!(reveal_as(h, "bob", "lab", "S3_KEY"), S3_V2);
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$S3_KEY\""), S3_V2);

    // A project secret of the same env name wins over the shared one.
    as_user(h, "bob")
        .args(["secret", "create", "LAB_S3", "--project", "lab", "--env-name", "S3_KEY"])
        .write_stdin(LAB_S3)
        .assert()
        .success();
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$S3_KEY\""), LAB_S3);
    as_user(h, "bob").args(["secret", "delete", "LAB_S3", "--project", "lab", "--yes"]).assert().success();
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$S3_KEY\""), S3_V2);

    // Unsharing hides it and rotates its data key (every version re-sealed).
    let dek = wrapped_dek(h, "vision", "S3_KEY");
    let sealed = sealed_versions(h, "vision", "S3_KEY");
    alice(h)
        .args(["secret", "unshare", "S3_KEY", "--project", "vision"])
        .assert()
        .success()
        .stderr("secret 'S3_KEY' is no longer shared with community 'research'; its data key was rotated\n");
    assert_ne!(wrapped_dek(h, "vision", "S3_KEY"), dek);
    let sealed_after = sealed_versions(h, "vision", "S3_KEY");
    for (old, new) in sealed.lines().zip(sealed_after.lines()) {
        assert_ne!(old, new, "a version kept the old data key");
    }
    assert_eq!(one(h, "SELECT count(*) FROM secret_shares"), "0");
    assert!(names_in(h, "bob", "lab").is_empty());
    as_user(h, "bob")
        .args(["secret", "get", "S3_KEY", "--project", "lab", "--reveal"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("vault: error: secret 'S3_KEY' not found in project 'lab'"));
    assert_eq!(run_sh(h, "bob", "lab", "test -z \"${S3_KEY+x}\" && echo unset"), "unset\n");
    assert_eq!(reveal(h, "vision", "S3_KEY"), S3_V2.as_bytes());
    assert_absent(h, S3_V2.as_bytes());
}

#[test]
fn only_a_community_admin_shares_and_unshares() {
    let home = team(&["bob", "carol"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["community", "member", "add", "research", "bob"]).assert().success();
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    create_secret(h, "vision", "S3_KEY", S3_V1);
    add_member(h, "alice", "vision", "bob", "owner");
    add_member(h, "alice", "vision", "carol", "owner");

    let before = vault_state(h);
    as_user(h, "bob")
        .args(["secret", "share", "S3_KEY", "--project", "vision"])
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'bob' is a member but not an admin of community 'research'; sharing a secret needs a community admin\n");
    as_user(h, "carol")
        .args(["secret", "share", "S3_KEY", "--project", "vision"])
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'carol' is not a member of community 'research'\n");
    as_user(h, "bob")
        .args(["community", "member", "add", "research", "carol"])
        .assert()
        .code(6)
        .stderr("vault: error: user 'bob' is a member but not an admin of community 'research'; adding members needs a community admin\n");
    assert_unchanged(h, &before);

    alice(h).args(["secret", "share", "S3_KEY", "--project", "vision"]).assert().success();
    let before = vault_state(h);
    as_user(h, "bob")
        .args(["secret", "unshare", "S3_KEY", "--project", "vision"])
        .assert()
        .code(6)
        .stderr("vault: error: user 'bob' is a member but not an admin of community 'research'; unsharing a secret needs a community admin\n");
    assert_unchanged(h, &before);

    // Made an admin, bob can.
    alice(h)
        .args(["community", "member", "add", "research", "bob", "--admin"])
        .assert()
        .success()
        .stderr("'bob' is now an admin of community 'research'\n");
    as_user(h, "bob").args(["secret", "unshare", "S3_KEY", "--project", "vision"]).assert().success();
    as_user(h, "bob").args(["secret", "share", "S3_KEY", "--project", "vision"]).assert().success();
    // Sharing twice is a conflict.
    as_user(h, "bob").args(["secret", "share", "S3_KEY", "--project", "vision"]).assert().code(4);
}

#[test]
fn a_project_joins_a_community_with_project_edit() {
    let home = team(&["bob"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["community", "member", "add", "research", "bob"]).assert().success();
    create_project(h, "vision");
    create_project(h, "lab");
    create_secret(h, "vision", "S3_KEY", S3_V1);
    // Not linked yet: sharing says how to link.
    alice(h)
        .args(["secret", "share", "S3_KEY", "--project", "vision"])
        .assert()
        .code(2)
        .stderr("vault: error: project 'vision' belongs to no community; link it with `vault project edit vision --community C`\n");
    for p in ["vision", "lab"] {
        alice(h)
            .args(["project", "edit", p, "--community", "research"])
            .assert()
            .success()
            .stderr(format!("updated project '{p}'\n"));
    }
    alice(h).args(["secret", "share", "S3_KEY", "--project", "vision", "--community", "research"]).assert().success();
    add_member(h, "alice", "lab", "bob", "viewer");
    assert_eq!(reveal_as(h, "bob", "lab", "S3_KEY"), S3_V1);
}

/// A listing is streamed, but everything that can fail it is checked before the first line:
/// a tampered link between the project and its community fails `secret list` with nothing on
/// stdout, in JSON or as a table (never half a JSON array).
#[test]
fn a_tampered_share_fails_a_listing_before_it_prints_anything() {
    let home = team(&["bob"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    alice(h).args(["project", "create", "lab", "--community", "research"]).assert().success();
    create_secret(h, "vision", "S3_KEY", S3_V1);
    create_secret(h, "lab", "AAA_OWN", LAB_S3);
    alice(h).args(["secret", "share", "S3_KEY", "--project", "vision", "--community", "research"]).assert().success();
    assert_eq!(list_json_as(h, "alice", "lab").len(), 2);

    let sig = one(h, "SELECT hex(community_sig) FROM projects WHERE name = 'lab'");
    let flipped = format!("{}{}", &sig[..sig.len() - 1], if sig.ends_with('0') { "1" } else { "0" });
    let update = format!("UPDATE projects SET community_sig = X'{flipped}' WHERE name = 'lab'; SELECT changes()");
    assert_eq!(one(h, &update), "1");
    for json in [true, false] {
        let mut cmd = alice(h);
        cmd.args(["secret", "list", "--project", "lab"]);
        if json {
            cmd.arg("--json");
        }
        cmd.assert().code(7).stdout("").stderr(contains("vault: error:"));
    }
}
