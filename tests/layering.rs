//! The architecture of docs/DESIGN.md, checked on the source: each stage
//! depends only on earlier ones, and only the CLI prints.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn sources(module: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(module);
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    if root.with_extension("rs").is_file() {
        stack = vec![];
        let p = root.with_extension("rs");
        out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
    }
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    assert!(!out.is_empty(), "no sources for module {module}");
    out.sort();
    out
}

/// Source lines outside `#[cfg(test)]` modules and comments.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let end = text.find("#[cfg(test)]").unwrap_or(text.len());
    text[..end]
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.starts_with("//"))
}

fn assert_absent(module: &str, needles: &[&str]) {
    for (path, text) in sources(module) {
        for (n, line) in code_lines(&text) {
            for needle in needles {
                assert!(
                    !line.contains(needle),
                    "{}:{n}: module `{module}` must not use `{needle}`: {line}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn early_stages_know_nothing_of_rdf_or_the_store() {
    for module in ["corpus", "text", "extract"] {
        assert_absent(
            module,
            &[
                "oxigraph",
                "crate::rdf",
                "crate::store",
                "crate::query",
                "crate::cli",
            ],
        );
    }
}

#[test]
fn corpus_and_text_know_nothing_of_actors() {
    for module in ["corpus", "text"] {
        assert_absent(module, &["crate::lexicon", "crate::extract"]);
    }
}

#[test]
fn later_stages_do_not_reach_into_the_cli() {
    for module in ["lexicon", "rdf", "store", "query", "build"] {
        assert_absent(module, &["crate::cli"]);
    }
    for module in ["rdf", "store"] {
        assert_absent(module, &["crate::build"]);
    }
}

#[test]
fn only_the_cli_prints() {
    for module in [
        "corpus", "text", "lexicon", "extract", "rdf", "store", "query", "build",
    ] {
        assert_absent(
            module,
            &["println!", "eprintln!", "print!(", "eprint!(", "dbg!("],
        );
    }
}

#[test]
fn main_only_calls_the_cli() {
    let main =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs")).unwrap();
    assert!(main.contains("cli::run"));
    assert!(main.lines().count() < 15, "main.rs holds logic");
}

#[test]
fn no_corpus_sentence_is_named_in_the_code() {
    // Rules are data: no line of the corpus (longer than a short phrase)
    // may appear in the source.
    let corpus = std::env::var_os("POLICYKG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut phrases = Vec::new();
    for entry in std::fs::read_dir(corpus).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words.len() >= 8 {
                phrases.push(words[..8].join(" "));
            }
        }
    }
    for module in [
        "corpus", "text", "lexicon", "extract", "rdf", "store", "query", "build", "cli",
    ] {
        for (path, text) in sources(module) {
            let code: String = code_lines(&text)
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
                .join(" ");
            for p in &phrases {
                assert!(
                    !code.contains(p.as_str()),
                    "{} names a corpus sentence: {p}",
                    path.display()
                );
            }
        }
    }
}
