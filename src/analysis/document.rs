//! One document's analysis: its language, and per sentence the tokens,
//! clauses (with negation, hedges, conditions) and the lexicon mentions
//! mapped onto tokens. Computed once; every extractor reads it.

use super::frames::Lang;
use super::grammar::{Grammar, has};
use super::tokens::{Token, TokenKind, tokenize};
use crate::corpus::Document;
use crate::lexicon::{Lexicon, Match};
use crate::text::Segmented;

/// What kind of clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// Opened by a subordinator ("dat", "omdat", "because").
    Sub,
    /// Opened by a relative pronoun ("die", "waarin", "which").
    Relative,
}

/// A clause: a run of a sentence's tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Token range `[first, end)` in the sentence, the opening word included.
    pub first: usize,
    pub end: usize,
    pub kind: ClauseKind,
    /// The negators in it ("niet", "geen", "never"), as token indices.
    pub negators: Vec<usize>,
    /// The hedges in it, as written.
    pub hedges: Vec<String>,
    /// A condition or supposition ("als", "indien", "if").
    pub conditional: bool,
    /// Governed by a verb of denial ("ontkent dat …").
    pub denied: bool,
}

impl Clause {
    pub fn contains(&self, token: usize) -> bool {
        (self.first..self.end).contains(&token)
    }

    pub fn negated(&self) -> bool {
        !self.negators.is_empty() || self.denied
    }
}

/// A lexicon mention as a token range `[first, last]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenMention {
    pub first: usize,
    pub last: usize,
    pub entity: usize,
    /// The name is part of a longer word ("NAVO" in "NAVO-bondgenoten").
    pub partial: bool,
}

/// One analysed sentence.
#[derive(Clone, Debug)]
pub struct SentenceAnalysis {
    /// Index into `Segmented::sentences`.
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub lang: Lang,
    pub tokens: Vec<Token>,
    pub clauses: Vec<Clause>,
    pub mentions: Vec<TokenMention>,
    /// It asks rather than states.
    pub question: bool,
    /// A body sentence (not a heading, not a footnote, not after the body).
    pub body: bool,
    /// The block (paragraph) it belongs to.
    pub block: usize,
}

impl SentenceAnalysis {
    /// The clause holding `token`.
    pub fn clause_of(&self, token: usize) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.contains(token))
    }

    pub fn grammar(&self) -> &'static Grammar {
        Grammar::of(self.lang)
    }

    /// The mention covering token `i`.
    pub fn mention_at(&self, i: usize) -> Option<&TokenMention> {
        self.mentions.iter().find(|m| m.first <= i && i <= m.last)
    }

    /// Byte span of tokens `[first, last]`.
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.tokens[first].start, self.tokens[last].end)
    }
}

/// A document's analysis.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub lang: Lang,
    pub sentences: Vec<SentenceAnalysis>,
    /// Every lexicon mention of the whole text, sorted by start.
    pub mentions: Vec<Match>,
}

const NL_MARKERS: &[&str] = &[
    "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "voor", "met", "zijn", "wordt",
    "ook", "deze", "aan", "bij", "naar", "worden", "heeft",
];
const EN_MARKERS: &[&str] = &[
    "the", "a", "and", "of", "is", "that", "not", "on", "for", "with", "are", "to", "this", "by",
    "be", "has", "have", "will", "which", "its",
];

/// The Dutch and English function words among `tokens`. Without `names`,
/// a function word inside a name ("Centre of Excellence", "Raad van
/// State") is the name's, not the sentence's.
fn markers(tokens: &[Token], names: bool) -> (usize, usize) {
    let in_name = |i: usize| {
        !names && i > 0 && tokens[i - 1].capital && tokens.get(i + 1).is_some_and(|n| n.capital)
    };
    let count = |markers: &[&str]| {
        tokens
            .iter()
            .enumerate()
            .filter(|(i, t)| has(markers, &t.lower) && !in_name(*i))
            .count()
    };
    (count(NL_MARKERS), count(EN_MARKERS))
}

