//! dotenv import against hostile files (attack 3: a bare CR before `#` made the old pre-pass and
//! dotenvy disagree on what was a comment, and dotenvy expanded `${...}` from the importer's
//! environment). Whatever an attacker writes, each file is either refused (exit 2, naming the
//! line, nothing imported) or stored exactly as written, and sentinels set in the importer's
//! environment appear in no stored value, no output and no file under home. The syntax that is
//! accepted reads back exactly, also through a dotenv export imported again.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::team::assert_no_value;
use common::*;

/// In the importer's environment as AWS_SECRET_ACCESS_KEY and GITHUB_TOKEN.
const AWS: &str = "aws-sentinel-9d1c0e7b42f1";
const TOKEN: &str = "gh-sentinel-5a83f2c6e0d4";

/// What must not leave the importer's environment: the sentinels and alice's passphrase.
const SECRETS: [&str; 3] = [AWS, TOKEN, ALICE_PASS];

enum Want {
    /// Exit 2, a syntax error on this line, nothing imported.
    Refused(usize),
    /// Imported: exactly these names and values.
    Stored(&'static [(&'static str, &'static str)]),
}
use Want::*;

/// Files an attacker could hand over, and what importing each must do.
const HOSTILE: &[(&str, Want)] = &[
    // The report: CR then `#` was a comment for the pre-pass, a new line for dotenvy.
    ("NOTE=ok\r#${AWS_SECRET_ACCESS_KEY}:${VAULT_PASSPHRASE}\n", Refused(1)),
    ("GOOD=fine\nNOTE=ok\r#${GITHUB_TOKEN}\nMORE=x\n", Refused(2)),
    ("NOTE=ok\r", Refused(1)),
    ("NOTE=ok\t\r#${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("NOTE=ok #\r${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("NOTE=\"ok\"\r#${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("NOTE=\"ok\r#${AWS_SECRET_ACCESS_KEY}\"\n", Refused(1)),
    ("NOTE='ok\r#${AWS_SECRET_ACCESS_KEY}'\n", Refused(1)),
    ("NOTE=ok\\\r#${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("GOOD=1\n# c\r${GITHUB_TOKEN}\n", Refused(2)),
    ("GOOD=1\n\r#${GITHUB_TOKEN}\n", Refused(2)),
    // Plain `$NAME` is kept as written; `${...}`, which python-dotenv expands from the reader's
    // environment and Node's dotenv keeps, is refused however it is quoted or escaped.
    ("AAA=$AWS_SECRET_ACCESS_KEY\n", Stored(&[("AAA", "$AWS_SECRET_ACCESS_KEY")])),
    ("BBB=\"${AWS_SECRET_ACCESS_KEY}\"\n", Refused(1)),
    ("CCC=pre\\ ${X}\nCC2=pre\\ ${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("HHH=x\\ #${VAULT_PASSPHRASE}\n", Stored(&[("HHH", "x\\")])),
    ("GGG='${AWS_SECRET_ACCESS_KEY}'\n", Refused(1)),
    ("GOOD=1\nKKK=\\${AWS_SECRET_ACCESS_KEY}\n", Refused(2)),
    ("KK2=\"\\${GITHUB_TOKEN}\"\n", Refused(1)),
    ("KK3=\"a\\$GITHUB_TOKEN\"\n", Refused(1)),
    ("NNN=$$${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("OOO=${AWS_SECRET_ACCESS_KEY:-x}\n", Refused(1)),
    ("PPP=\"$(printenv GITHUB_TOKEN)\"\n", Stored(&[("PPP", "$(printenv GITHUB_TOKEN)")])),
    ("export\tTTT=${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("\u{feff}XXX=$AWS_SECRET_ACCESS_KEY\n", Stored(&[("XXX", "$AWS_SECRET_ACCESS_KEY")])),
    ("# it's \"${AWS_SECRET_ACCESS_KEY}\nAAA=ok\n", Stored(&[("AAA", "ok")])),
    // Blanks, tabs and CRLF before a `#`: a comment, never a value that gets expanded.
    ("DDD=ok\t#${AWS_SECRET_ACCESS_KEY}\n", Stored(&[("DDD", "ok")])),
    ("DDD=ok\t$AWS_SECRET_ACCESS_KEY\n", Stored(&[("DDD", "ok\t$AWS_SECRET_ACCESS_KEY")])),
    ("DDD=ok#$AWS_SECRET_ACCESS_KEY\n", Refused(1)),
    (
        "EEE=ok\r\n#${AWS_SECRET_ACCESS_KEY}\r\nFFF=$GITHUB_TOKEN\r\n",
        Stored(&[("EEE", "ok"), ("FFF", "$GITHUB_TOKEN")]),
    ),
    ("III=\"x\" #${AWS_SECRET_ACCESS_KEY}\n", Stored(&[("III", "x")])),
    ("III=\"x\"$AWS_SECRET_ACCESS_KEY\n", Refused(1)),
    ("III='it''s'$AWS_SECRET_ACCESS_KEY\n", Refused(1)),
    ("JJJ=a\"$AWS_SECRET_ACCESS_KEY\"\n", Stored(&[("JJJ", "a\"$AWS_SECRET_ACCESS_KEY\"")])),
    ("WWW= #$AWS_SECRET_ACCESS_KEY\n", Refused(1)),
    ("WWW=`printenv AWS_SECRET_ACCESS_KEY`\n", Refused(1)),
    // Node's dotenv takes a quoted line below an empty value as that value.
    ("WWW=\n\"$AWS_SECRET_ACCESS_KEY\"\n", Refused(1)),
    ("WWW=  \r\n\r\n  '$GITHUB_TOKEN'\n", Refused(1)),
    // Escapes: the two both loaders read (`\n`, `\r`) give the character, others they read
    // differently are refused, and the rest stay a backslash and a character.
    ("FFF=\"a\\r$AWS_SECRET_ACCESS_KEY\"\n", Stored(&[("FFF", "a\r$AWS_SECRET_ACCESS_KEY")])),
    ("FFF=\"a\\t\\n$AWS_SECRET_ACCESS_KEY\"\n", Refused(1)),
    ("ZZZ=\"a\\\n${AWS_SECRET_ACCESS_KEY}\"\n", Refused(1)),
    ("ZZZ=\"a\\x24{AWS_SECRET_ACCESS_KEY}\"\n", Stored(&[("ZZZ", "a\\x24{AWS_SECRET_ACCESS_KEY}")])),
    ("ZZZ=a\\n$AWS_SECRET_ACCESS_KEY\n", Stored(&[("ZZZ", "a\\n$AWS_SECRET_ACCESS_KEY")])),
    (
        "SSS=\"first\n$AWS_SECRET_ACCESS_KEY\r\n#${GITHUB_TOKEN\"\n",
        Stored(&[("SSS", "first\n$AWS_SECRET_ACCESS_KEY\n#${GITHUB_TOKEN")]),
    ),
    ("GOOD=1\nAAA=\"$AWS_SECRET_ACCESS_KEY\n", Refused(2)),
    // Whitespace other than space and tab, controls and NUL: refused, not guessed at.
    ("UUU=x\u{a0}#${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("UUU=x\u{2028}#${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("UUU=x\u{85}#${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("VVV=x\x0b#${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("VVV=x\x0c#${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("YYY=a\0${AWS_SECRET_ACCESS_KEY}\n", Refused(1)),
    ("YYY=\"a\0${AWS_SECRET_ACCESS_KEY}\"\n", Refused(1)),
    ("GOOD=1\n${AWS_SECRET_ACCESS_KEY}=x\n", Refused(2)),
];

fn write(dir: &Path, file: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(file);
    std::fs::write(&p, content).unwrap();
    p
}

/// `vault import FILE --project P` with the sentinels in its environment.
fn import(home: &Path, file: &Path, project: &str) -> Output {
    alice(home)
        .env("AWS_SECRET_ACCESS_KEY", AWS)
        .env("GITHUB_TOKEN", TOKEN)
        .arg("import")
        .arg(file)
        .args(["--project", project])
        .output()
        .expect("run vault import")
}

/// Every name and value of a project, from `export --format json --reveal`, and the output.
fn stored(home: &Path, project: &str) -> (BTreeMap<String, String>, Output) {
    let out = alice(home)
        .args(["export", "--project", project, "--format", "json", "--reveal"])
        .assert()
        .success()
        .get_output()
        .clone();
    let map = json(&out.stdout)
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect();
    (map, out)
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|&(k, v)| (k.to_owned(), v.to_owned())).collect()
}

#[test]
fn hostile_files_are_refused_or_stored_literally_and_never_leak_the_environment() {
    let home = init_vault();
    let h = home.path();
    let files = scratch();
    for (i, (text, want)) in HOSTILE.iter().enumerate() {
        let project = format!("case-{i:02}");
        create_project(h, &project);
        let file = write(files.path(), &format!("{project}.env"), text);
        let before = vault_state(h);
        let out = import(h, &file, &project);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Errors show no value, not even a piece of one.
        assert_no_value(&out, &SECRETS);
        assert_no_value(&out, &["$AWS", "$GITHUB", "AWS_SECRET", "GITHUB_TOKEN"]);
        match want {
            Refused(line) => {
                assert_eq!(out.status.code(), Some(2), "{text:?} was not refused: {stderr}");
                assert!(out.stdout.is_empty(), "{text:?}");
                assert!(
                    stderr.starts_with(&format!("vault: error: dotenv syntax error on line {line} at character ")),
                    "{text:?}: {stderr}"
                );
                assert_unchanged(h, &before);
                assert_eq!(stored(h, &project).0, map(&[]), "{text:?}");
            }
            Stored(pairs) => {
                assert!(out.status.success(), "{text:?} was refused: {stderr}");
                let (values, export) = stored(h, &project);
                assert_eq!(values, map(pairs), "{text:?}");
                assert_no_value(&export, &SECRETS);
            }
        }
    }
    // And through `secret get`, for the report's own forms.
    let case = |start: &str| format!("case-{:02}", HOSTILE.iter().position(|(t, _)| t.starts_with(start)).unwrap());
    assert_eq!(reveal(h, &case("AAA=$"), "AAA"), b"$AWS_SECRET_ACCESS_KEY");
    assert_eq!(reveal(h, &case("HHH="), "HHH"), b"x\\");
    for s in SECRETS {
        assert_absent(h, s.as_bytes());
    }
}

#[test]
fn accepted_syntax_reads_back_exactly() {
    let home = init_vault();
    let h = home.path();
    let files = scratch();
    create_project(h, "src");
    let text = "\u{feff}# exported by hand, with $HOME in a comment\r\n\
                \r\n\
                DB_HOST=db.internal\r\n\
                export API_URL = 'https://api.example.com/v1?a=b#frag'\r\n\
                \x20 SPACED\t=\t  padded  value \\ \t# trailing comment\r\n\
                \n\
                # a comment with 'quotes' and \"KEY=value\"\n\
                SINGLE='  $literal \\n \"both\" # kept  ' # comment\n\
                DOUBLE=\"nl\\ncr\\r it's \\d $raw\"# comment\n\
                PEM=\"-----BEGIN KEY-----\nAAAA+/=\r\n-----END KEY-----\n\"\n\
                GREETING=hello world, it's \"me\"\n\
                DEBUG=\n\
                UNICODE=ünïcødé✓😀\n\
                LAST_NO_NEWLINE=end";
    let file = write(files.path(), "accepted.env", text);
    let out = import(h, &file, "src");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "vault: note: skipped 1 empty value(s), a secret needs a value: DEBUG (line 15)\n\
         imported 9 secret(s): 9 created, 0 updated\n"
    );
    let want = map(&[
        ("DB_HOST", "db.internal"),
        ("API_URL", "https://api.example.com/v1?a=b#frag"),
        ("SPACED", "padded  value \\"),
        ("SINGLE", "  $literal \\n \"both\" # kept  "),
        ("DOUBLE", "nl\ncr\r it's \\d $raw"),
        ("PEM", "-----BEGIN KEY-----\nAAAA+/=\n-----END KEY-----\n"),
        ("GREETING", "hello world, it's \"me\""),
        ("UNICODE", "ünïcødé✓😀"),
        ("LAST_NO_NEWLINE", "end"),
    ]);
    let (got, _) = stored(h, "src");
    assert_eq!(got, want);
    assert_eq!(reveal(h, "src", "SPACED"), b"padded  value \\");
    assert_eq!(reveal(h, "src", "PEM"), want["PEM"].as_bytes());

    // A value no dotenv quoting carries to every reader stops the export, by name, revealing
    // nothing; once it is gone, what `export --format dotenv` writes imports back byte for byte.
    let out = alice(h).args(["export", "--project", "src", "--format", "dotenv", "--reveal"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("vault: error: no dotenv quoting reads DOUBLE, GREETING, SPACED back the same"), "{err}");
    assert_no_value(&out, &["cr\r", "$raw", "it's", "padded", "hello"]);
    for name in ["DOUBLE", "GREETING", "SPACED"] {
        alice(h).args(["secret", "delete", name, "--project", "src", "--yes"]).assert().success();
    }
    let dotenv = alice(h)
        .args(["export", "--project", "src", "--format", "dotenv", "--reveal"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!dotenv.contains(&b'\r'), "export wrote a raw CR: {}", String::from_utf8_lossy(&dotenv));
    let again = write(files.path(), "again.env", &dotenv);
    create_project(h, "again");
    let out = import(h, &again, "again");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut rest = got.clone();
    rest.retain(|k, _| !["DOUBLE", "GREETING", "SPACED"].contains(&k.as_str()));
    assert_eq!(stored(h, "again").0, rest);
}

// What python-dotenv and Node's dotenv read differently is refused with its line, nothing
// imported; `A=hello world` and `DEBUG=` are read as both read them.
#[test]
fn a_line_the_loaders_read_two_ways_is_refused_with_its_line() {
    let home = init_vault();
    let h = home.path();
    let files = scratch();
    create_project(h, "app");
    let before = vault_state(h);
    for (text, err) in [
        (
            "FIRST=ok-value-71c2\nGREETING=hello#world-3e9a\n",
            "vault: error: dotenv syntax error on line 2 at character 15: a '#' inside an unquoted value: \
             python-dotenv keeps it, Node's dotenv ends the value there; quote the value\n",
        ),
        (
            "FIRST=ok-value-71c2\n\nTAB=\"a\\tworld-3e9a\"\n",
            "vault: error: dotenv syntax error on line 3 at character 8: this escape inside double quotes: \
             python-dotenv reads it, Node's dotenv keeps the backslash (both read only \\n and \\r)\n",
        ),
        (
            "FIRST=ok-value-71c2\nURL=\"https://${HOST}/world-3e9a\"\n",
            "vault: error: dotenv syntax error on line 2 at character 5: '${...}' in the value: python-dotenv \
             replaces it with a variable from the reading environment, Node's dotenv keeps it as text\n",
        ),
    ] {
        let file = write(files.path(), "refused.env", text);
        let out = import(h, &file, "app");
        assert_eq!(out.status.code(), Some(2), "{text:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), err, "{text:?}");
        assert_no_value(&out, &["ok-value-71c2", "world-3e9a"]);
        assert_unchanged(h, &before);
    }
    assert_absent(h, b"ok-value-71c2");

    let file = write(files.path(), "empty.env", "GREETING=hello world\nDEBUG=\nDEBUG=on\n");
    let out = import(h, &file, "app");
    assert_eq!(out.status.code(), Some(2), "a name assigned twice, once empty, is still a repeat");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: 'DEBUG' appears twice"));
    let file = write(files.path(), "empty.env", "GREETING=hello world\nDEBUG=\n");
    let out = alice(h).args(["--json", "import"]).arg(&file).args(["--project", "app"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out.stdout), serde_json::json!({"created": 1, "updated": 0, "skipped_empty": ["DEBUG"]}));
    assert_eq!(stored(h, "app").0, map(&[("GREETING", "hello world")]));
}
