//! Property tests on stable Rust: arbitrary bytes and generated damaged
//! letters go through decoding, repair, segmentation and every extractor
//! without a panic, and every evidence node they give keeps the evidence
//! invariant (the quote is the repaired text between its offsets, and its
//! line is where that text begins in the original file).
//!
//! CI runs a bounded number of cases; set `PROPTEST_CASES` for more
//! (`PROPTEST_CASES=5000 cargo test --release --test fuzz`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::LazyLock;

use oxigraph::model::{Quad, Term};
use policykg::build::{BuildOptions, build_with};
use policykg::corpus::{self, decode};
use policykg::lexicon::{Lexicon, OntologySource};
use policykg::rdf::vocab::{oa, pkg};
use policykg::text;
use proptest::prelude::*;

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::load(&OntologySource::Embedded).expect("embedded ontology"));

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(48);
    // A fixed seed, so that CI runs the same cases every time; set
    // PROPTEST_RNG_SEED (a number) to explore others.
    let seed = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_203);
    ProptestConfig {
        cases,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        ..ProptestConfig::default()
    }
}

/// Sentences written for these tests, in the kinds of language the
/// extractors read: actors, blocking, positions, recommendations, stances,
/// citations, dates, quotes.
const SENTENCES: &[&str] = &[
    "Polen en Litouwen steunen het voorstel van de Commissie voor een gezamenlijke aanschaf van munitie.",
    "Hongarije blokkeert al maanden het besluit over de Europese Vredesfaciliteit.",
    "Het kabinet onderschrijft deze aanbeveling en zal haar in 2027 uitvoeren.",
    "De regering neemt de aanbeveling over de NAVO-planning niet over.",
    "Zie Kamerstuk 21501-28, nr. 250 en de brief van 12 mei 2024.",
    "Oostenrijk werpt vrijwel nooit blokkades op binnen de Raad.",
    "Nederland leidt samen met Duitsland het project voor militaire mobiliteit.",
    "De minister verwelkomt het “Strategisch Kompas” als ‘een stap vooruit’.",
    "Frankrijk is geen voorstander van een Europees leger.",
    "In maart 2025 presenteerde de Commissie het Witboek over defensie.",
    "De samenwerking tussen de EU en de NAVO stuit op bezwaren van Turkije.",
    "Het EDA en het Europees Defensiefonds (EDF) financieren onderzoek.",
    "Aanbeveling 3: Versterk de inzet van Nederland in de NAVO-structuren.",
    "Het kabinet deelt de mening van de AIV dat meer investeringen nodig zijn.",
    "Canada neemt deel aan PESCO-projecten over militaire mobiliteit.",
];

/// Damage a PDF or Word export does to a letter.
#[derive(Clone, Debug)]
struct Damage {
    width: usize,
    hyphenate: bool,
    headers: bool,
    footnotes: bool,
    curly: bool,
    line_ending: &'static str,
    nbsp: bool,
    word_markers: bool,
    bullets: bool,
}

prop_compose! {
    fn damage()(
        width in 30usize..140,
        hyphenate in any::<bool>(),
        headers in any::<bool>(),
        footnotes in any::<bool>(),
        curly in any::<bool>(),
        line_ending in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        nbsp in any::<bool>(),
        word_markers in any::<bool>(),
        bullets in any::<bool>(),
    ) -> Damage {
        Damage { width, hyphenate, headers, footnotes, curly, line_ending, nbsp, word_markers, bullets }
    }
}

