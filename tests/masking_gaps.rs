//! Masking gaps a review found (issue 17, item 5), each driven through `vault run` with a real
//! child: Go's default JSON escaping, `encodeURIComponent` and every-byte percent-encoding,
//! overlapping values, and lines of a multi-line value too short to mask (warned by name).

mod common;

use std::path::Path;

use common::*;

fn run_sh(home: &Path, script: &str) -> std::process::Output {
    alice(home).args(["run", "--project", "app", "--", "sh", "-c", script]).output().expect("run vault")
}

#[test]
fn go_json_escapes_and_percent_encodings_are_masked() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    let value = "s3cr&t<pw>!*(x)'";
    create_secret(h, "app", "PASSWORD", value);
    // What Go's json.Marshal, JavaScript's encodeURIComponent and an every-byte encoder print.
    let forms = [
        r"s3cr\u0026t\u003cpw\u003e!*(x)'",
        "s3cr%26t%3Cpw%3E!*(x)'",
        "%73%33%63%72%26%74%3C%70%77%3E%21%2A%28%78%29%27",
        "%73%33%63%72%26%74%3c%70%77%3e%21%2a%28%78%29%27",
    ];
    for form in forms {
        let out = run_sh(h, &format!("printf '%s\\n' '{}'", form.replace('\'', r"'\''")));
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "***\n", "form {form}");
    }
    assert_absent(h, value.as_bytes());
}

#[test]
fn overlapping_values_print_as_one_mask() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    create_secret(h, "app", "LEFT", "abcd1234");
    create_secret(h, "app", "RIGHT", "1234wxyz");
    let out = run_sh(h, "printf '[%s]' abcd1234wxyz; printf ' [%s]' 1234wxyzabcd1234");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Values that only touch are two runs.
    assert_eq!(text(&out.stdout), "[***] [******]");
    // Written a byte at a time, the same.
    let out = run_sh(h, "for c in a b c d 1 2 3 4 w x y z; do printf %s $c; done");
    assert_eq!(text(&out.stdout), "***");
}

#[test]
fn a_short_line_of_a_multi_line_value_is_warned_by_name() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    let pem = "-----BEGIN TEST KEY-----\nMIIBVwIBADANBgkqhkiG9w0BAQEFAASC\nQ7\n-----END TEST KEY-----\n";
    create_secret(h, "app", "TLS_KEY", pem);
    create_secret(h, "app", "PLAIN", "no-short-lines-here");
    let out = run_sh(h, "printf '%s\\n' \"$TLS_KEY\" | sed -n 2p");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "***\n");
    let err = text(&out.stderr);
    assert!(
        err.contains("vault: warning: this multi-line secret has a line shorter than 4 characters")
            && err.contains("TLS_KEY")
            && !err.contains("PLAIN"),
        "{err}"
    );
    assert!(!err.contains("MIIB") && !err.contains("Q7"), "{err}");
    // The warning holds under -q, as the short-value one does.
    let out = alice(h).args(["-q", "run", "--project", "app", "--", "true"]).output().unwrap();
    assert!(text(&out.stderr).contains("TLS_KEY"), "{}", text(&out.stderr));
    assert_absent(h, b"MIIBVwIBADANBgkqhkiG9w0BAQEFAASC");
}
