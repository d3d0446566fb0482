//! Frame events: the lexical units of `frames.ttl` found in analysed
//! sentences, with their roles filled from the clause.
//!
//! A verb is found in any of its forms, a separable verb split ("houdt …
//! tegen") or joined ("tegengehouden", "tegen te houden"), a noun in the
//! singular, plural or as the last part of a hyphenated compound, a fixed
//! expression with its words in order and its head verb in any form. Roles
//! come from the clause: the subject (before the finite verb, after it in
//! inversion, the antecedent of a relative clause), the object, the
//! prepositional phrase the unit names, the agent of a passive, and for a
//! noun its genitive, demonym or possessive. Nothing is taken from outside
//! the sentence except the antecedent of a pronoun in the sentence before.

use std::collections::BTreeMap;

use super::document::{Analysis, ClauseKind, SentenceAnalysis};
use super::frames::{Form, Frames, Lang, LexicalUnit, Role, Trigger as UnitTrigger};
use super::grammar::{Grammar, has};
use super::tokens::TokenKind;
use crate::lexicon::{EntityKind, Lexicon};

/// At most this many tokens in a noun phrase.
const MAX_PHRASE: usize = 16;
/// At most this many tokens between the fixed words of an expression.
const EXPRESSION_GAP: usize = 4;

/// One form a word can be of a frame verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FormOf {
    verb: usize,
    form: Form,
    joined: bool,
    /// A form of a separable verb without its particle ("houdt" of
    /// "houdt … tegen"): that verb only when the particle follows.
    split: bool,
}

/// Lookup tables over the frames, built once per lexicon.
#[derive(Debug, Default)]
pub struct FrameIndex {
    forms: BTreeMap<String, Vec<FormOf>>,
    /// Noun → units.
    nouns: BTreeMap<String, Vec<usize>>,
    /// Verb → units it triggers.
    verb_units: BTreeMap<usize, Vec<usize>>,
    /// Adjective → units.
    adjectives: BTreeMap<String, Vec<usize>>,
    /// Expression units of each language.
    expressions: Vec<usize>,
    /// (language, demonym in lower case) → entity.
    demonyms: BTreeMap<(Lang, String), usize>,
    /// Label without articles, lower case → entity: a phrase that writes a
    /// name with other articles ("samenwerking tussen EU en NAVO") is that
    /// entity.
    label_keys: BTreeMap<String, usize>,
    /// The separable particles of the verbs ("af", "tegen", "up").
    particles: std::collections::BTreeSet<String>,
    /// Forms that can only be a finite verb, of the verbs that head no
    /// unit ("verdient", "bood", "gave"): they end a noun phrase.
    finite: std::collections::BTreeSet<String>,
}

/// The forms of a verb that are finite and nothing else: Dutch present
/// singular in -t (not the bare stem, nor a stem ending in t: "start") and
/// the past, except a past that is also its participle inflected
/// ("verbeterde", "ontwikkelde landen"); English pasts that are not also
/// participles ("gave", not "found" or "developed"). Infinitives, plurals
/// and participles are nouns and adjectives too often.
fn finite_forms(verb: &crate::analysis::frames::Verb) -> Vec<String> {
    let of = |form: Form| -> Vec<&str> {
        verb.forms
            .iter()
            .filter(|(_, f)| *f == form)
            .map(|(w, _)| w.as_str())
            .collect()
    };
    let participles = of(Form::Participle);
    let infinitives = of(Form::Infinitive);
    let stems: Vec<&str> = of(Form::Present)
        .into_iter()
        .filter(|w| !w.ends_with('t') && !infinitives.contains(w))
        .collect();
    verb.forms
        .iter()
        .filter(|(w, f)| match (verb.lang, f) {
            (Lang::Nl, Form::Present) => {
                w.ends_with('t')
                    && !stems.contains(&w.as_str())
                    && !infinitives.contains(&w.as_str())
            }
            (Lang::Nl, Form::Past) => !participles
                .iter()
                .any(|p| *w == format!("{p}e") || *w == format!("{p}en")),
            (Lang::En, Form::Past) => !participles.contains(&w.as_str()),
            _ => false,
        })
        .map(|(w, _)| w.clone())
        .collect()
}

impl FrameIndex {
    pub fn new(frames: &Frames, lexicon_entities: &[crate::lexicon::Entity]) -> Self {
        let mut index = FrameIndex::default();
        // Verbs that head a unit, alone or in an expression; the others are
        // listed only so that their finite forms end a phrase.
        let heading: std::collections::BTreeSet<usize> = frames
            .units
            .iter()
            .filter_map(|u| match &u.trigger {
                UnitTrigger::Verb(v) => Some(*v),
                UnitTrigger::Expression { verb, .. } => *verb,
                _ => None,
            })
            .collect();
        for (v, verb) in frames.verbs.iter().enumerate() {
            if let Some(p) = &verb.particle {
                index.particles.insert(p.to_lowercase());
            }
            if !heading.contains(&v) {
                index.finite.extend(finite_forms(verb));
                continue;
            }
            for (form, f) in &verb.forms {
                index.forms.entry(form.clone()).or_default().push(FormOf {
                    verb: v,
                    form: *f,
                    joined: false,
                    split: verb.particle.is_some(),
                });
            }
            for (form, f) in &verb.joined {
                index.forms.entry(form.clone()).or_default().push(FormOf {
                    verb: v,
                    form: *f,
                    joined: true,
                    split: false,
                });
            }
        }
        for (u, unit) in frames.units.iter().enumerate() {
            match &unit.trigger {
                UnitTrigger::Verb(v) => index.verb_units.entry(*v).or_default().push(u),
                UnitTrigger::Noun { singular, plural } => {
                    for n in std::iter::once(singular).chain(plural) {
                        index.nouns.entry(n.to_lowercase()).or_default().push(u);
                    }
                }
                UnitTrigger::Adjective(a) => index.adjectives.entry(a.clone()).or_default().push(u),
                UnitTrigger::Expression { .. } => index.expressions.push(u),
            }
        }
        for (e, entity) in lexicon_entities.iter().enumerate() {
            for l in &entity.labels {
                index.label_keys.entry(label_key(l)).or_insert(e);
            }
            for (d, lang) in &entity.demonyms {
                for l in [Lang::Nl, Lang::En] {
                    if lang.is_empty() || lang == l.code() {
                        index.demonyms.entry((l, d.to_lowercase())).or_insert(e);
                    }
                }
            }
        }
        index
    }

    /// The state a demonym of `lang` names.
    fn demonym(&self, lang: Lang, word: &str) -> Option<usize> {
        self.demonyms.get(&(lang, word.to_owned())).copied()
    }

    /// Whether `word` is a form of a frame verb and no noun of a frame
    /// ("onderschrijft", not "steun").
    pub fn is_verb(&self, word: &str) -> bool {
        self.is_verb_form(word) && !self.nouns.contains_key(word)
    }

    /// Whether `word` is a finite form or participle of a verb that is a
    /// lexical unit by itself ("afgewezen", "steunt"), not only the head of
    /// an expression ("doet" of "al doen").
    fn heads_unit(&self, word: &str) -> bool {
        !self.nouns.contains_key(word)
            && self.forms.get(word).is_some_and(|fs| {
                fs.iter().any(|f| {
                    matches!(f.form, Form::Present | Form::Past | Form::Participle)
                        && !f.split
                        && self.verb_units.contains_key(&f.verb)
                })
            })
    }

    /// Whether `word` is a form of a frame verb (finite or participle).
    fn is_verb_form(&self, word: &str) -> bool {
        self.forms.get(word).is_some_and(|fs| {
            fs.iter()
                .any(|f| matches!(f.form, Form::Present | Form::Past | Form::Participle))
        })
    }
}

/// Whether a lower-case Dutch word has the inflected ending of an
/// attributive adjective ("civiele", "gezamenlijke", "ontwikkelde", a
/// comparative "ruimere"); one
/// in `-de`/`-te` must also have a participle's shape ("ruimte" has not).
fn attributive_shaped(word: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "de", "te", "ische", "lijke", "ige", "ele", "ieve", "bare", "aire", "ale", "se", "ere",
    ];
    ENDINGS.iter().any(|e| word.ends_with(e))
        && (!(word.ends_with("de") || word.ends_with("te")) || participle_shaped(word))
}

/// Whether a Dutch word ending in `-de`/`-te` has the shape of an
/// inflected participle ("ontwikkelde", "aangekochte", "besproken" aside):
/// a `ge-`, `be-`, `ver-`, `ont-`, `her-` or `er-` prefix, or `ge` after a
/// separable particle.
fn participle_shaped(word: &str) -> bool {
    const PREFIXES: [&str; 6] = ["ge", "be", "ver", "ont", "her", "er"];
    word.chars().count() >= 7
        && (PREFIXES.iter().any(|p| word.starts_with(p))
            || word
                .char_indices()
                .any(|(k, _)| k >= 2 && word[k..].starts_with("ge") && word.len() - k >= 5))
}

/// A label's words in lower case without articles.
fn label_key(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "de" | "het" | "een" | "the" | "a" | "an"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Who or what fills a role.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Filler {
    /// A lexicon entity.
    Entity(usize),
    /// A group described without naming members ("verschillende lidstaten").
    Group(String),
    /// A phrase that names no entity, with the text's words.
    Phrase(String),
}

/// A role filler with where it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arg {
    pub filler: Filler,
    /// For a theme: the co-agents of this theme alone ("(samen met A) op
    /// het gebied van X en (samen met B) op het gebied van Y").
    pub partners: Option<Vec<usize>>,
    /// Index of the analysed sentence it was read from (the sentence
    /// before, for the antecedent of a pronoun).
    pub sentence: usize,
}

/// One lexical unit found in a sentence, with its roles.
#[derive(Clone, Debug)]
pub struct Event {
    /// Index into `Frames::units`.
    pub unit: usize,
    /// Index into `Analysis::sentences`.
    pub sentence: usize,
    /// Tokens of the trigger, the head first.
    pub tokens: Vec<usize>,
    pub agents: Vec<Arg>,
    pub themes: Vec<Arg>,
    /// Co-agents ("samen met Letland", "together with Spain").
    pub partners: Vec<usize>,
    /// The clause denies it.
    pub negated: bool,
    /// Hedges of its clause, as written.
    pub hedges: Vec<String>,
    /// The agent came from a "door"/"by" phrase that names a cause, not an actor.
    pub cause: bool,
    /// "respectievelijk", "respectively": agents and themes pair in order.
    pub respectively: bool,
    /// No agent is named, but the subject is the writer: a pronoun of the
    /// first person ("wij", "we") or a government noun the lexicon does not
    /// name ("the Government", "de minister"). Nothing is coined for it;
    /// an answer reads it as the government answering.
    pub speaker: bool,
    /// No agent is named, and the subject is a person or body by its
    /// office that is not the writer ("De raad onderschrijft …"): an
    /// answer does not read it as the government answering.
    pub other_subject: bool,
}

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
struct Found {
    unit: usize,
    tokens: Vec<usize>,
    head: usize,
    form: Option<Form>,
}

fn verb_matches(
    frames: &Frames,
    s: &SentenceAnalysis,
    i: usize,
    f: FormOf,
    clause_end: usize,
) -> Option<Vec<usize>> {
    let verb = &frames.verbs[f.verb];
    if verb.lang != s.lang {
        return None;
    }
    // A capital after a word is part of a name ("the next Defence Review",
    // "het Strategisch Kompas"), not a verb.
    if i > 0 && s.tokens[i].capital && s.tokens[i - 1].kind == TokenKind::Word {
        return None;
    }
    let Some(particle) = verb.particle.as_deref() else {
        // A finite verb with no particle of its own whose clause strands
        // one ("De Commissie leidt daaruit af dat …": afleiden, not
        // leiden; "Rusland trekt troepen samen": samentrekken) is another,
        // separable verb.
        if s.lang == Lang::Nl
            && matches!(f.form, Form::Present | Form::Past)
            && !f.joined
            && (i + 1..clause_end)
                .take_while(|&p| !has(s.grammar().coordinators, &s.tokens[p].lower))
                .any(|p| stranded_particle(s, p, clause_end))
        {
            return None;
        }
        return Some(vec![i]);
    };
    if f.joined {
        return Some(vec![i]);
    }
    let t = &s.tokens;
    match s.lang {
        Lang::Nl => match f.form {
            // A split particle closes the middle field: what follows it is
            // no noun phrase ("draagt bij aan X" is bijdragen, not aandragen).
            // Of two particle words together ("draagt … bij aan X") the
            // first is the particle; the second opens a phrase.
            Form::Present | Form::Past => (i + 1..clause_end)
                .find(|&p| {
                    t[p].lower == particle
                        && particle_position(s, p, clause_end)
                        && !(p > i + 1
                            && t[p - 1].lower != particle
                            && has(s.grammar().prepositions, &t[p - 1].lower)
                            && particle_position(s, p - 1, clause_end))
                })
                .map(|p| vec![i, p]),
            Form::Infinitive | Form::TeInfinitive
                if i >= 2 && t[i - 1].lower == "te" && t[i - 2].lower == particle =>
            {
                Some(vec![i, i - 2])
            }
            _ => None,
        },
        Lang::En => (i + 1..clause_end.min(i + 5))
            .find(|&p| t[p].lower == particle)
            .map(|p| vec![i, p]),
    }
}

/// Whether the Dutch word at `p` is a separable particle left at the end
/// of its clause (before punctuation, a subordinator or a coordinator), not
/// a preposition stranded by "er", "daar", "hier" or "waar" ("waar het
/// kabinet zich voor inzet").
fn stranded_particle(s: &SentenceAnalysis, p: usize, clause_end: usize) -> bool {
    let g = s.grammar();
    let t = &s.tokens;
    if !has(g.separable_particles, &t[p].lower) {
        return false;
    }
    // A particle that is no preposition also stands before an adjunct,
    // but "samen met" names partners.
    let closes = t.get(p + 1).filter(|_| p + 1 < clause_end).is_none_or(|n| {
        matches!(n.lower.as_str(), "." | "," | ";" | ":" | "?" | "!")
            || has(g.subordinators, &n.lower)
            || has(g.adverbial_particles, &t[p].lower)
                && has(g.prepositions, &n.lower)
                && !(t[p].lower == "samen" && n.lower == "met")
    });
    let stranded = (0..p).any(|k| R_PRONOUNS.contains(&t[k].lower.as_str()));
    closes
        && !stranded
        && p > 0
        && !has(g.prepositions, &t[p - 1].lower)
        && !has(g.determiners, &t[p - 1].lower)
        && !participle_shaped(&t[p - 1].lower)
}

