//! Every `cargo run --release -- …` example in README.md works as written
//! (run with the test binary, against a store of its own).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

#[test]
fn readme_examples_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let store = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-store");
    let _ = std::fs::remove_dir_all(&store);
    let corpus = common::corpus();
    let examples: Vec<String> = readme
        .lines()
        .filter_map(|l| l.trim().strip_prefix("cargo run --release -- "))
        .map(|rest| {
            // Comments are not part of the command; output goes nowhere.
            let rest = rest.split(" # ").next().unwrap_or(rest).trim();
            let rest = match rest.split_once(" > ") {
                Some((cmd, _)) => format!("{cmd} > /dev/null"),
                None => rest.to_owned(),
            };
            rest.replace("../shared/corpus", corpus.to_str().unwrap())
        })
        .collect();
    assert!(
        examples.len() >= 5,
        "README has {} examples",
        examples.len()
    );
    assert!(
        examples[0].starts_with("build "),
        "the first example builds: {}",
        examples[0]
    );
    for example in &examples {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("\"$POLICYKG\" {example}"))
            .current_dir(root)
            .env("POLICYKG", env!("CARGO_BIN_EXE_policykg"))
            .env("POLICYKG_STORE", &store)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "README example failed: {example}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        if !example.contains("/dev/null") {
            assert!(
                !out.stdout.is_empty(),
                "README example printed nothing: {example}"
            );
        }
    }
}