/// The language of some tokens by their function words, `None` when they
/// hold too few to tell.
pub fn detect(tokens: &[Token]) -> Option<Lang> {
    // Names' function words count only where the sentence has too few of
    // its own ("Minister van Defensie Van Leeuwen sprak …").
    let (mut nl, mut en) = match markers(tokens, false) {
        (nl, en) if nl + en >= 2 => (nl, en),
        _ => markers(tokens, true),
    };
    if nl + en < 2 {
        // Too few function words: spelling decides ("joined", "taking"
        // against "ij", "oe", "aa" of Dutch words).
        for t in tokens
            .iter()
            .filter(|t| t.kind == super::tokens::TokenKind::Word && !t.capital)
        {
            let w = t.lower.as_str();
            if w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) {
                en += 1;
            }
            if ["ij", "oe", "aa", "uu", "ui"].iter().any(|d| w.contains(d)) {
                nl += 1;
            }
        }
        if nl == en {
            return None;
        }
        return Some(if en > nl { Lang::En } else { Lang::Nl });
    }
    if en > nl * 2 {
        Some(Lang::En)
    } else if nl > en * 2 {
        Some(Lang::Nl)
    } else if nl + en >= 6 {
        Some(if en > nl { Lang::En } else { Lang::Nl })
    } else {
        None
    }
}

/// Whether the ambiguous word at `i` ("dat", "die", "that") opens a clause:
/// after a comma or a verb of saying it does, before a subject it does;
/// after a preposition or before a bare noun it is a determiner.
fn opens_clause(tokens: &[Token], i: usize, g: &Grammar, is_verb: &dyn Fn(&str) -> bool) -> bool {
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(i + 1);
    if prev.is_none_or(|p| p.lower == "," || p.lower == "(" || p.lower == ":") {
        return true;
    }
    // English "that" before a verb: its clause lacks its subject ("It is
    // Hungary that stands in the way").
    if tokens[i].lower == "that" && next.is_some_and(|n| is_verb(&n.lower)) {
        return true;
    }
    // "dat de …", "dat Hongarije …": a determiner never stands before
    // another determiner or a name, so this opens a clause, even after a
    // particle ("zet zich ervoor in dat de NAVO …").
    if next.is_some_and(|n| has(g.determiners, &n.lower) && n.lower != "dat" && n.lower != "die") {
        return true;
    }
    // After a verb ("erkend worden dat", "benadrukt dat") it is a
    // conjunction whatever follows.
    if prev.is_some_and(|p| {
        has(g.auxiliaries, &p.lower) || has(g.copulas, &p.lower) || has(g.finite_verbs, &p.lower)
    }) {
        return true;
    }
    if prev.is_some_and(|p| has(g.prepositions, &p.lower) || has(g.determiners, &p.lower)) {
        return false;
    }
    // After a verb of the frames ("onderschrijft dat …") it opens a clause
    // when the words up to the next punctuation end as a subordinate clause
    // ends, on a verb: "dat gedetacheerde officieren in beide staven
    // werken", not "dat plan niet".
    if prev.is_some_and(|p| is_verb(&p.lower)) {
        let rest: Vec<&Token> = tokens[i + 1..]
            .iter()
            .take_while(|t| t.kind != super::tokens::TokenKind::Punct)
            .collect();
        let verb_final = rest.last().is_some_and(|t| {
            !t.capital
                && (t.lower.ends_with("en") || t.lower.ends_with('t') || t.lower.ends_with('d'))
                || has(g.auxiliaries, &t.lower)
                || has(g.copulas, &t.lower)
                || has(g.modals, &t.lower)
                || is_verb(&t.lower)
        });
        if rest.len() >= 3 && verb_final {
            return true;
        }
    }
    match next {
        None => false,
        Some(n) => {
            n.capital
                || has(g.determiners, &n.lower)
                || has(g.pronouns, &n.lower)
                || has(g.first_person_plural, &n.lower)
                || has(g.negators, &n.lower)
                || has(g.adverbs, &n.lower)
                || has(g.auxiliaries, &n.lower)
                || n.kind == super::tokens::TokenKind::Number
        }
    }
}