/// The Dutch pronouns that take a preposition after them ("erop",
/// "daar … voor").
const R_PRONOUNS: [&str; 4] = ["er", "hier", "daar", "waar"];

/// "daarbij", "hiervoor", "erop": a pronominal adverb, which stands for a
/// phrase named elsewhere.
fn pronominal_adverb(w: &str) -> bool {
    const PREPS: [&str; 16] = [
        "bij", "voor", "op", "aan", "in", "mee", "over", "toe", "tegen", "van", "uit", "door",
        "naast", "om", "onder", "achter",
    ];
    R_PRONOUNS
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|rest| PREPS.contains(&rest)))
}

/// Where the clause `k` ends when the fragments after it continue it: a
/// relative clause inside it, and comma-separated pieces without a verb of
/// their own (", zoals het VK en Turkije, soms gecompliceerder").
fn continued_end(s: &SentenceAnalysis, k: usize) -> usize {
    let g = s.grammar();
    let mut end = s.clauses[k].end;
    for c in &s.clauses[k + 1..] {
        let verbless = !s.tokens[c.first..c.end].iter().any(|t| {
            has(g.auxiliaries, &t.lower)
                || has(g.copulas, &t.lower)
                || has(g.finite_verbs, &t.lower)
        });
        match c.kind {
            ClauseKind::Relative => end = c.end,
            ClauseKind::Main if verbless => end = c.end,
            _ => break,
        }
    }
    end
}

/// Whether a Dutch word at `p` stands where a separable particle stands:
/// at the end of the clause, or before punctuation, a preposition, a verb,
/// "te", a subordinator or a coordinator — not before a noun phrase.
fn particle_position(s: &SentenceAnalysis, p: usize, clause_end: usize) -> bool {
    let g = s.grammar();
    let Some(next) = s.tokens.get(p + 1).filter(|_| p + 1 < clause_end) else {
        return true;
    };
    let w = next.lower.as_str();
    next.kind == TokenKind::Punct
        || has(g.prepositions, w)
        || has(g.auxiliaries, w)
        || has(g.subordinators, w)
        || has(g.coordinators, w)
        || has(g.ambiguous_subordinators, w)
        || w == g.infinitive_marker
        || w.starts_with("ge") && w.len() > 5
        || w.ends_with("en") && !has(g.determiners, w) && !next.capital
}

/// The words of a sentence, to rule out at once the expressions it cannot
/// hold: each word with its comparative or inflected base, and the words
/// with a hyphen (for compound suffixes such as "-geleid").
struct Present<'s> {
    words: std::collections::BTreeSet<&'s str>,
    hyphenated: Vec<&'s str>,
}

impl<'s> Present<'s> {
    fn of(s: &'s SentenceAnalysis) -> Self {
        let mut words = std::collections::BTreeSet::new();
        let mut hyphenated = Vec::new();
        for t in &s.tokens {
            let w = t.lower.as_str();
            words.insert(w);
            for suffix in ["er", "r", "e"] {
                if let Some(base) = w.strip_suffix(suffix) {
                    words.insert(base);
                }
            }
            if w.contains('-') {
                hyphenated.push(w);
            }
        }
        Present { words, hyphenated }
    }

    /// Whether an expression word may be in the sentence.
    fn may_have(&self, word: Option<&str>) -> bool {
        match word {
            None => true,
            Some(w) => match w.strip_prefix('-') {
                Some(_) => self.hyphenated.iter().any(|t| word_matches(t, w)),
                None => self.words.contains(w),
            },
        }
    }
}

/// The first word of an expression that is not its head verb.
fn first_fixed_word(unit: &LexicalUnit) -> Option<&str> {
    let UnitTrigger::Expression { words, head, verb } = &unit.trigger else {
        return None;
    };
    words
        .iter()
        .enumerate()
        .find(|(k, w)| Some(*k) != *head || verb.is_none() || w.starts_with('-'))
        .map(|(_, w)| w.as_str())
}

/// Whether token `w` matches an expression word: the word itself, or for
/// an adjective its comparative ("gecompliceerder"), or for a compound
/// suffix ("-geleid") a word ending in it, inflected or not.
fn word_matches(token: &str, word: &str) -> bool {
    if let Some(suffix) = word.strip_prefix('-') {
        return token.len() > suffix.len() + 1
            && (token.ends_with(&format!("-{suffix}")) || token.ends_with(&format!("-{suffix}e")));
    }
    token == word
        || (word.len() > 3
            && token.len() == word.len() + 2
            && token.starts_with(word)
            && token.ends_with("er"))
        || (word.ends_with('e')
            && token.len() == word.len() + 1
            && token.starts_with(word)
            && token.ends_with('r'))
}

fn is_reflexive_present(s: &SentenceAnalysis, first: usize, end: usize) -> bool {
    let g = s.grammar();
    s.tokens[first..end]
        .iter()
        .any(|t| has(g.reflexives, &t.lower))
}

/// Every trigger of the sentence's language.
fn triggers(frames: &Frames, index: &FrameIndex, s: &SentenceAnalysis) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let g = s.grammar();
    let present = Present::of(s);
    for (clause_index, clause) in s.clauses.iter().enumerate() {
        for i in clause.first..clause.end {
            let tok = &s.tokens[i];
            if tok.kind != TokenKind::Word {
                continue;
            }
            if let Some(forms) = index.forms.get(&tok.lower) {
                for f in forms {
                    if !verb_reading(frames, index, s, i, *f) {
                        continue;
                    }
                    let Some(tokens) = verb_matches(frames, s, i, *f, clause.end) else {
                        continue;
                    };
                    // "bemoeilijkt", "held": one spelling, two forms; with a
                    // passive auxiliary in the clause it is the participle.
                    let passive_aux = s.tokens[clause.first..clause.end]
                        .iter()
                        .any(|t| has(g.passive_auxiliaries, &t.lower));
                    let participle_too = forms
                        .iter()
                        .any(|o| o.verb == f.verb && o.form == Form::Participle);
                    if f.form != Form::Participle && participle_too && passive_aux {
                        continue;
                    }
                    for &u in index.verb_units.get(&f.verb).into_iter().flatten() {
                        let unit = &frames.units[u];
                        if unit.lang != s.lang {
                            continue;
                        }
                        if unit.reflexive
                            && s.lang == Lang::Nl
                            && !is_reflexive_present(s, clause.first, clause.end)
                        {
                            continue;
                        }
                        out.push(Found {
                            unit: u,
                            tokens: tokens.clone(),
                            head: i,
                            form: Some(f.form),
                        });
                    }
                }
            }
            if let Some(units) = adjective_units(index, &tok.lower) {
                push_word_units(&mut out, frames, s.lang, units, i);
            }
            let noun_key = if index.nouns.contains_key(&tok.lower) {
                Some(tok.lower.as_str())
            } else {
                tok.lower
                    .rsplit_once('-')
                    .map(|(_, n)| n)
                    .filter(|n| index.nouns.contains_key(*n))
            };
            if let Some(key) = noun_key {
                // "to veto" is a verb; "pointed to shortages" a plural noun.
                let after_marker = i > 0
                    && s.tokens[i - 1].lower == g.infinitive_marker
                    && !(s.lang == Lang::En && key.ends_with('s'));
                if !after_marker && let Some(units) = index.nouns.get(key) {
                    push_word_units(&mut out, frames, s.lang, units, i);
                }
            }
        }
        // Expressions: only those whose first fixed word the sentence has.
        let continued = continued_end(s, clause_index);
        for &u in &index.expressions {
            let unit = &frames.units[u];
            if unit.lang != s.lang || !present.may_have(first_fixed_word(unit)) {
                continue;
            }
            if let Some(found) = expression(frames, index, s, (clause.first, clause.end), u)
                .or_else(|| {
                    (continued > clause.end)
                        .then(|| expression(frames, index, s, (clause.first, continued), u))
                        .flatten()
                        .filter(|f| f.tokens.iter().any(|&t| t < clause.end))
                })
            {
                out.push(found);
            }
        }
    }
    // A noun or verb inside a longer expression of the same frame is that
    // expression.
    let expressions: Vec<(String, Vec<usize>)> = out
        .iter()
        .filter(|f| matches!(frames.units[f.unit].trigger, UnitTrigger::Expression { .. }))
        .map(|f| (frames.units[f.unit].frame.clone(), f.tokens.clone()))
        .collect();
    out.retain(|f| {
        matches!(frames.units[f.unit].trigger, UnitTrigger::Expression { .. })
            || !expressions
                .iter()
                .any(|(frame, toks)| *frame == frames.units[f.unit].frame && toks.contains(&f.head))
    });
    // A reflexive unit found ("zet zich in voor") rules out the plain unit
    // of the same verb in the same frame ("inzetten op").
    let reflexive: Vec<(usize, String)> = out
        .iter()
        .filter(|f| frames.units[f.unit].reflexive)
        .map(|f| (f.head, frames.units[f.unit].frame.clone()))
        .collect();
    out.retain(|f| {
        let u = &frames.units[f.unit];
        u.reflexive || !is_verb(frames, f.unit) || !reflexive.contains(&(f.head, u.frame.clone()))
    });
    // Two separable verbs on one finite verb ("draagt hier aan bij"): the
    // particle that closes the clause is the verb's, the other a preposition.
    let last_particle: BTreeMap<usize, usize> = out
        .iter()
        .filter(|f| f.tokens.len() == 2 && f.tokens[1] > f.head && is_verb(frames, f.unit))
        .fold(BTreeMap::new(), |mut m, f| {
            let e = m.entry(f.head).or_insert(f.tokens[1]);
            *e = (*e).max(f.tokens[1]);
            m
        });
    out.retain(|f| {
        !(f.tokens.len() == 2 && f.tokens[1] > f.head && is_verb(frames, f.unit))
            || last_particle.get(&f.head) == Some(&f.tokens[1])
    });
    // "af te remmen": the separable verb (afremmen) with its particle, not
    // the simple one (remmen) on the same word, which would take the
    // particle into its object.
    let particles: Vec<(usize, Vec<usize>)> = out
        .iter()
        .filter(|f| f.tokens.len() > 1 && is_verb(frames, f.unit))
        .map(|f| (f.head, f.tokens.clone()))
        .collect();
    out.retain(|f| {
        !(f.tokens.len() == 1
            && is_verb(frames, f.unit)
            && particles
                .iter()
                .any(|(h, t)| *h == f.head && t.contains(&f.head)))
    });
    out.sort_by_key(|f| (f.head, f.unit));
    out.dedup_by_key(|f| (f.head, f.unit));
    out
}

/// The units of one word (a noun, an adjective) of this language, at `i`.
fn push_word_units(out: &mut Vec<Found>, frames: &Frames, lang: Lang, units: &[usize], i: usize) {
    for &u in units {
        if frames.units[u].lang == lang {
            out.push(Found {
                unit: u,
                tokens: vec![i],
                head: i,
                form: None,
            });
        }
    }
}

fn is_verb(frames: &Frames, unit: usize) -> bool {
    matches!(frames.units[unit].trigger, UnitTrigger::Verb(_))
}

/// The units of an adjective in its base, inflected or comparative form.
fn adjective_units<'i>(index: &'i FrameIndex, word: &str) -> Option<&'i Vec<usize>> {
    if let Some(u) = index.adjectives.get(word) {
        return Some(u);
    }
    for suffix in ["er", "e", "r"] {
        if let Some(base) = word.strip_suffix(suffix)
            && let Some(u) = index.adjectives.get(base)
        {
            return Some(u);
        }
    }
    None
}

/// Whether a word may be read as this verb form here. A bare Dutch stem
/// ("steun", "voorstel", "onderzoek") is a noun far more often than a
/// first person singular, so it counts only after "ik"; no verb form
/// follows a determiner or a demonym ("het Franse voorstel").
fn verb_reading(
    frames: &Frames,
    index: &FrameIndex,
    s: &SentenceAnalysis,
    i: usize,
    f: FormOf,
) -> bool {
    let g = s.grammar();
    let prev = i.checked_sub(1).map(|p| s.tokens[p].lower.as_str());
    // "that" opening the clause ("It was Norway that proposed …") is no
    // determiner.
    let opener = i > 0
        && s.clauses
            .iter()
            .any(|c| c.first == i - 1 && c.kind != ClauseKind::Main);
    // "Het ontbreekt aan …", "Het blokkeerde …": "het" opening the clause
    // is the pronoun before a form no noun has (stem + t, a past).
    let w = s.tokens[i].lower.as_str();
    let pronoun_het = s.lang == Lang::Nl
        && prev == Some("het")
        && s.clauses.iter().any(|c| c.first + 1 == i)
        && (f.form == Form::Past
            || f.form == Form::Present
                && w.strip_suffix('t').is_some_and(|stem| {
                    frames.verbs[f.verb]
                        .forms
                        .iter()
                        .any(|(x, form)| x == stem && *form == Form::Present)
                }));
    if !opener
        && !pronoun_het
        && prev.is_some_and(|p| {
            has(g.determiners, p)
                || has(g.possessives, p)
                || s.lang == Lang::En
                    && (p.ends_with("'s") || p.ends_with("’s") || p.ends_with("s'"))
                || index.demonym(s.lang, p).is_some()
        })
    {
        return false;
    }
    // "de gezamenlijke inzet", "een ruimere inzet": after a determiner and
    // an inflected adjective, a noun.
    if s.lang == Lang::Nl
        && i >= 2
        && !s.tokens[i - 1].capital
        && attributive_shaped(&s.tokens[i - 1].lower)
        && has(g.determiners, &s.tokens[i - 2].lower)
    {
        return false;
    }
    let w = s.tokens[i].lower.as_str();
    if s.lang == Lang::Nl
        && f.form == Form::Present
        && !w.ends_with('t')
        && !w.ends_with("en")
        && !matches!(w, "is" | "ben" | "heb" | "ga" | "sta" | "doe" | "zie")
    {
        return prev == Some("ik");
    }
    true
}

