//! Extractors: each turns one segmented document into typed facts, every
//! fact with its evidence. One extractor per file, all behind [`Extractor`].
//!
//! Extractors never write RDF and never touch the store; `rdf` turns their
//! facts into quads.

pub mod blockades;
pub mod citations;
pub mod conclusions;
pub mod entities;
pub mod mentions;
mod parts;
pub mod positions;
pub mod recommendations;
pub mod responses;

use crate::corpus::Document;
use crate::lexicon::Lexicon;
use crate::text::Segmented;

/// Where a fact was read: a span of the document's normalised text,
/// normally one sentence (or two, when a sentence refers back).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
}

/// An entity named in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index into `Lexicon::entities`.
    pub entity: usize,
    /// Span of the name as written.
    pub start: usize,
    pub end: usize,
    pub evidence: Evidence,
}

/// A recommendation as one document renders it: a numbered main
/// recommendation, an individual one under it, or one reported in prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// Unique among this document's recommendations, in text order.
    pub id: usize,
    /// "3", "3.4"; `None` for prose.
    pub number: Option<String>,
    /// `id` of the main recommendation it belongs to.
    pub parent: Option<usize>,
    /// The recommendation itself: the first sentence of its item.
    pub text: Evidence,
    /// The whole item, with its explanation.
    pub full: Evidence,
    /// Entity that makes it, when the text names one.
    pub author: Option<usize>,
    /// Which rendering of the document's recommendations it belongs to
    /// (a summary and a chapter are two).
    pub group: usize,
    /// Span of the heading of the section it stands in.
    pub topic: Option<Evidence>,
    pub evidence: Evidence,
}

/// The stance of a response, as named in `policykg.ttl`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    Endorses,
    PartiallyEndorses,
    Rejects,
    Notes,
    AlreadyImplemented,
    Defers,
}

impl Stance {
    /// Local name of the `pkg:` individual.
    pub fn local_name(self) -> &'static str {
        match self {
            Stance::Endorses => "Endorses",
            Stance::PartiallyEndorses => "PartiallyEndorses",
            Stance::Rejects => "Rejects",
            Stance::Notes => "Notes",
            Stance::AlreadyImplemented => "AlreadyImplemented",
            Stance::Defers => "Defers",
        }
    }

    pub fn from_local_name(name: &str) -> Option<Self> {
        [
            Stance::Endorses,
            Stance::PartiallyEndorses,
            Stance::Rejects,
            Stance::Notes,
            Stance::AlreadyImplemented,
            Stance::Defers,
        ]
        .into_iter()
        .find(|s| s.local_name() == name)
    }
}

/// A document's answer to one of the recommendations it renders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// `id` of the recommendation (in this document) it answers.
    pub recommendation: usize,
    pub stance: Stance,
    /// The cue phrases that decided, as written in `cues.ttl`.
    pub cues: Vec<String>,
    /// The whole answer.
    pub span: Evidence,
    /// The sentence that carries the stance.
    pub evidence: Evidence,
}

/// What a node coined from the text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Coined {
    /// A group the text describes without naming its members.
    Group,
    Issue,
    /// An initiative, process or form of cooperation the lexicon lacks.
    Initiative,
}

/// A party to a blockade: a lexicon entity, or a node coined from the
/// text with the text's own words as its label.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Party {
    Entity(usize),
    Coined(Coined, String),
}

/// Who blocks what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blockade {
    pub blocker: Party,
    pub blocked: Party,
    pub strength: crate::analysis::frames::Strength,
    pub mutual: bool,
    /// In a mutual blockade between two sides ("tussen A enerzijds en B
    /// en C anderzijds"), the parties of the other side; empty when the
    /// text names no sides.
    pub counterparts: Vec<Party>,
    /// Hedges as written in `cues.ttl` ("soms", "geregeld").
    pub qualifiers: Vec<String>,
    /// The issue behind it, when the text refers back to one.
    pub reason: Option<Party>,
    /// The sentence, or the sentences when it refers back.
    pub evidence: Evidence,
}

