//! Vocabulary terms as typed constants, one doc line each.

use oxigraph::model::NamedNodeRef;

macro_rules! terms {
    ($ns:expr; $($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        $(
            $(#[$doc])*
            pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
        )*
    };
}

/// `pkg:` — the policykg vocabulary.
pub mod pkg {
    use super::NamedNodeRef;
    terms! { "https://w3id.org/policykg/def#";
        /// A document of the corpus.
        DOCUMENT = "Document";
        /// A mention of an entity in a sentence.
        MENTION = "Mention";
        /// A footnote body.
        FOOTNOTE = "Footnote";
        /// A person who signed a document.
        SIGNATORY_CLASS = "Signatory";
        /// The entity a mention names.
        MENTIONS = "mentions";
        /// The document a fact was read in.
        IN_DOCUMENT = "inDocument";
        /// A mention's text as written.
        SURFACE_FORM = "surfaceForm";
        /// Byte offset where a mention starts in the normalised text.
        SURFACE_START = "surfaceStart";
        /// Byte offset where a mention ends in the normalised text.
        SURFACE_END = "surfaceEnd";
        /// 1-based line in the original file.
        LINE = "line";
        /// The file a document was read from.
        SOURCE_FILE = "sourceFile";
        /// The encoding the file was read in.
        ENCODING = "encoding";
        /// True when a document's date was inferred, not stated.
        DATE_INFERRED = "dateInferred";
        /// A date the document's own date is not earlier than.
        NOT_BEFORE = "notBefore";
        /// A date the document's own date is not later than.
        NOT_AFTER = "notAfter";
        /// The sentence a bound on the document's date was read from.
        DATE_EVIDENCE = "dateEvidence";
        /// A signatory node of a document.
        SIGNATORY = "signatory";
        /// The role line of a signatory, or a person's title.
        ROLE = "role";
        /// True for an entity discovered in the text, not in the lexicon.
        DISCOVERED = "discovered";
        /// An acronym of an entity.
        ACRONYM = "acronym";
        /// Another rendering of the same document.
        ALTERNATIVE_RENDERING = "alternativeRendering";
        /// Shingle similarity of a rendering to its canonical document.
        SIMILARITY = "similarity";
        /// A footnote of a document.
        FOOTNOTE_PROP = "footnote";
        /// A number as written ("3", "3.4").
        NUMBER = "number";
        /// A text as written.
        TEXT = "text";
        /// Who blocks what.
        BLOCKADE = "Blockade";
        BLOCKER = "blocker";
        BLOCKED = "blocked";
        /// Shortcut: blocker pkg:blocks blocked.
        BLOCKS = "blocks";
        STRENGTH = "strength";
        MUTUAL = "mutual";
        COUNTERPART = "counterpart";
        REASON = "reason";
        /// A reference to another work.
        CITATION = "Citation";
        CITING_DOCUMENT = "citingDocument";
        CITES = "cites";
        /// A parliamentary paper.
        KAMERSTUK = "Kamerstuk";
        DOSSIER = "dossier";
        /// An EU act or document.
        EU_DOCUMENT = "EuDocument";
        CELEX = "celex";
        /// A reference as written.
        AS_WRITTEN = "asWritten";
        /// Why a cited number cannot be right.
        SUSPECT = "suspect";
        /// The corpus document a cited work is.
        CORPUS_DOCUMENT = "corpusDocument";
        PUBLISHED_AS = "publishedAs";
        /// An actor's position on a target.
        POSITION = "Position";
        /// The actor that holds a position.
        HOLDER = "holder";
        /// The kind of a position (`pkg:supports`, `org:memberOf`).
        RELATION = "relation";
        /// What a position is about.
        TARGET = "target";
        /// An actor who holds a position with its holder.
        PARTNER = "partner";
        /// True for a weak position ("in beginsel niet onwelwillend").
        HEDGED = "hedged";
        /// A hedge kept with a fact ("soms", "geregeld").
        QUALIFIER = "qualifier";
        /// The document whose words name a coined node.
        COINED_IN = "coinedIn";
        /// A group described without naming its members.
        GROUP = "Group";
        ISSUE = "Issue";
        INITIATIVE = "Initiative";
        /// A recommendation.
        RECOMMENDATION = "Recommendation";
        /// A conclusion.
        CONCLUSION = "Conclusion";
        /// A response to a recommendation.
        RESPONSE = "Response";
        /// A later document's rendering of a recommendation.
        RESTATEMENT = "Restatement";
        /// The main recommendation an individual one belongs to.
        PART_OF = "partOf";
        /// Who makes a recommendation.
        MADE_BY = "madeBy";
        /// A document that restates a recommendation.
        RESTATED_IN = "restatedIn";
        /// The recommendation a restatement renders.
        RESTATES = "restates";
        /// The recommendation a response answers.
        RESPONDS_TO = "respondsTo";
        /// The stance of a response.
        STANCE = "stance";
        /// Follow-up status of a response.
        FOLLOW_UP = "followUp";
        /// A recommendation's whole item, with its explanation.
        FULL_TEXT = "fullText";
        /// The heading of the section a fact stands in.
        TOPIC = "topic";
        /// A cue phrase that decided a classification.
        CUE = "cue";
        /// True for a recommendation only one rendering of its document lists.
        EXTRA_IN_RENDERING = "extraInRendering";
        /// True when a document's title is taken from a subject line, its
        /// opening sentence or its first heading, not stated as its title.
        TITLE_DERIVED = "titleDerived";
        /// The parliamentary year a paper belongs to ("2023-2024").
        VERGADERJAAR = "vergaderjaar";
        /// The date Kamervragen were answered ("ontvangen").
        ANSWERED_ON = "answeredOn";
        /// The date a motion was proposed ("Voorgesteld").
        PROPOSED_ON = "proposedOn";
        /// A member of parliament who put Kamervragen (surname as written).
        ASKED_BY = "askedBy";
        /// A minister or state secretary who answered them.
        ANSWERED_BY = "answeredBy";
        /// A numbered question of Kamervragen or of a list of questions.
        QUESTION = "Question";
        /// The answer to such a question.
        ANSWER = "Answer";
        /// The question an answer answers.
        ANSWERS = "answers";
        /// Datatype of a Tweede Kamer document number ("2024D26813").
        DOCUMENT_NUMBER = "DocumentNumber";
        /// Datatype of a Tweede Kamer case number ("2025Z01234").
        CASE_NUMBER = "CaseNumber";
        /// Datatype of a number in the Aanhangsel van de Handelingen.
        AANHANGSEL_NUMBER = "AanhangselNumber";
    }
}

/// W3C Web Annotation (`oa:`).
pub mod oa {
    use super::NamedNodeRef;
    terms! { "http://www.w3.org/ns/oa#";
        /// An annotation: the evidence of a fact.
        ANNOTATION = "Annotation";
        /// The annotation's target.
        HAS_TARGET = "hasTarget";
        /// The document a target is in.
        HAS_SOURCE = "hasSource";
        /// A selector of a target.
        HAS_SELECTOR = "hasSelector";
        /// Selects by exact quote with prefix and suffix.
        TEXT_QUOTE_SELECTOR = "TextQuoteSelector";
        /// Selects by character offsets.
        TEXT_POSITION_SELECTOR = "TextPositionSelector";
        /// The exact quote.
        EXACT = "exact";
        /// Text just before the quote.
        PREFIX = "prefix";
        /// Text just after the quote.
        SUFFIX = "suffix";
        /// First character offset.
        START = "start";
        /// Offset after the last character.
        END = "end";
    }
}

/// PROV-O.
pub mod prov {
    use super::NamedNodeRef;
    terms! { "http://www.w3.org/ns/prov#";
        /// The evidence a fact was derived from.
        WAS_DERIVED_FROM = "wasDerivedFrom";
    }
}

/// Dublin Core terms.
pub mod dcterms {
    use super::NamedNodeRef;
    terms! { "http://purl.org/dc/terms/";
        /// A document's title.
        TITLE = "title";
        /// The language a document is written in ("nl", "en").
        LANGUAGE = "language";
        /// A document's date.
        DATE = "date";
        /// A reference number.
        IDENTIFIER = "identifier";
        /// The body that issued a document.
        CREATOR = "creator";
        /// Shortcut: a document references a work.
        REFERENCES = "references";
        /// A cited work.
        BIBLIOGRAPHIC_RESOURCE = "BibliographicResource";
        /// The date a report or list was adopted ("Vastgesteld").
        DATE_ACCEPTED = "dateAccepted";
        /// The date Kamervragen were submitted ("ingezonden").
        DATE_SUBMITTED = "dateSubmitted";
    }
}

/// FOAF.
pub mod foaf {
    use super::NamedNodeRef;
    terms! { "http://xmlns.com/foaf/0.1/";
        /// A person's name.
        NAME = "name";
    }
}

/// The W3C Organization Ontology.
pub mod org {
    use super::NamedNodeRef;
    terms! { "http://www.w3.org/ns/org#";
        /// A person's party, an organisation's parent.
        MEMBER_OF = "memberOf";
    }
}

/// OWL.
pub mod owl {
    use super::NamedNodeRef;
    terms! { "http://www.w3.org/2002/07/owl#";
        /// The same thing under another identifier.
        SAME_AS = "sameAs";
    }
}

/// SKOS.
pub mod skos {
    use super::NamedNodeRef;
    terms! { "http://www.w3.org/2004/02/skos/core#";
        /// The preferred label of a concept or a coined node.
        PREF_LABEL = "prefLabel";
        /// Another label of a coined node, as a document writes it.
        ALT_LABEL = "altLabel";
    }
}