/// An expression in clause `[first, end)`: its fixed words in order, each
/// within a few words of the one before, and its head verb in any form
/// anywhere in the clause. A compound suffix ("-geleid") is a fixed word.
fn expression(
    frames: &Frames,
    index: &FrameIndex,
    s: &SentenceAnalysis,
    (first, end): (usize, usize),
    unit: usize,
) -> Option<Found> {
    let UnitTrigger::Expression { words, head, verb } = &frames.units[unit].trigger else {
        return None;
    };
    let verb_word = head.filter(|&h| !words[h].starts_with('-'));
    let t = &s.tokens;
    // The particle of a separable verb in its te-infinitive ("om hybride
    // dreigingen tegen te gaan") is no word of an expression ("tegen
    // zijn"): the infinitive marker and an infinitive other than the
    // expression's own verb follow it ("kritisch te staan" is the
    // expression's).
    let marker = s.grammar().infinitive_marker;
    let own_verb = |w: &str| {
        index
            .forms
            .get(w)
            .is_some_and(|fs| fs.iter().any(|f| Some(f.verb) == *verb))
    };
    let particle = |i: usize| {
        s.lang == Lang::Nl
            && t.get(i + 1).is_some_and(|n| n.lower == marker)
            && t.get(i + 2)
                .is_some_and(|v| v.is_word() && v.lower.ends_with('n') && !own_verb(&v.lower))
    };
    // The fixed words in order, each within a few tokens of the one
    // before; when they do not follow an occurrence of the first word
    // ("Het kabinet is het met de Raad eens"), a later occurrence is tried.
    // Err(Some(i)): the first word is at i but the others do not follow.
    let fixed = |from: usize| -> Result<Vec<usize>, Option<usize>> {
        let mut tokens: Vec<usize> = Vec::new();
        let mut at = from;
        for (k, w) in words.iter().enumerate() {
            if Some(k) == verb_word {
                continue;
            }
            let limit = if tokens.is_empty() {
                end
            } else {
                (at + EXPRESSION_GAP + 1).min(end)
            };
            let Some(found) = (at..limit).find(|&i| word_matches(&t[i].lower, w) && !particle(i))
            else {
                return Err(tokens.first().copied());
            };
            tokens.push(found);
            at = found + 1;
        }
        Ok(tokens)
    };
    let mut from = first;
    let mut tokens = loop {
        match fixed(from) {
            Ok(tokens) => break tokens,
            Err(Some(start)) => from = start + 1,
            Err(None) => return None,
        }
    };
    let mut form = None;
    let mut head_token = tokens.first().copied();
    // The verb stands in the brackets of the fixed words: a verb in a
    // parenthesis ("(zie hierboven)") is none of the clause's.
    let mut depth = Vec::with_capacity(t.len());
    let mut d = 0i32;
    for x in t {
        if x.lower == ")" {
            d -= 1;
        }
        depth.push(d);
        if x.lower == "(" {
            d += 1;
        }
    }
    let level = tokens.first().map_or(0, |&k| depth[k]);
    // "vraagt Hongarije zijn veto … in te trekken": "zijn" before a noun
    // of the frames that is no fixed word of the expression, or after a
    // preposition, is a possessive, not the verb.
    let possessive = |i: usize| {
        s.lang == Lang::Nl
            && t[i].lower == "zijn"
            && (t.get(i + 1).is_some_and(|n| {
                index.nouns.contains_key(n.lower.as_str()) && !tokens.contains(&(i + 1))
            }) || i > 0 && has(s.grammar().prepositions, &t[i - 1].lower))
    };
    if let (Some(_), Some(v)) = (verb_word, verb) {
        let verb_tokens = (first..end)
            .filter(|&i| depth[i] == level && !possessive(i))
            .find_map(|i| {
                index.forms.get(&t[i].lower).and_then(|fs| {
                    fs.iter()
                        .filter(|f| f.verb == *v)
                        .find_map(|f| verb_matches(frames, s, i, *f, end).map(|tk| (tk, f.form)))
                })
            })?;
        form = Some(verb_tokens.1);
        head_token = verb_tokens.0.first().copied();
        tokens.extend(verb_tokens.0);
    }
    let head_token = head_token?;
    tokens.sort_unstable();
    tokens.dedup();
    Some(Found {
        unit,
        tokens,
        head: head_token,
        form,
    })
}

/// Context for filling roles in one sentence.
struct Ctx<'a> {
    text: &'a str,
    frames: &'a Frames,
    index: &'a FrameIndex,
    lexicon: &'a Lexicon,
    analysis: &'a Analysis,
    si: usize,
    s: &'a SentenceAnalysis,
    g: &'static Grammar,
    /// Authors the document names for "we".
    we: &'a [usize],
    /// Described-group qualifiers and nouns (data in cues.ttl).
    group_qualifiers: &'a [String],
    group_nouns: &'a [String],
}

impl Ctx<'_> {
    fn lower(&self, i: usize) -> &str {
        &self.s.tokens[i].lower
    }

    fn is_skippable(&self, i: usize) -> bool {
        let w = self.lower(i);
        has(self.g.adverbs, w)
            || has(self.g.negators, w)
            || has(self.g.hedges, w)
            || has(self.g.auxiliaries, w)
            || self.s.lang == Lang::Nl && w == "zich"
            || matches!(w, "er" | "hier" | "daar" | "not" | "n't" | "never")
            || pronominal_adverb(w)
    }

    fn skip(&self, mut i: usize, end: usize, avoid: &[usize]) -> usize {
        while i < end && (self.is_skippable(i) || avoid.contains(&i)) {
            i += 1;
        }
        i
    }

    /// Whether the Dutch adverb at `j` stands between a determiner and an
    /// inflected adjective of one noun phrase ("de gezamenlijk ontwikkelde
    /// systemen", "het eerder genoemde plan").
    fn modifies_adjective(&self, j: usize) -> bool {
        let g = self.g;
        self.s.lang == Lang::Nl
            && j > 0
            && has(g.determiners, &self.s.tokens[j - 1].lower)
            && self.s.tokens.get(j + 1).is_some_and(|n| {
                n.is_word()
                    && !n.capital
                    && n.lower.ends_with('e')
                    && n.lower.chars().count() >= 4
                    && !has(g.adverbs, &n.lower)
                    && !has(g.prepositions, &n.lower)
                    && !has(g.determiners, &n.lower)
            })
    }

    fn stops_phrase(&self, j: usize, start: usize, avoid: &[usize], stop_preps: &[&str]) -> bool {
        let t = &self.s.tokens[j];
        let w = t.lower.as_str();
        let g = self.g;
        if t.kind == TokenKind::Punct || avoid.contains(&j) {
            return true;
        }
        if j == start {
            // "voor zijn eigen toetreding": after a preposition a
            // possessive opens the phrase.
            if has(g.possessives, w) && j > 0 && has(g.prepositions, &self.s.tokens[j - 1].lower) {
                return false;
            }
            return has(g.prepositions, w) && !matches!(w, "tussen" | "between")
                || has(g.auxiliaries, w)
                || has(g.coordinators, w);
        }
        // "… ten behoeve van X": an adjunct, not part of the phrase; so
        // is "lange tijd", "van meet af aan".
        if self.complex_preposition_at(j).is_some() || self.adverbial_at(j).is_some() {
            return true;
        }
        // "Russia's blockade of the ports caused a crisis": an English
        // past before a determiner is the verb of the clause.
        if self.s.lang == Lang::En
            && (w.ends_with("ed") || self.index.is_verb_form(w))
            && self
                .s
                .tokens
                .get(j + 1)
                .is_some_and(|n| has(g.determiners, &n.lower))
        {
            return true;
        }
        // "remt de uitbreiding af.": the particle of a split verb ends
        // its clause, outside any phrase.
        if self.index.particles.contains(w)
            && self.s.tokens.get(j + 1).is_none_or(|n| {
                n.kind == TokenKind::Punct
                    || has(g.coordinators, &n.lower)
                    || n.lower == g.infinitive_marker
                    || self.index.is_verb_form(&n.lower)
            })
        {
            return true;
        }
        // "van zijn bijdrage": after a preposition a possessive is a
        // determiner, not the verb "zijn".
        if has(g.possessives, w) && has(g.prepositions, &self.s.tokens[j - 1].lower) {
            return false;
        }
        if has(g.subordinators, w)
            || has(g.relatives, w)
            || has(g.ambiguous_subordinators, w)
                && j > start
                && !has(g.determiners, &self.s.tokens[j - 1].lower)
            || has(g.negators, w)
            || has(g.auxiliaries, w)
            || has(g.copulas, w)
                && !has(g.possessives, w)
                && !has(g.determiners, &self.s.tokens[j - 1].lower)
            || has(g.adverbs, w) && !self.modifies_adjective(j)
            || has(g.hedges, w)
            || w == g.infinitive_marker && self.s.lang == Lang::Nl
            || w == "om"
            || pronominal_adverb(w)
        {
            return true;
        }
        if has(g.prepositions, w) && self.time_adverbial_at(j) {
            return true;
        }
        if has(g.prepositions, w) {
            let next_number = self
                .s
                .tokens
                .get(j + 1)
                .is_some_and(|n| n.kind == TokenKind::Number);
            let next_month = self
                .s
                .tokens
                .get(j + 1)
                .is_some_and(|n| has(g.months, &n.lower));
            return has(g.adjunct_prepositions, w)
                || w == g.agent_preposition
                || stop_preps.contains(&w)
                || next_number
                || next_month;
        }
        !self.after_determiner(j)
            && (self.index.is_verb_form(w) && !self.index.nouns.contains_key(w)
                || self.index.finite.contains(w)
                || has(g.finite_verbs, w)
                || has(g.copulas, w))
    }

    /// Whether token `j` follows a determiner directly or across the
    /// inflected attributive adjectives of its phrase ("de inzet", "de
    /// gezamenlijke inzet", "het nauw verwante voorstel"): a noun there, not
    /// a verb.
    fn after_determiner(&self, j: usize) -> bool {
        let g = self.g;
        let mut k = j;
        while k > 0 && j - k < 4 {
            k -= 1;
            let t = &self.s.tokens[k];
            if has(g.determiners, &t.lower) {
                return true;
            }
            let attributive = self.s.lang == Lang::Nl
                && t.is_word()
                && !t.capital
                && attributive_shaped(&t.lower)
                && !self.is_finite_or_verb(k)
                && !has(g.prepositions, &t.lower)
                && !has(g.coordinators, &t.lower);
            let adverb = has(g.adverbs, &t.lower)
                && (k + 1 < j || attributive_shaped(&self.s.tokens[j].lower));
            if !(attributive || adverb) {
                return false;
            }
        }
        false
    }

    /// Whether the words of `cp` stand at tokens `j…`.
    fn words_at(&self, cp: &[&str], j: usize) -> bool {
        cp.iter()
            .enumerate()
            .all(|(k, w)| self.s.tokens.get(j + k).is_some_and(|t| t.lower == *w))
    }

    /// The length of the fixed word sequence of `list` that starts at
    /// token `j`, if one does.
    fn fixed_at(&self, list: &[&[&str]], j: usize) -> Option<usize> {
        list.iter()
            .find(|cp| self.words_at(cp, j))
            .map(|cp| cp.len())
    }

    /// The length of the complex preposition ("ten behoeve van") that
    /// starts at token `j`, if one does.
    fn complex_preposition_at(&self, j: usize) -> Option<usize> {
        self.fixed_at(self.g.complex_prepositions, j)
    }

    /// Whether token `i` is a verb: a form of a frame verb, a finite form
    /// of a listed verb, an auxiliary or a copula.
    fn is_finite_or_verb(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.index.is_verb_form(w)
            || self.index.finite.contains(w)
            || has(self.g.finite_verbs, w)
            || has(self.g.auxiliaries, w)
            || has(self.g.copulas, w)
    }

    /// The entity named at the head of phrase `[a, b]` (after at most two
    /// lower-case modifiers) when a prepositional phrase other than its own
    /// "van"/"of" follows it: a name takes no such phrase, so the rest is an
    /// adjunct of the clause. A name before a noun ("EU GVDB-missies") is a
    /// modifier, not a head.
    fn name_head(&self, a: usize, b: usize) -> Option<usize> {
        let mut a = a;
        while a < b && has(self.g.determiners, self.lower(a)) {
            a += 1;
        }
        self.s
            .mentions
            .iter()
            .find(|m| {
                m.first >= a
                    && m.first <= a + 2
                    && m.last < b
                    && !m.partial
                    && self.s.tokens[m.first].capital
                    && (a..m.first).all(|k| {
                        !self.s.tokens[k].capital && !has(self.g.prepositions, self.lower(k))
                    })
                    && has(self.g.prepositions, self.lower(m.last + 1))
                    && !matches!(self.lower(m.last + 1), "van" | "of")
            })
            .map(|m| m.entity)
    }

    /// The length of the fixed adverbial ("lange tijd", "van meet af
    /// aan") that starts at token `j`, if one does.
    fn adverbial_at(&self, j: usize) -> Option<usize> {
        self.fixed_at(self.g.adverbial_phrases, j)
    }

    /// Whether a preposition at `j` opens a span of time ("voor drie
    /// weken", "for three weeks", "gedurende twee jaar"): a time noun
    /// within its next two words.
    fn time_adverbial_at(&self, j: usize) -> bool {
        has(self.g.prepositions, self.lower(j))
            && (j + 1..(j + 3).min(self.s.tokens.len()))
                .any(|k| has(self.g.time_nouns, self.lower(k)))
    }

    /// Whether token `j` is the last word of a complex preposition ("van"
    /// in "ten behoeve van"): it governs an adjunct, not an argument.
    fn ends_complex_preposition(&self, j: usize) -> bool {
        self.g
            .complex_prepositions
            .iter()
            .any(|cp| j + 1 >= cp.len() && self.words_at(cp, j + 1 - cp.len()))
    }

    /// The noun phrase starting at `i`: `[i, last]`.
    fn phrase(
        &self,
        i: usize,
        end: usize,
        avoid: &[usize],
        stop_preps: &[&str],
    ) -> Option<(usize, usize)> {
        if i >= end || self.stops_phrase(i, i, avoid, stop_preps) {
            return None;
        }
        // A demonstrative standing alone ("stuitte dit op …") is a pronoun.
        if has(self.g.pronouns, self.lower(i))
            && self.s.tokens.get(i + 1).is_none_or(|n| {
                n.kind == TokenKind::Punct
                    || has(self.g.prepositions, &n.lower)
                    || has(self.g.adverbs, &n.lower) && !self.modifies_adjective(i + 1)
                    || has(self.g.auxiliaries, &n.lower)
                    || has(self.g.finite_verbs, &n.lower)
                    || has(self.g.copulas, &n.lower)
            })
        {
            return Some((i, i));
        }
        let mut last = i;
        let mut between = matches!(self.lower(i), "tussen" | "between");
        // "in zowel de EU als de NAVO", "in both the EU and NATO": one
        // phrase.
        let mut both = false;
        let mut j = i + 1;
        while j < end && j - i < MAX_PHRASE {
            let w = self.lower(j);
            if matches!(w, "zowel" | "both") && has(self.g.prepositions, self.lower(j - 1)) {
                both = true;
                j += 1;
                continue;
            }
            if both && matches!(w, "als" | "and") {
                both = false;
                j += 1;
                continue;
            }
            // "het Hybrid Centre of Excellence": an English name in a Dutch
            // sentence; its "of" coordinates nothing.
            if w == "of"
                && self.s.lang == Lang::Nl
                && self.s.tokens[j - 1].capital
                && self.s.tokens.get(j + 1).is_some_and(|n| n.capital)
            {
                last = j + 1;
                j += 2;
                continue;
            }
            if has(self.g.coordinators, w) {
                // "tussen de EU en de NAVO": one phrase.
                if between && matches!(w, "en" | "and") {
                    between = false;
                    j += 1;
                    continue;
                }
                // "NAVO- en EU-initiatieven", "een open en inclusieve
                // benadering": coordinated modifiers of one noun.
                let dangling = self.lower(j - 1).ends_with('-');
                let from = (i..j)
                    .rev()
                    .find(|&k| has(self.g.determiners, self.lower(k)))
                    .map_or(i, |k| k + 1);
                let content = j - from;
                let next_modifier = self.s.tokens.get(j + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && !n.capital
                        && !has(self.g.determiners, &n.lower)
                        && !has(self.g.prepositions, &n.lower)
                });
                if j + 1 < end
                    && (dangling
                        || content == 1
                            && next_modifier
                            && !self.s.tokens[j - 1].capital
                            && !self.opens_conjunct_clause(j + 1))
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if self.stops_phrase(j, i, avoid, stop_preps) {
                break;
            }
            // A name of capitalised words ("het Centre of Excellence for
            // Military Medicine in Boedapest") takes no phrase but its own
            // "van"/"of".
            if has(self.g.prepositions, w) && !matches!(w, "van" | "of" | "tussen" | "between") {
                let from = (i..j)
                    .find(|&k| !has(self.g.determiners, self.lower(k)))
                    .unwrap_or(j);
                let words = j - from;
                if words >= 2
                    && (from..j).all(|k| {
                        self.s.tokens[k].capital
                            || matches!(self.lower(k), "of" | "for" | "and" | "on" | "the")
                    })
                {
                    break;
                }
            }
            // A determiner opens a new phrase unless a preposition governs
            // it ("Slowakije | de verlenging", "de verlenging van de sancties")
            // or an English gerund opening the phrase takes it as its object
            // ("supports strengthening the mission").
            let prev = self.lower(j - 1);
            let gerund = self.s.lang == Lang::En
                && j - 1 == i
                && prev.len() > 5
                && prev.ends_with("ing")
                && !self.s.tokens[j - 1].capital;
            if has(self.g.determiners, w)
                && !gerund
                && !has(self.g.prepositions, prev)
                && !has(self.g.coordinators, prev)
                && !has(self.g.determiners, prev)
                && !prev.ends_with('-')
            {
                break;
            }
            if matches!(w, "tussen" | "between") {
                between = true;
            }
            last = j;
            j += 1;
        }
        // Never end on a preposition or determiner.
        while last > i
            && (has(self.g.prepositions, self.lower(last))
                || has(self.g.determiners, self.lower(last)))
        {
            last -= 1;
        }
        Some((i, last))
    }

    /// The phrase and the phrases coordinated with it ("A, B en C").
    fn conjuncts(
        &self,
        i: usize,
        end: usize,
        avoid: &[usize],
        stop_preps: &[&str],
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = i;
        // "zowel A als B", "both A and B".
        let both = at < end && matches!(self.lower(at), "zowel" | "both");
        if both {
            at += 1;
        }
        // "gemeenschappelijk ontwikkelde of geproduceerde producten": a
        // conjunct of Dutch attributive adjectives only shares the noun of
        // the next one; both are one phrase.
        let mut shared_from: Option<usize> = None;
        while let Some((a, b)) = self.phrase(at, end, avoid, stop_preps) {
            let a = shared_from.take().unwrap_or(a);
            let next = b + 1;
            if self.attributive_only(a, b)
                && next + 1 < end
                && matches!(self.lower(next), "en" | "of")
            {
                let from = self.skip(next + 1, end, avoid);
                // The next conjunct goes on from adjectives to its noun:
                // "ontwikkelde of aangekochte systemen", not "ruimte en
                // tijd".
                let goes_on = self
                    .phrase(from, end, avoid, stop_preps)
                    .is_some_and(|(c, d)| d > c && self.attributive_only(c, c));
                if goes_on {
                    shared_from = Some(a);
                    at = from;
                    continue;
                }
            }
            out.push((a, b));
            // "steunt Georgië met training en materieel": what is
            // coordinated after a name's adjunct belongs to the adjunct.
            if self.name_head(a, b).is_some() {
                break;
            }
            let next = b + 1;
            if next >= end {
                break;
            }
            let w = self.lower(next);
            if w == ","
                || has(self.g.coordinators, w) && w != "maar" && w != "but"
                || w == "als"
                    && out.len() == 1
                    && (both
                        // "EU-instrumenten als SAFE en EDIP": examples of a
                        // plural, by name (not "als gevolg van", "als doel").
                        || self.lower(b).ends_with("en") && {
                            let mut k = next + 1;
                            while k < end && has(self.g.determiners, self.lower(k)) {
                                k += 1;
                            }
                            k < end && self.s.tokens[k].capital
                        })
            {
                let mut k = next + 1;
                if k < end && has(self.g.coordinators, self.lower(k)) {
                    k += 1;
                }
                if k < end && (self.lower(k) == "as" && self.lower(k.saturating_sub(1)) == "as") {
                    k += 1;
                }
                // "steunt de missie en koopt nieuwe tanks": a verb after the
                // coordinator opens a clause of its own; its object is no
                // conjunct of this phrase.
                if k < end && self.opens_conjunct_clause(k) {
                    break;
                }
                // "… en andersom de betrokkenheid van …"
                at = self.skip(k, end, avoid);
                continue;
            }
            break;
        }
        out
    }

    /// Whether the Dutch word at `k`, right after a coordinator, is the
    /// finite verb of a clause that shares the subject: a verb form the
    /// frames know, or a lower-case word of no closed class followed
    /// directly by a determiner, a possessive or a number ("en financierde
    /// de eerste fase"); not "nauwe en goed afgestemde samenwerking".
    fn opens_conjunct_clause(&self, k: usize) -> bool {
        let g = self.g;
        let t = &self.s.tokens[k];
        if !t.is_word() || t.capital {
            return false;
        }
        if self.is_finite_or_verb(k) {
            return true;
        }
        let w = t.lower.as_str();
        // English: "accepts the findings and highlights the shortage" — a
        // third person or past of no closed class before a determiner.
        if self.s.lang == Lang::En && !(w.ends_with('s') || w.ends_with("ed")) {
            return false;
        }
        let closed = has(g.adverbs, w)
            || has(g.determiners, w)
            || has(g.possessives, w)
            || has(g.prepositions, w)
            || has(g.pronouns, w)
            || has(g.coordinators, w)
            || has(g.negators, w)
            || attributive_shaped(w);
        !closed
            && self.s.tokens.get(k + 1).is_some_and(|n| {
                has(g.determiners, &n.lower)
                    || has(g.possessives, &n.lower)
                    || n.kind == TokenKind::Number
            })
    }

    /// Whether `[a, b]` holds only Dutch attributive adjectives and
    /// adverbs ("gemeenschappelijk ontwikkelde", "de civiele"): at most
    /// three lower-case words after an optional determiner, the last with
    /// an adjective's inflected ending.
    fn attributive_only(&self, a: usize, b: usize) -> bool {
        let a = if a < b && has(self.g.determiners, self.lower(a)) {
            a + 1
        } else {
            a
        };
        self.s.lang == Lang::Nl
            && b + 1 - a <= 3
            && (a..=b).all(|k| {
                let t = &self.s.tokens[k];
                t.is_word() && !t.capital && !has(self.g.determiners, &t.lower)
            })
            && attributive_shaped(self.lower(b))
    }

    fn label(&self, a: usize, b: usize) -> String {
        let (start, end) = self.s.span(a, b);
        let text = &self.text[start..end];
        let mut words: Vec<&str> = text.split_whitespace().collect();
        while words.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "de" | "het" | "een" | "the" | "a" | "an"
            )
        }) {
            words.remove(0);
        }
        words.join(" ")
    }
}

