//! The semantic frames of `ontology/frames.ttl`, typed: verbs with every
//! form (by [`morph`](super::morph) from the lemma and the irregular forms
//! the data states), and the lexical units that evoke a frame with the
//! syntax of their roles.
//!
//! Loading is strict: a malformed entry is an error naming the file and
//! the line where the entry is written, never a silent drop. The order is
//! fixed: verbs and units sorted by IRI.

use std::collections::BTreeMap;
use std::fmt;

use oxigraph::model::{NamedOrBlankNode, Term};

use super::morph::{self, Irregular};
use crate::extract::Stance;
use crate::lexicon::{LexiconError, PKG, parse_turtle};

/// Namespace of the frame data (prefix `fr:`).
pub const FR: &str = "https://w3id.org/policykg/def/frames#";
const ORG_MEMBER_OF: &str = "http://www.w3.org/ns/org#memberOf";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// `ontology/frames.ttl`, as embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../ontology/frames.ttl");

/// The language of a verb or unit (`fr:lang`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// The code written in the data: `nl`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        [Lang::Nl, Lang::En].into_iter().find(|l| l.code() == code)
    }
}

/// How strongly a blocking unit blocks (`fr:strength pkg:…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    Veto,
    Blocks,
    Obstructs,
    Hinders,
    LacksSupport,
}

impl Strength {
    const ALL: [Strength; 5] = [
        Strength::Veto,
        Strength::Blocks,
        Strength::Obstructs,
        Strength::Hinders,
        Strength::LacksSupport,
    ];

    /// Local name of the `pkg:` individual.
    pub fn local_name(self) -> &'static str {
        match self {
            Strength::Veto => "Veto",
            Strength::Blocks => "Blocks",
            Strength::Obstructs => "Obstructs",
            Strength::Hinders => "Hinders",
            Strength::LacksSupport => "LacksSupport",
        }
    }

    pub fn from_local_name(name: &str) -> Option<Strength> {
        Strength::ALL.into_iter().find(|s| s.local_name() == name)
    }
}

/// The relation a position frame states (`fr:relation`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    Blocks,
    Supports,
    Opposes,
    Proposes,
    Leads,
    CoLeads,
    ParticipatesIn,
    CooperatesWith,
    MemberOf,
}

impl Relation {
    const ALL: [Relation; 9] = [
        Relation::Blocks,
        Relation::Supports,
        Relation::Opposes,
        Relation::Proposes,
        Relation::Leads,
        Relation::CoLeads,
        Relation::ParticipatesIn,
        Relation::CooperatesWith,
        Relation::MemberOf,
    ];

    /// The IRI of the property (`pkg:blocks`, …, `org:memberOf`).
    pub fn iri(self) -> &'static str {
        match self {
            Relation::Blocks => "https://w3id.org/policykg/def#blocks",
            Relation::Supports => "https://w3id.org/policykg/def#supports",
            Relation::Opposes => "https://w3id.org/policykg/def#opposes",
            Relation::Proposes => "https://w3id.org/policykg/def#proposes",
            Relation::Leads => "https://w3id.org/policykg/def#leads",
            Relation::CoLeads => "https://w3id.org/policykg/def#coLeads",
            Relation::ParticipatesIn => "https://w3id.org/policykg/def#participatesIn",
            Relation::CooperatesWith => "https://w3id.org/policykg/def#cooperatesWith",
            Relation::MemberOf => ORG_MEMBER_OF,
        }
    }

    pub fn from_iri(iri: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.iri() == iri)
    }
}

/// What a frame is about: a relation between actors and things, or the
/// stance of a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FrameKind {
    Relation(Relation),
    Stance(Stance),
    /// What an advisory body advises or states, as another document
    /// reports it (`fr:reports`).
    Report(Report),
}

/// What a reporting frame's clause is (`fr:reports`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Report {
    /// Advice by the unit's meaning (advies, aanbevelen, recommend).
    Advice,
    /// A view or an observation (mening, opmerken, view): advice only when
    /// a modal makes its clause one.
    View,
}

impl Report {
    fn from_iri(iri: &str) -> Option<Report> {
        match iri.strip_prefix(FR)? {
            "Advice" => Some(Report::Advice),
            "View" => Some(Report::View),
            _ => None,
        }
    }
}

/// Where a role is found in the syntax (`fr:agent`, `fr:theme`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Subject,
    Object,
    IndirectObject,
    /// A prepositional phrase with this preposition (`pp:voor`), lower case.
    Pp(String),
    /// The door/by phrase of a passive.
    ByAgent,
    /// Hongarije's, Hungary's.
    Genitive,
    /// het Hongaarse veto.
    Demonym,
    /// The first part of a compound adjective (VK-geleide, UK-led).
    Compound,
    /// The noun that a compound adjective or an "onder leiding van"-type
    /// phrase modifies.
    Head,
    /// The complement clause ("deelt de mening dat …", "zet erop in dat
    /// …", "om … te …").
    Clause,
    /// The subject, also when it names a circumstance rather than an actor
    /// ("het ontbreken van structuren maakt besluitvorming tijdrovend"):
    /// the circumstance is coined as an issue.
    Cause,
}

impl Role {
    /// One role as written: `subject`, `pp:voor`, …
    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "subject" => Role::Subject,
            "object" => Role::Object,
            "indirectObject" => Role::IndirectObject,
            "byAgent" => Role::ByAgent,
            "genitive" => Role::Genitive,
            "demonym" => Role::Demonym,
            "compound" => Role::Compound,
            "head" => Role::Head,
            "clause" => Role::Clause,
            "cause" => Role::Cause,
            _ => {
                let prep = s.strip_prefix("pp:")?;
                if prep.is_empty() || !prep.chars().all(char::is_alphabetic) {
                    return None;
                }
                Role::Pp(prep.to_lowercase())
            }
        })
    }

    /// Alternatives separated by `|`, in the order written.
    pub fn parse_list(s: &str) -> Option<Vec<Role>> {
        s.split('|').map(|r| Role::parse(r.trim())).collect()
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Role::Subject => f.write_str("subject"),
            Role::Object => f.write_str("object"),
            Role::IndirectObject => f.write_str("indirectObject"),
            Role::Pp(p) => write!(f, "pp:{p}"),
            Role::ByAgent => f.write_str("byAgent"),
            Role::Genitive => f.write_str("genitive"),
            Role::Demonym => f.write_str("demonym"),
            Role::Compound => f.write_str("compound"),
            Role::Head => f.write_str("head"),
            Role::Clause => f.write_str("clause"),
            Role::Cause => f.write_str("cause"),
        }
    }
}

