//! Helpers shared by the integration tests: where the corpus is, and running
//! the real `policykg` binary.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The shared corpus (`POLICYKG_CORPUS`, else `../shared/corpus`).
pub fn corpus() -> PathBuf {
    std::env::var_os("POLICYKG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// The reference annotations (`POLICYKG_ACCEPTANCE`, else `../shared/acceptance`).
pub fn acceptance() -> PathBuf {
    std::env::var_os("POLICYKG_ACCEPTANCE")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/acceptance"))
}

/// The corpus file whose name starts with `prefix` (`"000"`).
pub fn corpus_file(prefix: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .next()
        .expect("corpus file with that prefix")
}

/// The result of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub raw_stdout: Vec<u8>,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            raw_stdout: o.stdout,
        }
    }
}

/// A `policykg` command with a clean environment for the store.
pub fn policykg() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_policykg"));
    c.env_remove("POLICYKG_STORE");
    c
}

/// Runs `policykg --store STORE ARGS…`.
pub fn run(store: &Path, args: &[&str]) -> Run {
    policykg()
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("the policykg binary runs")
        .into()
}

/// The value of a summary line (`documents    4`).
pub fn summary(stdout: &str, key: &str) -> Option<String> {
    stdout.lines().find_map(|l| {
        let rest = l.strip_prefix(key)?;
        rest.starts_with(' ').then(|| rest.trim().to_owned())
    })
}

/// Parses `query --format json` (W3C SPARQL JSON results): one map of
/// variable → value per row.
pub fn rows(json: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let v: serde_json::Value = serde_json::from_str(json).expect("SPARQL JSON results");
    v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .expect("binding")
                .iter()
                .map(|(k, t)| {
                    (
                        k.clone(),
                        t["value"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .collect()
}

/// Builds the corpus in memory and runs one SELECT query on it.
pub fn query_corpus(q: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    query_from(&corpus(), q)
}

/// Builds the documents under `path` in memory and runs one SELECT query.
pub fn query_from(path: &Path, q: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let out = policykg()
        .args([
            "--in-memory",
            "query",
            "--format",
            "json",
            "-e",
            q,
            "--from",
        ])
        .arg(path)
        .output()
        .expect("the policykg binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    rows(&String::from_utf8_lossy(&out.stdout))
}