/// What fills an agent phrase `[a, b]`: an actor, a demonym's state, a
/// described group, or the antecedent of a pronoun.
fn agent_of(ctx: &Ctx<'_>, a: usize, b: usize, allow_issue: bool) -> Option<Arg> {
    let s = ctx.s;
    let words: Vec<&str> = (a..=b).map(|i| ctx.lower(i)).collect();
    // A pronoun or "het land", "deze lidstaat", "the country".
    let pronoun = words.len() == 1 && has(ctx.g.pronouns, words[0]);
    // "het land", "the government" refer back to a state, never to an
    // institute or a body named before.
    let referring = words.len() == 2
        && has(ctx.g.demonstratives, words[0])
        && has(ctx.g.referring_nouns, words[1]);
    if pronoun || referring {
        return antecedent(ctx, a, referring);
    }
    // "deze kwestie", "dit vraagstuk", "the issue": the issue named before.
    if allow_issue
        && words.len() == 2
        && has(ctx.g.issue_determiners, words[0])
        && has(ctx.g.issue_nouns, words[1])
    {
        return issue_before(ctx);
    }
    if words.len() == 1 && has(ctx.g.first_person_plural, words[0]) {
        return ctx.we.first().map(|&e| Arg {
            filler: Filler::Entity(e),
            sentence: ctx.si,
            partners: None,
        });
    }
    // A group described without naming members ("verschillende lidstaten"),
    // even when its noun is also a name ("lidstaten").
    if let Some(g) = group(ctx, &words, a, b) {
        return Some(g);
    }
    // Only the head part of the phrase names its referent: not "China" in
    // "de Raadsconclusies over de betrekkingen met China". A van/of-phrase
    // after a noun of state, stance or a frame names the holder ("de
    // bezwaren van Polen", "de regering van Polen").
    let b = head_part(ctx, a, b);
    // A named actor, not part of a longer word.
    let actor = s
        .mentions
        .iter()
        .filter(|m| m.first >= a && m.last <= b)
        .find(|m| {
            let kind = ctx.lexicon.entities.get(m.entity).and_then(|e| e.kind());
            kind == Some(EntityKind::Actor) && !m.partial
                || allow_issue && kind == Some(EntityKind::Issue)
        });
    if let Some(m) = actor {
        return Some(Arg {
            filler: Filler::Entity(m.entity),
            sentence: ctx.si,
            partners: None,
        });
    }
    // A demonym before a noun of state ("de Russische autoriteiten", "the
    // Hungarian government"), or standing alone ("de Fransen").
    // A noun of state, or a noun that evokes a frame ("een Hongaars veto",
    // "Franse bezwaren"): the demonym before it names the holder.
    let organ = (a..=b).any(|i| {
        has(ctx.g.state_nouns, ctx.lower(i)) || ctx.index.nouns.contains_key(ctx.lower(i))
    });
    if let Some(e) = (a..=b)
        .find_map(|i| ctx.index.demonym(ctx.s.lang, ctx.lower(i)))
        .filter(|_| organ || words.iter().filter(|w| !has(ctx.g.determiners, w)).count() == 1)
    {
        return Some(Arg {
            filler: Filler::Entity(e),
            sentence: ctx.si,
            partners: None,
        });
    }
    // A possessive or genitive of an actor ("Hungary's").
    if let Some(m) = s.mentions.iter().find(|m| {
        m.first >= a
            && m.last <= b
            && m.partial
            && ctx.s.tokens[m.last].lower.ends_with("'s")
            && ctx.lexicon.entities.get(m.entity).and_then(|e| e.kind()) == Some(EntityKind::Actor)
    }) {
        return Some(Arg {
            filler: Filler::Entity(m.entity),
            sentence: ctx.si,
            partners: None,
        });
    }
    None
}

/// The last token of the head part of phrase `[a, b]`: up to its first
/// preposition, or through a van/of-phrase after a noun of state or stance.
fn head_part(ctx: &Ctx<'_>, a: usize, b: usize) -> usize {
    let Some(p) = (a + 1..=b).find(|&i| has(ctx.g.prepositions, ctx.lower(i))) else {
        return b;
    };
    let noun = ctx.lower(p - 1);
    let holder_noun = has(ctx.g.state_nouns, noun)
        || has(ctx.g.stance_nouns, noun)
        || ctx.index.nouns.contains_key(noun);
    // "de blokkade door Slowakije", "the veto by Hungary": the agent of
    // a frame noun.
    let by = ctx.lower(p) == ctx.g.agent_preposition && ctx.index.nouns.contains_key(noun);
    if matches!(ctx.lower(p), "van" | "of") && holder_noun || by {
        return (p + 1..=b)
            .find(|&i| has(ctx.g.prepositions, ctx.lower(i)))
            .map_or(b, |i| i - 1);
    }
    p - 1
}

/// A group described without naming members: a qualifier ("verschillende",
/// "sommige", "several") and a group noun ("lidstaten", "allies").
fn group(ctx: &Ctx<'_>, words: &[&str], a: usize, b: usize) -> Option<Arg> {
    let qualifies = ctx
        .group_qualifiers
        .iter()
        .any(|q| words.contains(&q.to_lowercase().as_str()));
    let noun = ctx.group_nouns.iter().any(|n| {
        let n = n.to_lowercase();
        words
            .iter()
            .any(|w| *w == n || w.ends_with(&format!("-{n}")))
    });
    (qualifies && noun).then(|| Arg {
        filler: Filler::Group(ctx.label(a, b)),
        sentence: ctx.si,
        partners: None,
    })
}

/// The issue named nearest before: in this sentence, else in the three
/// before it.
fn issue_before(ctx: &Ctx<'_>) -> Option<Arg> {
    let is_issue =
        |e: usize| ctx.lexicon.entities.get(e).and_then(|x| x.kind()) == Some(EntityKind::Issue);
    (ctx.si.saturating_sub(3)..=ctx.si).rev().find_map(|j| {
        let p = &ctx.analysis.sentences[j];
        p.mentions
            .iter()
            .rev()
            .find(|m| is_issue(m.entity))
            .map(|m| Arg {
                filler: Filler::Entity(m.entity),
                sentence: j,
                partners: None,
            })
    })
}