/// Wraps `text` at `width`, hyphenating long words when asked.
fn wrap(text: &str, width: usize, hyphenate: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if line.chars().count() + word.chars().count() + 1 > width && !line.is_empty() {
            let chars: Vec<char> = word.chars().collect();
            if hyphenate && chars.len() > 8 && chars.iter().all(|c| c.is_alphabetic()) {
                let cut = chars.len() / 2;
                line.push(' ');
                line.extend(&chars[..cut]);
                line.push('-');
                lines.push(line);
                line = chars[cut..].iter().collect();
                continue;
            }
            line.push(' ');
            lines.push(line);
            line = String::new();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A damaged letter from paragraphs of sentence indices.
fn letter(paragraphs: &[Vec<usize>], d: &Damage) -> String {
    let mut lines: Vec<String> = vec![
        "Ministerie van Buitenlandse Zaken".into(),
        "Datum 3 februari 2026".into(),
        "Betreft Europese defensiesamenwerking".into(),
        String::new(),
        "Geachte voorzitter,".into(),
        String::new(),
    ];
    let mut footnote = 1;
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut text: Vec<String> = p
            .iter()
            .map(|&i| SENTENCES[i % SENTENCES.len()].to_owned())
            .collect();
        if !d.curly {
            for s in &mut text {
                *s = s.replace(['“', '”'], "\"").replace(['‘', '’'], "'");
            }
        }
        let mut body = text.join(" ");
        let mut notes = Vec::new();
        if d.footnotes && body.contains("NAVO") {
            if d.word_markers {
                body = body.replacen("NAVO", &format!("NAVO[footnoteRef:{footnote}]"), 1);
                notes.push(format!(
                    "[{footnote}: Zie Kamerstuk 36600-V, nr. {footnote}.]"
                ));
            } else {
                body = body.replacen("NAVO", &format!("NAVO{footnote}"), 1);
                notes.push(format!(
                    "{footnote} Zie het verslag van de Raad, Brussel, 2024; en de studie van het instituut, Den"
                ));
                notes.push(String::new());
                notes.push("Haag, 2023.".into());
            }
            footnote += 1;
        }
        if d.nbsp {
            body = body.replacen(" de ", "\u{a0}de ", 1);
        }
        let prefix = if d.bullets && pi % 3 == 2 { "• " } else { "" };
        let wrapped = wrap(&format!("{prefix}{body}"), d.width, d.hyphenate);
        let half = wrapped.len() / 2;
        for (li, l) in wrapped.iter().enumerate() {
            lines.push(l.clone());
            if li + 1 == half.max(1) && !notes.is_empty() && !d.word_markers {
                lines.push(String::new());
                lines.append(&mut notes);
                if d.headers {
                    lines.push(String::new());
                    lines.push(format!("| {} |", pi + 1));
                    lines.push("Ministerie van Buitenlandse Zaken".into());
                }
                lines.push(String::new());
            }
        }
        lines.append(&mut notes);
        lines.push(String::new());
    }
    lines.push("Hoogachtend,".into());
    lines.push(String::new());
    lines.push("De minister van Buitenlandse Zaken,".into());
    lines.push(String::new());
    lines.push("J. de Vries".into());
    lines.join(d.line_ending)
}

fn literal(t: &Term) -> Option<String> {
    match t {
        Term::Literal(l) => Some(l.value().to_owned()),
        _ => None,
    }
}

/// Checks every evidence node of `quads` against the repaired `doc` and
/// the original `raw` text.
fn check_evidence(quads: &[Quad], doc: &corpus::Document, raw: &str) -> Result<usize, String> {
    use std::collections::BTreeMap;
    let mut exact: BTreeMap<String, String> = BTreeMap::new();
    let mut start: BTreeMap<String, usize> = BTreeMap::new();
    let mut end: BTreeMap<String, usize> = BTreeMap::new();
    let mut line: BTreeMap<String, usize> = BTreeMap::new();
    for q in quads {
        let s = q.subject.to_string();
        let s = s.trim_end_matches('>');
        let base = s.split('#').next().unwrap_or(s).to_owned();
        let p = q.predicate.as_ref();
        if p == oa::EXACT {
            exact.insert(base, literal(&q.object).unwrap_or_default());
        } else if p == oa::START {
            start.insert(
                base,
                literal(&q.object).and_then(|v| v.parse().ok()).unwrap_or(0),
            );
        } else if p == oa::END {
            end.insert(
                base,
                literal(&q.object).and_then(|v| v.parse().ok()).unwrap_or(0),
            );
        } else if p == pkg::LINE && base.contains("/id/evidence/") {
            line.insert(
                base,
                literal(&q.object).and_then(|v| v.parse().ok()).unwrap_or(0),
            );
        }
    }
    let lines: Vec<&str> = raw.split('\n').collect();
    let chars: Vec<char> = doc.text.text.chars().collect();
    for (iri, quote) in &exact {
        let (s, e) = (start[iri], end[iri]);
        if s > e || e > chars.len() {
            return Err(format!("{iri}: offsets {s}-{e} outside the text"));
        }
        let between: String = chars[s..e].iter().collect();
        if &between != quote {
            return Err(format!(
                "{iri}: {quote:?} is not the text between {s} and {e}: {between:?}"
            ));
        }
        let l = line[iri];
        if l == 0 || l > lines.len() {
            return Err(format!("{iri}: line {l} outside the file"));
        }
        let lines: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        common::quote_in_source(quote, &lines, l)
            .map_err(|why| format!("{iri}: {why}: {quote:?}"))?;
    }
    Ok(exact.len())
}

fn build_one(bytes: &[u8]) -> Result<(Vec<Quad>, Option<corpus::Document>), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("brief.txt");
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    let mut built = build_with(
        &LEXICON,
        &BuildOptions {
            inputs: vec![path],
            ..BuildOptions::default()
        },
        |_| {},
        std::time::Instant::now(),
    );
    let quads = built.all_quads(&LEXICON);
    let doc = built.corpus.documents.into_iter().next();
    Ok((quads, doc))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic_the_decoder_and_decoded_text_has_no_carriage_return(
        bytes in prop::collection::vec(any::<u8>(), 0..2000)
    ) {
        if let Ok(decode::Decoded { text, .. }) = decode::decode(&bytes) {
            prop_assert!(!text.contains('\r'));
        }
    }

    #[test]
    fn arbitrary_text_is_repaired_and_segmented_into_valid_spans(text in "\\PC{0,600}(\n\\PC{0,120}){0,30}") {
        let conv = &LEXICON.conventions;
        let n = corpus::normalise::normalise(&text, conv);
        let lines = text.split('\n').count() as u32;
        for b in &n.blocks {
            prop_assert!(b.start <= b.end && b.end <= n.text.len());
            prop_assert!(n.text.is_char_boundary(b.start) && n.text.is_char_boundary(b.end));
            prop_assert!((1..=lines).contains(&n.line_at(b.start)));
        }
        let seg = text::segment(&n, conv);
        for s in &seg.sentences {
            prop_assert!(s.start <= s.end && s.end <= n.text.len());
            prop_assert!(n.text.is_char_boundary(s.start) && n.text.is_char_boundary(s.end));
        }
    }

    #[test]
    fn arbitrary_bytes_go_through_every_extractor_and_keep_the_evidence_invariant(
        bytes in prop::collection::vec(any::<u8>(), 0..1500)
    ) {
        let (quads, doc) = build_one(&bytes).map_err(TestCaseError::fail)?;
        if let Some(doc) = doc {
            let raw = decode::decode(&bytes).map(|d| d.text).unwrap_or_default();
            check_evidence(&quads, &doc, &raw).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn damaged_letters_keep_the_evidence_invariant_in_every_extractor(
        paragraphs in prop::collection::vec(prop::collection::vec(0usize..100, 1..5), 1..8),
        d in damage(),
    ) {
        let text = letter(&paragraphs, &d);
        let (quads, doc) = build_one(text.as_bytes()).map_err(TestCaseError::fail)?;
        let doc = doc.ok_or_else(|| TestCaseError::fail("the letter was not read"))?;
        let raw = text.replace("\r\n", "\n").replace('\r', "\n");
        let n = check_evidence(&quads, &doc, &raw)
            .map_err(|why| TestCaseError::fail(format!("{why}\nin the letter:\n{raw}")))?;
        prop_assert!(n > 0, "no evidence in a letter that names actors");
        // A footnote that runs over a page break stays in its footnote.
        let body = &doc.text.text[..doc.text.body_end];
        prop_assert!(!body.contains("Haag, 2023"), "footnote text spliced into the body: {body}");
    }
}