/// The grammatical form of a verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    Infinitive,
    Present,
    Past,
    Participle,
    /// The single word after `te`/`to` (the matcher checks the `te`).
    TeInfinitive,
    /// Dutch `-end`, English `-ing`.
    PresentParticiple,
}

/// A verb, listed once by lemma (`fr:Verb`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// Local name: `nl-tegenhouden`.
    pub id: String,
    pub lang: Lang,
    /// As in the file: `tegenhouden`; en `hold`.
    pub lemma: String,
    pub particle: Option<String>,
    /// Every surface form, lower case, without the separable particle
    /// (`houdt`, `hield`, `gehouden`, `houden`, …), with its form.
    pub forms: Vec<(String, Form)>,
    /// Dutch forms with the particle joined (`tegengehouden`,
    /// `tegenhoudt`, `tegenhouden`), lower case. A separable verb's
    /// `te`-infinitive is three words (`tegen te houden`) and is not here.
    /// Empty for English.
    pub joined: Vec<(String, Form)>,
}

impl Verb {
    /// True when `word` (lower case) is a form of the verb, split or joined.
    pub fn has_form(&self, word: &str) -> bool {
        self.forms
            .iter()
            .chain(&self.joined)
            .any(|(w, _)| w == word)
    }
}

/// What evokes a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// Index into [`Frames::verbs`].
    Verb(usize),
    /// Lower case.
    Noun {
        singular: String,
        plural: Option<String>,
    },
    /// An adjective in its base form, lower case: found in its base,
    /// inflected (-e) and comparative (-er) forms, as a predicate ("is
    /// moeizaam", "blijft gecommitteerd aan") or before its noun.
    Adjective(String),
    /// Words of the expression in citation form, lower case, split on
    /// spaces; when `fr:headVerb` is given, the index of the word that is
    /// the head verb (`head`) and the verb (`verb`, into [`Frames::verbs`]).
    /// Compound adjectives ("-geleid", "-led") keep their leading "-".
    Expression {
        words: Vec<String>,
        head: Option<usize>,
        verb: Option<usize>,
    },
}

/// A lexical unit (`fr:LexicalUnit`): a word or expression evoking a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexicalUnit {
    /// Local name: `unit-nl-blokkeren`.
    pub id: String,
    /// Local name of the frame: `Blocking`.
    pub frame: String,
    pub kind: FrameKind,
    pub lang: Lang,
    pub trigger: Trigger,
    pub strength: Option<Strength>,
    /// Alternatives in the order written; empty when `fr:agent` is absent.
    pub agent: Vec<Role>,
    /// Alternatives in the order written; empty when `fr:theme` is absent.
    pub theme: Vec<Role>,
    pub reflexive: bool,
    pub negative: bool,
    pub hedge: bool,
    /// Roles whose presence marks another sense of the word
    /// (`fr:excludes "pp:tot"`: "leiden tot" is cause, not lead).
    pub excludes: Vec<Role>,
    /// An idiom listed as such (`fr:fixed true`): a cue in `cues.ttl` may
    /// quote it whole.
    pub fixed: bool,
    /// The agent's prepositional phrase may name a circumstance rather than
    /// an actor (`fr:issueAgent true`: "het probleem van dubbele
    /// exportcontrole bij …"), coined as an issue.
    pub issue_agent: bool,
    /// With `issue_agent`: the words the coined issue is named with before
    /// the phrase (`fr:issueLabel "gebrek aan"`): the lack of Y hinders,
    /// not Y.
    pub issue_label: Option<String>,
    /// A selectional restriction (`fr:themeHead`): the unit has this sense
    /// only when its clause names one of these nouns ("delen" endorses
    /// with "mening", "analyse"; it does not when it means distribute).
    pub theme_heads: Vec<String>,
}

/// Everything `frames.ttl` holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frames {
    /// Sorted by IRI.
    pub verbs: Vec<Verb>,
    /// Sorted by IRI.
    pub units: Vec<LexicalUnit>,
}

/// Why `frames.ttl` could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FramesError {
    /// A Turtle syntax error, with its position.
    #[error(transparent)]
    Turtle(#[from] LexiconError),
    /// A malformed entry: `frames.ttl:312: fr:unit-nl-foo has no fr:frame`.
    #[error("{}: {subject} {problem}", at(file, *line))]
    Entry {
        file: String,
        /// 1-based line where the entry is written, when it can be found.
        line: Option<usize>,
        /// As written: `fr:unit-nl-foo`, or `<iri>` outside `fr:`.
        subject: String,
        problem: Box<Problem>,
    },
}

fn at(file: &str, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{file}:{l}"),
        None => file.to_owned(),
    }
}