/// The actor a pronoun at token `at` stands for: the nearest actor named
/// before it in the sentence, else the last one of the sentence before.
fn antecedent(ctx: &Ctx<'_>, at: usize, state: bool) -> Option<Arg> {
    let is_actor = |e: usize| {
        ctx.lexicon.entities.get(e).is_some_and(|x| {
            x.kind() == Some(EntityKind::Actor)
                && (!state || x.classes.iter().any(|c| c == "State"))
        })
    };
    // Dutch "het" stands for a neuter noun ("het kabinet", "het VK"), a
    // country's name (neuter: "Hongarije … dat het"), a thing, or nothing
    // ("het ontbreekt aan"); never for "de EU", "de NAVO".
    let neuter_only = !state && ctx.s.lang == Lang::Nl && ctx.lower(at) == "het";
    let neuter = |s: &SentenceAnalysis, m: &super::document::TokenMention| {
        let article = m.first.checked_sub(1).map(|k| s.tokens[k].lower.as_str());
        let state = ctx
            .lexicon
            .entities
            .get(m.entity)
            .is_some_and(|x| x.classes.iter().any(|c| c == "State"));
        !neuter_only || article == Some("het") || state && article != Some("de")
    };
    // The nearest actor before, preferring one outside a prepositional
    // phrase: "Noorwegen stuurt instructeurs naar Polen en draagt het land
    // bij" refers to Noorwegen.
    let before = || {
        ctx.s
            .mentions
            .iter()
            .rev()
            .filter(|m| m.last < at && is_actor(m.entity) && !m.partial && neuter(ctx.s, m))
    };
    let in_pp = |m: &&super::document::TokenMention| {
        m.first > 0 && has(ctx.g.prepositions, ctx.lower(m.first - 1))
    };
    if let Some(m) = before().find(|m| !in_pp(m)).or_else(|| before().next()) {
        return Some(Arg {
            filler: Filler::Entity(m.entity),
            sentence: ctx.si,
            partners: None,
        });
    }
    let prev = ctx.si.checked_sub(1)?;
    let p = &ctx.analysis.sentences[prev];
    if p.block_gap(ctx.s) {
        return None;
    }
    // The subject of the sentence before: its first actor.
    p.mentions
        .iter()
        .find(|m| is_actor(m.entity) && !m.partial)
        .filter(|m| neuter(p, m))
        .map(|m| Arg {
            filler: Filler::Entity(m.entity),
            sentence: prev,
            partners: None,
        })
}

impl SentenceAnalysis {
    /// Whether `next` is too far from this sentence for a pronoun to reach back.
    fn block_gap(&self, next: &SentenceAnalysis) -> bool {
        next.index != self.index + 1
    }
}

/// The subject of a clause: its conjuncts, and whether it stands after the
/// finite verb (inversion).
struct Subject {
    spans: Vec<(usize, usize)>,
    /// First token after the subject (or after the finite verb when the
    /// subject precedes it).
    after: usize,
    /// Where a Dutch object may begin: after the subject when it precedes
    /// the verb, after the inverted subject otherwise.
    object_from: usize,
    /// The clause is relative with its antecedent as subject or object.
    antecedent: Option<(usize, usize)>,
    antecedent_is_object: bool,
}

impl Ctx<'_> {
    /// The finite verb of a clause: the first auxiliary or verb form after
    /// its first word (a Dutch main clause puts it second).
    fn finite(&self, first: usize, end: usize, head: usize) -> usize {
        (first..end)
            .find(|&i| {
                let w = self.lower(i);
                // "Door gebruik te maken van …": an infinitive is never
                // finite; after a preposition "zijn" is a possessive.
                if i > first
                    && i != head
                    && (self.lower(i - 1) == self.g.infinitive_marker
                        || has(self.g.possessives, w)
                            && has(self.g.prepositions, self.lower(i - 1)))
                {
                    return false;
                }
                let prev_det = i > first && has(self.g.determiners, self.lower(i - 1));
                i == head
                    || (has(self.g.auxiliaries, w)
                        && !(i == first && self.s.lang == Lang::Nl && i > 0))
                    || (i > first && (has(self.g.copulas, w) || has(self.g.finite_verbs, w)))
                    || (!prev_det
                        && self.index.is_verb_form(w)
                        && !self.index.nouns.contains_key(w)
                        && i > first)
            })
            .unwrap_or(head)
    }

    fn has_agent(&self, spans: &[(usize, usize)]) -> bool {
        spans
            .iter()
            .any(|&(a, b)| agent_of(self, a, b, false).is_some())
    }

    /// The antecedent of a relative clause opening at `first`.
    fn antecedent_span(&self, first: usize) -> Option<(usize, usize)> {
        let mut b = first.checked_sub(1)?;
        if self.lower(b) == "," {
            b = b.checked_sub(1)?;
        }
        if self.s.tokens[b].kind == TokenKind::Punct {
            return None;
        }
        if let Some(m) = self.s.mentions.iter().find(|m| m.last == b && !m.partial) {
            return Some((m.first, b));
        }
        let mut a = b;
        while a > 0 {
            let prev = &self.s.tokens[a - 1];
            if prev.kind == TokenKind::Punct
                || has(self.g.auxiliaries, &prev.lower)
                || has(self.g.subordinators, &prev.lower)
                || self.index.is_verb_form(&prev.lower)
            {
                break;
            }
            if has(self.g.determiners, &self.s.tokens[a].lower) {
                break;
            }
            a -= 1;
        }
        // Begin after a preposition that opens the phrase's own clause part.
        while a < b && has(self.g.prepositions, self.lower(a)) {
            a += 1;
        }
        Some((a, b))
    }

    fn subject(&self, clause_index: usize, head: usize, avoid: &[usize]) -> Subject {
        let mut subject = self.subject_inner(clause_index, head, avoid);
        subject.object_from = if subject.antecedent.is_some() && !subject.antecedent_is_object {
            subject.after
        } else {
            subject.spans.last().map_or(subject.after, |s| s.1 + 1)
        };
        subject
    }

    /// The phrases after the finite verb as an inverted subject, when they
    /// name an agent.
    fn inverted(&self, spans: Vec<(usize, usize)>, start: usize) -> Option<Subject> {
        if !self.has_agent(&spans) {
            return None;
        }
        let after = spans.last().map_or(start, |s| s.1 + 1);
        Some(Subject {
            spans,
            after,
            object_from: after,
            antecedent: None,
            antecedent_is_object: false,
        })
    }

    /// The conjuncts of a subject from `at`. "ontbreekt het de lidstaten
    /// aan …", "dat het aan … ontbreekt": "het" before a determiner or a
    /// preposition is the pronoun subject alone, not the article of a
    /// phrase (before a name it may be either: "het Verenigd Koninkrijk").
    fn subject_conjuncts(&self, at: usize, end: usize, avoid: &[usize]) -> Vec<(usize, usize)> {
        let pronoun_het = self.s.lang == Lang::Nl
            && at + 1 < end
            && self.lower(at) == "het"
            && self.s.tokens.get(at + 1).is_some_and(|n| {
                has(self.g.determiners, &n.lower) || has(self.g.prepositions, &n.lower)
            });
        if pronoun_het {
            vec![(at, at)]
        } else {
            self.conjuncts(at, end, avoid, &[])
        }
    }

    /// "In its report the Council welcomes …", "In 2024 Germany supported
    /// …": in English the subject stays before the verb at `f` after a
    /// phrase fronted from `start`. It is a name that ends at the verb
    /// ("During the summit Poland proposed"), else the words back to a
    /// determiner, a preposition, a number or a month.
    fn subject_after_fronted(&self, start: usize, f: usize) -> Option<(usize, usize)> {
        if f <= start + 1 {
            return None;
        }
        let b = f - 1;
        let named = self
            .s
            .mentions
            .iter()
            .filter(|m| m.last == b && m.first > start && !m.partial)
            .map(|m| m.first)
            .min();
        let mut a = named.unwrap_or(b);
        while named.is_none() && a > start {
            let p = &self.s.tokens[a - 1];
            if p.kind != TokenKind::Word
                || has(self.g.prepositions, &p.lower)
                || has(self.g.possessives, &p.lower)
                || has(self.g.months, &p.lower)
            {
                break;
            }
            a -= 1;
            if has(self.g.determiners, &p.lower) {
                break;
            }
        }
        if named.is_some() && a > start + 1 && has(self.g.determiners, self.lower(a - 1)) {
            a -= 1;
        }
        let word = |k: usize| {
            let t = &self.s.tokens[k];
            t.kind == TokenKind::Word && !has(self.g.prepositions, &t.lower)
        };
        (a > start && (a..=b).all(word)).then_some((a, b))
    }

    fn subject_inner(&self, clause_index: usize, head: usize, avoid: &[usize]) -> Subject {
        let clause = &self.s.clauses[clause_index];
        let (first, end) = (clause.first, clause.end);
        let none = Subject {
            spans: Vec::new(),
            after: first,
            object_from: first,
            antecedent: None,
            antecedent_is_object: false,
        };
        // A cleft ("Het is vooral Bulgarije dat dwarsligt", "It is France
        // that stands in the way"): the subject is the phrase the main
        // clause focuses.
        if clause.kind != ClauseKind::Main
            && clause_index > 0
            && matches!(self.lower(first), "dat" | "die" | "that" | "who" | "which")
        {
            let prev = &self.s.clauses[clause_index - 1];
            if prev.end == first
                && prev.end > prev.first + 2
                && matches!(self.lower(prev.first), "het" | "it")
                && matches!(self.lower(prev.first + 1), "is" | "was" | "'s")
            {
                let from = self.skip(prev.first + 2, prev.end, avoid);
                let spans = self.conjuncts(from, prev.end, avoid, &[]);
                if let (Some(&(a, _)), Some(&(_, b))) = (spans.first(), spans.last())
                    && self.has_agent(&spans)
                {
                    // The focused phrase stands for the subject, as an
                    // antecedent does: the object follows the opener.
                    return Subject {
                        spans,
                        after: first + 1,
                        object_from: first + 1,
                        antecedent: Some((a, b)),
                        antecedent_is_object: false,
                    };
                }
            }
        }
        match clause.kind {
            ClauseKind::Sub => {
                let start = self.skip(first + 1, end, avoid);
                let spans = self.subject_conjuncts(start, end, avoid);
                let after = spans.last().map_or(start, |s| s.1 + 1);
                Subject {
                    spans,
                    after,
                    ..none
                }
            }
            ClauseKind::Relative => {
                let ante = self.antecedent_span(first);
                let next = first + 1;
                let starts_phrase = next < end && {
                    let t = &self.s.tokens[next];
                    (has(self.g.determiners, &t.lower)
                        || t.capital
                        || has(self.g.pronouns, &t.lower))
                        && !has(self.g.auxiliaries, &t.lower)
                        && !avoid.contains(&next)
                };
                if starts_phrase {
                    let spans = self.conjuncts(next, end, avoid, &[]);
                    if self.has_agent(&spans) {
                        let after = spans.last().map_or(next, |s| s.1 + 1);
                        return Subject {
                            spans,
                            after,
                            object_from: after,
                            antecedent: ante,
                            antecedent_is_object: true,
                        };
                    }
                }
                Subject {
                    spans: ante.into_iter().collect(),
                    after: next,
                    object_from: next,
                    antecedent: ante,
                    antecedent_is_object: false,
                }
            }
            ClauseKind::Main => {
                let f = self.finite(first, end, head);
                let mut start = first;
                while start < f
                    && (self.is_skippable(start)
                        || has(self.g.coordinators, self.lower(start))
                        || self.s.tokens[start].kind == TokenKind::Punct)
                {
                    start += 1;
                }
                // "Als minister onderschrijft het kabinet …": "als" before a
                // bare noun fronts a capacity, like a preposition.
                let capacity = start < f
                    && matches!(self.lower(start), "als" | "as")
                    && !self.s.clauses[clause_index].conditional
                    && self.s.clauses[clause_index].kind == ClauseKind::Main;
                let fronted_pp =
                    start < f && (has(self.g.prepositions, self.lower(start)) || capacity);
                // "Zo steunt Nederland …": a connective adverb alone
                // before the verb.
                let fronted_other = start < f
                    && (f == start + 1 && has(self.g.connectives, self.lower(start))
                        || self.s.tokens[start].kind == TokenKind::Number
                        || (start..f).all(|i| {
                            self.is_skippable(i) || self.s.tokens[i].kind == TokenKind::Number
                        }));
                let post_start = self.skip(f + 1, end, avoid);
                let post = || self.subject_conjuncts(post_start, end, avoid);
                if start >= f && first < f && self.s.lang == Lang::Nl {
                    // Only adverbs before the verb ("Ook zet Nederland zich
                    // in"): the subject follows it.
                    let spans = post();
                    let after = spans.last().map_or(post_start, |s| s.1 + 1);
                    return Subject {
                        spans,
                        after,
                        ..none
                    };
                }
                if start >= f {
                    // No subject before the verb: a coordinated clause shares
                    // the subject of the clause before ("… en blokkeert …").
                    if clause_index > 0
                        && self.s.lang == Lang::Nl
                        && let Some(inverted) = self.inverted(post(), post_start)
                    {
                        return inverted;
                    }
                    // Back over an apposition ("We, the Heads of State …,
                    // welcome …") to the clause that names the subject.
                    for k in (0..clause_index).rev() {
                        let c = &self.s.clauses[k];
                        let mut spans = self.subject_inner(k, c.first, avoid).spans;
                        if spans.is_empty() {
                            // A clause of one phrase ("We,").
                            spans =
                                self.conjuncts(self.skip(c.first, c.end, avoid), c.end, avoid, &[]);
                        }
                        let verbless = k > 0 && continued_end(self.s, k - 1) >= c.end;
                        if self.has_agent(&spans) || !verbless {
                            return Subject {
                                spans,
                                after: f + 1,
                                ..none
                            };
                        }
                    }
                    return Subject {
                        after: f + 1,
                        ..none
                    };
                }
                // "Nederland levert … en zal … inzetten op": a second verb
                // phrase shares the subject of the first.
                let mut c = f;
                while c > start && self.is_skippable(c - 1) {
                    c -= 1;
                }
                if c > start + 1 && has(self.g.coordinators, self.lower(c - 1)) {
                    let finite_at = |k: usize| {
                        let w = self.lower(k);
                        has(self.g.auxiliaries, w)
                            || has(self.g.finite_verbs, w)
                            || self.index.finite.contains(w)
                            || self.index.is_verb(w)
                    };
                    if let Some(f0) = (start + 1..c - 1).find(|&k| finite_at(k)) {
                        let spans = self.conjuncts(start, f0, avoid, &[]);
                        if !fronted_pp && !fronted_other && self.has_agent(&spans) {
                            return Subject {
                                spans,
                                after: f + 1,
                                ..none
                            };
                        }
                    }
                }
                if fronted_pp
                    && self.s.lang == Lang::En
                    && let Some(span) = self.subject_after_fronted(start, f)
                {
                    return Subject {
                        spans: vec![span],
                        after: f + 1,
                        ..none
                    };
                }
                if fronted_pp || fronted_other {
                    let spans = post();
                    let after = spans.last().map_or(post_start, |s| s.1 + 1);
                    return Subject {
                        spans,
                        after,
                        ..none
                    };
                }
                let spans = self.conjuncts(start, f, avoid, &[]);
                // A person or body before the verb ("De minister verwelkomt")
                // is its subject even when the lexicon does not name it.
                let agentive = spans.iter().any(|&(a, b)| {
                    (a..=b).any(|k| {
                        has(self.g.state_nouns, self.lower(k))
                            || has(self.g.person_nouns, self.lower(k))
                    })
                });
                if self.s.lang == Lang::Nl
                    && !agentive
                    && !self.has_agent(&spans)
                    && let Some(mut inverted) = self.inverted(post(), post_start)
                {
                    // "Deze aanbeveling neemt het kabinet over": the phrase
                    // before the verb is the object.
                    if let (Some(a), Some(b)) = (spans.first(), spans.last()) {
                        inverted.antecedent = Some((a.0, b.1));
                        inverted.antecedent_is_object = true;
                    }
                    return inverted;
                }
                Subject {
                    spans,
                    after: f + 1,
                    ..none
                }
            }
        }
    }

    /// The object from token `from`: past verbs, adverbs and up to two
    /// prepositional phrases ("verhindert met aanvallen op de havens de
    /// export …").
    fn object(&self, from: usize, end: usize, avoid: &[usize]) -> Vec<(usize, usize)> {
        let mut at = from;
        for _ in 0..3 {
            at = self.skip(at, end, avoid);
            while at < end
                && (has(self.g.finite_verbs, self.lower(at))
                    || self.index.finite.contains(self.lower(at))
                    || has(self.g.copulas, self.lower(at))
                    || self.index.is_verb_form(self.lower(at))
                        && !self.index.nouns.contains_key(self.lower(at)))
            {
                at = self.skip(at + 1, end, avoid);
            }
            if at >= end {
                return Vec::new();
            }
            // A complement clause ("steunt dat Polen de leiding neemt") is
            // no noun phrase: the object, if any, is a proposition.
            if self
                .s
                .clauses
                .iter()
                .any(|c| c.first == at && c.kind != ClauseKind::Main)
            {
                return Vec::new();
            }
            if let Some(n) = self.adverbial_at(at) {
                // "de komende twee jaar": the adverbial with its count and
                // its time noun.
                at += n;
                while at < end
                    && (self.s.tokens[at].kind == TokenKind::Number
                        || has(self.g.number_words, self.lower(at))
                        || has(self.g.time_nouns, self.lower(at)))
                {
                    at += 1;
                }
                continue;
            }
            let w = self.lower(at);
            if w == "(" {
                // A parenthesis ("(zie § 2.5)") stands outside the clause.
                match (at..end).find(|&k| self.lower(k) == ")") {
                    Some(k) => at = k + 1,
                    None => return Vec::new(),
                }
                continue;
            }
            if has(self.g.prepositions, w) && !matches!(w, "tussen" | "between") {
                // Skip the prepositional phrase.
                let start = self.skip(at + 1, end, avoid);
                match self.phrase(start, end, avoid, &[]) {
                    Some((_, b)) => at = b + 1,
                    None => return Vec::new(),
                }
                continue;
            }
            return self.conjuncts(at, end, avoid, &[]);
        }
        Vec::new()
    }

    /// The phrases of the first prepositional phrase opened by `prep` in
    /// `[from, end)`, outside `skip`; each stops at any of `stop_preps`
    /// (the prepositions of the unit's other role, where that matters).
    fn pp(
        &self,
        prep: &str,
        from: usize,
        end: usize,
        skip: &[(usize, usize)],
        avoid: &[usize],
        stop_preps: &[&str],
    ) -> Vec<(usize, usize)> {
        // A parenthesis ("(zie hierboven onder …)") is outside the clause.
        let mut depth = 0i32;
        for j in from..end {
            match self.lower(j) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            if depth > 0
                || self.lower(j) != prep
                || skip.iter().any(|&(a, b)| a <= j && j <= b)
                || self.ends_complex_preposition(j)
                || self.adverbial_at(j).is_some()
                || self.time_adverbial_at(j)
            {
                continue;
            }
            // "geeft er de voorkeur aan om …", "aan te sluiten": a clause.
            let next = self.s.tokens.get(j + 1).map(|t| t.lower.as_str());
            if next.is_some_and(|n| {
                n == "om" || n == self.g.infinitive_marker || has(self.g.subordinators, n)
            }) {
                continue;
            }
            if matches!(prep, "tussen" | "between") {
                // "tussen A en B" is one phrase: start it at the preposition.
                if let Some((_, b)) = self.phrase(j, end, avoid, &[])
                    && b > j
                {
                    return vec![(j + 1, b)];
                }
                continue;
            }
            let start = self.skip(j + 1, end, avoid);
            let spans = self.conjuncts(start, end, avoid, stop_preps);
            if !spans.is_empty() {
                return spans;
            }
        }
        Vec::new()
    }

    /// The first token of the noun phrase whose head is `head`.
    fn phrase_start(&self, head: usize, floor: usize) -> usize {
        let mut a = head;
        while a > floor {
            let p = &self.s.tokens[a - 1];
            // "zijn blokkade": the possessive, not the verb, before a noun.
            let possessive = has(self.g.possessives, &p.lower) && a == head;
            if p.kind == TokenKind::Punct
                || has(self.g.prepositions, &p.lower)
                || has(self.g.auxiliaries, &p.lower) && !possessive
                || has(self.g.subordinators, &p.lower)
                || has(self.g.negators, &p.lower) && p.lower != "geen" && p.lower != "no"
                || self.is_finite_or_verb(a - 1) && !possessive
            {
                break;
            }
            a -= 1;
            if has(self.g.determiners, &p.lower) || possessive {
                break;
            }
        }
        a
    }

    /// The actor a possessive at `at` stands for inside the infinitive a
    /// directive governs: the one asked ("roept Bulgarije op zijn blokkade
    /// op te heffen", "drong er bij Griekenland op aan zijn …", "called on
    /// Hungary to lift its veto"), named between the directive and it.
    fn controller(&self, at: usize) -> Option<Arg> {
        let t = &self.s.tokens;
        let directive = (0..at)
            .rev()
            .find(|&k| has(self.g.directives, &t[k].lower))?;
        let infinitive = (directive + 1..t.len())
            .take_while(|&k| !matches!(t[k].lower.as_str(), "." | ";" | "?" | "!"))
            .any(|k| t[k].lower == self.g.infinitive_marker);
        if !infinitive {
            return None;
        }
        let m = self.s.mentions.iter().rev().find(|m| {
            m.first > directive
                && m.last < at
                && !m.partial
                && self
                    .lexicon
                    .entities
                    .get(m.entity)
                    .is_some_and(|x| x.kind() == Some(EntityKind::Actor))
        })?;
        Some(Arg {
            filler: Filler::Entity(m.entity),
            sentence: self.si,
            partners: None,
        })
    }

    /// The owner named inside a noun's phrase: a demonym, a genitive or a
    /// possessive ("het Hongaarse veto", "Hungary's veto", "zijn blokkade").
    fn owner(&self, start: usize, head: usize, genitive: bool, demonym: bool) -> Option<Arg> {
        for i in start..head {
            let w = self.lower(i);
            if demonym && let Some(e) = self.index.demonym(self.s.lang, w) {
                return Some(Arg {
                    filler: Filler::Entity(e),
                    sentence: self.si,
                    partners: None,
                });
            }
            if genitive {
                if let Some(m) = self
                    .s
                    .mentions
                    .iter()
                    .find(|m| m.first <= i && i <= m.last && w.ends_with("'s"))
                {
                    return Some(Arg {
                        filler: Filler::Entity(m.entity),
                        sentence: self.si,
                        partners: None,
                    });
                }
                if has(self.g.possessives, w) {
                    return self.controller(i).or_else(|| antecedent(self, i, false));
                }
            }
        }
        None
    }
}

