//! Loading the ontology data — entities, aliases, text conventions — from
//! `ontology/*.ttl`, and one fast matcher over every alias.
//!
//! No entity is named in Rust: adding an actor is adding Turtle. The files
//! are embedded as defaults and can be replaced at run time
//! ([`OntologySource::Dir`]).

pub mod cues;
pub mod discovery;
mod matcher;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, NamedOrBlankNode, Quad, Term};

pub use cues::{Cues, Phrase};
pub use matcher::{Match, Matcher};

use crate::corpus::{Conventions, TypeRule};
pub use discovery::Discovery;

/// Namespace of the vocabulary.
pub const PKG: &str = "https://w3id.org/policykg/def#";
/// Namespace of the text conventions in `text.ttl`.
pub const TEXT_CFG: &str = "https://w3id.org/policykg/def/text#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";
const ORG: &str = "http://www.w3.org/ns/org#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// The ontology files, by name (a path under the ontology directory), as
/// embedded in the binary.
pub const EMBEDDED: [(&str, &str); 11] = [
    ("policykg.ttl", include_str!("../../ontology/policykg.ttl")),
    ("lexicon.ttl", include_str!("../../ontology/lexicon.ttl")),
    ("text.ttl", include_str!("../../ontology/text.ttl")),
    ("cues.ttl", include_str!("../../ontology/cues.ttl")),
    ("links.ttl", include_str!("../../ontology/links.ttl")),
    ("frames.ttl", include_str!("../../ontology/frames.ttl")),
    (
        "discovery.ttl",
        include_str!("../../ontology/discovery.ttl"),
    ),
    (
        "lexicon/states.ttl",
        include_str!("../../ontology/lexicon/states.ttl"),
    ),
    (
        "lexicon/eu.ttl",
        include_str!("../../ontology/lexicon/eu.ttl"),
    ),
    (
        "lexicon/nato-and-security.ttl",
        include_str!("../../ontology/lexicon/nato-and-security.ttl"),
    ),
    (
        "lexicon/nl-be-politics.ttl",
        include_str!("../../ontology/lexicon/nl-be-politics.ttl"),
    ),
];

/// The lexicon's files by domain under `lexicon/`, read after
/// `lexicon.ttl`: their entities are the lexicon's entities.
fn lexicon_parts() -> impl Iterator<Item = &'static str> {
    EMBEDDED
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| name.starts_with("lexicon/"))
}

/// The files an ontology directory must hold: the vocabulary and the
/// lexicon. The others (text conventions, cues, links) fall back to the
/// embedded copies when absent.
pub const REQUIRED: [&str; 2] = ["policykg.ttl", "lexicon.ttl"];

/// Where the ontology files come from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OntologySource {
    /// The files compiled into the binary.
    #[default]
    Embedded,
    /// A directory with files of the same names. It must exist and hold
    /// the [`REQUIRED`] files; another missing file falls back to the
    /// embedded one.
    Dir(PathBuf),
}

impl OntologySource {
    /// Checks that a directory source exists and holds the required
    /// files, so that a mistyped path is never replaced by the embedded
    /// ontology without a word.
    pub fn check(&self) -> Result<(), LexiconError> {
        let OntologySource::Dir(dir) = self else {
            return Ok(());
        };
        match std::fs::metadata(dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(LexiconError::NotADirectory { path: dir.clone() }),
            Err(source) => {
                return Err(LexiconError::Read {
                    path: dir.clone(),
                    source,
                });
            }
        }
        for name in REQUIRED {
            if !dir.join(name).is_file() {
                return Err(LexiconError::MissingFile {
                    dir: dir.clone(),
                    file: name,
                });
            }
        }
        Ok(())
    }
}

/// Why the ontology could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read \"{path}\": {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("ontology directory \"{path}\" is not a directory")]
    NotADirectory { path: PathBuf },
    #[error(
        "ontology directory \"{dir}\" has no {file} (it needs {}; {} fall back to the embedded copies)",
        REQUIRED.join(" and "),
        optional_files()
    )]
    MissingFile { dir: PathBuf, file: &'static str },
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: u64,
        column: u64,
        message: String,
    },
    /// A malformed frame or lexical unit in `frames.ttl`, with its line.
    #[error("{0}")]
    Frames(String),
    /// A malformed cue in `cues.ttl`, with its line.
    #[error("{0}")]
    Cues(String),
    #[error("{0}")]
    Discovery(String),
}

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntityKind {
    Actor,
    Instrument,
    Issue,
    /// A summit or meeting.
    Event,
}