/// What is wrong with an entry. Names are written as in the file
/// (`fr:…`, `pkg:…`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("has no fr:frame")]
    NoFrame,
    #[error("has no fr:lang")]
    NoLang,
    #[error("has fr:lang \"{0}\" (expected \"nl\" or \"en\")")]
    BadLang(String),
    #[error("has no fr:lemma")]
    NoLemma,
    #[error("has no trigger (one of fr:verb, fr:noun, fr:adjective, fr:expression)")]
    NoTrigger,
    #[error("has {0} triggers (exactly one of fr:verb, fr:noun, fr:expression)")]
    ManyTriggers(usize),
    #[error("names {0} as its fr:frame, which is not a fr:Frame")]
    UnknownFrame(String),
    #[error("has none of fr:relation, fr:stance, fr:reports")]
    FrameWithoutKind,
    #[error("has more than one of fr:relation, fr:stance, fr:reports")]
    FrameWithBothKinds,
    #[error("has unknown fr:reports {0} (expected fr:Advice or fr:View)")]
    UnknownReport(String),
    #[error("has unknown fr:relation {0}")]
    UnknownRelation(String),
    #[error("has unknown fr:stance {0}")]
    UnknownStance(String),
    #[error(
        "has unknown fr:strength {0} (expected pkg:Veto, pkg:Blocks, pkg:Obstructs, pkg:Hinders or pkg:LacksSupport)"
    )]
    UnknownStrength(String),
    #[error("has fr:strength, but its frame {0} is not about blocking")]
    StrengthOutsideBlocking(String),
    #[error(
        "has {property} \"{value}\", which is not a role (subject, object, indirectObject, pp:<prep>, byAgent, genitive, demonym, compound, head; alternatives separated by |)"
    )]
    BadRole { property: String, value: String },
    #[error("names {verb} as its {property}, which is not a fr:Verb")]
    UnknownVerb { property: String, verb: String },
    #[error("is \"{lang}\", but its {property} {verb} is \"{verb_lang}\"")]
    LangMismatch {
        property: String,
        verb: String,
        lang: &'static str,
        verb_lang: &'static str,
    },
    #[error("has fr:headVerb {0}, but no word of its fr:expression is a form of it")]
    HeadVerbNotInExpression(String),
    #[error("has fr:headVerb but no fr:expression")]
    HeadVerbWithoutExpression,
    #[error("has fr:nounPlural but no fr:noun")]
    PluralWithoutNoun,
    #[error("has fr:issueLabel but not fr:issueAgent true")]
    IssueLabelWithoutIssueAgent,
    #[error("has an empty {0}")]
    Empty(String),
    #[error("has more than one {0}")]
    Many(String),
    #[error("has a {0} that is not a string")]
    NotLiteral(String),
    #[error("has a {0} that is not an IRI")]
    NotIri(String),
    #[error("has {property} \"{value}\" (expected true or false)")]
    BadBoolean { property: String, value: String },
    #[error("has unknown property {0}")]
    UnknownProperty(String),
    #[error("is \"{lang}\", but {property} is for {other} verbs")]
    OtherLangProperty {
        property: String,
        lang: &'static str,
        other: &'static str,
    },
    #[error("has fr:particle \"{0}\", which does not begin its fr:lemma")]
    ParticleNotPrefix(String),
    #[error("needs fr:stem: its infinitive \"{0}\" does not end in a suffix -en")]
    NeedsStem(String),
    #[error("has {0} without {1}")]
    PastWithoutOther(String, String),
    #[error("has unknown class {0}")]
    UnknownClass(String),
    #[error("has more than one of the classes fr:Verb, fr:LexicalUnit, fr:Frame")]
    ManyClasses,
    #[error("has fr: properties but is not a fr:Verb, fr:LexicalUnit or fr:Frame")]
    Untyped,
    #[error("is a blank node; a fr:Verb, fr:LexicalUnit or fr:Frame needs an IRI")]
    BlankNode,
}

/// The name of an IRI as the file writes it.
fn written(iri: &str) -> String {
    if let Some(l) = iri.strip_prefix(FR) {
        format!("fr:{l}")
    } else if let Some(l) = iri.strip_prefix(PKG) {
        format!("pkg:{l}")
    } else {
        format!("<{iri}>")
    }
}

fn fr(local: &str) -> String {
    format!("{FR}{local}")
}

/// The 1-based line where `iri` is defined: the first line that starts
/// with its prefixed name (or `<iri>`), else the first that names it.
fn line_of(text: &str, iri: &str) -> Option<usize> {
    let mut names = vec![format!("<{iri}>")];
    if let Some(l) = iri.strip_prefix(FR) {
        names.insert(0, format!("fr:{l}"));
    }
    let ends_name = |rest: &str| {
        rest.chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == ';' || c == ',')
    };
    let at_start = text.lines().position(|line| {
        names
            .iter()
            .any(|n| line.strip_prefix(n.as_str()).is_some_and(ends_name))
    });
    let anywhere = || {
        text.lines().position(|line| {
            names.iter().any(|n| {
                line.match_indices(n.as_str())
                    .any(|(i, _)| ends_name(&line[i + n.len()..]))
            })
        })
    };
    at_start.or_else(anywhere).map(|i| i + 1)
}

/// The statements of one subject.
struct Entry<'a> {
    iri: &'a str,
    props: &'a [(String, Term)],
}

/// Reads one file; builds errors with its name and lines.
struct Reader<'a> {
    file: &'a str,
    text: &'a str,
}

impl Reader<'_> {
    fn error(&self, iri: &str, problem: Problem) -> FramesError {
        FramesError::Entry {
            file: self.file.to_owned(),
            line: line_of(self.text, iri),
            subject: written(iri),
            problem: Box::new(problem),
        }
    }
}