/// Whether a comma at `i` separates items of a list rather than clauses:
/// a coordinator follows within a few words, before any other punctuation.
fn list_comma(tokens: &[Token], i: usize, g: &Grammar) -> bool {
    // ", en niet …": a coordinator right after the comma joins clauses.
    if tokens
        .get(i + 1)
        .is_some_and(|t| has(g.coordinators, &t.lower))
    {
        return false;
    }
    for t in tokens.iter().skip(i + 1).take(6) {
        if t.kind == super::tokens::TokenKind::Punct {
            return t.lower == ",";
        }
        if has(g.coordinators, &t.lower) {
            return true;
        }
        if has(g.subordinators, &t.lower)
            || has(g.relatives, &t.lower)
            || has(g.auxiliaries, &t.lower)
        {
            return false;
        }
    }
    false
}

/// Splits a sentence's tokens into clauses.
/// "waar mogelijk", "where appropriate": a fixed adverbial of the
/// grammar's list, no relative clause.
fn where_possible(tokens: &[Token], i: usize, g: &Grammar) -> bool {
    g.adverbial_phrases.iter().any(|p| {
        p.len() >= 2
            && has(g.relatives, p[0])
            && tokens.len() >= i + p.len()
            && p.iter().zip(&tokens[i..]).all(|(w, t)| t.lower == *w)
    })
}