/// A lexicon entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entity {
    pub iri: String,
    /// Local names of its `pkg:` classes, as the lexicon states them.
    pub classes: Vec<String>,
    /// Its classes and every `pkg:` class they are subclasses of, sorted
    /// (a `Parliament` is also a `GovernmentBody` and a `Body`).
    pub types: Vec<String>,
    /// `(label, language)` of `skos:prefLabel`.
    pub pref_labels: Vec<(String, String)>,
    /// Case-insensitive aliases (`skos:prefLabel`, `skos:altLabel`).
    pub labels: Vec<String>,
    /// Case-sensitive aliases (`pkg:acronym`, `skos:hiddenLabel`,
    /// `pkg:peopleLabel`).
    pub exact: Vec<String>,
    pub same_as: Vec<String>,
    pub close_match: Vec<String>,
    /// Adjectives that name it as owner ("Nederlandse", `pkg:demonym`),
    /// with their language tag ("nl", "en"; empty when untagged).
    pub demonyms: Vec<(String, String)>,
}

impl Entity {
    /// Whether it is an instance of the `pkg:` class `class`, directly or
    /// through a subclass.
    pub fn is_a(&self, class: &str) -> bool {
        self.types.iter().any(|t| t == class)
    }

    /// What kind of entity the IRI names (`…/id/actor/…` etc.).
    pub fn kind(&self) -> Option<EntityKind> {
        let rest = self.iri.strip_prefix(crate::rdf::iri::ID)?;
        match rest.split('/').next()? {
            "actor" => Some(EntityKind::Actor),
            "instrument" => Some(EntityKind::Instrument),
            "issue" => Some(EntityKind::Issue),
            "event" => Some(EntityKind::Event),
            _ => None,
        }
    }

    /// The preferred label in `lang`, else any.
    pub fn label(&self, lang: &str) -> &str {
        self.pref_labels
            .iter()
            .find(|(_, l)| l == lang)
            .or(self.pref_labels.first())
            .map_or(self.iri.as_str(), |(t, _)| t.as_str())
    }
}

/// The loaded ontology: entities with their matcher, the text
/// conventions, and every quad of the vocabulary and lexicon files.
#[derive(Debug)]
pub struct Lexicon {
    pub entities: Vec<Entity>,
    pub conventions: Conventions,
    /// Cue phrases of `cues.ttl`.
    pub cues: Cues,
    /// Frames and lexical units of `frames.ttl`.
    pub frames: crate::analysis::frames::Frames,
    /// Lookup tables over the frames and the lexicon's demonyms.
    pub frame_index: crate::analysis::events::FrameIndex,
    /// What discovers entities no lexicon lists (`discovery.ttl`).
    pub discovery: Discovery,
    /// Each vocabulary class with its superclasses.
    ancestors: BTreeMap<String, Vec<String>>,
    /// Quads of `policykg.ttl` and `lexicon.ttl`, in the default graph.
    pub ontology_quads: Vec<Quad>,
    matcher: Matcher,
}