impl Entry<'_> {
    fn values(&self, pred: &str) -> impl Iterator<Item = &Term> {
        self.props
            .iter()
            .filter(move |(p, _)| p == pred)
            .map(|(_, o)| o)
    }

    fn literals(&self, local: &str) -> Result<Vec<String>, Problem> {
        self.values(&fr(local))
            .map(|t| match t {
                Term::Literal(l) => Ok(l.value().trim().to_owned()),
                _ => Err(Problem::NotLiteral(format!("fr:{local}"))),
            })
            .collect()
    }

    fn literal(&self, local: &str) -> Result<Option<String>, Problem> {
        let mut v = self.literals(local)?;
        if v.len() > 1 {
            return Err(Problem::Many(format!("fr:{local}")));
        }
        let value = v.pop();
        if value.as_deref() == Some("") {
            return Err(Problem::Empty(format!("fr:{local}")));
        }
        Ok(value)
    }

    fn iris(&self, local: &str) -> Result<Vec<&str>, Problem> {
        self.values(&fr(local))
            .map(|t| match t {
                Term::NamedNode(n) => Ok(n.as_str()),
                _ => Err(Problem::NotIri(format!("fr:{local}"))),
            })
            .collect()
    }

    fn iri(&self, local: &str) -> Result<Option<&str>, Problem> {
        let mut v = self.iris(local)?;
        if v.len() > 1 {
            return Err(Problem::Many(format!("fr:{local}")));
        }
        Ok(v.pop())
    }

    fn flag(&self, local: &str) -> Result<bool, Problem> {
        let mut v = self.literals(local)?;
        if v.len() > 1 {
            return Err(Problem::Many(format!("fr:{local}")));
        }
        match v.pop().as_deref() {
            None | Some("false") | Some("0") => Ok(false),
            Some("true") | Some("1") => Ok(true),
            Some(other) => Err(Problem::BadBoolean {
                property: format!("fr:{local}"),
                value: other.to_owned(),
            }),
        }
    }

    fn lang(&self) -> Result<Lang, Problem> {
        let code = self.literal("lang")?.ok_or(Problem::NoLang)?;
        Lang::from_code(&code).ok_or(Problem::BadLang(code))
    }

    /// Every `fr:` property must be one of `allowed`.
    fn only(&self, allowed: &[&str]) -> Result<(), Problem> {
        for (p, _) in self.props {
            if let Some(local) = p.strip_prefix(FR)
                && !allowed.contains(&local)
            {
                return Err(Problem::UnknownProperty(format!("fr:{local}")));
            }
        }
        Ok(())
    }

    fn roles(&self, local: &str) -> Result<Vec<Role>, Problem> {
        match self.literal(local)? {
            None => Ok(Vec::new()),
            Some(value) => Role::parse_list(&value).ok_or(Problem::BadRole {
                property: format!("fr:{local}"),
                value,
            }),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Verb,
    Unit,
    Frame,
}

const VERB_COMMON: [&str; 3] = ["lang", "lemma", "particle"];
const VERB_NL: [&str; 6] = [
    "noGe",
    "stem",
    "pastSingular",
    "pastPlural",
    "participle",
    "presentSingular",
];
const VERB_EN: [&str; 5] = ["third", "past", "participle", "gerund", "presentPlural"];
const UNIT_PROPS: [&str; 19] = [
    "themeHead",
    "excludes",
    "fixed",
    "frame",
    "lang",
    "verb",
    "noun",
    "adjective",
    "nounPlural",
    "expression",
    "headVerb",
    "strength",
    "agent",
    "theme",
    "reflexive",
    "negative",
    "hedge",
    "issueAgent",
    "issueLabel",
];
const FRAME_PROPS: [&str; 3] = ["relation", "stance", "reports"];

impl Frames {
    /// Reads `frames.ttl`; `file` names it in messages.
    pub fn load(file: &str, text: &str) -> Result<Frames, FramesError> {
        let quads = parse_turtle(file, text)?;
        let reader = Reader { file, text };
        let mut subjects: BTreeMap<String, Vec<(String, Term)>> = BTreeMap::new();
        for q in quads {
            match &q.subject {
                NamedOrBlankNode::NamedNode(n) => subjects
                    .entry(n.as_str().to_owned())
                    .or_default()
                    .push((q.predicate.as_str().to_owned(), q.object)),
                NamedOrBlankNode::BlankNode(_) => {
                    let typed = q.predicate.as_str() == RDF_TYPE
                        && matches!(&q.object, Term::NamedNode(c) if c.as_str().starts_with(FR));
                    if typed || q.predicate.as_str().starts_with(FR) {
                        return Err(FramesError::Entry {
                            file: file.to_owned(),
                            line: None,
                            subject: "a blank node".to_owned(),
                            problem: Box::new(Problem::BlankNode),
                        });
                    }
                }
            }
        }

        let mut frames: BTreeMap<&str, FrameKind> = BTreeMap::new();
        let mut verb_entries: Vec<Entry> = Vec::new();
        let mut unit_entries: Vec<Entry> = Vec::new();
        for (iri, props) in &subjects {
            let entry = Entry { iri, props };
            let class = classify(&entry).map_err(|p| reader.error(iri, p))?;
            match class {
                Some(Class::Frame) => {
                    let kind = frame_kind(&entry).map_err(|p| reader.error(iri, p))?;
                    frames.insert(iri, kind);
                }
                Some(Class::Verb) => verb_entries.push(entry),
                Some(Class::Unit) => unit_entries.push(entry),
                None => {}
            }
        }

        let mut verbs = Vec::with_capacity(verb_entries.len());
        let mut verb_index: BTreeMap<&str, usize> = BTreeMap::new();
        for entry in &verb_entries {
            let verb = read_verb(entry).map_err(|p| reader.error(entry.iri, p))?;
            verb_index.insert(entry.iri, verbs.len());
            verbs.push(verb);
        }

        let mut units = Vec::with_capacity(unit_entries.len());
        for entry in &unit_entries {
            let unit = read_unit(entry, &frames, &verbs, &verb_index)
                .map_err(|p| reader.error(entry.iri, p))?;
            units.push(unit);
        }
        Ok(Frames { verbs, units })
    }

    /// The embedded `frames.ttl`.
    pub fn embedded() -> Result<Frames, FramesError> {
        Frames::load("frames.ttl", EMBEDDED)
    }

    /// The units of one language, with their index in [`Frames::units`].
    pub fn units_of(&self, lang: Lang) -> impl Iterator<Item = (usize, &LexicalUnit)> {
        self.units
            .iter()
            .enumerate()
            .filter(move |(_, u)| u.lang == lang)
    }

    /// The index of the verb with this local name (`nl-tegenhouden`).
    pub fn verb_index(&self, id: &str) -> Option<usize> {
        self.verbs.iter().position(|v| v.id == id)
    }
}

fn local_id(iri: &str) -> String {
    iri.strip_prefix(FR).unwrap_or(iri).to_owned()
}

fn classify(entry: &Entry) -> Result<Option<Class>, Problem> {
    let mut classes = Vec::new();
    for t in entry.values(RDF_TYPE) {
        let Term::NamedNode(c) = t else { continue };
        let Some(local) = c.as_str().strip_prefix(FR) else {
            continue;
        };
        classes.push(match local {
            "Verb" => Class::Verb,
            "LexicalUnit" => Class::Unit,
            "Frame" => Class::Frame,
            _ => return Err(Problem::UnknownClass(format!("fr:{local}"))),
        });
    }
    classes.dedup();
    match classes.as_slice() {
        [] if entry.props.iter().any(|(p, _)| p.starts_with(FR)) => Err(Problem::Untyped),
        [] => Ok(None),
        [c] => Ok(Some(*c)),
        _ => Err(Problem::ManyClasses),
    }
}

fn frame_kind(entry: &Entry) -> Result<FrameKind, Problem> {
    entry.only(&FRAME_PROPS)?;
    let relation = entry.iri("relation")?;
    let stance = entry.iri("stance")?;
    let reports = entry.iri("reports")?;
    match (relation, stance, reports) {
        (Some(r), None, None) => Relation::from_iri(r)
            .map(FrameKind::Relation)
            .ok_or_else(|| Problem::UnknownRelation(written(r))),
        (None, Some(s), None) => s
            .strip_prefix(PKG)
            .and_then(Stance::from_local_name)
            .map(FrameKind::Stance)
            .ok_or_else(|| Problem::UnknownStance(written(s))),
        (None, None, Some(r)) => Report::from_iri(r)
            .map(FrameKind::Report)
            .ok_or_else(|| Problem::UnknownReport(written(r))),
        (None, None, None) => Err(Problem::FrameWithoutKind),
        _ => Err(Problem::FrameWithBothKinds),
    }
}

fn read_verb(entry: &Entry) -> Result<Verb, Problem> {
    let lang = entry.lang()?;
    let (own, other, other_lang): (&[&str], &[&str], Lang) = match lang {
        Lang::Nl => (&VERB_NL, &VERB_EN, Lang::En),
        Lang::En => (&VERB_EN, &VERB_NL, Lang::Nl),
    };
    for (p, _) in entry.props {
        let Some(local) = p.strip_prefix(FR) else {
            continue;
        };
        if VERB_COMMON.contains(&local) || own.contains(&local) {
            continue;
        }
        if other.contains(&local) {
            return Err(Problem::OtherLangProperty {
                property: format!("fr:{local}"),
                lang: lang.code(),
                other: match other_lang {
                    Lang::Nl => "Dutch",
                    Lang::En => "English",
                },
            });
        }
        return Err(Problem::UnknownProperty(format!("fr:{local}")));
    }
    let lemma = entry.literal("lemma")?.ok_or(Problem::NoLemma)?;
    let particle = entry.literal("particle")?;
    let irregular = Irregular {
        no_ge: entry.flag("noGe")?,
        stem: entry.literal("stem")?,
        past_singular: entry.literals("pastSingular")?,
        past_plural: entry.literals("pastPlural")?,
        participle: entry.literals("participle")?,
        present_singular: entry.literals("presentSingular")?,
        third: entry.literals("third")?,
        past: entry.literals("past")?,
        gerund: entry.literals("gerund")?,
        present_plural: entry.literals("presentPlural")?,
    };
    for (property, values) in [
        ("fr:pastSingular", &irregular.past_singular),
        ("fr:pastPlural", &irregular.past_plural),
        ("fr:participle", &irregular.participle),
        ("fr:presentSingular", &irregular.present_singular),
        ("fr:third", &irregular.third),
        ("fr:past", &irregular.past),
        ("fr:gerund", &irregular.gerund),
        ("fr:presentPlural", &irregular.present_plural),
    ] {
        if values.iter().any(String::is_empty) {
            return Err(Problem::Empty(property.to_owned()));
        }
    }
    if lang == Lang::Nl {
        if let Some(p) = &particle {
            let lower = lemma.to_lowercase();
            let p = p.to_lowercase();
            if !(lower.starts_with(&p) && lower.len() > p.len()) {
                return Err(Problem::ParticleNotPrefix(p));
            }
        }
        let base = morph::dutch_base(&lemma, particle.as_deref());
        if irregular.stem.is_none() && morph::dutch_stem(&base).is_none() {
            return Err(Problem::NeedsStem(base));
        }
        match (
            irregular.past_singular.is_empty(),
            irregular.past_plural.is_empty(),
        ) {
            (false, true) => {
                return Err(Problem::PastWithoutOther(
                    "fr:pastSingular".into(),
                    "fr:pastPlural".into(),
                ));
            }
            (true, false) => {
                return Err(Problem::PastWithoutOther(
                    "fr:pastPlural".into(),
                    "fr:pastSingular".into(),
                ));
            }
            _ => {}
        }
    }
    let (forms, joined) = morph::forms(lang, &lemma, particle.as_deref(), &irregular);
    Ok(Verb {
        id: local_id(entry.iri),
        lang,
        lemma,
        particle,
        forms,
        joined,
    })
}

/// The verb a unit names in `property`, checked against the unit's language.
fn verb_ref(
    property: &str,
    iri: &str,
    lang: Lang,
    verbs: &[Verb],
    index: &BTreeMap<&str, usize>,
) -> Result<usize, Problem> {
    let i = *index.get(iri).ok_or_else(|| Problem::UnknownVerb {
        property: property.to_owned(),
        verb: written(iri),
    })?;
    let verb_lang = verbs[i].lang;
    if verb_lang != lang {
        return Err(Problem::LangMismatch {
            property: property.to_owned(),
            verb: written(iri),
            lang: lang.code(),
            verb_lang: verb_lang.code(),
        });
    }
    Ok(i)
}

fn read_unit(
    entry: &Entry,
    frames: &BTreeMap<&str, FrameKind>,
    verbs: &[Verb],
    index: &BTreeMap<&str, usize>,
) -> Result<LexicalUnit, Problem> {
    entry.only(&UNIT_PROPS)?;
    let frame_iri = entry.iri("frame")?.ok_or(Problem::NoFrame)?;
    let kind = *frames
        .get(frame_iri)
        .ok_or_else(|| Problem::UnknownFrame(written(frame_iri)))?;
    let lang = entry.lang()?;

    let verb = entry.iris("verb")?;
    let noun = entry.literals("noun")?;
    let expression = entry.literals("expression")?;
    let adjective = entry.literals("adjective")?;
    let plural = entry.literal("nounPlural")?;
    let head_verb = entry.iri("headVerb")?;
    let count = verb.len() + noun.len() + expression.len() + adjective.len();
    if count == 0 {
        return Err(Problem::NoTrigger);
    }
    if count > 1 {
        return Err(Problem::ManyTriggers(count));
    }
    if plural.is_some() && noun.is_empty() {
        return Err(Problem::PluralWithoutNoun);
    }
    if head_verb.is_some() && expression.is_empty() {
        return Err(Problem::HeadVerbWithoutExpression);
    }
    let trigger = if let Some(v) = verb.first() {
        Trigger::Verb(verb_ref("fr:verb", v, lang, verbs, index)?)
    } else if let Some(a) = adjective.first() {
        if a.is_empty() || a.contains(' ') {
            return Err(Problem::Empty("fr:adjective".into()));
        }
        Trigger::Adjective(a.to_lowercase())
    } else if let Some(n) = noun.first() {
        if n.is_empty() {
            return Err(Problem::Empty("fr:noun".into()));
        }
        Trigger::Noun {
            singular: n.to_lowercase(),
            plural: plural.map(|p| p.to_lowercase()),
        }
    } else {
        let text = expression
            .first()
            .map(|e| e.to_lowercase())
            .unwrap_or_default();
        let words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        if words.is_empty() {
            return Err(Problem::Empty("fr:expression".into()));
        }
        let (head, verb) = match head_verb {
            None => (None, None),
            Some(h) => {
                let v = verb_ref("fr:headVerb", h, lang, verbs, index)?;
                let word = head_word(&words, &verbs[v])
                    .ok_or_else(|| Problem::HeadVerbNotInExpression(written(h)))?;
                (Some(word), Some(v))
            }
        };
        Trigger::Expression { words, head, verb }
    };

    let strength = match entry.iri("strength")? {
        None => None,
        Some(s) => Some(
            s.strip_prefix(PKG)
                .and_then(Strength::from_local_name)
                .ok_or_else(|| Problem::UnknownStrength(written(s)))?,
        ),
    };
    if strength.is_some() && kind != FrameKind::Relation(Relation::Blocks) {
        return Err(Problem::StrengthOutsideBlocking(written(frame_iri)));
    }

    let issue_agent = entry.flag("issueAgent")?;
    let issue_label = entry.literal("issueLabel")?;
    if issue_label.is_some() && !issue_agent {
        return Err(Problem::IssueLabelWithoutIssueAgent);
    }
    Ok(LexicalUnit {
        id: local_id(entry.iri),
        frame: local_id(frame_iri),
        kind,
        lang,
        trigger,
        strength,
        agent: entry.roles("agent")?,
        theme: entry.roles("theme")?,
        reflexive: entry.flag("reflexive")?,
        negative: entry.flag("negative")?,
        hedge: entry.flag("hedge")?,
        excludes: entry.roles("excludes")?,
        fixed: entry.flag("fixed")?,
        issue_agent,
        issue_label,
        theme_heads: {
            let mut v: Vec<String> = entry
                .literals("themeHead")?
                .iter()
                .map(|w| w.to_lowercase())
                .collect();
            v.sort();
            v
        },
    })
}

/// The index of the expression word that is the head verb: its lemma or
/// one of its forms (`-geleid` is a participle of `leiden`).
fn head_word(words: &[String], verb: &Verb) -> Option<usize> {
    let lemma = verb.lemma.to_lowercase();
    let bare = |w: &str| w.trim_start_matches('-').to_owned();
    words
        .iter()
        .position(|w| bare(w) == lemma)
        .or_else(|| words.iter().position(|w| verb.has_form(&bare(w))))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    const HEAD: &str = "@prefix fr: <https://w3id.org/policykg/def/frames#> .
@prefix pkg: <https://w3id.org/policykg/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
";

    const BASE: &str = "fr:Blocking a fr:Frame ; fr:relation pkg:blocks .
fr:Endorsing a fr:Frame ; fr:stance pkg:Endorses .
fr:nl-blokkeren a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"blokkeren\" .
fr:en-block a fr:Verb ; fr:lang \"en\" ; fr:lemma \"block\" .
fr:nl-zijn a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"zijn\" ; fr:stem \"ben\" ; fr:presentSingular \"is\" ;
    fr:pastSingular \"was\" ; fr:pastPlural \"waren\" ; fr:participle \"geweest\" .
";

    /// Loads HEAD + BASE + `extra`; returns the error message and the
    /// line that `extra`'s first line has in the file.
    fn fail(extra: &str) -> (String, usize) {
        let text = format!("{HEAD}{BASE}{extra}");
        let first = HEAD.lines().count() + BASE.lines().count() + 1;
        let err = Frames::load("test.ttl", &text).expect_err("must fail");
        (err.to_string(), first)
    }

    #[track_caller]
    fn fails_at(extra: &str, line_offset: usize, needle: &str) {
        let (msg, first) = fail(extra);
        let prefix = format!("test.ttl:{}: ", first + line_offset);
        assert!(
            msg.starts_with(&prefix),
            "{msg:?} should start with {prefix:?}"
        );
        assert!(msg.contains(needle), "{msg:?} should contain {needle:?}");
        assert!(!msg.contains('\n'), "one line: {msg:?}");
    }

    fn load(extra: &str) -> Frames {
        Frames::load("test.ttl", &format!("{HEAD}{BASE}{extra}")).unwrap()
    }

    fn verb<'a>(f: &'a Frames, id: &str) -> &'a Verb {
        &f.verbs[f.verb_index(id).unwrap()]
    }

    fn unit<'a>(f: &'a Frames, id: &str) -> &'a LexicalUnit {
        f.units.iter().find(|u| u.id == id).unwrap()
    }

    #[test]
    fn the_real_frames_file_loads() {
        let f = Frames::load("frames.ttl", EMBEDDED).unwrap();
        assert!(f.units.len() > 250, "{} units", f.units.len());
        assert!(f.verbs.len() > 100, "{} verbs", f.verbs.len());
        for v in &f.verbs {
            assert!(v.forms.len() >= 4, "{} has {:?}", v.id, v.forms);
            for (w, _) in v.forms.iter().chain(&v.joined) {
                assert_eq!(*w, w.to_lowercase());
                assert!(!w.is_empty() && !w.contains(' '), "{}: {w:?}", v.id);
            }
            if v.lang == Lang::En {
                assert!(v.joined.is_empty());
            }
        }
        let ids: Vec<&str> = f.units.iter().map(|u| u.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "units sorted by IRI");
        assert!(f.units_of(Lang::Nl).count() > 100);
        assert!(f.units_of(Lang::En).count() > 100);
        assert!(
            f.units_of(Lang::En)
                .all(|(i, u)| f.units[i] == *u && u.lang == Lang::En)
        );
        assert_eq!(Frames::embedded().unwrap(), f);
    }

    #[test]
    fn the_real_frames_file_gives_the_forms_the_header_promises() {
        let f = Frames::embedded().unwrap();
        let forms = |id: &str| -> Vec<String> {
            let v = verb(&f, id);
            v.forms
                .iter()
                .chain(&v.joined)
                .map(|(w, _)| w.clone())
                .collect()
        };
        let expect = [
            (
                "nl-tegenhouden",
                &[
                    "houdt",
                    "hield",
                    "hielden",
                    "gehouden",
                    "tegengehouden",
                    "tegenhoudt",
                ][..],
            ),
            (
                "nl-blokkeren",
                &["blokkeert", "blokkeerde", "geblokkeerd", "blokkerend"],
            ),
            ("nl-belemmeren", &["belemmert", "belemmerde", "belemmerd"]),
            (
                "nl-verhinderen",
                &["verhindert", "verhinderde", "verhinderd"],
            ),
            ("nl-verwelkomen", &["verwelkomt", "verwelkomd"]),
            ("nl-steunen", &["steunt", "steunde", "gesteund"]),
            ("nl-remmen", &["remt", "remde", "geremd"]),
            ("nl-maken", &["maakt", "maakte", "gemaakt"]),
            (
                "nl-onderschrijven",
                &["onderschrijft", "onderschreef", "onderschreven"],
            ),
            ("nl-afwijzen", &["wijst", "wees", "afgewezen", "afwijst"]),
            (
                "nl-voorstellen",
                &["stelt", "stelde", "voorgesteld", "voorstelt"],
            ),
            ("nl-initieren", &["initieert", "geïnitieerd"]),
            ("nl-zijn", &["is", "ben", "bent", "was", "waren", "geweest"]),
            (
                "nl-dwarsbomen",
                &["dwarsboomt", "dwarsboomde", "gedwarsboomd"],
            ),
            ("nl-komen", &["kom", "komt", "kwam", "gekomen"]),
            ("nl-co-leiden", &["co-leidt", "co-leidde", "co-geleid"]),
            ("en-block", &["block", "blocks", "blocked", "blocking"]),
            ("en-veto", &["veto", "vetoes", "vetoed", "vetoing"]),
            ("en-hold-up", &["hold", "holds", "held", "holding"]),
            ("en-support", &["supports", "supported", "supporting"]),
            ("en-delay", &["delayed"]),
            ("en-oppose", &["opposing"]),
            ("en-agree", &["agreeing"]),
            (
                "en-be",
                &["be", "is", "are", "am", "was", "were", "been", "being"],
            ),
        ];
        for (id, words) in expect {
            let have = forms(id);
            for w in words {
                assert!(
                    have.iter().any(|h| h == w),
                    "{id}: {w} missing from {have:?}"
                );
            }
        }
        assert!(!forms("nl-komen").contains(&"koomt".to_owned()));
        assert!(forms("nl-staan").contains(&"staat".to_owned()));
        assert!(!forms("nl-staan").contains(&"stat".to_owned()));
        assert!(!forms("nl-ineenslaan").contains(&"ineenslat".to_owned()));
        assert!(!forms("nl-belemmeren").contains(&"belemmeert".to_owned()));
    }

    #[test]
    fn units_carry_frame_roles_and_flags() {
        let f = Frames::embedded().unwrap();
        let u = unit(&f, "unit-nl-blokkeren");
        assert_eq!(u.frame, "Blocking");
        assert_eq!(u.kind, FrameKind::Relation(Relation::Blocks));
        assert_eq!(u.strength, Some(Strength::Blocks));
        assert_eq!(u.agent, vec![Role::Subject]);
        assert_eq!(u.theme, vec![Role::Object]);
        assert_eq!(
            u.trigger,
            Trigger::Verb(f.verb_index("nl-blokkeren").unwrap())
        );

        let u = unit(&f, "unit-nl-blokkade");
        assert_eq!(
            u.agent,
            vec![Role::Pp("door".into()), Role::Genitive, Role::Demonym]
        );
        assert_eq!(
            u.trigger,
            Trigger::Noun {
                singular: "blokkade".into(),
                plural: Some("blokkades".into())
            }
        );

        let u = unit(&f, "unit-nl-geen-voorstander-zijn-van");
        assert_eq!(u.kind, FrameKind::Relation(Relation::Opposes));
        assert!(u.negative && u.hedge && !u.reflexive);
        assert!(matches!(
            &u.trigger,
            Trigger::Expression { words, head: Some(1), verb: Some(_) } if *words == ["voorstander", "zijn"]
        ));

        let u = unit(&f, "unit-nl-zich-verzetten-tegen");
        assert!(u.reflexive);

        let u = unit(&f, "unit-nl-geleid");
        assert!(matches!(
            &u.trigger,
            Trigger::Expression { words, head: Some(0), verb: Some(_) } if *words == ["-geleid"]
        ));
        assert_eq!(u.agent, vec![Role::Compound]);
        assert_eq!(u.theme, vec![Role::Head]);

        let u = unit(&f, "unit-nl-al-in-gang-zetten");
        assert!(matches!(
            u.trigger,
            Trigger::Expression { head: Some(3), .. }
        ));

        let u = unit(&f, "unit-en-with-reservations");
        assert_eq!(u.kind, FrameKind::Stance(Stance::PartiallyEndorses));
        assert!(matches!(u.trigger, Trigger::Expression { head: None, .. }));

        let u = unit(&f, "unit-en-deadlock");
        assert!(u.agent.is_empty());
    }

    #[test]
    fn relations_and_strengths_round_trip() {
        for r in Relation::ALL {
            assert_eq!(Relation::from_iri(r.iri()), Some(r));
            if r != Relation::MemberOf {
                assert!(r.iri().starts_with(PKG));
            }
        }
        assert_eq!(
            Relation::MemberOf.iri(),
            "http://www.w3.org/ns/org#memberOf"
        );
        for s in Strength::ALL {
            assert_eq!(Strength::from_local_name(s.local_name()), Some(s));
        }
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(
            Role::parse_list("pp:voor|byAgent|indirectObject"),
            Some(vec![
                Role::Pp("voor".into()),
                Role::ByAgent,
                Role::IndirectObject
            ])
        );
        assert_eq!(Role::parse_list("subject|"), None);
        assert_eq!(Role::parse("pp:"), None);
        assert_eq!(Role::parse("Subject"), None);
    }

    #[test]
    fn a_small_file_loads() {
        let f = load(
            "fr:unit-nl-x a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:verb fr:nl-blokkeren ;
    fr:strength pkg:Veto ; fr:agent \"subject\" ; fr:theme \"object|pp:tegen\" ; rdfs:comment \"x\" .
fr:unit-nl-y a fr:LexicalUnit ; fr:frame fr:Endorsing ; fr:lang \"nl\" ; fr:expression \"het eens zijn\" ; fr:headVerb fr:nl-zijn .
",
        );
        assert_eq!(f.verbs.len(), 3);
        assert_eq!(
            f.verbs.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(),
            ["en-block", "nl-blokkeren", "nl-zijn"]
        );
        let u = unit(&f, "unit-nl-x");
        assert_eq!(u.strength, Some(Strength::Veto));
        assert_eq!(u.theme, vec![Role::Object, Role::Pp("tegen".into())]);
        let u = unit(&f, "unit-nl-y");
        assert_eq!(u.kind, FrameKind::Stance(Stance::Endorses));
        assert!(u.agent.is_empty() && u.theme.is_empty());
        assert!(matches!(
            u.trigger,
            Trigger::Expression { head: Some(2), .. }
        ));
    }

    #[test]
    fn a_unit_without_frame_lang_or_trigger_is_an_error() {
        fails_at(
            "\n\nfr:unit-nl-foo a fr:LexicalUnit ; fr:lang \"nl\" ; fr:verb fr:nl-blokkeren .\n",
            2,
            "fr:unit-nl-foo has no fr:frame",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ;\n    fr:verb fr:nl-blokkeren .\n",
            0,
            "has no fr:lang",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" .\n",
            0,
            "has no trigger",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"de\" ; fr:noun \"x\" .\n",
            0,
            "fr:lang \"de\"",
        );
    }

    #[test]
    fn a_unit_with_two_triggers_is_an_error() {
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ;\n    fr:verb fr:nl-blokkeren ; fr:noun \"blokkade\" .\n",
            0,
            "has 2 triggers",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:noun \"a\" , \"b\" .\n",
            0,
            "has 2 triggers",
        );
    }

    #[test]
    fn an_unknown_frame_or_a_frame_without_kind_is_an_error() {
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blokking ; fr:lang \"nl\" ; fr:noun \"x\" .\n",
            0,
            "names fr:Blokking as its fr:frame, which is not a fr:Frame",
        );
        fails_at(
            "# a frame\nfr:Empty a fr:Frame ; rdfs:label \"leeg\"@nl .\n",
            1,
            "fr:Empty has none of fr:relation, fr:stance, fr:reports",
        );
        fails_at(
            "fr:Both a fr:Frame ; fr:stance pkg:Endorses ; fr:reports fr:Advice .\n",
            0,
            "fr:Both has more than one of fr:relation, fr:stance, fr:reports",
        );
        fails_at(
            "fr:Heard a fr:Frame ; fr:reports fr:Rumour .\n",
            0,
            "fr:Heard has unknown fr:reports fr:Rumour (expected fr:Advice or fr:View)",
        );
        fails_at(
            "fr:Odd a fr:Frame ; fr:relation pkg:likes .\n",
            0,
            "unknown fr:relation pkg:likes",
        );
        fails_at(
            "fr:Odd a fr:Frame ; fr:stance pkg:Likes .\n",
            0,
            "unknown fr:stance pkg:Likes",
        );
        fails_at(
            "fr:Odd a fr:Frame ; fr:stance pkg:Notes ; fr:relation pkg:blocks .\n",
            0,
            "more than one of",
        );
    }

    #[test]
    fn an_unknown_strength_is_an_error() {
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:noun \"x\" ;\n    fr:strength pkg:Stops .\n",
            0,
            "unknown fr:strength pkg:Stops",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Endorsing ; fr:lang \"nl\" ; fr:noun \"x\" ;\n    fr:strength pkg:Veto .\n",
            0,
            "not about blocking",
        );
    }

    #[test]
    fn a_bad_role_is_an_error() {
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:noun \"x\" ;\n    fr:agent \"subject|pp\" .\n",
            0,
            "has fr:agent \"subject|pp\", which is not a role",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:noun \"x\" ;\n    fr:theme \"objekt\" .\n",
            0,
            "fr:theme \"objekt\"",
        );
    }

    #[test]
    fn an_unknown_verb_is_an_error() {
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:verb fr:nl-blokeren .\n",
            0,
            "names fr:nl-blokeren as its fr:verb, which is not a fr:Verb",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ;\n    fr:expression \"veto zijn\" ; fr:headVerb fr:nl-wezen .\n",
            0,
            "fr:nl-wezen as its fr:headVerb",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ;\n    fr:expression \"veto stellen\" ; fr:headVerb fr:nl-zijn .\n",
            0,
            "no word of its fr:expression is a form of it",
        );
    }

    #[test]
    fn a_verb_without_lang_or_lemma_is_an_error() {
        fails_at(
            "\nfr:nl-foo a fr:Verb ; fr:lemma \"foeen\" .\n",
            1,
            "fr:nl-foo has no fr:lang",
        );
        fails_at(
            "fr:nl-foo a fr:Verb ;\n    fr:lang \"nl\" .\n",
            0,
            "fr:nl-foo has no fr:lemma",
        );
        fails_at(
            "fr:nl-gaan a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"gaan\" .\n",
            0,
            "needs fr:stem",
        );
        fails_at(
            "fr:nl-x a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"tegenhouden\" ; fr:particle \"op\" .\n",
            0,
            "does not begin its fr:lemma",
        );
        fails_at(
            "fr:nl-x a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"houden\" ; fr:pastSingular \"hield\" .\n",
            0,
            "fr:pastSingular without fr:pastPlural",
        );
        fails_at(
            "fr:nl-x a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"houden\" ; fr:third \"houdt\" .\n",
            0,
            "fr:third is for English verbs",
        );
        fails_at(
            "fr:nl-x a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"houden\" ; fr:pastSingluar \"hield\" .\n",
            0,
            "unknown property fr:pastSingluar",
        );
        fails_at(
            "fr:nl-x a fr:Verb ; fr:lang \"nl\" ; fr:lemma \"houden\" ; fr:noGe \"ja\" .\n",
            0,
            "fr:noGe \"ja\"",
        );
    }

    #[test]
    fn a_unit_in_another_language_than_its_verb_is_an_error() {
        fails_at(
            "fr:unit-en-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"en\" ; fr:verb fr:nl-blokkeren .\n",
            0,
            "is \"en\", but its fr:verb fr:nl-blokkeren is \"nl\"",
        );
        fails_at(
            "fr:unit-en-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"en\" ;\n    fr:expression \"be blocked\" ; fr:headVerb fr:nl-zijn .\n",
            0,
            "its fr:headVerb fr:nl-zijn is \"nl\"",
        );
    }

    #[test]
    fn misplaced_or_mistyped_entries_are_errors() {
        fails_at(
            "fr:x a fr:Verbb ; fr:lang \"nl\" .\n",
            0,
            "unknown class fr:Verbb",
        );
        fails_at("fr:x fr:lang \"nl\" .\n", 0, "is not a fr:Verb");
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:noun \"x\" ; fr:nounPlurl \"xs\" .\n",
            0,
            "unknown property fr:nounPlurl",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:verb fr:nl-blokkeren ; fr:nounPlural \"xs\" .\n",
            0,
            "fr:nounPlural but no fr:noun",
        );
        fails_at(
            "fr:unit-nl-foo a fr:LexicalUnit ; fr:frame fr:Blocking ; fr:lang \"nl\" ; fr:verb fr:nl-blokkeren ; fr:headVerb fr:nl-zijn .\n",
            0,
            "fr:headVerb but no fr:expression",
        );
        let (msg, _) = fail("[] a fr:LexicalUnit ; fr:lang \"nl\" .\n");
        assert!(msg.starts_with("test.ttl: a blank node"), "{msg}");
    }

    #[test]
    fn a_syntax_error_names_file_and_position() {
        let (msg, first) = fail("fr:unit-nl-foo a fr:LexicalUnit ; fr:lang \"nl\n");
        assert!(msg.starts_with(&format!("test.ttl:{first}:")), "{msg}");
        assert!(matches!(
            Frames::load("x.ttl", "fr:a fr:b fr:c ."),
            Err(FramesError::Turtle(_))
        ));
    }

    #[test]
    fn the_line_is_where_the_subject_is_defined() {
        let text = "fr:unit-a-b fr:x fr:unit-a .\n\nfr:unit-a a fr:X .\n";
        assert_eq!(line_of(text, &fr("unit-a")), Some(3));
        assert_eq!(line_of(text, &fr("unit-a-b")), Some(1));
        assert_eq!(line_of("x fr:y fr:z .\n", &fr("z")), Some(1));
        assert_eq!(line_of("x\n", &fr("z")), None);
    }
}
