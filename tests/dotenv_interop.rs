//! dotenv as the ecosystem reads it (issue 17, part 4), checked against the real loaders:
//! python-dotenv (PyPI) and Node's `dotenv` (npm), both installed by `.ci/run`, and bash.
//!
//! - Every file `vault import` accepts reads the same in python-dotenv and in Node's dotenv as in
//!   the vault: hundreds of random files built from the pieces loaders disagree on, and a corpus
//!   of awkward hand-written ones run through the binary.
//! - Every file it refuses in the corpus is one the two loaders really read differently (two
//!   exceptions, named where they are).
//! - What `vault export --format dotenv --reveal` writes reads back byte for byte in
//!   python-dotenv, Node's dotenv, bash (`set -a; . FILE`) and `vault import`; a value no quoting
//!   carries stops the export by name, showing no value.
//!
//! The tests fail, never skip, when a loader is missing.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::team::assert_no_value;
use common::*;

/// What a loader read from one file: name -> value (None: python-dotenv's name without `=`).
type Read = BTreeMap<String, Option<String>>;

/// The environment the loaders run in: python-dotenv expands `${X}` from it, so a file that
/// vault refused for `${...}` reads differently there than in Node.
const LOADER_ENV: [(&str, &str); 2] = [("X", "from-the-environment"), ("HOME", "/home/reader")];

/// Where `.ci/run` installs Node's dotenv (`npm install --prefix target/interop dotenv@...`).
fn node_dotenv() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/interop/node_modules/dotenv");
    assert!(
        dir.join("package.json").exists(),
        "Node's dotenv is not installed at {}: run `npm install --prefix target/interop dotenv@18.0.10` \
         (as .ci/run does)",
        dir.display()
    );
    dir
}

/// Runs a loader on `files`, one JSON object per line on its stdout, one per file.
fn run_loader(mut cmd: Command, what: &str, files: &[PathBuf]) -> Vec<Read> {
    cmd.args(files).env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default());
    for (k, v) in LOADER_ENV {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
    assert!(out.status.success(), "{what} failed: {}", String::from_utf8_lossy(&out.stderr));
    let reads: Vec<Read> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{what} printed {l:?}: {e}")))
        .collect();
    assert_eq!(reads.len(), files.len(), "{what} read {} of {} files", reads.len(), files.len());
    reads
}

fn python_reads(files: &[PathBuf]) -> Vec<Read> {
    let mut cmd = Command::new("python3");
    cmd.args([
        "-c",
        "import json, sys\n\
         try:\n    from dotenv import dotenv_values\n\
         except ImportError:\n    sys.exit('python-dotenv is not installed: python3 -m pip install python-dotenv==1.2.2 (as .ci/run does)')\n\
         for p in sys.argv[1:]:\n    print(json.dumps(dotenv_values(p)))\n",
    ]);
    run_loader(cmd, "python-dotenv", files)
}

fn node_reads(files: &[PathBuf]) -> Vec<Read> {
    let mut cmd = Command::new("node");
    cmd.args([
        "-e",
        "const fs = require('fs'); const dotenv = require(process.argv[1]);\n\
         for (const p of process.argv.slice(2)) console.log(JSON.stringify(dotenv.parse(fs.readFileSync(p))));",
    ]);
    cmd.arg(node_dotenv());
    run_loader(cmd, "Node's dotenv", files)
}

/// What bash reads for `names` after `set -a; . FILE`, each file in its own bash.
fn bash_reads(files: &[PathBuf], names: &[&str]) -> Vec<Read> {
    files
        .iter()
        .map(|f| {
            let out = Command::new("bash")
                .args(["-c", "set -a; . \"$1\"; shift; for n; do printf '%s\\0' \"${!n}\"; done", "bash"])
                .arg(f)
                .args(names)
                .env_clear()
                .output()
                .unwrap();
            assert!(out.status.success(), "bash: {}", String::from_utf8_lossy(&out.stderr));
            let values = out.stdout.split(|&b| b == 0).map(|v| String::from_utf8(v.to_vec()).unwrap());
            names.iter().zip(values).map(|(n, v)| (n.to_string(), Some(v))).collect()
        })
        .collect()
}

/// A python-dotenv read as the environment it sets: without the names it reads with no `=`
/// (None: `load_dotenv` sets nothing for them), and without the BOM it keeps in the first name
/// (Node and vault drop it; nobody means a variable named "\u{feff}KEY").
fn as_set(mut r: Read) -> Read {
    r.retain(|_, v| v.is_some());
    if let Some(k) = r.keys().find(|k| k.starts_with('\u{feff}')).cloned() {
        let v = r.remove(&k).unwrap();
        r.insert(k.trim_start_matches('\u{feff}').to_owned(), v);
    }
    r
}

