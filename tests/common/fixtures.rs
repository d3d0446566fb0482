//! The check of the project-written extraction fixtures
//! (`tests/fixtures/extract/<kind>/<lang>.json`): every case is read as a
//! document of its own and run through the extractors; the facts it must
//! give are looked for, and the decoys must give none.
//!
//! A fact counts as found when the document has a blockade (or a position
//! of the same relation) whose blocker or holder is named as the fixture's
//! agent and whose blocked item or target is named as its theme. Names are
//! compared on letters and digits, without a leading article; an entity
//! matches by any of its labels, acronyms or demonyms, a coined node by
//! its label. A fact the fixture marks as negated must not be made.
//! Shared by `tests/fixtures.rs` (the gate) and `examples/fixtures.rs`
//! (the report).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use policykg::build::extract_document;
use policykg::corpus;
use policykg::extract::{Fact, Party};
use policykg::lexicon::Lexicon;

/// The fixture files, relative to `tests/fixtures/extract`.
pub const FILES: [&str; 4] = [
    "blockades/nl.json",
    "blockades/en.json",
    "positions/nl.json",
    "positions/en.json",
];

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract")
}

/// How one fixture file fares.
#[derive(Debug, Default)]
pub struct Score {
    pub file: String,
    /// Facts the cases must give (not negated).
    pub expected: usize,
    /// Expected facts the extractors gave.
    pub right: usize,
    /// Facts of this kind the extractors made.
    pub made: usize,
    /// Made facts that match an expected fact.
    pub made_right: usize,
    pub decoys: usize,
    /// Decoys that gave a fact.
    pub alarms: usize,
    /// Negated facts that were made all the same.
    pub negated_made: usize,
    /// "id: relation agent → theme" of each expected fact not found.
    pub misses: Vec<String>,
    /// "id: relation agent → theme" of each made fact that matches none.
    pub wrong: Vec<String>,
}

impl Score {
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.expected)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.made_right, self.made)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

pub fn squash(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    let s = ["de ", "het ", "een ", "the ", "a ", "an "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Every name a party goes by.
fn names(lexicon: &Lexicon, p: &Party) -> Vec<String> {
    match p {
        Party::Entity(e) => {
            let Some(e) = lexicon.entities.get(*e) else {
                return Vec::new();
            };
            e.labels
                .iter()
                .chain(&e.exact)
                .cloned()
                .chain(e.demonyms.iter().map(|(d, _)| d.clone()))
                .collect()
        }
        Party::Coined(_, label) => vec![label.clone()],
    }
}

fn names_agent(names: &[String], agent: &str) -> bool {
    let a = squash(agent);
    names.iter().map(|l| squash(l)).any(|l| {
        !l.is_empty()
            && (l == a || (a.len() > 3 && l.contains(&a)) || (l.len() > 3 && a.contains(&l)))
    })
}

/// Whether a made theme names the expected one. An entity may go by a
/// longer name than the text writes; a coined phrase may not run past the
/// expected one (a verb or adverb glued on is a miss), though it may be a
/// shorter part of it.
fn names_theme(lexicon: &Lexicon, made: &Party, theme: &str) -> bool {
    let t = squash(theme);
    let coined = matches!(made, Party::Coined(..));
    names(lexicon, made)
        .iter()
        .map(|l| squash(l))
        .any(|l| !l.is_empty() && (l == t || t.contains(&l) || !coined && l.contains(&t)))
}

/// (relation, agent, theme) of every blockade or position a text gives.
pub fn facts_of(
    lexicon: &Lexicon,
    dir: &Path,
    text: &str,
    blockades: bool,
) -> Vec<(String, Party, Party)> {
    let path = dir.join("case.txt");
    std::fs::write(&path, text).expect("a temporary file");
    let Ok(doc) = corpus::read(&path, &lexicon.conventions) else {
        return Vec::new();
    };
    let (facts, _) = extract_document(&doc, lexicon);
    facts
        .facts
        .into_iter()
        .filter_map(|f| match f {
            Fact::Blockade(b) if blockades => Some(("blocks".to_owned(), b.blocker, b.blocked)),
            Fact::Position(p) if !blockades => Some((
                p.relation
                    .iri()
                    .rsplit(['#', '/'])
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                p.holder,
                p.target,
            )),
            _ => None,
        })
        .collect()
}

fn show(lexicon: &Lexicon, p: &Party) -> String {
    match p {
        Party::Entity(e) => lexicon
            .entities
            .get(*e)
            .map_or("?".to_owned(), |x| x.label("nl").to_owned()),
        Party::Coined(_, l) => format!("«{l}»"),
    }
}

/// The cases of a fixture file and a scratch directory to read them from.
fn open(file: &str) -> (Vec<serde_json::Value>, PathBuf) {
    let text = std::fs::read_to_string(root().join(file)).expect("the fixture file");
    let cases = serde_json::from_str(&text).expect("a JSON array of cases");
    // One directory per call: tests of one binary run side by side.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "policykg-fixtures-{}-{call}-{}",
        std::process::id(),
        file.replace('/', "-")
    ));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    (cases, dir)
}