fn args(ctx: &Ctx<'_>, spans: &[(usize, usize)], agent: bool, allow_issue: bool) -> Vec<Arg> {
    spans
        .iter()
        .filter_map(|&(a, b)| {
            if agent {
                agent_of(ctx, a, b, allow_issue)
            } else {
                theme_of(ctx, a, b)
            }
        })
        .collect()
}

/// The prepositions of the prepositional roles among `roles`.
fn pp_prepositions(roles: &[Role]) -> Vec<&str> {
    roles
        .iter()
        .filter_map(|r| match r {
            Role::Pp(q) => Some(q.as_str()),
            _ => None,
        })
        .collect()
}

/// What fills a theme phrase: the entity it names when it is only that
/// name, else the phrase itself.
fn theme_of(ctx: &Ctx<'_>, a: usize, b: usize) -> Option<Arg> {
    let mut a = a;
    while a < b && has(ctx.g.determiners, ctx.lower(a)) {
        a += 1;
    }
    // A Dutch te-infinitive ("de militaire mobiliteit te verbeteren", "om
    // proactief bij te dragen aan …"): the thing is the phrase before the
    // infinitive (and its separable particle); a single word there ("proactief")
    // gives way to the prepositional phrase after it.
    if ctx.s.lang == Lang::Nl
        && let Some(te) = (a..=b).find(|&k| {
            // "te" before an infinitive, not the degree word ("een te
            // hoge prijs").
            ctx.lower(k) == ctx.g.infinitive_marker
                && k < b
                && ctx.lower(k + 1).ends_with('n')
                && (k + 1 == b
                    || !ctx.s.tokens[k + 2].is_word()
                    || has(ctx.g.prepositions, ctx.lower(k + 2)))
        })
    {
        let mut last = te.checked_sub(1)?;
        if last > a && ctx.index.particles.contains(ctx.lower(last)) {
            last -= 1;
        }
        let after = || {
            let n = ctx.s.tokens.len();
            let verb_end = (te + 1..n)
                .find(|&k| !ctx.s.tokens[k].is_word() || has(ctx.g.prepositions, ctx.lower(k)))?;
            let prep = verb_end;
            if !has(ctx.g.prepositions, ctx.lower(prep)) {
                return None;
            }
            let (x, y) = ctx.phrase(ctx.skip(prep + 1, n, &[]), n, &[], &[])?;
            theme_of(ctx, x, y)
        };
        if last < a {
            return None;
        }
        if last == a
            && let Some(t) = after()
        {
            return Some(t);
        }
        return theme_of(ctx, a, last);
    }
    let words: Vec<&str> = (a..=b).map(|i| ctx.lower(i)).collect();
    // A pronoun names nothing on its own.
    if words.len() == 1
        && (has(ctx.g.pronouns, words[0])
            || has(ctx.g.determiners, words[0])
            || words[0].starts_with("hier")
            || words[0].starts_with("daar"))
    {
        return None;
    }
    if words
        .iter()
        .all(|w| has(ctx.g.adverbs, w) || has(ctx.g.prepositions, w))
    {
        return None;
    }
    // The phrase is a name, perhaps with a modifier or two before it ("de
    // onderlinge samenwerking tussen EU en NAVO"): one concept, one node.
    if let Some(m) = ctx.s.mentions.iter().find(|m| {
        m.first >= a
            && m.first <= a + 2
            && m.last == b
            && !m.partial
            && (a..m.first)
                .all(|k| !ctx.s.tokens[k].capital && !has(ctx.g.prepositions, ctx.lower(k)))
    }) {
        return Some(Arg {
            filler: Filler::Entity(m.entity),
            sentence: ctx.si,
            partners: None,
        });
    }
    // A name takes no phrase after it but its own "van"/"of" ("Oekraïne
    // met F-16's", "NATO in the field of …", "Operatie Aspides staat …"):
    // the name is the theme, what follows is an adjunct of the clause.
    if let Some(entity) = ctx.name_head(a, b) {
        return Some(Arg {
            filler: Filler::Entity(entity),
            sentence: ctx.si,
            partners: None,
        });
    }
    // The same name written with other articles, perhaps after a modifier.
    for skip in 0..=2 {
        let from = a + skip;
        if from > b
            || (a..from).any(|k| ctx.s.tokens[k].capital || has(ctx.g.prepositions, ctx.lower(k)))
        {
            break;
        }
        let (start, end) = ctx.s.span(from, b);
        if let Some(&e) = ctx.index.label_keys.get(&label_key(&ctx.text[start..end])) {
            return Some(Arg {
                filler: Filler::Entity(e),
                sentence: ctx.si,
                partners: None,
            });
        }
    }
    let label = ctx.label(a, b);
    (!label.is_empty()).then_some(Arg {
        filler: Filler::Phrase(label),
        sentence: ctx.si,
        partners: None,
    })
}

/// The items of an area phrase after token `from` ("op het gebied van A en
/// B", "in the field of A"; `cue:areaIntro` in `cues.ttl`).
fn area(ctx: &Ctx<'_>, from: usize, end: usize, avoid: &[usize]) -> Vec<Arg> {
    let words: Vec<&str> = (0..ctx.s.tokens.len()).map(|i| ctx.lower(i)).collect();
    for k in from..end {
        for intro in &ctx.lexicon.cues.blockades.area_intro {
            let intro = intro.text.to_lowercase();
            let a: Vec<&str> = intro.split_whitespace().collect();
            if !a.is_empty() && words[k..].starts_with(&a) {
                let start = k + a.len();
                let spans = ctx.conjuncts(start, end, avoid, &[]);
                let v = args(ctx, &spans, false, false);
                if !v.is_empty() {
                    return v;
                }
            }
        }
    }
    Vec::new()
}

/// Where "samen met", "together with" (a partner marker of two words)
/// opens a list of co-agents in `[from, end)`.
fn partner_markers(ctx: &Ctx<'_>, from: usize, end: usize) -> Vec<usize> {
    (from..end.saturating_sub(1))
        .filter(|&k| {
            ctx.g
                .partner_markers
                .contains(&[ctx.lower(k), ctx.lower(k + 1)])
        })
        .collect()
}

