//! Actors and instruments no lexicon lists, discovered where the text
//! defines or titles them:
//! - an acronym defined either way, "het Europees Munitiefonds (EMF)",
//!   "het EMF (Europees Munitiefonds)", its letters matched to the name's
//!   words (Schwartz and Hearst, 2003);
//! - a capitalised name of two or more words with a head noun of
//!   `discovery.ttl` ("de Raad voor Ruimtevaartveiligheid", "the Northern
//!   Logistics Agency"), typed by that head;
//! - a person named after a title ("minister Jansen", "President
//!   Okafor", "de ministers Jansen en De Vries") or with a party in
//!   parentheses ("Bakker (VVD)").
//!
//! Nothing is discovered from one capitalised word, from a heading, from a
//! place, weekday or month, or from a name the lexicon already holds. Every
//! later use of the name or its acronym in the document is a mention.

use std::collections::BTreeMap;

use super::{Evidence, Extractor, Fact, Input, Output};
use crate::analysis::document::SentenceAnalysis;
use crate::analysis::grammar::has;
use crate::analysis::tokens::Token;
use crate::lexicon::discovery::Words;

/// A thing the document names that no lexicon lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discovered {
    /// Its name as first written, without a leading article.
    pub label: String,
    /// The acronym the text defines for it.
    pub acronym: Option<String>,
    /// Local name of its `pkg:` class ("Committee", "Person").
    pub class: String,
    /// Whether it is an actor (else an instrument).
    pub actor: bool,
    /// A person's title as written, lower case ("minister").
    pub role: Option<String>,
    /// A person's party (index into `Lexicon::entities`).
    pub party: Option<usize>,
    /// The organisation a person's title names: a ministry ("minister van
    /// Defensie"), an organisation ("SG NAVO Lindqvist").
    pub organisation: Option<usize>,
    /// The document's language code, for the label.
    pub lang: &'static str,
    /// The sentence that defines or first names it.
    pub evidence: Evidence,
    /// Every use of its name or acronym: the span as written and its
    /// sentence.
    pub mentions: Vec<(Evidence, Evidence)>,
    /// The label that names its node when another document defined the
    /// same acronym for the same kind of thing first (set by [`resolve`]).
    pub canonical: Option<String>,
    /// False for the uses of an acronym another document defines: only its
    /// mentions are this document's.
    pub defined: bool,
}

/// Across documents, in corpus order: an acronym defined for the same class
/// in two documents is one entity (the first definition names it), and an
/// acronym one document defines is a mention where another uses it without
/// defining it. `docs` holds each document's text, sentences and facts.
pub fn resolve(docs: &mut [(&str, &crate::text::Segmented, &mut Vec<Fact>)]) {
    // acronym → (label, class, actor, lang) of its first definition.
    let mut first: BTreeMap<String, Discovered> = BTreeMap::new();
    for (_, _, facts) in docs.iter() {
        for f in facts.iter() {
            if let Fact::Discovered(d) = f
                && let Some(a) = &d.acronym
            {
                first.entry(a.clone()).or_insert_with(|| d.clone());
            }
        }
    }
    for (text, seg, facts) in docs.iter_mut() {
        let mut here: Vec<String> = Vec::new();
        for f in facts.iter_mut() {
            if let Fact::Discovered(d) = f
                && let Some(a) = &d.acronym
            {
                here.push(a.clone());
                if let Some(def) = first.get(a)
                    && def.label != d.label
                    && def.class == d.class
                {
                    d.canonical = Some(def.label.clone());
                }
            }
        }
        let taken: Vec<(usize, usize)> = facts
            .iter()
            .flat_map(|f| match f {
                Fact::Mention(m) => vec![(m.start, m.end)],
                Fact::Discovered(d) => d.mentions.iter().map(|(s, _)| (s.start, s.end)).collect(),
                _ => Vec::new(),
            })
            .collect();
        for (acronym, def) in &first {
            if here.contains(acronym) {
                continue;
            }
            let mentions = uses(occurrences(text, acronym), &taken, seg);
            let Some(&(_, evidence)) = mentions.first() else {
                continue;
            };
            facts.push(Fact::Discovered(Discovered {
                evidence,
                mentions,
                canonical: Some(def.canonical.clone().unwrap_or_else(|| def.label.clone())),
                defined: false,
                ..def.clone()
            }));
        }
    }
}