pub fn clauses(tokens: &[Token], g: &Grammar, is_verb: &dyn Fn(&str) -> bool) -> Vec<Clause> {
    // A sentence that opens with a subordinator opens with a subordinate
    // clause ("Zoals de Raad stelt, …", "As the Committee notes, …").
    // "Als staatssecretaris heb ik …", "Als gevolg van …": "als" before a
    // bare noun names a capacity or opens a preposition, not a condition.
    let capacity = tokens
        .first()
        .is_some_and(|t| matches!(t.lower.as_str(), "als" | "as"))
        && tokens.get(1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && !n.capital
                && !has(g.determiners, &n.lower)
                && !has(g.possessives, &n.lower)
                && !has(g.pronouns, &n.lower)
                && !has(g.first_person, &n.lower)
                && !has(g.adverbs, &n.lower)
                && !has(g.negators, &n.lower)
                && !has(g.demonstratives, &n.lower)
                && !has(g.auxiliaries, &n.lower)
                && !matches!(n.lower.as_str(), "er" | "dit" | "dat" | "zij" | "hij" | "u")
                && !is_verb(&n.lower)
        });
    let opening = !capacity
        && tokens
            .first()
            .is_some_and(|t| has(g.initial_subordinators, &t.lower));
    let mut bounds: Vec<(usize, ClauseKind)> = vec![(
        0,
        if opening {
            ClauseKind::Sub
        } else {
            ClauseKind::Main
        },
    )];
    for (i, t) in tokens.iter().enumerate() {
        let w = t.lower.as_str();
        // "als" and "of" mid-clause compare or coordinate ("instrumenten als
        // SAFE", "A of B"); after a comma, or opening the sentence, they
        // subordinate.
        let after_comma = tokens[i.saturating_sub(1)].lower == ",";
        let weak = matches!(w, "als" | "of" | "so");
        if i > 0
            && has(g.subordinators, w)
            && (!weak || after_comma && opens_clause(tokens, i, g, is_verb))
        {
            // "als" after a comparative or "zoals" is no subordinator; keep
            // it simple: "als" directly after a noun phrase head still opens.
            bounds.push((i, ClauseKind::Sub));
        } else if i > 0 && has(g.clause_prepositions, w) && {
            // A finite verb before the next punctuation: a clause of time.
            tokens[i + 1..]
                .iter()
                .take_while(|t| t.kind != TokenKind::Punct)
                .take(10)
                .any(|t| {
                    has(g.auxiliaries, &t.lower)
                        || has(g.copulas, &t.lower)
                        || has(g.finite_verbs, &t.lower)
                })
        } {
            bounds.push((i, ClauseKind::Sub));
        } else if i > 0
            && has(g.relatives, w)
            && opens_clause(tokens, i, g, is_verb)
            && !where_possible(tokens, i, g)
        {
            bounds.push((i, ClauseKind::Relative));
        } else if i > 0 && has(g.ambiguous_subordinators, w) && opens_clause(tokens, i, g, is_verb)
        {
            // After a noun (or a comma after a noun) "die"/"dat"/"that" is
            // relative when a verb or adverb follows, else it opens a
            // complement clause.
            // After a comma that follows a name or noun, "dat"/"die" is
            // relative ("Litouwen, dat …"); so it is before a verb or adverb.
            let prev_is_comma = tokens[i - 1].lower == ",";
            let next = tokens.get(i + 1);
            let relative = next.is_some_and(|n| {
                has(g.auxiliaries, &n.lower)
                    || has(g.adverbs, &n.lower)
                    || has(g.negators, &n.lower)
            }) || prev_is_comma;
            bounds.push((
                i,
                if relative {
                    ClauseKind::Relative
                } else {
                    ClauseKind::Sub
                },
            ));
        } else if matches!(w, ";" | ":") && i + 1 < tokens.len() {
            bounds.push((i + 1, ClauseKind::Main));
        } else if w == "," && i + 1 < tokens.len() && !list_comma(tokens, i, g) {
            let next = &tokens[i + 1].lower;
            if has(g.subordinators, next)
                || has(g.relatives, next)
                || has(g.ambiguous_subordinators, next)
            {
                continue;
            }
            bounds.push((i + 1, ClauseKind::Main));
        }
    }
    bounds.dedup_by_key(|b| b.0);
    let mut out: Vec<Clause> = Vec::new();
    for (k, &(first, kind)) in bounds.iter().enumerate() {
        let end = bounds.get(k + 1).map_or(tokens.len(), |b| b.0);
        if first >= end {
            continue;
        }
        let words = &tokens[first..end];
        let mut negators: Vec<usize> = Vec::new();
        for (j, t) in words.iter().enumerate() {
            if has(g.negators, &t.lower) {
                // "niet alleen … maar ook", "not only": no negation.
                let next = words.get(j + 1).map(|n| n.lower.as_str());
                if matches!(next, Some("alleen" | "only" | "enkel" | "slechts")) {
                    continue;
                }
                negators.push(first + j);
            }
        }
        let lower: Vec<&str> = words.iter().map(|t| t.lower.as_str()).collect();
        let mut hedges: Vec<String> = words
            .iter()
            .filter(|t| has(g.hedges, &t.lower))
            .map(|t| t.lower.clone())
            .collect();
        for phrase in g.hedge_phrases {
            if lower.windows(phrase.len()).any(|w| w == *phrase) {
                hedges.push(phrase.join(" "));
            }
        }
        let conditional = kind == ClauseKind::Sub && has(g.conditionals, lower[0])
            || (kind == ClauseKind::Main
                && !(first == 0 && capacity)
                && matches!(
                    lower.first().copied(),
                    Some("mocht" | "should" | "indien" | "als" | "if")
                ));
        out.push(Clause {
            first,
            end,
            kind,
            negators,
            hedges,
            conditional,
            denied: false,
        });
    }
    // A clause governed by a verb of denial is negated.
    for k in 1..out.len() {
        if out[k].kind == ClauseKind::Sub {
            let prev = &out[k - 1];
            if tokens[prev.first..prev.end]
                .iter()
                .any(|t| has(g.denials, &t.lower))
            {
                out[k].denied = true;
            }
        }
    }
    out
}

/// Maps mentions (byte spans) onto token ranges.
fn token_mentions(tokens: &[Token], mentions: &[Match]) -> Vec<TokenMention> {
    let mut out = Vec::new();
    for m in mentions {
        let Some(first) = tokens.iter().position(|t| t.end > m.start) else {
            continue;
        };
        let Some(last) = tokens.iter().rposition(|t| t.start < m.end) else {
            continue;
        };
        if last < first {
            continue;
        }
        let partial = tokens[first].start < m.start || tokens[last].end > m.end;
        out.push(TokenMention {
            first,
            last,
            entity: m.entity,
            partial,
        });
    }
    out
}