/// The areas after token `from`, each with the partners named just before
/// it: "(samen met A en B) op het gebied van X en (samen met C) op het
/// gebied van Y" gives X with A and B, Y with C. Without partners, the
/// areas alone.
fn areas_with_partners(ctx: &Ctx<'_>, from: usize, end: usize, avoid: &[usize]) -> Vec<Arg> {
    let partner_at = partner_markers(ctx, from, end);
    if partner_at.len() < 2 {
        return area(ctx, from, end, avoid);
    }
    let mut out = Vec::new();
    for (n, &k) in partner_at.iter().enumerate() {
        let stop = partner_at.get(n + 1).copied().unwrap_or(end);
        let spans = ctx.conjuncts(k + 2, stop, avoid, &[]);
        let partners: Vec<usize> = args(ctx, &spans, true, false)
            .into_iter()
            .filter_map(|a| match a.filler {
                Filler::Entity(e) => Some(e),
                _ => None,
            })
            .collect();
        for mut a in area(ctx, k + 2, stop, avoid) {
            a.partners = Some(partners.clone());
            out.push(a);
        }
    }
    out
}

/// The complement clause of the clause holding the trigger at `head`: a
/// "dat"/"that" clause after it, or "om … te …" in it; its words make the
/// theme.
/// Whether "om … te" follows `head` in its clause (the complement is an
/// infinitive, not a "dat" clause).
fn infinitive_after(ctx: &Ctx<'_>, clause_index: usize, head: usize) -> bool {
    let clause = &ctx.s.clauses[clause_index];
    (head + 1..clause.end).any(|k| ctx.lower(k) == "om")
}

fn complement(ctx: &Ctx<'_>, clause_index: usize, head: usize) -> Option<Arg> {
    let s = ctx.s;
    let clause = &s.clauses[clause_index];
    // An "om" after a subordinator belongs to that clause ("inzet als de
    // lidstaten besluiten om …").
    let om = (head + 1..clause.end)
        .take_while(|&k| !has(ctx.g.subordinators, ctx.lower(k)))
        .find(|&k| matches!(ctx.lower(k), "om"));
    let (a, b) = if let Some(k) = om {
        // "om … te <verb>": through the infinitive, even past a comma
        // inside the complement; none without one. The thing is what the
        // infinitive governs ("om de militaire mobiliteit te verbeteren":
        // the military mobility), never the verb.
        let end = continued_end(s, clause_index).max(clause.end);
        let te = (k + 1..end).find(|&t| ctx.lower(t) == "te")?;
        if te + 1 < s.tokens.len() {
            return theme_of(ctx, k + 1, te + 1);
        }
        (k + 1, (te + 2).min(s.tokens.len()))
    } else {
        let next = s.clauses.get(clause_index + 1)?;
        let opener = ctx.lower(next.first);
        if next.kind != ClauseKind::Sub || !matches!(opener, "dat" | "that") {
            return None;
        }
        (next.first + 1, next.end)
    };
    // Never end on punctuation or on the coordinator before a second
    // clause ("dat A … en dat B …").
    let mut b = b;
    while b > a
        && (s.tokens[b - 1].kind == TokenKind::Punct || has(ctx.g.coordinators, ctx.lower(b - 1)))
    {
        b -= 1;
    }
    if b <= a {
        return None;
    }
    let label = ctx.label(a, b - 1);
    (!label.is_empty()).then_some(Arg {
        filler: Filler::Phrase(label),
        sentence: ctx.si,
        partners: None,
    })
}

/// "we", "wij": the authors a document names ("We, the Heads of State and
/// Government of …", "Namens het kabinet …"); none when it names none.
fn authors(analysis: &Analysis, lexicon: &Lexicon) -> Vec<usize> {
    let is_actor =
        |e: usize| lexicon.entities.get(e).and_then(|x| x.kind()) == Some(EntityKind::Actor);
    for s in &analysis.sentences {
        let t = &s.tokens;
        for i in 0..t.len() {
            let w = t[i].lower.as_str();
            let apposition =
                matches!(w, "we" | "wij") && t.get(i + 1).is_some_and(|n| n.lower == ",");
            let behalf = w == "namens" || (w == "behalf" && i > 0 && t[i - 1].lower == "on");
            if !(apposition || behalf) {
                continue;
            }
            let until = t
                .iter()
                .enumerate()
                .skip(i + 2)
                .find(|(_, x)| x.kind == TokenKind::Punct && x.lower != "," && x.lower != "-")
                .map_or(t.len(), |(k, _)| k);
            let found: Vec<usize> = s
                .mentions
                .iter()
                .filter(|m| m.first > i && m.last < until && is_actor(m.entity))
                .map(|m| m.entity)
                .collect();
            if !found.is_empty() {
                // The body that the authors act for: the last-named
                // organisation of an apposition ("… of the North Atlantic
                // Alliance"), or the one "namens" names.
                return vec![if apposition {
                    *found.last().unwrap_or(&found[0])
                } else {
                    found[0]
                }];
            }
        }
    }
    Vec::new()
}

/// Every event of a document.
pub fn events(analysis: &Analysis, text: &str, lexicon: &Lexicon) -> Vec<Event> {
    let frames = &lexicon.frames;
    let index = &lexicon.frame_index;
    let we = authors(analysis, lexicon);
    let mut out = Vec::new();
    for (si, s) in analysis.sentences.iter().enumerate() {
        if !s.body || s.question {
            continue;
        }
        let ctx = Ctx {
            text,
            frames,
            index,
            lexicon,
            analysis,
            si,
            s,
            g: s.grammar(),
            we: &we,
            group_qualifiers: &lexicon.cues.blockades.group_qualifiers,
            group_nouns: &lexicon.cues.blockades.group_nouns,
        };
        for found in triggers(frames, index, s) {
            if let Some(e) = event(&ctx, &found) {
                out.push(e);
            }
        }
    }
    out
}