/// Finds what the document names that no lexicon lists.
#[derive(Clone, Copy, Debug, Default)]
pub struct Entities;

impl Extractor for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn extract(&self, input: &Input<'_>) -> Output {
        let mut found: Vec<Discovered> = Vec::new();
        for s in &input.analysis.sentences {
            let ctx = Sentence::new(input, s);
            ctx.glossary(&mut found);
            if !s.body {
                continue;
            }
            ctx.acronyms(&mut found);
            ctx.names(&mut found);
            ctx.persons(&mut found);
        }
        signatories(input, &mut found);
        // One entity per name: the first definition wins, a later one may
        // add the acronym.
        let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
        let mut kept: Vec<Discovered> = Vec::new();
        found.sort_by_key(|d| d.evidence.start);
        for d in found {
            let key = d.label.to_lowercase();
            let acronym_known = d
                .acronym
                .as_ref()
                .and_then(|a| kept.iter().position(|k| k.acronym.as_ref() == Some(a)));
            match by_key.get(&key).copied().or(acronym_known) {
                Some(i) => {
                    if kept[i].acronym.is_none() {
                        kept[i].acronym = d.acronym;
                    }
                }
                None => {
                    by_key.insert(key, kept.len());
                    kept.push(d);
                }
            }
        }
        let text = &input.document.text.text;
        let taken: Vec<(usize, usize)> = input
            .analysis
            .mentions
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        let mut out = Output::default();
        for mut d in kept {
            let mut spans: Vec<(usize, usize)> = occurrences(text, &d.label);
            if let Some(a) = &d.acronym {
                spans.extend(occurrences(text, a));
            }
            spans.sort_unstable();
            spans.dedup();
            d.mentions = uses(spans, &taken, input.segmented);
            out.facts.push(Fact::Discovered(d));
        }
        out
    }
}

/// The persons who sign the document ("De minister van Defensie,\n\n
/// J.P. Verhoef"), with their role, unless the lexicon knows them.
fn signatories(input: &Input<'_>, found: &mut Vec<Discovered>) {
    let text = &input.document.text.text;
    let lang = input.analysis.lang.code();
    for s in &input.document.metadata.signatories {
        let Some(&(at, end)) = occurrences(text, &s.name).last() else {
            continue;
        };
        if input
            .analysis
            .mentions
            .iter()
            .any(|m| m.start < end && at < m.end)
        {
            continue;
        }
        let role = s.role.as_ref().map(|r| {
            let r = r.trim().trim_end_matches(',').trim();
            let lower = r.to_lowercase();
            let g = crate::analysis::grammar::Grammar::of(input.analysis.lang);
            match lower.split_once(' ') {
                Some((first, rest)) if has(g.determiners, first) => rest.to_owned(),
                _ => lower,
            }
        });
        let evidence = input
            .segmented
            .sentence_at(at)
            .map_or(Evidence { start: at, end }, |x| Evidence {
                start: x.start,
                end: x.end.max(end),
            });
        found.push(Discovered {
            label: s.name.clone(),
            acronym: None,
            class: "Person".to_owned(),
            actor: true,
            role,
            party: None,
            organisation: None,
            lang,
            evidence,
            mentions: Vec::new(),
            canonical: None,
            defined: true,
        });
    }
}

/// The spans that no other mention `taken` overlaps, each with its
/// sentence as evidence.
fn uses(
    spans: Vec<(usize, usize)>,
    taken: &[(usize, usize)],
    seg: &crate::text::Segmented,
) -> Vec<(Evidence, Evidence)> {
    spans
        .into_iter()
        .filter(|&(a, b)| !taken.iter().any(|&(x, y)| a < y && x < b))
        .filter_map(|(a, b)| {
            let s = seg.sentence_at(a)?;
            Some((
                Evidence { start: a, end: b },
                Evidence {
                    start: s.start,
                    end: s.end.max(b),
                },
            ))
        })
        .collect()
}