/// What vault's parser reads, as a loader's map (empty values included: a loader sets them), or
/// why it refuses.
fn vault_reads(text: &str) -> Result<Read, String> {
    let p = vault::formats::parse_dotenv(text).map_err(|e| e.to_string())?;
    let mut out = Read::new();
    for (k, v, _) in &p.entries {
        if out.insert(k.clone(), Some(v.expose().to_owned())).is_some() {
            return Err("a name twice".into());
        }
    }
    for (k, _) in &p.empty {
        if out.insert(k.clone(), Some(String::new())).is_some() {
            return Err("a name twice".into());
        }
    }
    Ok(out)
}

/// xorshift64*: the random files and values are the same on every run (a seed in
/// VAULT_INTEROP_SEED tries others), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn seeded() -> (Rng, u64) {
        let seed = std::env::var("VAULT_INTEROP_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_d07e_2026);
        (Rng(seed | 1), seed)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// Pieces of values: what the loaders treat specially, and ordinary text.
const VALUE_PIECES: &[&str] = &[
    "a", "b2", "tok3n", "$X", "$", "{", "}", "${X}", "${X:-d}", "\\", "\\\\", "\\n", "\\r", "\\t", "\\$", "\\'",
    "\\\"", "\\d", "'", "\"", "`", " ", "  ", "\t", "#", " #", " # c", "=", "://", "é", "😀", "\u{a0}", "\u{2028}",
    "%",
];
/// Pieces that only make sense inside quotes: line ends.
const QUOTED_PIECES: &[&str] = &["\n", "\r\n", "\n#", "\nK9=x\n"];

fn random_value(rng: &mut Rng) -> String {
    let mut v = String::new();
    for _ in 0..rng.below(6) {
        v.push_str(rng.pick(VALUE_PIECES));
    }
    v
}

/// One random dotenv file: lines with distinct names, comments and blank lines between them.
fn random_file(rng: &mut Rng) -> String {
    let mut text = String::new();
    if rng.below(8) == 0 {
        text.push('\u{feff}');
    }
    let lines = 1 + rng.below(4);
    for n in 0..lines {
        match rng.below(6) {
            0 => text.push_str(rng.pick(&["# a comment ${X} 'q' \"d\"", "", "   ", "\t# $X"])),
            _ => {
                text.push_str(rng.pick(&["", "", "export ", "  ", "\texport\t"]));
                text.push_str(&format!("K{n}"));
                text.push_str(rng.pick(&["=", "=", " = ", "\t=", "= "]));
                let mut body = random_value(rng);
                match rng.below(3) {
                    0 => text.push_str(&body),
                    q => {
                        if rng.below(3) == 0 {
                            body.push_str(rng.pick(QUOTED_PIECES));
                            body.push_str(&random_value(rng));
                        }
                        let quote = if q == 1 { "'" } else { "\"" };
                        text.push_str(&format!("{quote}{body}{quote}"));
                    }
                }
                text.push_str(rng.pick(&["", "", " ", " # c $X", "#c", "\t"]));
            }
        }
        if n + 1 < lines || rng.below(2) == 0 {
            text.push_str(rng.pick(&["\n", "\n", "\r\n"]));
        }
    }
    text
}

fn write_files(dir: &Path, texts: &[String]) -> Vec<PathBuf> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let p = dir.join(format!("{i:04}.env"));
            std::fs::write(&p, t).unwrap();
            p
        })
        .collect()
}

#[test]
fn every_random_file_vault_accepts_reads_the_same_in_python_dotenv_and_node() {
    let (mut rng, seed) = Rng::seeded();
    let texts: Vec<String> = (0..600).map(|_| random_file(&mut rng)).collect();
    let dir = scratch();
    let files = write_files(dir.path(), &texts);
    let (py, node) = (python_reads(&files), node_reads(&files));
    let (mut accepted, mut agreed_but_refused) = (0, 0);
    for (i, text) in texts.iter().enumerate() {
        let (py, node) = (as_set(py[i].clone()), &node[i]);
        match vault_reads(text) {
            Ok(ours) => {
                accepted += 1;
                assert_eq!(&py, &ours, "seed {seed}, file {i}: python-dotenv reads {text:?} differently");
                assert_eq!(node, &ours, "seed {seed}, file {i}: Node's dotenv reads {text:?} differently");
            }
            Err(_) if py == *node => agreed_but_refused += 1,
            Err(_) => {}
        }
    }
    eprintln!(
        "seed {seed}: {accepted} of {} files accepted; {agreed_but_refused} refused that both read alike",
        texts.len()
    );
    // The generator is tuned to hit both sides: a test that accepted nothing would prove nothing.
    assert!(accepted >= texts.len() / 5, "only {accepted} of {} random files were accepted", texts.len());
    assert!(accepted <= texts.len() * 4 / 5, "{accepted} of {} random files were accepted", texts.len());
}

