//! The architecture of docs/DESIGN.md, checked on the source: each stage
//! depends only on earlier ones, and only the CLI prints.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
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
fn the_corpus_wide_stage_comes_after_extract_and_before_rdf() {
    assert_absent(
        "resolve",
        &[
            "oxigraph",
            "crate::rdf",
            "crate::store",
            "crate::query",
            "crate::cli",
            "crate::build",
        ],
    );
    for module in ["corpus", "text", "analysis", "extract"] {
        assert_absent(module, &["crate::resolve"]);
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
    for module in ["lexicon", "resolve", "rdf", "store", "query", "build"] {
        assert_absent(module, &["crate::cli"]);
    }
    for module in ["rdf", "store"] {
        assert_absent(module, &["crate::build"]);
    }
}

#[test]
fn only_the_cli_prints() {
    for module in [
        "corpus", "text", "lexicon", "extract", "resolve", "rdf", "store", "query", "build",
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
    let mut phrases = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words.len() >= 8 {
                phrases.push(words[..8].join(" "));
            }
        }
    }
    for module in [
        "corpus", "text", "lexicon", "extract", "resolve", "rdf", "store", "query", "build", "cli",
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

// --- Cues are units of the language, not pieces of corpus sentences ----------

const CUES_NS: &str = "https://w3id.org/policykg/def/cues#";
const FRAMES_NS: &str = "https://w3id.org/policykg/def/frames#";

/// Ontology files that hold names and labels, not cues.
const NOT_CUE_FILES: [&str; 4] = ["lexicon.ttl", "links.ttl", "policykg.ttl", "shapes.ttl"];

/// Predicates of the frames vocabulary whose literals are no cue: a verb's
/// lemma, particle, stem and inflected forms, a unit's language and roles.
const NOT_CUE_PREDICATES: [&str; 15] = [
    "lemma",
    "particle",
    "stem",
    "pastSingular",
    "pastPlural",
    "participle",
    "presentSingular",
    "presentPlural",
    "third",
    "past",
    "gerund",
    "nounPlural",
    "lang",
    "agent",
    "theme",
];

/// Cues of this many words or more must not be a piece of a corpus sentence.
const LONG_CUE_WORDS: usize = 4;

/// The most words a "…" gap in a cue stands for.
const GAP_WORDS: usize = 20;

/// The shared corpus (`POLICYKG_CORPUS`, else `../shared/corpus`).
fn corpus_dir() -> PathBuf {
    std::env::var_os("POLICYKG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// The words of a cue: "…" gaps dropped, "*" wildcards stripped, punctuation
/// alone no word.
fn cue_words(cue: &str) -> usize {
    cue.split_whitespace()
        .filter(|w| *w != "…")
        .map(|w| w.replace('*', ""))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A cue as a pattern over running text: words on word boundaries,
/// separated by whitespace (a line break included); "…" a gap of up to
/// [`GAP_WORDS`] words, a trailing "*" any rest of the word; case ignored.
fn cue_pattern(cue: &str) -> regex::Regex {
    let mut pattern = String::from("(?i)");
    let mut gap = false;
    let mut first = true;
    for token in cue.split_whitespace() {
        if token == "…" {
            gap = true;
            continue;
        }
        if first {
            if token.starts_with(|c: char| c.is_alphanumeric()) {
                pattern.push_str(r"(?:^|\W)");
            }
        } else if gap {
            pattern.push_str(&format!(r"[^\w\s]*\s+(?:\S+\s+){{0,{GAP_WORDS}}}?[^\w\s]*"));
        } else {
            pattern.push_str(r"\s+");
        }
        let parts: Vec<String> = token.split('*').map(regex::escape).collect();
        pattern.push_str(&parts.join(r"\w*"));
        gap = false;
        first = false;
    }
    if cue.trim_end().ends_with(|c: char| c.is_alphanumeric()) {
        pattern.push_str(r"(?:\W|$)");
    }
    regex::Regex::new(&pattern).unwrap()
}

/// The corpus files (`*.txt`) by name, each in the forms a phrase may take
/// across a line break: a hyphen at the end of a line joins the word
/// without it ("verbe-\nteren") or keeps it ("NAVO-\nbondgenoten").
fn corpus_texts() -> Vec<(String, Vec<String>)> {
    let broken = regex::Regex::new(r"-[ \t]*\r?\n[ \t]*").unwrap();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let joined = broken.replace_all(&text, "").into_owned();
        let kept = broken.replace_all(&text, "-").into_owned();
        out.push((name, vec![joined, kept]));
    }
    assert!(
        !out.is_empty(),
        "no corpus files in {}",
        corpus_dir().display()
    );
    out.sort();
    out
}

/// The lines (1-based) of `text` that hold `literal` in quotes.
fn literal_lines(text: &str, literal: &str) -> Vec<usize> {
    let quoted = format!("\"{literal}\"");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(&quoted))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The cue literals of one Turtle file: every string literal whose predicate
/// is in the cues or frames namespace and no [`NOT_CUE_PREDICATES`]; and its
/// fixed expressions: the `fr:expression` of a `fr:LexicalUnit` with
/// `fr:fixed true`.
fn cue_literals(name: &str, text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    use oxigraph::model::{NamedOrBlankNode, Term, vocab::rdf, vocab::xsd};

    let quads = policykg::lexicon::parse_turtle(name, text).unwrap_or_else(|e| panic!("{e}"));
    let has = |s: &NamedOrBlankNode, p: &str, o: &dyn Fn(&Term) -> bool| {
        quads
            .iter()
            .any(|q| &q.subject == s && q.predicate.as_str() == p && o(&q.object))
    };
    let unit = format!("{FRAMES_NS}LexicalUnit");
    let fixed_flag = format!("{FRAMES_NS}fixed");
    let expression = format!("{FRAMES_NS}expression");
    let mut cues = BTreeSet::new();
    let mut fixed = BTreeSet::new();
    for q in &quads {
        let Term::Literal(l) = &q.object else {
            continue;
        };
        if l.language().is_none() && l.datatype() != xsd::STRING {
            continue;
        }
        let p = q.predicate.as_str();
        let cue = match p.strip_prefix(FRAMES_NS) {
            Some(local) => !NOT_CUE_PREDICATES.contains(&local),
            None => p.starts_with(CUES_NS),
        };
        if !cue {
            continue;
        }
        cues.insert(l.value().to_owned());
        if p == expression
            && has(
                &q.subject,
                rdf::TYPE.as_str(),
                &|o| matches!(o, Term::NamedNode(n) if n.as_str() == unit),
            )
            && has(
                &q.subject,
                &fixed_flag,
                &|o| matches!(o, Term::Literal(b) if b.value() == "true"),
            )
        {
            fixed.insert(l.value().to_owned());
        }
    }
    (cues, fixed)
}

#[test]
fn the_cue_rule_reads_cues_fixed_expressions_gaps_and_line_breaks() {
    let ttl = r#"
        @prefix cue: <https://w3id.org/policykg/def/cues#> .
        @prefix fr: <https://w3id.org/policykg/def/frames#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        cue:x cue:phrase "zet … zich … in voor" ; rdfs:comment "not a cue at all here" .
        fr:v a fr:Verb ; fr:lemma "in de gaten houden" .
        fr:u a fr:LexicalUnit ; fr:expression "het is de vraag of" ; fr:fixed true .
        fr:w a fr:LexicalUnit ; fr:expression "in de weg zitten" .
    "#;
    let (cues, fixed) = cue_literals("t.ttl", ttl);
    let cues: Vec<&str> = cues.iter().map(String::as_str).collect();
    assert_eq!(
        cues,
        [
            "het is de vraag of",
            "in de weg zitten",
            "zet … zich … in voor"
        ]
    );
    assert_eq!(
        fixed.into_iter().collect::<Vec<_>>(),
        ["het is de vraag of"]
    );
    assert_eq!(cue_words("zet … zich … in voor"), 4);
    assert_eq!(cue_words("onderschrij* … het"), 2);

    let p = cue_pattern("zet … zich … in voor");
    assert!(p.is_match("Nederland zet zich onder andere in voor het"));
    assert!(p.is_match("Hierbij zet Nederland\nzich ook in voor goede samenhang"));
    assert!(!p.is_match("opzet zich in voor"), "word boundary");
    assert!(!p.is_match("zet zich in voorstellen"), "word boundary");
    let gap = ["w"; GAP_WORDS + 1].join(" ");
    assert!(
        !p.is_match(&format!("zet {gap} zich in voor")),
        "gap too long"
    );
    assert!(cue_pattern("deelt de mening … dat").is_match("Deelt de mening, namelijk dat"));
    assert!(cue_pattern("onderschrij* de aanbeveling").is_match("onderschrijft de aanbeveling"));
}

#[test]
fn no_ontology_cue_of_four_words_is_a_piece_of_a_corpus_sentence() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ttl"))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|n| !NOT_CUE_FILES.contains(&n.as_str()))
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(&n)).unwrap();
            (n, text)
        })
        .collect();
    files.sort();
    assert!(files.iter().any(|(n, _)| n == "cues.ttl"), "no cues.ttl");

    // Every cue literal, by file; and the fixed expressions of all files.
    let mut cues: BTreeSet<(String, String)> = BTreeSet::new();
    let mut fixed: BTreeSet<String> = BTreeSet::new();
    for (name, text) in &files {
        let (literals, expressions) = cue_literals(name, text);
        cues.extend(literals.into_iter().map(|l| (name.clone(), l)));
        fixed.extend(expressions);
    }

    let corpus = corpus_texts();
    let mut offences = Vec::new();
    for (name, literal) in &cues {
        if cue_words(literal) < LONG_CUE_WORDS || fixed.contains(literal) {
            continue;
        }
        let pattern = cue_pattern(literal);
        let found: Vec<&str> = corpus
            .iter()
            .filter(|(_, forms)| forms.iter().any(|t| pattern.is_match(t)))
            .map(|(f, _)| f.as_str())
            .collect();
        if found.is_empty() {
            continue;
        }
        let text = &files.iter().find(|(n, _)| n == name).unwrap().1;
        let lines = literal_lines(text, literal);
        let at = if lines.is_empty() {
            vec!["?".to_owned()]
        } else {
            lines.iter().map(usize::to_string).collect()
        };
        for line in at {
            offences.push(format!(
                "ontology/{name}:{line}: \"{literal}\" occurs in {}",
                found.join(", ")
            ));
        }
    }
    assert!(
        offences.is_empty(),
        "{} cue(s) of {LONG_CUE_WORDS}+ words are pieces of corpus sentences, not units of the \
         language (replace each by a verb lemma, separable verb, noun or fixed expression; a \
         fixed expression is exempt as the fr:expression of a fr:LexicalUnit with fr:fixed \
         true):\n{}",
        offences.len(),
        offences.join("\n")
    );
}