/// Spans of `needle` in `text` on word boundaries, in its written case.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(needle)
        .map(|(at, m)| (at, at + m.len()))
        .filter(|&(a, b)| {
            boundary(text[..a].chars().next_back()) && boundary(text[b..].chars().next())
        })
        .collect()
}

/// Whether a token is written like an acronym: two to ten letters or
/// digits, at least two capitals, starting with a letter ("EMF", "eFP",
/// "GL-PvdA").
fn acronym_like(t: &Token, text: &str) -> bool {
    let w = &text[t.start..t.end];
    let letters = w.chars().filter(|c| c.is_alphanumeric()).count();
    let capitals = w.chars().filter(|c| c.is_uppercase()).count();
    t.is_word()
        && (2..=10).contains(&letters)
        && capitals >= 2
        && capitals * 2 >= letters
        && w.chars().next().is_some_and(char::is_alphabetic)
}

/// Where in `long` a long form of `short` starts: each letter of the
/// acronym is found from the right, in order, the first one at the start
/// of a word (Schwartz and Hearst, "A simple algorithm for identifying
/// abbreviation definitions in biomedical text", 2003).
fn long_form_start(short: &str, long: &str) -> Option<usize> {
    let s: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let l: Vec<(usize, char)> = long
        .char_indices()
        .flat_map(|(i, c)| c.to_lowercase().map(move |c| (i, c)))
        .collect();
    let mut li = l.len();
    for (si, &c) in s.iter().enumerate().rev() {
        loop {
            li = li.checked_sub(1)?;
            let word_start = li == 0 || !l[li - 1].1.is_alphanumeric();
            if l[li].1 == c && (si > 0 || word_start) {
                break;
            }
        }
    }
    Some(l[li].0)
}

struct Sentence<'a> {
    input: &'a Input<'a>,
    s: &'a SentenceAnalysis,
    text: &'a str,
    words: &'a Words,
    /// Tokens the lexicon names.
    covered: Vec<bool>,
}