fn event(ctx: &Ctx<'_>, found: &Found) -> Option<Event> {
    let s = ctx.s;
    let g = ctx.g;
    let unit: &LexicalUnit = &ctx.frames.units[found.unit];
    let clause_index = s.clauses.iter().position(|c| c.contains(found.head))?;
    let clause = &s.clauses[clause_index];
    if clause.conditional {
        return None;
    }
    let head = found.head;
    // Asked for, not stated: "verzoekt de regering … te steunen".
    // "pointed to shortages": a noun after "to" is no infinitive.
    let infinitive = !matches!(unit.trigger, UnitTrigger::Noun { .. })
        && (head > 0 && s.tokens[head - 1].lower == g.infinitive_marker
            || found
                .tokens
                .iter()
                .any(|&t| t > 0 && s.tokens[t - 1].lower == g.infinitive_marker && t == head));
    if infinitive && s.tokens[..head].iter().any(|t| has(g.directives, &t.lower)) {
        return None;
    }
    // A noun or adjective is denied by a negator before it ("geen
    // blokkade", "niet langer bezwaar"), not by one that denies the verb
    // after it ("Als gevolg van de blokkade kunnen zij … niet …", "De
    // twijfels zijn nog niet weggenomen").
    let nominal = matches!(
        unit.trigger,
        UnitTrigger::Noun { .. } | UnitTrigger::Adjective(_)
    );
    let mut negated = if nominal && !unit.negative {
        // "Van een blokkering is geen sprake": a denied existence.
        clause.denied
            || clause
                .negators
                .iter()
                .any(|&k| k < head || s.tokens.get(k + 1).is_some_and(|t| t.lower == "sprake"))
    } else {
        clause.negated()
    };
    if unit.negative {
        if !negated {
            return None;
        }
        negated = false;
    }
    // A valency that marks another sense rules the unit out ("leiden tot":
    // cause, not lead).
    let last_trigger = found.tokens.iter().copied().max().unwrap_or(head);
    for role in &unit.excludes {
        if let Role::Pp(p) = role
            && (head.min(last_trigger)..clause.end)
                .any(|k| s.tokens[k].lower == *p && !found.tokens.contains(&k))
            && (head..clause.end).any(|k| s.tokens[k].lower == *p && k > head)
        {
            return None;
        }
    }
    // A selectional restriction: the sense needs one of its nouns, in the
    // verb's own infinitive clause when it has one ("is het noodzaak om
    // informatie … te delen" shares no view).
    let own = (clause.first..head)
        .rev()
        .find(|&k| matches!(s.tokens[k].lower.as_str(), "om" | "to"))
        .filter(|&k| (k..head).any(|j| s.tokens[j].lower == g.infinitive_marker))
        .unwrap_or(clause.first);
    if !unit.theme_heads.is_empty()
        && !s.tokens[own..clause.end].iter().any(|t| {
            unit.theme_heads.iter().any(|h| {
                t.lower == *h || t.lower.ends_with(h.as_str()) && t.lower.len() > h.len() + 2
            })
        })
    {
        return None;
    }
    let avoid: Vec<usize> = found.tokens.clone();
    // Nouns and adjectives govern the phrases after them and take a
    // subject only as a predicate or the object of a support verb.
    let is_noun = matches!(
        unit.trigger,
        UnitTrigger::Noun { .. } | UnitTrigger::Adjective(_)
    );
    let (first, end) = (clause.first, clause.end);
    let words = |a: usize, b: usize| (a..b).map(|i| ctx.lower(i).to_owned()).collect::<Vec<_>>();
    let clause_words = words(first, end);
    let passive = !is_noun
        && found.form == Some(Form::Participle)
        && (clause_words.iter().any(|w| has(g.passive_auxiliaries, w))
            || clause_words.iter().any(|w| has(g.state_auxiliaries, w))
                && clause_words.iter().any(|w| w == g.agent_preposition))
        || (!is_noun && s.lang == Lang::En && found.form == Some(Form::Past) && {
            // "was blocked": an English past that is also the participle.
            head > first && has(g.passive_auxiliaries, ctx.lower(head - 1))
        });
    let subject = ctx.subject(clause_index, head, &avoid);
    let mut agents: Vec<Arg> = Vec::new();
    let mut themes: Vec<Arg> = Vec::new();
    let mut cause = false;
    let blocking = unit.frame == "Blocking";
    let noun_start = if is_noun {
        ctx.phrase_start(head, first)
    } else {
        head
    };
    // A noun governs the phrases after it; an expression without a verb
    // ("onder leiding van") those from its first word; a verb the clause.
    let headless = matches!(&unit.trigger, UnitTrigger::Expression { verb: None, .. })
        || found.form.is_none() && !is_noun;
    // A coordinated verb phrase ("levert een bijdrage … en zal …
    // inzetten", "levert X aan Y en draagt bij aan Z") has verbs and
    // phrases of its own.
    let new_phrase = |k: usize| {
        has(g.coordinators, ctx.lower(k))
            && k + 1 < s.tokens.len()
            && (has(g.auxiliaries, ctx.lower(k + 1))
                || has(g.finite_verbs, ctx.lower(k + 1))
                || ctx.index.finite.contains(ctx.lower(k + 1))
                || ctx.index.is_verb(ctx.lower(k + 1)))
    };
    let pp_from = if is_noun {
        head + 1
    } else if headless {
        found.tokens.iter().copied().min().unwrap_or(head)
    } else {
        (first..head)
            .rev()
            .find(|&k| new_phrase(k))
            .map_or(first, |k| k + 1)
    };
    // A noun's phrases end where an adjunct opens ("lidstaten ten behoeve
    // van …") or a verb follows.
    // A noun's own phrases follow it directly, one after another ("de
    // blokkade door Hongarije van het besluit"); they end where anything
    // else comes ("lidstaten aan tot …"), an adjunct opens ("lidstaten ten
    // behoeve van …") or a verb follows.
    let pp_end = if is_noun {
        let mut k = head + 1;
        // The rest of a multiword noun ("co-lead nation rol in …").
        while k < end.min(head + 4) && {
            let t = &s.tokens[k];
            t.kind == TokenKind::Word
                && !t.capital
                && !has(g.prepositions, &t.lower)
                && !has(g.determiners, &t.lower)
                && !has(g.coordinators, &t.lower)
                && !ctx.is_skippable(k)
                && !has(g.finite_verbs, &t.lower)
                && !has(g.copulas, &t.lower)
                && !ctx.index.is_verb(&t.lower)
                && !has(g.subordinators, &t.lower)
                && !has(g.relatives, &t.lower)
                && !has(g.ambiguous_subordinators, &t.lower)
        } {
            k += 1;
        }
        let mut past_verb = false;
        while k < end {
            let w = ctx.lower(k);
            if has(g.prepositions, w) && ctx.complex_preposition_at(k).is_none() {
                let start = ctx.skip(k + 1, end, &avoid);
                match ctx.conjuncts(start, end, &avoid, &[]).last() {
                    Some(&(_, b)) => {
                        k = b + 1;
                        continue;
                    }
                    None => break,
                }
            }
            // "de PCA's (Priority Capability Areas) drones en …": a
            // parenthesis, and the apposition after it.
            if w == "(" {
                let Some(close) = (k + 1..end).find(|&j| ctx.lower(j) == ")") else {
                    break;
                };
                k = close + 1;
                if let Some(&(_, b)) = ctx.conjuncts(k, end, &avoid, &[]).last() {
                    k = b + 1;
                }
                continue;
            }
            // "… tegen A en tegen B": coordinated phrases.
            if has(g.coordinators, w) && k + 1 < end && has(g.prepositions, ctx.lower(k + 1)) {
                k += 1;
                continue;
            }
            // A support verb between the noun and its phrase ("een obstakel
            // vormt voor", "bezwaar maken tegen").
            if !past_verb
                && (has(g.auxiliaries, w)
                    || has(g.copulas, w)
                    || has(g.finite_verbs, w)
                    || ctx.index.is_verb(w))
            {
                past_verb = true;
                k += 1;
                continue;
            }
            break;
        }
        k
    } else {
        let last = found.tokens.iter().copied().max().unwrap_or(head);
        (last + 1..end).find(|&k| new_phrase(k)).unwrap_or(end)
    };
    // The expression's own preposition ("onder leiding van") may open its role.
    let pp_avoid: Vec<usize> = if headless { Vec::new() } else { avoid.clone() };

    // The controller of an infinitive: the holder of the noun it complements
    // ("the attempts of Russia to block", "de pogingen van Hongarije om …
    // te blokkeren"), else the subject already found.
    if infinitive {
        let marker = (first..head)
            .rev()
            .find(|&k| matches!(ctx.lower(k), "to" | "om"));
        if let Some(k) = marker.filter(|&k| k > first) {
            let b = k - 1;
            let a = ctx.phrase_start(b, first);
            // Walk back over "of Russia"/"van Hongarije" to the noun.
            let start = (first..=b)
                .rev()
                .find(|&x| matches!(ctx.lower(x), "of" | "van") && x > first)
                .map_or(a, |x| ctx.phrase_start(x - 1, first));
            if start <= b
                && let Some(arg) = agent_of(ctx, start, b, blocking)
            {
                agents.push(arg);
            }
        }
    }
    // The object of a verb of its own takes no subject: "De
    // minister heeft het voorstel afgewezen" names no proposer.
    // The clause runs on into an infinitive clause of the noun
    // ("het voorstel om … te verdubbelen afgewezen").
    let reach = if end < s.tokens.len() && matches!(ctx.lower(end), "om" | "to") {
        (end..s.tokens.len())
            .find(|&k| matches!(ctx.lower(k), "," | ";" | ":"))
            .unwrap_or(s.tokens.len())
    } else {
        end
    };
    let reach = (head + 1..reach).find(|&k| new_phrase(k)).unwrap_or(reach);
    let from = (first..noun_start)
        .rev()
        .find(|&k| new_phrase(k))
        .map_or(first, |k| k + 1);
    let governed = is_noun
        && !matches!(unit.trigger, UnitTrigger::Adjective(_))
        && (from..reach).any(|k| {
            (k < noun_start || k > head)
                && !found.tokens.contains(&k)
                && ctx.index.heads_unit(ctx.lower(k))
        });
    // An issue named in the agent's phrase ends where the theme's
    // preposition opens ("het probleem van X bij Y"), and the theme where
    // the agent's opens ("bij de missie aan instructeurs").
    let (theme_preps, agent_preps) = if unit.issue_agent {
        (pp_prepositions(&unit.theme), pp_prepositions(&unit.agent))
    } else {
        (Vec::new(), Vec::new())
    };
    for role in &unit.agent {
        if !agents.is_empty() {
            break;
        }
        match role {
            Role::Subject | Role::Cause if !is_noun && passive => {
                let spans = ctx.pp(g.agent_preposition, first, end, &[], &avoid, &[]);
                agents = args(ctx, &spans, true, blocking);
                if agents.is_empty() && blocking && !spans.is_empty() {
                    agents = spans
                        .iter()
                        .filter_map(|&(a, b)| theme_of(ctx, a, b))
                        .collect();
                    cause = !agents.is_empty();
                }
            }
            Role::Subject => {
                // A noun inside the subject, or inside a prepositional
                // phrase, names no subject of its own; as a predicate ("is
                // een obstakel voor") or the object of a support verb
                // ("neemt een voortrekkersrol") it takes the clause's.
                let inside = subject.spans.iter().any(|&(a, b)| a <= head && head <= b);
                let in_pp =
                    is_noun && noun_start > first && has(g.prepositions, ctx.lower(noun_start - 1));
                if !inside && !in_pp && !governed {
                    agents = args(ctx, &subject.spans, true, blocking);
                }
            }
            Role::ByAgent => {
                let spans = ctx.pp(g.agent_preposition, first, end, &[], &avoid, &[]);
                agents = args(ctx, &spans, true, blocking);
            }
            Role::Cause => {
                let inside = subject.spans.iter().any(|&(a, b)| a <= head && head <= b);
                if !inside {
                    agents = args(ctx, &subject.spans, true, blocking);
                    if agents.is_empty() {
                        agents = subject
                            .spans
                            .iter()
                            .filter_map(|&(a, b)| theme_of(ctx, a, b))
                            .collect();
                        cause = !agents.is_empty();
                    }
                }
            }
            Role::Pp(p) => {
                let mut spans = ctx.pp(p, pp_from, pp_end, &subject.spans, &pp_avoid, &theme_preps);
                // A noun's "van"/"of" holder follows it directly: in "het
                // veto tegen de deelname van Turkije" Turkey holds no veto.
                if is_noun
                    && matches!(p.as_str(), "van" | "of")
                    && let Some(&(a, _)) = spans.first()
                    && let Some(j) = (pp_from..a).rev().find(|&k| ctx.lower(k) == p.as_str())
                    && (head + 1..j).any(|k| has(g.prepositions, ctx.lower(k)))
                {
                    spans.clear();
                }
                // What lacks is never the one who blocks: "het gebrek aan
                // Patriot-systemen" is the issue, not the systems.
                if unit.issue_label.is_none() {
                    agents = args(ctx, &spans, true, blocking);
                }
                if agents.is_empty()
                    && blocking
                    && (p == g.agent_preposition || unit.issue_agent)
                    && !spans.is_empty()
                {
                    agents = spans
                        .iter()
                        .filter_map(|&(a, b)| theme_of(ctx, a, b))
                        .collect();
                    cause = !agents.is_empty();
                }
            }
            Role::Genitive | Role::Demonym => {
                if let Some(a) = ctx.owner(
                    noun_start,
                    head,
                    *role == Role::Genitive,
                    *role == Role::Demonym,
                ) {
                    agents.push(a);
                }
            }
            Role::Compound => {
                if let Some(m) = s
                    .mentions
                    .iter()
                    .find(|m| m.first <= head && head <= m.last)
                {
                    agents.push(Arg {
                        filler: Filler::Entity(m.entity),
                        sentence: ctx.si,
                        partners: None,
                    });
                } else if let Some(a) = (0..head)
                    .rev()
                    .find(|&i| ctx.lower(i) == g.agent_preposition)
                    .and_then(|i| {
                        let spans = ctx.conjuncts(i + 1, head, &avoid, &[]);
                        args(ctx, &spans, true, false).into_iter().next()
                    })
                {
                    agents.push(a);
                }
            }
            Role::Object | Role::IndirectObject | Role::Head | Role::Clause => {}
        }
    }
    // A noun as the object of a support verb ("maakt bezwaar", "handhaaft
    // zijn veto") has the clause's subject as its agent; who names a
    // problem or a lack is not what hinders.
    if agents.is_empty()
        && is_noun
        && !unit.issue_agent
        && unit.agent.iter().all(|r| *r != Role::Subject)
    {
        let in_pp = noun_start > first && has(g.prepositions, ctx.lower(noun_start - 1));
        let in_subject = subject.spans.iter().any(|&(a, b)| a <= head && head <= b);
        if !in_pp && !in_subject && !governed {
            agents = args(ctx, &subject.spans, true, false);
        }
    }

    for role in &unit.theme {
        if !themes.is_empty() {
            break;
        }
        match role {
            Role::Object | Role::IndirectObject if passive => {
                themes = args(ctx, &subject.spans, false, false);
            }
            Role::Object | Role::IndirectObject => {
                if let Some(ante) = subject.antecedent.filter(|_| subject.antecedent_is_object) {
                    themes = args(ctx, &[ante], false, false);
                } else {
                    let from = match s.lang {
                        Lang::En => {
                            found
                                .tokens
                                .iter()
                                .copied()
                                .max()
                                .unwrap_or(head)
                                .max(subject.after.saturating_sub(1))
                                + 1
                        }
                        // "… misbruik van X om Y te blokkeren": the object of
                        // an infinitive stands in its own om-clause.
                        // "Polen koopt tanks en steunt de missie": the
                        // verb of a conjunct that shares the subject takes
                        // its object after it.
                        Lang::Nl
                            if head > subject.object_from
                                && has(g.coordinators, ctx.lower(head - 1))
                                && matches!(found.form, Some(Form::Present | Form::Past)) =>
                        {
                            head + 1
                        }
                        Lang::Nl => (subject.object_from..head)
                            .rev()
                            .find(|&k| {
                                ctx.lower(k) == "om"
                                    && (k..head).any(|j| ctx.lower(j) == g.infinitive_marker)
                            })
                            .map_or(subject.object_from, |k| k + 1),
                    };
                    // "held the declaration up": the object between the
                    // verb and its particle.
                    let split = found
                        .tokens
                        .iter()
                        .copied()
                        .filter(|&t| t > head + 1)
                        .max()
                        .filter(|_| s.lang == Lang::En && !passive);
                    themes = match split {
                        Some(p) => args(ctx, &ctx.object(head + 1, p, &avoid), false, false),
                        None => args(ctx, &ctx.object(from, end, &avoid), false, false),
                    };
                }
            }
            Role::Subject => {
                if !subject.spans.iter().any(|&(a, b)| a <= head && head <= b) {
                    themes = args(ctx, &subject.spans, false, false);
                }
            }
            Role::Pp(p) => {
                let spans = ctx.pp(p, pp_from, pp_end, &subject.spans, &pp_avoid, &agent_preps);
                themes = args(ctx, &spans, false, false);
            }
            Role::Head => {
                let first_token = found.tokens.iter().copied().min().unwrap_or(head);
                let compound = found.tokens.len() == 1 && ctx.lower(head).contains('-');
                if compound {
                    // "de VK-geleide JEF": the phrase after the adjective.
                    let start = ctx.skip(head + 1, end, &avoid);
                    if let Some((a, b)) = ctx.phrase(start, end, &avoid, &[]) {
                        themes = theme_of(ctx, a, b).into_iter().collect();
                    }
                } else if first_token > first {
                    // "een missie onder leiding van Frankrijk": the phrase
                    // before; "Operatie X staat onder leiding van Y": the
                    // phrase before the verb.
                    let mut b = first_token - 1;
                    while b > first && ctx.is_finite_or_verb(b) {
                        b -= 1;
                    }
                    let a = ctx.phrase_start(b, first);
                    if a <= b && ctx.s.tokens[b].kind == TokenKind::Word {
                        themes = theme_of(ctx, a, b).into_iter().collect();
                    }
                }
            }
            Role::Compound => {
                let (a, b) = (noun_start, head.saturating_sub(1));
                if noun_start < head {
                    themes = theme_of(ctx, a, b).into_iter().collect();
                }
            }
            Role::Clause => {
                themes = complement(ctx, clause_index, head).into_iter().collect();
            }
            Role::ByAgent | Role::Genitive | Role::Demonym | Role::Cause => {}
        }
    }
    // A theme the unit's roles leave open may be an area ("neemt het
    // voortouw op het gebied van drones") or a complement clause ("zet
    // zich ervoor in dat …", "neemt een voortrekkersrol om … te …").
    if themes.is_empty() {
        themes = areas_with_partners(ctx, head, end, &avoid);
    }
    // A "dat" clause fills it only when the clause before announces it
    // with "er" ("zet zich ervoor in dat …", "dringt erop aan dat …"):
    // after "onderschrijft dat …", "steunt dat …" the clause is a
    // proposition, not a thing to support, and coins no node.
    if themes.is_empty() {
        let clause = &s.clauses[clause_index];
        let announced = (clause.first..clause.end).any(|k| {
            ctx.lower(k) == "er"
                || pronominal_adverb(ctx.lower(k)) && ctx.lower(k).starts_with("er")
        });
        themes = complement(ctx, clause_index, head)
            .filter(|_| {
                announced || s.lang == Lang::En || infinitive_after(ctx, clause_index, head)
            })
            .into_iter()
            .collect();
    }
    // A role never fills the other: the agent is not its own theme.
    themes.retain(|t| !agents.iter().any(|a| a.filler == t.filler));

    // Partners: "samen met A en B", "together with A".
    let mut partners = Vec::new();
    if let Some(&k) = partner_markers(ctx, first, end).first() {
        let spans = ctx.conjuncts(k + 2, end, &avoid, &[]);
        for a in args(ctx, &spans, true, false) {
            if let Filler::Entity(e) = a.filler {
                partners.push(e);
            }
        }
    }
    let respectively = (first..end).any(|k| has(g.respectively, ctx.lower(k)));
    // The words of each subject phrase without articles, when no agent
    // was read from an active subject.
    let unnamed_subject: Vec<Vec<&str>> =
        if agents.is_empty() && !passive && unit.agent.contains(&Role::Subject) {
            subject
                .spans
                .iter()
                .map(|&(a, b)| {
                    (a..=b)
                        .map(|i| ctx.lower(i))
                        .filter(|w| !has(g.determiners, w))
                        .collect()
                })
                .collect()
        } else {
            Vec::new()
        };
    let speaker = unnamed_subject.iter().any(|words| {
        matches!(words.as_slice(), [w] if has(g.first_person, w) || has(g.government_nouns, w))
    });
    // "De raad onderschrijft …", "the Council welcomes …": a person or
    // body by its office, not the writer, and named by no lexicon entry.
    let other_subject = !speaker
        && unnamed_subject.iter().any(|words| {
            words.last().is_some_and(|w| {
                has(g.person_nouns, w) && !has(g.government_nouns, w) && !has(g.first_person, w)
            })
        });
    Some(Event {
        other_subject,
        respectively,
        speaker,
        unit: found.unit,
        sentence: ctx.si,
        tokens: found.tokens.clone(),
        agents,
        themes,
        partners,
        negated,
        hedges: clause.hedges.clone(),
        cause,
    })
}

/// One line describing an event: frame, unit, strength, roles, negation
/// and hedges ("Blocking unit-nl-blokkeren [Blocks] agent Hongarije;
/// theme «het besluit»").
pub fn describe(e: &Event, input: &crate::extract::Input<'_>) -> String {
    let unit = &input.lexicon.frames.units[e.unit];
    let name = |a: &Arg| match &a.filler {
        Filler::Entity(x) => input
            .lexicon
            .entities
            .get(*x)
            .map_or("?".to_owned(), |en| en.label("nl").to_owned()),
        Filler::Group(g) => format!("group «{g}»"),
        Filler::Phrase(p) => format!("«{p}»"),
    };
    let list = |v: &[Arg]| {
        if v.is_empty() {
            "-".to_owned()
        } else {
            v.iter().map(name).collect::<Vec<_>>().join(", ")
        }
    };
    let mut line = format!("{} {}", unit.frame, unit.id);
    if let Some(s) = unit.strength {
        line.push_str(&format!(" [{}]", s.local_name()));
    }
    line.push_str(&format!(
        "; agent {}; theme {}",
        list(&e.agents),
        list(&e.themes)
    ));
    if e.cause {
        line.push_str(" (agent is a cause)");
    }
    if !e.partners.is_empty() {
        let p: Vec<String> = e
            .partners
            .iter()
            .map(|x| {
                input
                    .lexicon
                    .entities
                    .get(*x)
                    .map_or("?".to_owned(), |en| en.label("nl").to_owned())
            })
            .collect();
        line.push_str(&format!("; partners {}", p.join(", ")));
    }
    if e.negated {
        line.push_str("; negated");
    }
    if !e.hedges.is_empty() {
        line.push_str(&format!("; hedges {}", e.hedges.join(", ")));
    }
    line
}