/// Checks one fixture file.
pub fn check(lexicon: &Lexicon, file: &str) -> Score {
    let (cases, dir) = open(file);
    let blockades = file.starts_with("blockades");
    let mut score = Score {
        file: file.to_owned(),
        ..Score::default()
    };
    for case in &cases {
        let id = case["id"].as_str().unwrap_or_default();
        let made = facts_of(
            lexicon,
            &dir,
            case["text"].as_str().unwrap_or_default(),
            blockades,
        );
        let facts: Vec<&serde_json::Value> = case["facts"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let matches = |f: &serde_json::Value, (r, a, t): &(String, Party, Party)| {
            r == f["relation"].as_str().unwrap_or_default()
                && names_agent(&names(lexicon, a), f["agent"].as_str().unwrap_or_default())
                && names_theme(lexicon, t, f["theme"].as_str().unwrap_or_default())
        };
        let (negated, positive): (Vec<&serde_json::Value>, Vec<&serde_json::Value>) = facts
            .iter()
            .partition(|f| f["negated"] == serde_json::Value::Bool(true));
        if facts.is_empty() {
            score.decoys += 1;
            if !made.is_empty() {
                score.alarms += 1;
            }
        }
        for f in &positive {
            score.expected += 1;
            if made.iter().any(|m| matches(f, m)) {
                score.right += 1;
            } else {
                score.misses.push(format!(
                    "{id}: {} {} → {}",
                    f["relation"].as_str().unwrap_or_default(),
                    f["agent"].as_str().unwrap_or_default(),
                    f["theme"].as_str().unwrap_or_default()
                ));
            }
        }
        for f in &negated {
            if made.iter().any(|m| matches(f, m)) {
                score.negated_made += 1;
            }
        }
        score.made += made.len();
        for m in &made {
            if positive.iter().any(|f| matches(f, m)) {
                score.made_right += 1;
            } else {
                score.wrong.push(format!(
                    "{id}: {} {} → {}",
                    m.0,
                    show(lexicon, &m.1),
                    show(lexicon, &m.2)
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    score
}

/// The stance fixture files, relative to `tests/fixtures/extract`.
pub const STANCE_FILES: [&str; 2] = ["stances/nl.json", "stances/en.json"];

/// The reported-advice fixture files, relative to `tests/fixtures/extract`.
pub const REPORTED_FILES: [&str; 2] = ["reported/nl.json", "reported/en.json"];

/// The recommendation-parts fixture files.
pub const PARTS_FILES: [&str; 2] = ["parts/nl.json", "parts/en.json"];

/// How one stance fixture file fares: (cases, right, confusion rows
/// "expected → got: n", wrong cases).
#[derive(Debug, Default)]
pub struct StanceScore {
    pub file: String,
    pub cases: usize,
    pub right: usize,
    /// (expected, got) → count.
    pub confusion: std::collections::BTreeMap<(String, String), usize>,
    pub wrong: Vec<String>,
}

impl StanceScore {
    pub fn accuracy(&self) -> f64 {
        ratio(self.right, self.cases)
    }
}

/// Checks the stance of every answer of one stance fixture file: the
/// answer is read as a document of its own and classified as the
/// responses extractor classifies the text after a recommendation (an
/// answer with no cue notes the recommendation).
pub fn check_stances(lexicon: &Lexicon, file: &str) -> StanceScore {
    let (cases, dir) = open(file);
    let mut score = StanceScore {
        file: file.to_owned(),
        ..StanceScore::default()
    };
    for case in &cases {
        let id = case["id"].as_str().unwrap_or_default();
        let want = case["stance"].as_str().unwrap_or_default().to_owned();
        let path = dir.join("answer.txt");
        std::fs::write(&path, case["response"].as_str().unwrap_or_default())
            .expect("a temporary file");
        let Ok(doc) = corpus::read(&path, &lexicon.conventions) else {
            continue;
        };
        let asked = case["recommendation"].as_str();
        let got = policykg::build::with_input(&doc, lexicon, |input| {
            let len = input.document.text.text.len();
            policykg::extract::responses::answer_stance(input, 0, len, asked)
                .map_or(policykg::extract::Stance::Notes, |s| s.0)
        });
        let got = got.local_name().to_owned();
        score.cases += 1;
        if got == want {
            score.right += 1;
        } else {
            score.wrong.push(format!("{id}: {want} → {got}"));
        }
        *score.confusion.entry((want, got)).or_default() += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    score
}

/// How one fixture file of things to find with a stance fares (the
/// reported advices, the parts of recommendations).
#[derive(Debug, Default)]
pub struct FoundScore {
    pub file: String,
    /// Advices or parts the cases hold.
    pub expected: usize,
    /// Of those, found with their author and text.
    pub found: usize,
    /// Of those found, answered with the stance the case gives.
    pub stance_right: usize,
    /// Recommendations the extractors made.
    pub made: usize,
    /// Made recommendations that match an expected one.
    pub made_right: usize,
    pub decoys: usize,
    /// Decoys that gave a recommendation.
    pub alarms: usize,
    /// Cases that give the stance of the whole recommendation answered
    /// part by part, and of those, how many it gets.
    pub wholes: usize,
    pub wholes_right: usize,
    pub misses: Vec<String>,
    pub wrong: Vec<String>,
}

impl FoundScore {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.expected)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.made_right, self.made)
    }
    pub fn stance_accuracy(&self) -> f64 {
        ratio(self.stance_right, self.found)
    }
}

/// Words of a text for comparing reported clauses: letters and digits,
/// lower case.
fn word_set(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Runs `check` on every case of `file`, each a response document of its
/// own ("text"), with the document and the facts extracted from it.
fn each_response(
    lexicon: &Lexicon,
    file: &str,
    mut check: impl FnMut(
        &mut FoundScore,
        &str,
        &serde_json::Value,
        &policykg::corpus::Document,
        &[Fact],
    ),
) -> FoundScore {
    let (cases, dir) = open(file);
    let mut score = FoundScore {
        file: file.to_owned(),
        ..FoundScore::default()
    };
    for case in &cases {
        let id = case["id"].as_str().unwrap_or_default();
        let path = dir.join("response.txt");
        std::fs::write(&path, case["text"].as_str().unwrap_or_default()).expect("a temporary file");
        let Ok(doc) = corpus::read(&path, &lexicon.conventions) else {
            score.misses.push(format!("{id}: unreadable"));
            continue;
        };
        let facts = extract_document(&doc, lexicon).0.facts;
        check(&mut score, id, case, &doc, &facts);
    }
    let _ = std::fs::remove_dir_all(&dir);
    score
}

/// The stance of the response to recommendation `id` in `facts`, or "".
fn stance_of(facts: &[Fact], id: usize) -> String {
    facts
        .iter()
        .find_map(|f| match f {
            Fact::Response(x) if x.recommendation == id => Some(x.stance.local_name().to_owned()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Checks one reported-advice fixture file
/// (`tests/fixtures/extract/reported/<lang>.json`): every case is read as
/// a response of its own; each advice it reports must be a recommendation
/// made by the body named, with the reported clause as its text (Dice of
/// the words at least 0.8), answered with the case's stance; a decoy must
/// give no recommendation at all.
pub fn check_reported(lexicon: &Lexicon, file: &str) -> FoundScore {
    each_response(lexicon, file, |score, id, case, doc, facts| {
        // (author names, text words, stance) of every recommendation made.
        let made: Vec<(
            Vec<String>,
            std::collections::BTreeSet<String>,
            String,
            String,
        )> = facts
            .iter()
            .filter_map(|f| match f {
                Fact::Recommendation(r) => Some(r),
                _ => None,
            })
            .map(|r| {
                let author = r
                    .author
                    .map(|a| names(lexicon, &Party::Entity(a)))
                    .unwrap_or_default();
                let text = &doc.text.text[r.text.start..r.text.end];
                let stance = stance_of(facts, r.id);
                (author, word_set(text), stance, text.to_owned())
            })
            .collect();
        let expected: Vec<&serde_json::Value> = case["reported"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let dice = |a: &std::collections::BTreeSet<String>,
                    b: &std::collections::BTreeSet<String>| {
            2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()).max(1) as f64
        };
        let matches = |e: &serde_json::Value,
                       (author, words, _, _): &(
            Vec<String>,
            std::collections::BTreeSet<String>,
            String,
            String,
        )| {
            names_agent(author, e["by"].as_str().unwrap_or_default())
                && dice(words, &word_set(e["text"].as_str().unwrap_or_default())) >= 0.8
        };
        if expected.is_empty() {
            score.decoys += 1;
            if !made.is_empty() {
                score.alarms += 1;
                score.wrong.push(format!("{id} (decoy): «{}»", made[0].3));
            }
        }
        score.made += made.len();
        for m in &made {
            if expected.iter().any(|e| matches(e, m)) {
                score.made_right += 1;
            } else if !expected.is_empty() {
                score.wrong.push(format!("{id}: «{}»", m.3));
            }
        }
        for e in &expected {
            score.expected += 1;
            let want = e["stance"].as_str().unwrap_or_default();
            match made.iter().find(|m| matches(e, m)) {
                Some(m) => {
                    score.found += 1;
                    if m.2 == want {
                        score.stance_right += 1;
                    } else {
                        score
                            .misses
                            .push(format!("{id}: stance {want}, got {}", m.2));
                    }
                }
                None => score.misses.push(format!(
                    "{id}: {} «{}»",
                    e["by"].as_str().unwrap_or_default(),
                    e["text"].as_str().unwrap_or_default()
                )),
            }
        }
    })
}

/// Checks one parts fixture file (`tests/fixtures/extract/parts/<lang>.json`):
/// every case is a response document; the recommendation numbered as the
/// case says must have exactly the parts it lists (text for text), each
/// answered with its stance or, where the case gives none, unanswered; a
/// decoy's recommendation must have no parts.
pub fn check_parts(lexicon: &Lexicon, file: &str) -> FoundScore {
    each_response(lexicon, file, |score, id, case, doc, facts| {
        let number = case["recommendation"].as_str().unwrap_or_default();
        let recs: Vec<&policykg::extract::Recommendation> = facts
            .iter()
            .filter_map(|f| match f {
                Fact::Recommendation(r) => Some(r),
                _ => None,
            })
            .collect();
        let main = recs
            .iter()
            .find(|r| r.number.as_deref() == Some(number) && r.parent.is_none());
        // (text, stance) of each part made.
        let made: Vec<(String, String)> = main
            .map(|m| {
                recs.iter()
                    .filter(|r| r.parent == Some(m.id))
                    .map(|r| {
                        let stance = stance_of(facts, r.id);
                        (doc.text.text[r.text.start..r.text.end].to_owned(), stance)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let expected: Vec<&serde_json::Value> = case["parts"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        if main.is_none() {
            score
                .misses
                .push(format!("{id}: no recommendation {number}"));
        }
        // The stance of the whole, answered through its parts.
        if let Some(want) = case["stance"].as_str() {
            score.wholes += 1;
            let got = main.map(|m| stance_of(facts, m.id)).unwrap_or_default();
            if got == want {
                score.wholes_right += 1;
            } else {
                score.misses.push(format!(
                    "{id}: recommendation {number} as a whole {want}, got {}",
                    if got.is_empty() { "none" } else { &got }
                ));
            }
        }
        if expected.is_empty() {
            score.decoys += 1;
            if !made.is_empty() {
                score.alarms += 1;
                score
                    .misses
                    .push(format!("{id} (decoy): split into {made:?}"));
            }
            return;
        }
        score.made += made.len();
        for e in &expected {
            score.expected += 1;
            let text = e["text"].as_str().unwrap_or_default();
            let want = e["stance"].as_str().unwrap_or_default();
            match made.iter().find(|(t, _)| t == text) {
                Some((_, got)) => {
                    score.found += 1;
                    score.made_right += 1;
                    if got == want {
                        score.stance_right += 1;
                    } else {
                        score.misses.push(format!(
                            "{id}: «{text}» stance {} , got {}",
                            if want.is_empty() { "none" } else { want },
                            if got.is_empty() { "none" } else { got }
                        ));
                    }
                }
                None => score
                    .misses
                    .push(format!("{id}: part «{text}» not made; made {made:?}")),
            }
        }
    })
}

/// The entity-discovery fixture files, relative to `tests/fixtures/extract`.
pub const ENTITY_FILES: [&str; 2] = ["entities/nl.json", "entities/en.json"];

/// How one entity-discovery fixture file fares.
#[derive(Debug, Default)]
pub struct EntityScore {
    pub file: String,
    /// Expected entities and persons.
    pub expected: usize,
    /// Of those, found under their label.
    pub found: usize,
    /// Of those found, with the expected class, acronym, mention count
    /// (entities) or title and party (persons).
    pub typed: usize,
    pub detailed: usize,
    /// Everything discovered, and how much of it was expected.
    pub made: usize,
    pub made_right: usize,
    pub decoys: usize,
    /// Decoy cases with a discovery.
    pub alarms: usize,
    /// Discoveries named by a case's `not` list.
    pub forbidden: usize,
    pub misses: Vec<String>,
    pub wrong: Vec<String>,
}

impl EntityScore {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.expected)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.made_right, self.made)
    }
}

/// Checks one entity-discovery fixture file.
pub fn check_entities(lexicon: &Lexicon, file: &str) -> EntityScore {
    use policykg::extract::entities::Discovered;
    let (cases, dir) = open(file);
    let mut score = EntityScore {
        file: file.to_owned(),
        ..EntityScore::default()
    };
    for case in &cases {
        let id = case["id"].as_str().unwrap_or_default();
        let path = dir.join("case.txt");
        std::fs::write(&path, case["text"].as_str().unwrap_or_default()).expect("a temporary file");
        let Ok(doc) = corpus::read(&path, &lexicon.conventions) else {
            continue;
        };
        let (facts, _) = extract_document(&doc, lexicon);
        let made: Vec<Discovered> = facts
            .facts
            .into_iter()
            .filter_map(|f| match f {
                Fact::Discovered(d) => Some(d),
                _ => None,
            })
            .collect();
        let list = |key: &str| case[key].as_array().cloned().unwrap_or_default();
        let (entities, persons) = (list("expect"), list("persons"));
        if entities.is_empty() && persons.is_empty() {
            score.decoys += 1;
            if !made.is_empty() {
                score.alarms += 1;
            }
        }
        let mut right = vec![false; made.len()];
        for e in &entities {
            score.expected += 1;
            let label = e["label"].as_str().unwrap_or_default();
            let Some(i) = made.iter().position(|d| d.label == label) else {
                score.misses.push(format!("{id}: {label}"));
                continue;
            };
            right[i] = true;
            score.found += 1;
            let d = &made[i];
            if d.class == e["type"].as_str().unwrap_or_default() {
                score.typed += 1;
            }
            // The defining "Naam (AFK)" is one mention in the fixtures.
            let uses = d.mentions.len() - usize::from(d.acronym.is_some() && d.mentions.len() > 1);
            if d.acronym.as_deref() == e["acronym"].as_str()
                && e["mentions"].as_u64().is_none_or(|n| n as usize == uses)
            {
                score.detailed += 1;
            }
        }
        for p in &persons {
            score.expected += 1;
            let name = p["name"].as_str().unwrap_or_default();
            let Some(i) = made
                .iter()
                .position(|d| d.class == "Person" && d.label == name)
            else {
                score.misses.push(format!("{id}: person {name}"));
                continue;
            };
            right[i] = true;
            score.found += 1;
            score.typed += 1;
            let d = &made[i];
            let role_ok = p["role"]
                .as_str()
                .is_none_or(|r| d.role.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(r)));
            let party = d.party.and_then(|e| lexicon.entities.get(e));
            let party_ok = p["party"].as_str().is_none_or(|want| {
                party.is_some_and(|x| x.exact.iter().chain(&x.labels).any(|a| a == want))
            });
            if role_ok && party_ok {
                score.detailed += 1;
            }
        }
        let not: Vec<&str> = case["not"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        score.made += made.len();
        for (d, ok) in made.iter().zip(&right) {
            if *ok {
                score.made_right += 1;
            } else {
                score.wrong.push(format!("{id}: {} ({})", d.label, d.class));
            }
            if not.iter().any(|n| d.label == *n) {
                score.forbidden += 1;
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    score
}