impl<'a> Sentence<'a> {
    fn new(input: &'a Input<'a>, s: &'a SentenceAnalysis) -> Self {
        let mut covered = vec![false; s.tokens.len()];
        for m in &s.mentions {
            for c in covered.iter_mut().take(m.last + 1).skip(m.first) {
                *c = true;
            }
        }
        Sentence {
            input,
            s,
            text: &input.document.text.text,
            words: input.lexicon.discovery.words(s.lang.code()),
            covered,
        }
    }

    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.s.tokens.get(i)
    }

    fn written(&self, first: usize, last: usize) -> &'a str {
        let (a, b) = self.s.span(first, last);
        &self.text[a..b]
    }

    fn evidence(&self) -> Evidence {
        Evidence {
            start: self.s.start,
            end: self.s.end,
        }
    }

    /// A capitalised word that is no place, weekday or month; `inside`
    /// lets a word the lexicon names count ("Faciliteit voor Militaire
    /// Mobiliteit": a longer name around a lexicon entry is its own).
    fn capital_word(&self, i: usize, inside: bool) -> bool {
        self.tok(i).is_some_and(|t| {
            t.is_word()
                && t.capital
                && (inside || !self.covered[i])
                && !has_str(&self.words.never, &t.lower)
                && !has_str(&self.words.connectors, &t.lower)
                && !has(self.s.grammar().months, &t.lower)
        })
    }

    /// Whether tokens `a` and `b` (a before b) stand on one line.
    fn one_line(&self, a: usize, b: usize) -> bool {
        match (self.tok(a), self.tok(b)) {
            (Some(x), Some(y)) => !self.text[x.end..y.start].contains('\n'),
            _ => false,
        }
    }

    /// A capitalised word the lexicon does not name.
    fn name_word(&self, i: usize) -> bool {
        self.capital_word(i, false)
    }

    /// Whether `first..=last` is exactly one lexicon mention.
    fn one_mention(&self, first: usize, last: usize) -> bool {
        self.s
            .mentions
            .iter()
            .any(|m| m.first <= first && last <= m.last)
    }

    /// The class of a name from its head noun: the last word before its
    /// first connector ("Raad voor …"), else its words from the last to
    /// the first; a Dutch head may end a compound ("Munitiefonds"), and a
    /// name in the other language keeps its own heads ("Maritime …
    /// Coalition" in a Dutch letter).
    fn head_class(&self, first: usize, last: usize) -> Option<String> {
        let (class, at) = self.head(first, last)?;
        // A head the lexicon names is a name's own only as a single word
        // ("Commissie voor …"), not inside a lexicon name ("… EU
        // Strategisch Kompas").
        let own = !self.covered[at]
            || self
                .s
                .mentions
                .iter()
                .any(|m| m.first == at && m.last == at);
        own.then_some(class)
    }

    /// The head noun of `first..=last`: its class and its token.
    fn head(&self, first: usize, last: usize) -> Option<(String, usize)> {
        let index: Vec<usize> = (first..=last)
            .filter(|&i| self.tok(i).is_some_and(Token::is_word))
            .collect();
        let lower: Vec<&str> = index
            .iter()
            .filter_map(|&i| self.tok(i))
            .map(|t| t.lower.as_str())
            .collect();
        let connector = lower
            .iter()
            .position(|w| has_str(&self.words.connectors, w))
            .filter(|&p| p > 0);
        let mut candidates: Vec<usize> = Vec::new();
        if let Some(p) = connector {
            candidates.push(p - 1);
        }
        candidates.extend((0..lower.len()).rev());
        let dutch = self.s.lang.code() == "nl";
        let lexicon = &self.input.lexicon.discovery;
        for c in candidates {
            for (lang, words) in &lexicon.by_lang {
                for (head, class) in &words.heads {
                    let n = head.split(' ').count();
                    let whole = c + 1 >= n && lower[c + 1 - n..=c].join(" ") == *head;
                    let tail = dutch
                        && lang == "nl"
                        && n == 1
                        && lower[c].len() > head.len() + 2
                        && lower[c].ends_with(head.as_str());
                    if whole || tail {
                        return Some((class.clone(), index[c]));
                    }
                }
            }
        }
        None
    }

    fn discovered(
        &self,
        first: usize,
        last: usize,
        class: String,
        acronym: Option<String>,
    ) -> Discovered {
        let actor = self.input.lexicon.class_is_a(&class, "Actor");
        Discovered {
            label: self.written(first, last).to_owned(),
            acronym,
            class,
            actor,
            role: None,
            party: None,
            organisation: None,
            lang: self.s.lang.code(),
            evidence: self.evidence(),
            mentions: Vec::new(),
            canonical: None,
            defined: true,
        }
    }

    /// Whether token `i` is a function word that opens no name ("De",
    /// "Volgens", "Zowel", "The").
    fn function_word(&self, i: usize) -> bool {
        let g = self.s.grammar();
        self.tok(i).is_some_and(|t| {
            has(g.determiners, &t.lower)
                || has(g.prepositions, &t.lower)
                || has(g.subordinators, &t.lower)
                || has(g.pronouns, &t.lower)
                || has(g.coordinators, &t.lower)
                || has_str(&self.words.connectors, &t.lower)
        })
    }

    /// A list of abbreviations: a line "AFK  Naam voluit" whose words
    /// give the acronym's letters from the first word on.
    fn glossary(&self, found: &mut Vec<Discovered>) {
        let toks = &self.s.tokens;
        for (i, tok) in toks.iter().enumerate() {
            let line_start = self.text[..tok.start]
                .rsplit('\n')
                .next()
                .is_some_and(|before| before.trim().is_empty());
            if !line_start || !acronym_like(tok, self.text) || self.covered[i] {
                continue;
            }
            let mut last = i;
            while self.tok(last + 1).is_some_and(Token::is_word) && self.one_line(last, last + 1) {
                last += 1;
            }
            let ends_line = self
                .tok(last + 1)
                .is_none_or(|_| !self.one_line(last, last + 1));
            if last < i + 2 || !ends_line {
                continue;
            }
            let acronym = &self.text[toks[i].start..toks[i].end];
            if long_form_start(acronym, self.written(i + 1, last)) == Some(0) {
                self.acronym_entity(i + 1, last, acronym, found);
            }
        }
    }

    /// "Naam (AFK)" and "AFK (Naam)".
    fn acronyms(&self, found: &mut Vec<Discovered>) {
        let toks = &self.s.tokens;
        for i in 0..toks.len() {
            if toks[i].lower != "(" {
                continue;
            }
            // "Naam (AFK)"
            if let (Some(a), Some(close)) = (self.tok(i + 1), self.tok(i + 2))
                && close.lower == ")"
                && acronym_like(a, self.text)
                && !self.covered[i + 1]
                && i > 0
            {
                let acronym = &self.text[a.start..a.end];
                let window = acronym.chars().count() + 5;
                let mut first = i;
                while first > 0 && i - first < window && toks[first - 1].is_word() {
                    first -= 1;
                }
                if first == i {
                    continue;
                }
                let (from, _) = self.s.span(first, i - 1);
                let long = self.written(first, i - 1);
                let Some(at) = long_form_start(acronym, long) else {
                    continue;
                };
                let Some(mut start) = (first..i).find(|&k| toks[k].end > from + at) else {
                    continue;
                };
                // Capitalised words just before belong to the name too
                // ("Directie Defensie-industrie en Innovatie (DDI)").
                while start > 0
                    && self.capital_word(start - 1, false)
                    && !self.function_word(start - 1)
                {
                    start -= 1;
                }
                self.acronym_entity(start, i - 1, acronym, found);
                continue;
            }
            // "AFK (Naam)"
            if i == 0 || !acronym_like(&toks[i - 1], self.text) || self.covered[i - 1] {
                continue;
            }
            let Some(close) = (i + 2..toks.len().min(i + 14)).find(|&k| toks[k].lower == ")")
            else {
                continue;
            };
            if (i + 1..close).any(|k| !toks[k].is_word()) {
                continue;
            }
            let acronym = &self.text[toks[i - 1].start..toks[i - 1].end];
            if long_form_start(acronym, self.written(i + 1, close - 1)) != Some(0) {
                continue;
            }
            self.acronym_entity(i + 1, close - 1, acronym, found);
        }
    }

    fn acronym_entity(
        &self,
        mut first: usize,
        last: usize,
        acronym: &str,
        found: &mut Vec<Discovered>,
    ) {
        while first < last && self.function_word(first) {
            first += 1;
        }
        if !self.capital_word(first, true) || self.one_mention(first, last) {
            return;
        }
        let Some(class) = self.head_class(first, last) else {
            return;
        };
        found.push(self.discovered(first, last, class, Some(acronym.to_owned())));
    }

    /// Connectors from `k` that join two parts of a name: one or two
    /// lower-case words, opened by a preposition or a coordinator ("voor
    /// de", "of the", "en"), never an article alone, and a coordinator only
    /// right before a capitalised word ("… en Innovatie", not "… en het
    /// Zuidelijk …").
    fn connectors_at(&self, k: usize) -> usize {
        let g = self.s.grammar();
        let connector = |j: usize| {
            self.tok(j)
                .is_some_and(|t| !t.capital && has_str(&self.words.connectors, &t.lower))
        };
        let n = (k..k + 2).take_while(|&j| connector(j)).count();
        let opener = self.tok(k).map(|t| t.lower.as_str()).unwrap_or_default();
        if n == 0 || has(g.determiners, opener) {
            return 0;
        }
        if has(g.coordinators, opener) && n > 1 {
            return 0;
        }
        n
    }

    /// Capitalised names of two or more words with a head noun.
    fn names(&self, found: &mut Vec<Discovered>) {
        let toks = &self.s.tokens;
        let mut i = 0;
        while i < toks.len() {
            if !self.capital_word(i, true) || self.is_title(i) {
                i += 1;
                continue;
            }
            let mut last = i;
            let mut k = i + 1;
            loop {
                if self.capital_word(k, true) && !self.is_title(k) && self.one_line(last, k) {
                    last = k;
                    k += 1;
                    continue;
                }
                let c = self.connectors_at(k);
                if c > 0 && self.capital_word(k + c, true) && self.one_line(last, k + c) {
                    k += c;
                    continue;
                }
                break;
            }
            let next = last + 1;
            let mut first = i;
            while first < last && (self.function_word(first) || first == 0 && self.opener(first)) {
                first += 1;
            }
            let words = (first..=last)
                .filter(|&j| self.capital_word(j, true))
                .count();
            let own = (first..=last).filter(|&j| self.name_word(j)).count();
            if words >= 2
                && own >= 1
                && self.capital_word(first, true)
                && self.capital_word(last, true)
                && !self.one_mention(first, last)
                && !found.iter().any(|d| {
                    d.evidence.start == self.s.start && d.label.contains(self.written(first, last))
                })
                && let Some(class) = self.head_class(first, last)
            {
                found.push(self.discovered(first, last, class, None));
            }
            i = next;
        }
    }

    /// A sentence's first word that opens it rather than a name: an
    /// adverb ("Daarnaast", "Ook").
    fn opener(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| has(self.s.grammar().adverbs, &t.lower))
            && self.tok(i + 1).is_some_and(|t| t.capital)
            && !self.covered[i]
    }

    /// A title from token `i` (one or more words, or a plural): its
    /// singular as written in the data, whether it was plural, and how
    /// many tokens it takes.
    fn title(&self, i: usize) -> Option<(String, bool, usize)> {
        let t = self.tok(i)?;
        if let Some(s) = self.words.plurals.get(&t.lower) {
            return Some((s.clone(), true, 1));
        }
        let mut best: Option<(String, bool, usize)> = None;
        for x in &self.words.titles {
            let parts: Vec<&str> = x.trim_end_matches('.').split(' ').collect();
            let n = parts.len();
            let matches = parts
                .iter()
                .enumerate()
                .all(|(j, p)| self.tok(i + j).is_some_and(|t| t.lower == *p));
            if matches && best.as_ref().is_none_or(|b| b.2 < n) {
                best = Some((x.clone(), false, n));
            }
        }
        best
    }

    fn is_title(&self, i: usize) -> bool {
        self.title(i).is_some()
    }

    /// A person's name from token `k`: initials, particles and capitalised
    /// words, ending in a capitalised word that is no particle, title or
    /// head noun. Returns its last token.
    fn person_name(&self, k: usize) -> Option<usize> {
        let toks = &self.s.tokens;
        let mut last = None;
        let mut j = k;
        while j < toks.len() && j < k + 8 {
            let t = &toks[j];
            let w = &self.text[t.start..t.end];
            let initial = w.chars().count() == 1
                && t.capital
                && self.tok(j + 1).is_some_and(|d| d.lower == ".");
            if initial {
                j += 2;
                continue;
            }
            if has_str(&self.words.particles, &t.lower) && (t.capital || j > k) {
                j += 1;
                continue;
            }
            let head = self
                .input
                .lexicon
                .discovery
                .by_lang
                .values()
                .any(|w| w.heads.iter().any(|(h, _)| *h == t.lower));
            if self.name_word(j)
                && !head
                && !self.is_title(j)
                && !has(self.s.grammar().determiners, &t.lower)
            {
                last = Some(j);
                j += 1;
                continue;
            }
            break;
        }
        last
    }

    /// "(VVD)" after a name: the party entity.
    fn party_after(&self, last: usize) -> Option<usize> {
        let open = self.tok(last + 1)?;
        let close = self.tok(last + 3)?;
        if open.lower != "(" || close.lower != ")" {
            return None;
        }
        self.s
            .mentions
            .iter()
            .find(|m| m.first == last + 2 && m.last == last + 2)
            .map(|m| m.entity)
            .filter(|&e| {
                self.input
                    .lexicon
                    .entities
                    .get(e)
                    .is_some_and(|x| x.is_a("PoliticalParty"))
            })
    }

    fn person(&self, first: usize, last: usize, role: Option<String>, found: &mut Vec<Discovered>) {
        let party = self.party_after(last);
        let mut d = self.discovered(first, last, "Person".to_owned(), None);
        d.actor = true;
        d.role = role;
        d.party = party;
        found.push(d);
    }

    /// "van Defensie", "of State for Defence" after a title: the
    /// portfolio, when the lexicon names it as a government body. Returns
    /// the portfolio's words and the token after it.
    fn portfolio(&self, k: usize) -> Option<(String, usize, usize)> {
        let of = self.tok(k)?;
        // "SG NAVO Lindqvist": the organisation right after the title.
        let (from, m) = if of.capital {
            (k, self.s.mentions.iter().find(|m| m.first == k)?)
        } else if has_str(&self.words.connectors, &of.lower) {
            (k, self.s.mentions.iter().find(|m| m.first == k + 1)?)
        } else {
            return None;
        };
        let body = self.input.lexicon.entities.get(m.entity)?;
        let organisation = body.is_a("Actor") && !body.is_a("Person") && !body.is_a("State");
        if !organisation || (of.capital && !body.is_a("InternationalOrganisation")) {
            return None;
        }
        let mut next = m.last + 1;
        if self.tok(next).is_some_and(|t| t.lower == ",") {
            next += 1;
        }
        Some((self.written(from, m.last).to_owned(), next, m.entity))
    }

    /// Persons after a title, or with their party in parentheses.
    fn persons(&self, found: &mut Vec<Discovered>) {
        let toks = &self.s.tokens;
        let mut i = 0;
        while i < toks.len() {
            let Some((title, plural, len)) = self.title(i) else {
                // "Bakker (VVD)": a name with its party.
                if self.name_word(i)
                    && !self.function_word(i)
                    && let Some(last) = self.person_name(i)
                    && self.party_after(last).is_some()
                {
                    self.person(i, last, None, found);
                    i = last + 1;
                    continue;
                }
                i += 1;
                continue;
            };
            // "prof." and other abbreviated titles end in a full stop.
            let mut k = i + len;
            if title.ends_with('.') && self.tok(k).is_some_and(|t| t.lower == ".") {
                k += 1;
            }
            let mut role = title.trim_end_matches('.').to_owned();
            let mut organisation = None;
            if let Some((portfolio, next, e)) = self.portfolio(k) {
                role = format!("{role} {portfolio}");
                organisation = Some(e);
                k = next;
            }
            while let Some(last) = self
                .tok(k)
                .filter(|t| t.capital)
                .and_then(|_| self.person_name(k))
            {
                self.person(k, last, Some(role.clone()), found);
                if let Some(d) = found.last_mut() {
                    d.organisation = organisation;
                }
                let mut next = last + 1;
                if self.party_after(last).is_some() {
                    next += 3;
                }
                // "de ministers Jansen en De Vries"
                let and = self.tok(next).is_some_and(|t| {
                    t.lower == "," || has(self.s.grammar().coordinators, &t.lower)
                });
                if !plural || !and {
                    k = next;
                    break;
                }
                k = next + 1;
            }
            i = k.max(i + 1);
        }
    }
}

fn has_str(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

#[cfg(test)]
mod tests {
    use super::long_form_start;

    #[test]
    fn an_acronym_finds_the_shortest_long_form_whose_words_give_its_letters() {
        let long = "de lidstaten financieren het Europees Munitiefonds";
        let at = long_form_start("EMF", long).unwrap();
        assert_eq!(&long[at..], "Europees Munitiefonds");
        assert_eq!(long_form_start("XYZ", long), None);
    }
}