/// The ontology files that may be left out of a directory, for messages.
fn optional_files() -> String {
    EMBEDDED
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !REQUIRED.contains(name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn read_source(
    source: &OntologySource,
    name: &str,
    embedded: &'static str,
) -> Result<String, LexiconError> {
    match source {
        OntologySource::Embedded => Ok(embedded.to_owned()),
        OntologySource::Dir(dir) => {
            let path = dir.join(name);
            if !path.exists() {
                return Ok(embedded.to_owned());
            }
            std::fs::read_to_string(&path).map_err(|source| LexiconError::Read { path, source })
        }
    }
}

/// Parses Turtle, reporting the first syntax error with its position.
///
/// Blank nodes are renamed in the order they appear (`policykg-ttl-1`, …):
/// the parser's own names are random, and the graph must be the same on
/// every run.
pub fn parse_turtle(file: &str, text: &str) -> Result<Vec<Quad>, LexiconError> {
    let stem: String = file
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut names: BTreeMap<String, BlankNode> = BTreeMap::new();
    let mut rename = |b: &BlankNode| -> BlankNode {
        let n = names.len() + 1;
        names
            .entry(b.as_str().to_owned())
            .or_insert_with(|| BlankNode::new_unchecked(format!("{stem}-{n}")))
            .clone()
    };
    let mut out = Vec::new();
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
        match quad {
            Ok(mut q) => {
                if let NamedOrBlankNode::BlankNode(b) = &q.subject {
                    q.subject = NamedOrBlankNode::BlankNode(rename(b));
                }
                if let Term::BlankNode(b) = &q.object {
                    q.object = Term::BlankNode(rename(b));
                }
                out.push(q);
            }
            Err(e) => {
                let (line, column) = e
                    .location()
                    .map_or((0, 0), |r| (r.start.line + 1, r.start.column + 1));
                return Err(LexiconError::Syntax {
                    file: file.to_owned(),
                    line,
                    column,
                    message: e.to_string(),
                });
            }
        }
    }
    Ok(out)
}

fn literal(term: &Term) -> Option<(&str, &str)> {
    match term {
        Term::Literal(l) => Some((l.value(), l.language().unwrap_or(""))),
        _ => None,
    }
}

fn iri_of(term: &Term) -> Option<&str> {
    match term {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

/// The vocabulary's quads and the lexicon's (its parts and the external
/// identifiers of `links.ttl`, which belong to its entities).
fn vocabulary_and_lexicon(
    texts: &BTreeMap<&str, String>,
) -> Result<(Vec<Quad>, Vec<Quad>), LexiconError> {
    let vocabulary = parse_turtle("policykg.ttl", &texts["policykg.ttl"])?;
    let mut lexicon = parse_turtle("lexicon.ttl", &texts["lexicon.ttl"])?;
    for part in lexicon_parts() {
        lexicon.extend(parse_turtle(part, &texts[part])?);
    }
    lexicon.extend(parse_turtle("links.ttl", &texts["links.ttl"])?);
    Ok((vocabulary, lexicon))
}

/// The ontology's quads (vocabulary and lexicon, as [`Lexicon::ontology_quads`]
/// holds them) without the rest of the lexicon: what a command that only
/// checks class names and label languages needs, at a fraction of
/// [`Lexicon::load`]'s cost.
pub fn ontology_quads(source: &OntologySource) -> Result<Vec<Quad>, LexiconError> {
    source.check()?;
    let mut texts = BTreeMap::new();
    for (name, embedded) in EMBEDDED {
        if matches!(name, "policykg.ttl" | "lexicon.ttl" | "links.ttl")
            || lexicon_parts().any(|p| p == name)
        {
            texts.insert(name, read_source(source, name, embedded)?);
        }
    }
    let (mut vocabulary, lexicon) = vocabulary_and_lexicon(&texts)?;
    vocabulary.extend(lexicon);
    Ok(vocabulary)
}

impl Lexicon {
    /// Loads the ontology from `source`.
    pub fn load(source: &OntologySource) -> Result<Self, LexiconError> {
        source.check()?;
        let mut texts = BTreeMap::new();
        for (name, embedded) in EMBEDDED {
            texts.insert(name, read_source(source, name, embedded)?);
        }
        let (vocabulary, lexicon) = vocabulary_and_lexicon(&texts)?;
        let conventions_quads = parse_turtle("text.ttl", &texts["text.ttl"])?;
        let cues = cues::cues(
            "cues.ttl",
            &texts["cues.ttl"],
            &parse_turtle("cues.ttl", &texts["cues.ttl"])?,
        )?;
        let mut entities = entities(&lexicon);
        let ancestors = ancestors(&vocabulary);
        close_types(&mut entities, &ancestors);
        let discovery = Discovery::load(
            "discovery.ttl",
            &texts["discovery.ttl"],
            &parse_turtle("discovery.ttl", &texts["discovery.ttl"])?,
            &classes(&vocabulary),
        )?;
        let conventions = conventions(&conventions_quads);
        let matcher = Matcher::new(&entities);
        let frames = crate::analysis::frames::Frames::load("frames.ttl", &texts["frames.ttl"])
            .map_err(|e| match e {
                crate::analysis::frames::FramesError::Turtle(t) => t,
                other => LexiconError::Frames(other.to_string()),
            })?;
        let frame_index = crate::analysis::events::FrameIndex::new(&frames, &entities);
        let mut ontology_quads = vocabulary;
        ontology_quads.extend(lexicon);
        Ok(Self {
            entities,
            conventions,
            cues,
            frames,
            frame_index,
            discovery,
            ancestors,
            ontology_quads,
            matcher,
        })
    }

    /// Every alias occurrence in `text`: longest match wins, case-sensitive
    /// aliases only in their written case, all on word boundaries
    /// (a hyphen is a boundary, so compounds count).
    pub fn find(&self, text: &str) -> Vec<Match> {
        self.matcher.find(text)
    }

    /// Whether the `pkg:` class `class` is `ancestor` or a subclass of it.
    pub fn class_is_a(&self, class: &str, ancestor: &str) -> bool {
        self.ancestors
            .get(class)
            .is_some_and(|a| a.iter().any(|c| c == ancestor))
    }

    /// The entity with this IRI, label or alias (case-insensitive).
    pub fn lookup(&self, name: &str) -> Option<&Entity> {
        let lower = name.trim().to_lowercase();
        self.entities
            .iter()
            .find(|e| e.iri == name.trim())
            .or_else(|| {
                self.entities
                    .iter()
                    .find(|e| e.exact.iter().any(|a| a == name.trim()))
            })
            .or_else(|| {
                self.entities.iter().find(|e| {
                    e.labels
                        .iter()
                        .chain(&e.exact)
                        .any(|a| a.to_lowercase() == lower)
                        || e.iri.rsplit('/').next() == Some(lower.as_str())
                })
            })
    }
}

/// Loads a directory given on the command line, or the embedded default.
pub fn source(dir: Option<&Path>) -> OntologySource {
    dir.map_or(OntologySource::Embedded, |d| {
        OntologySource::Dir(d.to_owned())
    })
}

fn entities(quads: &[Quad]) -> Vec<Entity> {
    let mut by_iri: BTreeMap<String, Entity> = BTreeMap::new();
    for q in quads {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        let p = q.predicate.as_str();
        let e = by_iri
            .entry(s.as_str().to_owned())
            .or_insert_with(|| Entity {
                iri: s.as_str().to_owned(),
                ..Entity::default()
            });
        let skos = p.strip_prefix(SKOS);
        match (p, skos) {
            (_, Some("prefLabel")) => {
                if let Some((v, lang)) = literal(&q.object) {
                    e.pref_labels.push((v.to_owned(), lang.to_owned()));
                    e.labels.push(v.to_owned());
                }
            }
            (_, Some("altLabel")) => {
                if let Some((v, _)) = literal(&q.object) {
                    e.labels.push(v.to_owned());
                }
            }
            (_, Some("hiddenLabel")) => {
                if let Some((v, _)) = literal(&q.object) {
                    e.exact.push(v.to_owned());
                }
            }
            (_, Some("closeMatch")) => e.close_match.extend(iri_of(&q.object).map(str::to_owned)),
            // "Denen", "Italians": written with a capital, and matched
            // only so ("noren" are skates).
            _ if p == format!("{PKG}acronym") || p == format!("{PKG}peopleLabel") => {
                if let Some((v, _)) = literal(&q.object) {
                    e.exact.push(v.to_owned());
                }
            }
            _ if p == format!("{PKG}demonym") => {
                if let Some((v, lang)) = literal(&q.object) {
                    e.demonyms.push((v.to_owned(), lang.to_owned()));
                }
            }
            _ if p == format!("{OWL}sameAs") => {
                e.same_as.extend(iri_of(&q.object).map(str::to_owned))
            }
            _ if p == RDF_TYPE => {
                if let Some(c) = iri_of(&q.object).and_then(|c| c.strip_prefix(PKG)) {
                    e.classes.push(c.to_owned());
                }
            }
            _ if p == format!("{ORG}memberOf") || p == format!("{PKG}ownedBy") => {}
            _ => {}
        }
    }
    by_iri
        .into_values()
        .filter(|e| e.kind().is_some() && !e.pref_labels.is_empty())
        .map(|mut e| {
            e.labels.sort();
            e.labels.dedup();
            e.exact.sort();
            e.exact.dedup();
            e.same_as.sort();
            e.close_match.sort();
            e
        })
        .collect()
}

/// Local names of the `pkg:` classes the vocabulary declares.
fn classes(vocabulary: &[Quad]) -> Vec<String> {
    const CLASS: &str = "http://www.w3.org/2002/07/owl#Class";
    let mut out: Vec<String> = vocabulary
        .iter()
        .filter(|q| q.predicate.as_str() == RDF_TYPE)
        .filter(|q| matches!(&q.object, Term::NamedNode(o) if o.as_str() == CLASS))
        .filter_map(|q| match &q.subject {
            NamedOrBlankNode::NamedNode(s) => s.as_str().strip_prefix(PKG).map(str::to_owned),
            NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect();
    out.sort();
    out
}

/// Each `pkg:` class with itself and every class it is a subclass of
/// (`rdfs:subClassOf` in the vocabulary), sorted.
fn ancestors(vocabulary: &[Quad]) -> BTreeMap<String, Vec<String>> {
    const SUBCLASS: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
    let mut parents: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for q in vocabulary {
        let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object) else {
            continue;
        };
        if q.predicate.as_str() != SUBCLASS {
            continue;
        }
        if let (Some(c), Some(p)) = (s.as_str().strip_prefix(PKG), o.as_str().strip_prefix(PKG)) {
            parents.entry(c).or_default().push(p);
        }
    }
    classes(vocabulary)
        .into_iter()
        .map(|class| {
            let mut types: Vec<String> = Vec::new();
            let mut todo = vec![class.as_str()];
            while let Some(c) = todo.pop() {
                if types.iter().any(|t| t == c) {
                    continue;
                }
                types.push(c.to_owned());
                todo.extend(parents.get(c).into_iter().flatten().copied());
            }
            types.sort();
            (class, types)
        })
        .collect()
}

/// Fills each entity's `types`: its classes and their superclasses.
fn close_types(entities: &mut [Entity], ancestors: &BTreeMap<String, Vec<String>>) {
    for e in entities {
        let mut types: Vec<String> = e
            .classes
            .iter()
            .flat_map(|c| ancestors.get(c).cloned().unwrap_or_else(|| vec![c.clone()]))
            .collect();
        types.sort();
        types.dedup();
        e.types = types;
    }
}

fn lower(values: Vec<String>) -> Vec<String> {
    let mut v: Vec<String> = values.iter().map(|w| w.to_lowercase()).collect();
    v.sort();
    v.dedup();
    v
}

fn conventions(quads: &[Quad]) -> Conventions {
    let values = |subject: &str, predicate: &str| -> Vec<String> {
        let s = format!("{TEXT_CFG}{subject}");
        let p = format!("{TEXT_CFG}{predicate}");
        quads
            .iter()
            .filter(|q| matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == s))
            .filter(|q| q.predicate.as_str() == p)
            .filter_map(|q| literal(&q.object).map(|(v, _)| v.to_owned()))
            .collect()
    };
    let mut c = Conventions {
        abbreviations: values("sentences", "abbreviation")
            .iter()
            .map(|a| a.to_lowercase())
            .collect(),
        hyphen_keep_before: values("hyphenation", "keepBefore"),
        hyphen_keep_prefix: values("hyphenation", "keepPrefix"),
        date_labels: values("letterhead", "dateLabel"),
        subject_labels: values("letterhead", "subjectLabel"),
        reference_labels: values("letterhead", "referenceLabel"),
        salutations: values("letterhead", "salutation"),
        closings: values("letterhead", "closing"),
        signatory_roles: values("letterhead", "signatoryRole"),
        creator_cues: values("letterhead", "creatorCue"),
        months: values("months", "month")
            .iter()
            .filter_map(|m| {
                let (name, n) = m.split_once('=')?;
                Some((name.to_lowercase(), n.parse().ok()?))
            })
            .collect(),
        type_rules: Vec::new(),
        tense: crate::corpus::TenseWords {
            past: lower(values("tense", "past")),
            past_weak: lower(values("tense", "pastWeak")),
            past_suffixes: lower(values("tense", "pastSuffix")),
            separable_prefixes: lower(values("tense", "separablePrefix")),
            past_prepositions: lower(values("tense", "pastPreposition")),
            future: lower(values("tense", "future")),
        },
        parliament: crate::corpus::ParliamentWords {
            chambers: values("parliament", "chamber"),
            citation_prefixes: values("parliament", "citationPrefix"),
            number_labels: values("parliament", "numberLabel"),
            session_labels: values("parliament", "sessionLabel"),
            appendix_cues: values("parliament", "appendixCue"),
            document_number_labels: values("parliament", "documentNumberLabel"),
            case_number_labels: values("parliament", "caseNumberLabel"),
            date_roles: values("parliament", "dateRole")
                .iter()
                .filter_map(|m| {
                    let (label, role) = m.split_once('=')?;
                    Some((label.to_owned(), crate::corpus::DateRole::from_name(role)?))
                })
                .collect(),
        },
        kamervragen: crate::corpus::KamervragenWords {
            questions_cues: values("kamervragen", "questionsCue"),
            addressee_words: values("kamervragen", "addresseeWord"),
            name_separators: values("kamervragen", "nameSeparator"),
            answer_cues: values("kamervragen", "answerCue"),
            answerer_roles: values("kamervragen", "answererRole"),
            on_behalf: values("kamervragen", "onBehalf"),
            question_labels: values("kamervragen", "questionLabel"),
            answer_labels: values("kamervragen", "answerLabel"),
        },
        not_titles: values("titles", "notTitle"),
    };
    // Longer labels first, so "Onze referentie" is tried before "Referentie"
    // (and "Kamerstukken" before "Kamerstuk").
    for list in [
        &mut c.reference_labels,
        &mut c.subject_labels,
        &mut c.signatory_roles,
        &mut c.parliament.citation_prefixes,
        &mut c.parliament.appendix_cues,
        &mut c.parliament.case_number_labels,
        &mut c.parliament.document_number_labels,
        &mut c.kamervragen.answerer_roles,
        &mut c.kamervragen.on_behalf,
        &mut c.kamervragen.questions_cues,
    ] {
        list.sort_by_key(|l| std::cmp::Reverse(l.len()));
    }
    c.parliament
        .date_roles
        .sort_by_key(|(l, _)| std::cmp::Reverse(l.len()));
    let rule_type = format!("{TEXT_CFG}TypeRule");
    let mut rules: Vec<TypeRule> = quads
        .iter()
        .filter(|q| {
            q.predicate.as_str() == RDF_TYPE && iri_of(&q.object) == Some(rule_type.as_str())
        })
        .filter_map(|q| match &q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_owned()),
            _ => None,
        })
        .map(|rule| {
            let local = rule.strip_prefix(TEXT_CFG).unwrap_or(&rule).to_owned();
            let order = values(&local, "order")
                .first()
                .and_then(|o| o.parse().ok())
                .unwrap_or(i64::MAX);
            let document_type = quads
                .iter()
                .filter(
                    |q| matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == rule),
                )
                .filter(|q| q.predicate.as_str() == format!("{TEXT_CFG}documentType"))
                .find_map(|q| {
                    iri_of(&q.object)
                        .and_then(|o| o.strip_prefix(PKG))
                        .map(str::to_owned)
                })
                .unwrap_or_else(|| "Document".to_owned());
            let title_prefix = values(&local, "titlePrefix").into_iter().next();
            TypeRule {
                order,
                document_type,
                cues: values(&local, "cue"),
                title_prefix,
            }
        })
        .collect();
    rules.sort_by(|a, b| {
        a.order
            .cmp(&b.order)
            .then(a.document_type.cmp(&b.document_type))
    });
    c.type_rules = rules;
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_ontology_loads_with_conventions() {
        let lex = Lexicon::load(&OntologySource::Embedded).unwrap();
        assert!(lex.entities.len() > 150, "{} entities", lex.entities.len());
        assert!(lex.conventions.is_abbreviation("t.a.v."));
        assert_eq!(lex.conventions.month("juni"), Some(6));
        assert!(!lex.conventions.type_rules.is_empty());
    }

    #[test]
    fn every_embedded_date_role_label_names_a_known_role() {
        let lex = Lexicon::load(&OntologySource::Embedded).unwrap();
        let quads = parse_turtle(EMBEDDED[2].0, EMBEDDED[2].1).unwrap();
        let written = quads
            .iter()
            .filter(|q| q.predicate.as_str() == format!("{TEXT_CFG}dateRole"))
            .count();
        assert_eq!(lex.conventions.parliament.date_roles.len(), written);
        assert!(written >= 4);
    }

    #[test]
    fn a_missing_ontology_directory_is_an_error_naming_it() {
        let err = Lexicon::load(&OntologySource::Dir("/no/such/dir".into())).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("\"/no/such/dir\""), "{msg}");
    }

    #[test]
    fn an_ontology_directory_without_a_required_file_names_that_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("policykg.ttl"), EMBEDDED[0].1).unwrap();
        let err = Lexicon::load(&OntologySource::Dir(dir.path().to_owned())).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("has no lexicon.ttl"), "{msg}");
        // With the required files, the others come from the embedded copies.
        std::fs::write(dir.path().join("lexicon.ttl"), EMBEDDED[1].1).unwrap();
        let lex = Lexicon::load(&OntologySource::Dir(dir.path().to_owned())).unwrap();
        assert!(lex.conventions.is_abbreviation("t.a.v."));
    }

    #[test]
    fn a_turtle_error_names_file_line_and_column() {
        let err = parse_turtle(
            "lexicon.ttl",
            "@prefix x: <http://x/> .\nx:a x:b \"open .\n",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("lexicon.ttl:2:"), "{msg}");
    }
}
