//! The text conventions of the corpus as plain data: letterhead labels,
//! month names, hyphenation exceptions, document-type cues and sentence
//! abbreviations, and the labels of the identity parliamentary papers
//! print at the top.
//!
//! The values come from `ontology/text.ttl` (loaded by `lexicon`); this
//! module only holds them, so that `corpus` and `text` never parse RDF.

use super::metadata::DateRole;

/// A rule deciding a document's type from a cue in its opening text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeRule {
    /// Lower numbers are tried first.
    pub order: i64,
    /// Local name of the `pkg:` class, e.g. `CabinetResponse`.
    pub document_type: String,
    /// Phrases that, when found, decide the type.
    pub cues: Vec<String>,
    /// Put before a title taken from the opening sentence
    /// ("Kabinetsreactie op").
    pub title_prefix: Option<String>,
}

/// Everything the corpus reader and the sentence splitter need to know
/// about Dutch government documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conventions {
    /// Abbreviations ending in a full stop that does not end a sentence.
    pub abbreviations: Vec<String>,
    /// Words after a hyphen that keep the hyphen and its space ("NAVO- en").
    pub hyphen_keep_before: Vec<String>,
    /// Prefixes that keep their hyphen ("niet-geclassificeerde").
    pub hyphen_keep_prefix: Vec<String>,
    pub date_labels: Vec<String>,
    pub subject_labels: Vec<String>,
    pub reference_labels: Vec<String>,
    pub salutations: Vec<String>,
    pub closings: Vec<String>,
    pub signatory_roles: Vec<String>,
    pub creator_cues: Vec<String>,
    /// Month names with their number (1–12).
    pub months: Vec<(String, u32)>,
    pub type_rules: Vec<TypeRule>,
    /// Words that place a dated event before or after the document.
    pub tense: TenseWords,
    /// The labels of a parliamentary paper's header.
    pub parliament: ParliamentWords,
    /// The words of Kamervragen: who asks, who answers, the numbered
    /// questions and answers.
    pub kamervragen: KamervragenWords,
    /// Section headings that are no document's title ("Samenvatting").
    pub not_titles: Vec<String>,
}

/// The labels of the identity a parliamentary or ministerial paper prints
/// at the top (`cfg:parliament`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParliamentWords {
    /// The chamber line of the official layout ("Tweede Kamer der Staten-Generaal").
    pub chambers: Vec<String>,
    /// What a one-line citation of the paper itself starts with ("Kamerstuk").
    pub citation_prefixes: Vec<String>,
    /// The label of a paper's number in its dossier ("Nr.").
    pub number_labels: Vec<String>,
    /// The label of the parliamentary year ("Vergaderjaar").
    pub session_labels: Vec<String>,
    /// The opening of an Aanhangsel van de Handelingen.
    pub appendix_cues: Vec<String>,
    /// Labels of the Tweede Kamer document number ("Nummer").
    pub document_number_labels: Vec<String>,
    /// Labels of the Tweede Kamer case number ("Zaaknummer", "Uw kenmerk").
    pub case_number_labels: Vec<String>,
    /// A label before a header date and the role it gives the date
    /// ("Vastgesteld" → adopted).
    pub date_roles: Vec<(String, DateRole)>,
}

/// The words of Kamervragen and their answers (`cfg:kamervragen`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KamervragenWords {
    /// The opening of the sentence naming who asks ("Vragen van het lid").
    pub questions_cues: Vec<String>,
    /// The word after the askers' names ("aan").
    pub addressee_words: Vec<String>,
    /// The word between two names ("en").
    pub name_separators: Vec<String>,
    /// The opening of the line naming who answers ("Antwoord van").
    pub answer_cues: Vec<String>,
    /// A role before an answerer's name ("minister", "staatssecretaris").
    pub answerer_roles: Vec<String>,
    /// Words after which a minister answers along without being named
    /// ("mede namens").
    pub on_behalf: Vec<String>,
    /// The label of a numbered question ("Vraag").
    pub question_labels: Vec<String>,
    /// The label of an answer ("Antwoord").
    pub answer_labels: Vec<String>,
}

/// The words that give a sentence its tense.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TenseWords {
    /// Finite past forms and past adverbs ("werd", "bood", "jongstleden", "was").
    pub past: Vec<String>,
    /// Past participles and other weak past signs, overruled by a future word.
    pub past_weak: Vec<String>,
    /// Endings of regular past forms ("-eerde").
    pub past_suffixes: Vec<String>,
    /// Separable prefixes before an irregular past ("deel|nam", "plaats|vond").
    pub separable_prefixes: Vec<String>,
    /// Prepositions right before a date that make it past ("sinds 2016", "uit 2018", "d.d.").
    pub past_prepositions: Vec<String>,
    /// Future auxiliaries and adverbs ("zal", "eerstvolgende", "will").
    pub future: Vec<String>,
}

impl Conventions {
    /// The month number of a (case-insensitive) month name.
    pub fn month(&self, name: &str) -> Option<u32> {
        let name = name.to_lowercase();
        self.months
            .iter()
            .find(|(m, _)| *m == name)
            .map(|&(_, n)| n)
    }

    /// True when `token` (ending in a full stop) is a known abbreviation.
    pub fn is_abbreviation(&self, token: &str) -> bool {
        let token = token.to_lowercase();
        self.abbreviations.contains(&token)
    }
}