/// An actor's position on something: it supports, opposes, proposes, leads
/// or co-leads it, takes part in it, cooperates with it, or is a member of
/// it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// An actor, or a group the text describes without naming members.
    pub holder: Party,
    /// A `pkg:PositionRelation` or `org:memberOf`.
    pub relation: crate::analysis::frames::Relation,
    pub target: Party,
    /// Actors who hold it with the holder ("samen met Letland en Spanje").
    pub partners: Vec<usize>,
    /// A weak position ("in beginsel niet onwelwillend").
    pub hedged: bool,
    /// The cue phrase, as written in `cues.ttl`.
    pub cue: String,
    pub evidence: Evidence,
}

/// What a citation cites.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cited {
    /// A parliamentary paper: dossier ("21501-28", "36800-V") and number
    /// ("211"); a Tweede Kamer document number ("2020D30499") has an empty
    /// dossier.
    Kamerstuk { dossier: String, number: String },
    /// An EU act or document, by CELEX number, with its ELI where it has
    /// one, and the words as written.
    EuAct {
        celex: String,
        eli: Option<String>,
        label: String,
    },
    /// A work known only by its title.
    Work { title: String },
}

/// One reference to another work, in a footnote or a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub cited: Cited,
    /// The reference as written ("KST 21501-28-211" → "21501-28-211").
    pub as_written: String,
    /// Why the reference cannot be right, when it cannot; it is then kept
    /// as written and not linked to the official publication.
    pub suspect: Option<String>,
    /// The title, issuers (lexicon entities) and date the entry gives.
    pub title: Option<String>,
    pub issuers: Vec<usize>,
    pub date: Option<String>,
    /// The footnote or sentence.
    pub evidence: Evidence,
    /// Span of the reference itself.
    pub span: (usize, usize),
}

/// A typed fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact {
    Mention(Mention),
    /// A thing no lexicon lists, with its uses in the document.
    Discovered(entities::Discovered),
    Recommendation(Recommendation),
    /// A conclusion has the shape of a recommendation: a main conclusion
    /// (no parent) and numbered sub-conclusions under it; a chapter's
    /// restatement has no number.
    Conclusion(Recommendation),
    Response(Response),
    Blockade(Blockade),
    Position(Position),
    Citation(Citation),
}

impl Fact {
    /// The kind, as counted in the build summary.
    pub fn kind(&self) -> &'static str {
        match self {
            Fact::Mention(_) => "mentions",
            Fact::Discovered(_) => "discovered",
            Fact::Recommendation(_) => "recommendations",
            Fact::Conclusion(_) => "conclusions",
            Fact::Response(_) => "responses",
            Fact::Blockade(_) => "blockades",
            Fact::Position(_) => "positions",
            Fact::Citation(_) => "citations",
        }
    }
}

/// What an extractor receives.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub document: &'a Document,
    pub segmented: &'a Segmented,
    pub lexicon: &'a Lexicon,
    /// The document's linguistic analysis, computed once.
    pub analysis: &'a crate::analysis::Analysis,
    /// The frame events of its sentences, computed once.
    pub events: &'a [crate::analysis::Event],
}

/// What an extractor returns: facts in text order, and remarks about input
/// it could not use (never a panic).
#[derive(Clone, Debug, Default)]
pub struct Output {
    pub facts: Vec<Fact>,
    pub diagnostics: Vec<String>,
}

/// An extractor receives one document with its segmentation and the
/// lexicon, and returns the facts it found, each carrying the span of the
/// sentence it was read from. It is pure (no IO), deterministic, and never
/// panics: input it cannot use becomes a diagnostic.
pub trait Extractor {
    /// Short name, used in diagnostics.
    fn name(&self) -> &'static str;
    fn extract(&self, input: &Input<'_>) -> Output;
}

/// The extractors a build runs, in order.
pub fn all() -> Vec<Box<dyn Extractor>> {
    vec![
        Box::new(mentions::Mentions),
        Box::new(entities::Entities),
        Box::new(recommendations::Recommendations),
        Box::new(conclusions::Conclusions),
        Box::new(responses::Responses),
        Box::new(blockades::Blockades),
        Box::new(positions::Positions),
        Box::new(citations::Citations),
    ]
}