/// Analyses a document.
pub fn analyse(document: &Document, segmented: &Segmented, lexicon: &Lexicon) -> Analysis {
    let n = &document.text;
    let text = &n.text;
    let mentions = lexicon.find(text);
    let mut sentences = Vec::with_capacity(segmented.sentences.len());
    let mut doc_nl = 0usize;
    let mut doc_en = 0usize;
    for (index, s) in segmented.sentences.iter().enumerate() {
        let tokens = tokenize(text, s.start, s.end);
        let (nl, en) = markers(&tokens, false);
        doc_nl += nl;
        doc_en += en;
        let first = mentions.partition_point(|m| m.start < s.start);
        let inside: Vec<Match> = mentions[first..]
            .iter()
            .take_while(|m| m.start < s.end)
            .filter(|m| m.end <= s.end)
            .copied()
            .collect();
        let question = text[s.start..s.end].trim_end().ends_with('?');
        sentences.push(SentenceAnalysis {
            index,
            start: s.start,
            end: s.end,
            lang: Lang::Nl,
            mentions: token_mentions(&tokens, &inside),
            tokens,
            clauses: Vec::new(),
            question,
            body: !s.heading && s.footnote.is_none() && s.end <= n.body_end,
            block: s.block,
        });
    }
    let lang = if doc_en > doc_nl { Lang::En } else { Lang::Nl };
    for s in &mut sentences {
        s.lang = detect(&s.tokens).unwrap_or(lang);
        s.clauses = clauses(&s.tokens, Grammar::of(s.lang), &|w| {
            lexicon.frame_index.is_verb(w)
        });
    }
    Analysis {
        lang,
        sentences,
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str, lang: Lang) -> Vec<(String, ClauseKind, bool)> {
        let toks = tokenize(s, 0, s.len());
        clauses(&toks, Grammar::of(lang), &|_| false)
            .into_iter()
            .map(|c| {
                let words: Vec<&str> = toks[c.first..c.end]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect();
                (words.join(" "), c.kind, c.negated())
            })
            .collect()
    }

    #[test]
    fn a_complement_clause_is_split_from_its_main_clause_with_its_own_negation() {
        let c = split(
            "De minister benadrukte dat Georgië de missie nooit heeft gefrustreerd.",
            Lang::Nl,
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(!c[0].2);
        assert_eq!(c[1].1, ClauseKind::Sub);
        assert!(c[1].2);
    }

    #[test]
    fn a_list_comma_does_not_split_a_clause() {
        let c = split(
            "Hongarije, Slowakije en Oostenrijk blokkeren het besluit.",
            Lang::Nl,
        );
        assert_eq!(c.len(), 1, "{c:?}");
    }

    #[test]
    fn a_subordinate_clause_before_the_main_clause_ends_at_its_comma() {
        let c = split(
            "Omdat Polen bezwaar maakt, komt het akkoord niet tot stand.",
            Lang::Nl,
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(!c[0].2 && c[1].2, "{c:?}");
    }

    #[test]
    fn a_relative_pronoun_opens_a_relative_clause() {
        let c = split(
            "Austria, which vetoed the package, changed course.",
            Lang::En,
        );
        assert!(
            c.iter()
                .any(|x| x.1 == ClauseKind::Relative && x.0.starts_with("which")),
            "{c:?}"
        );
    }

    #[test]
    fn not_only_is_no_negation() {
        let c = split(
            "Het kabinet steunt niet alleen het plan maar ook de uitvoering.",
            Lang::Nl,
        );
        assert!(!c[0].2);
    }

    #[test]
    fn the_language_is_told_by_function_words() {
        let en = "Hungary has blocked the package for the third time.";
        let nl = "Hongarije heeft het pakket voor de derde keer geblokkeerd.";
        assert_eq!(detect(&tokenize(en, 0, en.len())), Some(Lang::En));
        assert_eq!(detect(&tokenize(nl, 0, nl.len())), Some(Lang::Nl));
    }

    #[test]
    fn an_english_name_does_not_make_a_dutch_sentence_english() {
        let named = "Zo steunt Nederland het Centre of Excellence for Military Medicine.";
        assert_ne!(detect(&tokenize(named, 0, named.len())), Some(Lang::En));
        // Where the sentence has too few function words of its own, the
        // names' count: "van" is Dutch.
        let titled = "Minister van Defensie Van Leeuwen sprak met de gezant.";
        assert_eq!(detect(&tokenize(titled, 0, titled.len())), Some(Lang::Nl));
    }
}
