//! Helpers shared by the integration tests: where the corpus is, and running
//! the real `policykg` binary.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
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

/// Lower-case words of letters and digits.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Letters and digits only, lower case: "F-35" and "f35" are the same name.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when the graph entity with `labels` is the reference entity `id`.
pub fn same_entity(
    id: &str,
    ref_aliases: Option<&BTreeSet<String>>,
    labels: &BTreeSet<String>,
) -> bool {
    let squashed: BTreeSet<String> = labels.iter().map(|l| squash(l)).collect();
    if let Some(aliases) = ref_aliases
        && aliases.iter().any(|a| squashed.contains(&squash(a)))
    {
        return true;
    }
    // Words of the id that say what kind of thing it is, not which one.
    const KIND_WORDS: [&str; 3] = ["nl", "person", "ministry"];
    let id_words: BTreeSet<String> = words(id)
        .into_iter()
        .filter(|w| !KIND_WORDS.contains(&w.as_str()))
        .collect();
    let mut names: BTreeSet<String> = BTreeSet::new();
    for l in labels {
        let lw = words(l);
        // Initialisms of consecutive words, skipping short function words.
        for start in 0..lw.len() {
            let mut initials = String::new();
            for w in lw[start..].iter().filter(|w| w.chars().count() > 3) {
                initials.extend(w.chars().next());
                names.insert(initials.clone());
            }
        }
        names.extend(lw);
    }
    // One-word ids with aliases ("eu") are named by their aliases alone:
    // their word is in too many labels.
    let by_words = ref_aliases.is_none() || id_words.len() >= 2;
    squashed.contains(&squash(id))
        || (by_words && !id_words.is_empty() && id_words.is_subset(&names))
}

/// True when half the words of the reference `quote` are in `evidence`.
pub fn covers(quote: &str, evidence: &str) -> bool {
    let q = words(quote);
    let e: BTreeSet<String> = words(evidence).into_iter().collect();
    !q.is_empty() && q.iter().filter(|w| e.contains(*w)).count() * 2 >= q.len()
}

/// One reference fact of `../shared/acceptance/`, as JSON.
pub fn reference_facts() -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for file in ["facts-000.jsonl", "facts-002.jsonl"] {
        let text = std::fs::read_to_string(acceptance().join(file)).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            out.push(serde_json::from_str(line).unwrap());
        }
    }
    out
}

/// The reference aliases of each annotator id, lower case.
pub fn reference_aliases() -> BTreeMap<String, BTreeSet<String>> {
    let mut aliases: BTreeMap<String, BTreeSet<String>> = Default::default();
    for v in reference_facts() {
        if v["kind"] == "alias" {
            aliases
                .entry(v["s"].as_str().unwrap_or_default().to_owned())
                .or_default()
                .insert(v["o"].as_str().unwrap_or_default().to_lowercase());
        }
    }
    aliases
}

/// The text of a bundled query (`queries/NAME.rq`).
pub fn bundled(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("queries/{name}.rq")),
    )
    .unwrap()
}

/// Lower-case letters and digits only, with the original line of each.
fn alnum_chars(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `quote` is read from `lines` starting at 1-based `line`: its
/// first letters begin on that line, and the rest follows in chunks of at
/// least eight letters, none further than a page from the one before.
/// `line` without Word's footnote, image and bookmark markup, which is not text.
fn markup_free(line: &str) -> String {
    static MARKUP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\[(?:footnoteRef:\d+|image:[^\]]*|bookmark:[^\]]*)\]").unwrap()
    });
    MARKUP.replace_all(line, "").into_owned()
}

pub fn quote_in_source(quote: &str, lines: &[String], line: usize) -> Result<(), String> {
    let q = alnum_chars(quote);
    if q.is_empty() {
        return Ok(());
    }
    let first_line = alnum_chars(&markup_free(
        lines.get(line - 1).ok_or("line past the end")?,
    ));
    let mut hay: Vec<char> = Vec::new();
    // Where each line ends, in letters: a page break may follow.
    let mut line_ends = std::collections::BTreeSet::new();
    for l in lines[line - 1..].iter().take(400) {
        hay.extend(alnum_chars(&markup_free(l)));
        line_ends.insert(hay.len());
    }
    // The quote begins on its line: at least eight letters of it, or all
    // it has before the line ends (a page break may follow).
    let common = |p: usize, from: usize| {
        q[from..]
            .iter()
            .zip(&hay[p..])
            .take_while(|(a, b)| a == b)
            .count()
    };
    // A glued footnote marker (up to three characters) may interrupt them.
    let glued = |p: usize, len: usize| {
        (1..=3)
            .any(|k| p + len + k <= hay.len() && common(p + len + k, len) >= 5.min(q.len() - len))
    };
    let (len0, start) = (0..first_line.len())
        .map(|p| (common(p, 0), p))
        .filter(|&(len, p)| {
            len >= q.len().min(8)
                || (len >= 1 && p + len == first_line.len())
                || (len >= 3 && len < q.len() && glued(p, len))
        })
        .max_by_key(|&(len, p)| (len, std::cmp::Reverse(p)))
        .ok_or_else(|| format!("does not begin on line {line}"))?;
    let mut at = start + len0;
    let mut i = len0;
    while i < q.len() {
        // Of the places the next eight letters stand within a page, the
        // one from which the most of the quote follows.
        let min = 8.min(q.len() - i);
        let needle = &q[i..i + min];
        let end = hay.len().min(at + 6000);
        // Or a shorter run right after the last (past a footnote marker of
        // up to three letters) that stops where its line ends.
        let best = (at..end.saturating_sub(min - 1))
            .filter(|&p| hay[p..p + min] == *needle)
            .map(|p| (common(p, i), std::cmp::Reverse(p)))
            .chain((at..(at + 4).min(hay.len())).filter_map(|p| {
                let len = common(p, i);
                (len >= 1 && line_ends.contains(&(p + len))).then_some((len, std::cmp::Reverse(p)))
            }))
            .max();
        let Some((len, std::cmp::Reverse(p))) = best else {
            return Err(format!(
                "\"{}\" is not in the source after line {line}",
                q[i..].iter().take(40).collect::<String>()
            ));
        };
        at = p + len;
        i += len;
    }
    Ok(())
}