/// Hand-written files: what `vault import` does with each, and why.
enum Want {
    /// Imported; both loaders read it so (empty values are skipped by vault, set by the loaders).
    Same,
    /// Refused with an error on this line; the loaders read the file differently.
    Refused(usize),
    /// Refused with an error on this line although the loaders agree, for the reason given.
    RefusedAnyway(usize, &'static str),
}
use Want::*;

const CORPUS: &[(&str, Want)] = &[
    // The issue's examples, read as both read them.
    ("GREETING=hello world\n", Same),
    ("DEBUG=\nVERBOSE=''\nQUIET=\"\"\n", Same),
    ("\u{feff}BOM_KEY=x\r\nCRLF=y\r\n", Same),
    ("export EXPORTED=1\nexport\tTABBED = two words  # c\n", Same),
    ("NEWLINES=\"line1\\nline2\\rend\"\n", Same),
    ("LIT='$HOME \\d \"q\" #'\n", Same),
    ("URL=postgres://user:p@ss@db:5432/app?sslmode=require\n", Same),
    ("DOLLAR=a$HOME\nDOLLAR2=$$\nBRACE=${X\nCOLON=${X:y}\n", Same),
    ("PEM=\"-----BEGIN KEY-----\r\nAAAA\r\n-----END KEY-----\"\r\n", Same),
    ("QUOTES=it's \"fine\"\nBACKSLASH=C:\\temp\\new\n", Same),
    ("AAA=1 # note\nBBB='2' # note\nCCC=\"3\"#note\n", Same),
    // What the loaders read differently.
    ("EXPAND=pre${HOME}post\n", Refused(1)),
    ("EXPAND='${X}'\n", Refused(1)),
    ("OKAY=1\nEXPAND=\"${X:-default}\"\n", Refused(2)),
    ("TABS=\"a\\tb\"\n", Refused(1)),
    ("ESCQ=\"say \\\"hi\\\"\"\n", Refused(1)),
    ("ESCB=\"a\\\\b\"\n", Refused(1)),
    ("SQB='a\\\\b'\n", Refused(1)),
    ("SQQ='it\\'s'\n", Refused(1)),
    ("HASH=a#b\n", Refused(1)),
    ("HASH=#x\n", Refused(1)),
    ("HASH= #x\n", Refused(1)),
    ("EMPTY=\n'quoted below'\nNEXT=1\n", Refused(1)),
    ("TICK=`cmd`\n", Refused(1)),
    ("OKAY=1\nJUNK='a' b\n", Refused(2)),
    ("UNTERMINATED='abc\n", Refused(1)),
    ("NBSP=a\u{feff}\n", Refused(1)),
    ("export = x\n", Refused(1)),
    ("CCC=1\n# note\u{2028}BBB=evil\n", Refused(2)),
    ("AAA='x' # c\u{2029}BBB=2\n", Refused(1)),
    // The loaders agree on these, but vault refuses them anyway.
    (
        "LEGACY=\"pa\\$word\"\n",
        RefusedAnyway(1, "both keep the backslash; vault exports before this release wrote \\$ for $"),
    ),
    ("CRR=a\rBBB=b\n", RefusedAnyway(1, "both read a lone CR as a line end; a terminal shows it as one line")),
];

#[test]
fn awkward_files_import_as_both_loaders_read_them_or_are_refused_where_they_differ() {
    let home = init_vault();
    let h = home.path();
    let dir = scratch();
    let texts: Vec<String> = CORPUS.iter().map(|(t, _)| t.to_string()).collect();
    let files = write_files(dir.path(), &texts);
    let (py, node) = (python_reads(&files), node_reads(&files));
    for (i, (text, want)) in CORPUS.iter().enumerate() {
        let (py, node) = (as_set(py[i].clone()), &node[i]);
        let project = format!("case-{i:02}");
        create_project(h, &project);
        let before = vault_state(h);
        let out = alice(h).arg("import").arg(&files[i]).args(["--project", &project]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match want {
            Same => {
                assert!(out.status.success(), "{text:?} was refused: {stderr}");
                assert_eq!(&py, node, "{text:?}: the loaders disagree, so vault should have refused it");
                let a = alice(h).args(["export", "--project", &project, "--format", "json", "--reveal"]).assert();
                let stored: Read = serde_json::from_slice(&a.get_output().stdout).unwrap();
                let set: Read =
                    py.iter().filter(|(_, v)| v.as_deref() != Some("")).map(|(k, v)| (k.clone(), v.clone())).collect();
                // What the loaders set to a value is stored, what they set empty is named as skipped.
                assert_eq!(stored, set, "{text:?}");
                for (k, v) in &py {
                    if v.as_deref() == Some("") {
                        assert!(
                            stderr.contains(&format!("{k} (line ")),
                            "{text:?}: {k} not named as skipped: {stderr}"
                        );
                    }
                }
            }
            Refused(line) | RefusedAnyway(line, _) => {
                assert_eq!(out.status.code(), Some(2), "{text:?} was not refused: {stderr}");
                assert!(
                    stderr.starts_with(&format!("vault: error: dotenv syntax error on line {line} at character ")),
                    "{text:?}: {stderr}"
                );
                assert_unchanged(h, &before);
                if let RefusedAnyway(_, why) = want {
                    assert_eq!(&py, node, "{text:?}: the loaders now disagree; the reason to refuse was: {why}");
                } else {
                    assert_ne!(&py, node, "{text:?}: both loaders read this alike; vault need not refuse it");
                }
            }
        }
    }
}

/// Values for the export test: random mixes of what quoting cares about, and plain ones.
fn random_values(rng: &mut Rng, n: usize) -> Vec<String> {
    const CHARS: &[&str] = &[
        "a", "Z", "7", "'", "\"", "$", "{", "}", "${X}", "\\", "`", "#", " ", "\t", "\n", "\r", "=", "é", "😀",
        "\u{a0}", "\u{2028}", "!", "*", "~", ";", "&", "|", "(", ")", "<", ">", "\0",
    ];
    (0..n)
        .map(|_| {
            let len = 1 + rng.below(24);
            let mut v: String = (0..len).map(|_| rng.pick(CHARS)).collect();
            if rng.below(4) == 0 {
                v.retain(|c| !matches!(c, '\r' | '\'' | '{' | '\0'));
                v.push('~');
            }
            v
        })
        .collect()
}

#[test]
fn dotenv_exports_read_back_byte_for_byte_in_python_node_bash_and_vault() {
    let (mut rng, seed) = Rng::seeded();
    let values = random_values(&mut rng, 160);
    let home = init_vault();
    let h = home.path();
    let dir = scratch();
    let name = |i: usize| format!("VALUE_{i:03}");
    let portable: Vec<usize> =
        (0..values.len()).filter(|&i| vault::formats::dotenv_quote(&values[i]).is_some()).collect();
    let unportable: Vec<usize> = (0..values.len()).filter(|i| !portable.contains(i)).collect();
    assert!(portable.len() >= 40 && unportable.len() >= 20, "seed {seed}: {} portable", portable.len());

    // Every value goes in through JSON, which carries any of them.
    let put = |project: &str, which: &[usize]| {
        create_project(h, project);
        let map: BTreeMap<String, &str> = which.iter().map(|&i| (name(i), values[i].as_str())).collect();
        let file = dir.path().join(format!("{project}.json"));
        std::fs::write(&file, serde_json::to_vec(&map).unwrap()).unwrap();
        alice(h).arg("import").arg(&file).args(["--project", project]).assert().success();
    };
    let all: Vec<usize> = (0..values.len()).collect();
    put("all", &all);
    put("portable", &portable);

    // A value no quoting carries stops the export, naming each such value and showing none.
    let out = alice(h).args(["export", "--project", "all", "--format", "dotenv", "--reveal"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let named: Vec<String> = unportable.iter().map(|&i| name(i)).collect();
    assert!(stderr.contains(&format!("no dotenv quoting reads {} back the same", named.join(", "))), "{stderr}");
    let long: Vec<&str> = values.iter().filter(|v| v.chars().count() >= 8).map(String::as_str).collect();
    assert_no_value(&out, &long);

    let out = alice(h).args(["export", "--project", "portable", "--format", "dotenv", "--reveal"]).assert().success();
    let exported = out.get_output().stdout.clone();
    let file = dir.path().join("exported.env");
    std::fs::write(&file, &exported).unwrap();
    let want: Read = portable.iter().map(|&i| (name(i), Some(values[i].clone()))).collect();
    let names: Vec<String> = want.keys().cloned().collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let files = [file.clone()];
    assert_eq!(python_reads(&files)[0], want, "seed {seed}: python-dotenv");
    assert_eq!(node_reads(&files)[0], want, "seed {seed}: Node's dotenv");
    assert_eq!(bash_reads(&files, &names)[0], want, "seed {seed}: bash");
    create_project(h, "again");
    alice(h).arg("import").arg(&file).args(["--project", "again"]).assert().success();
    let a = alice(h).args(["export", "--project", "again", "--format", "json", "--reveal"]).assert().success();
    let back: Read = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(back, want, "seed {seed}: vault import");
}
