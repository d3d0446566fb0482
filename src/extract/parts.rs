//! Parts of a recommendation. A main recommendation that asks for several
//! things at once is answered thing by thing, and a reader asks which of
//! them the government took up:
//!
//! - a list of noun phrases as its subject ("Een gezamenlijk fonds, betere
//!   planning en meer personeel zijn nodig voor …", "Joint funding, common
//!   standards and more staff are needed …");
//! - coordinated complement clauses ("… dient erop aan te dringen dat X en
//!   dat Y", "… should insist that X and that Y");
//! - a further sentence of its item that advises too, with a modal
//!   ("Nederland moet ook …", "The Netherlands should also …").
//!
//! Each part is answered by the stretch of the main recommendation's answer
//! that is about it: from the first sentence after the previous part's
//! answer that shares enough of the part's own words, to the next part's. A
//! part no sentence is about is not answered: the graph never guesses.

use super::{Evidence, Input};
use crate::analysis::document::SentenceAnalysis;
use crate::analysis::grammar::{Grammar, has};

/// Letters of its own words a sentence must share with a part to be about
/// it: one long compound ("defensieplanningsproces") or two or three
/// ordinary words.
const ANCHOR_LETTERS: usize = 12;

/// The analysed sentences inside `[start, end)`.
fn sentences_in<'a>(input: &'a Input<'_>, start: usize, end: usize) -> &'a [SentenceAnalysis] {
    let s = &input.analysis.sentences;
    let first = s.partition_point(|x| x.end <= start);
    let last = s.partition_point(|x| x.start < end);
    &s[first..last.max(first)]
}

/// Whether the first clause of `s` carries a modal of the grammar ("moet",
/// "dient", "should"): the sentence advises.
fn advises(s: &SentenceAnalysis) -> bool {
    let g = s.grammar();
    s.clauses.first().is_some_and(|c| {
        s.tokens[c.first..c.end]
            .iter()
            .any(|t| has(g.modals, &t.lower))
    })
}

/// Where the recommendation whose first sentence is `first` ends inside
/// its item `[first.start, item_end)`: after the last of the sentences
/// following the first without a break that advise too.
pub(super) fn advice_end(input: &Input<'_>, first: Evidence, item_end: usize) -> usize {
    let mut end = first.end;
    for s in sentences_in(input, first.end, item_end) {
        if !advises(s) {
            break;
        }
        end = s.end.min(item_end);
    }
    end
}

/// The token range `[from, to)` of `s` inside `[start, end)`.
fn token_range(s: &SentenceAnalysis, start: usize, end: usize) -> (usize, usize) {
    let from = s.tokens.partition_point(|t| t.start < start);
    let to = s.tokens.partition_point(|t| t.end <= end);
    (from, to.max(from))
}

/// The byte span of tokens `[from, to)` without the punctuation and
/// conjunctions at its ends, or `None` when no word is left.
fn trimmed(s: &SentenceAnalysis, g: &Grammar, from: usize, to: usize) -> Option<Evidence> {
    let keep = |t: &crate::analysis::tokens::Token| t.is_word() && !has(g.coordinators, &t.lower);
    let a = (from..to).find(|&k| keep(&s.tokens[k]))?;
    let b = (a..to).rev().find(|&k| keep(&s.tokens[k]))?;
    let (start, end) = s.span(a, b);
    Some(Evidence { start, end })
}

/// The conjuncts of a subject that lists three or more noun phrases before
/// the finite verb: "A, B en C zijn …", "A, B, and C are …". Commas inside
/// brackets do not count; the last conjunct follows the coordinator after
/// the last comma.
fn listed_subject(s: &SentenceAnalysis, from: usize, to: usize) -> Vec<Evidence> {
    let g = s.grammar();
    let and = g.coordinators[0];
    let verb = (from + 1..to).find(|&k| {
        let w = s.tokens[k].lower.as_str();
        has(g.copulas, w) || has(g.auxiliaries, w) || has(g.modals, w) || has(g.finite_verbs, w)
    });
    let Some(verb) = verb else {
        return Vec::new();
    };
    // A subject is a run of noun phrases: no clause opens in it.
    let words = &s.tokens[from..verb];
    if words
        .iter()
        .any(|t| has(g.subordinators, &t.lower) || has(g.relatives, &t.lower) || t.lower == ":")
    {
        return Vec::new();
    }
    let mut depth = 0i32;
    let mut commas = Vec::new();
    for (k, t) in words.iter().enumerate() {
        match t.lower.as_str() {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            "," if depth == 0 => commas.push(from + k),
            _ => {}
        }
    }
    let Some(&last_comma) = commas.last() else {
        return Vec::new();
    };
    let Some(coordinator) = (last_comma + 1..verb).find(|&k| s.tokens[k].lower == and) else {
        return Vec::new();
    };
    let mut bounds = vec![from];
    for &c in &commas {
        bounds.push(c + 1);
    }
    let mut pieces: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1] - 1)).collect();
    // The piece after the last comma holds the last two conjuncts ("B en
    // C"), or only the last one ("and C", with a serial comma).
    if coordinator == last_comma + 1 {
        pieces.push((coordinator + 1, verb));
    } else {
        pieces.push((last_comma + 1, coordinator));
        pieces.push((coordinator + 1, verb));
    }
    let parts: Vec<Evidence> = pieces
        .into_iter()
        .filter_map(|(a, b)| trimmed(s, g, a, b))
        .collect();
    if parts.len() >= 3 { parts } else { Vec::new() }
}

/// The clauses of coordinated complement clauses: "dat X en dat Y",
/// "that X, that Y and that Z", each without its opener.
fn coordinated_clauses(s: &SentenceAnalysis, from: usize, to: usize) -> Vec<Evidence> {
    let g = s.grammar();
    let that = g.complementizers[0];
    let openers: Vec<usize> = (from..to).filter(|&k| s.tokens[k].lower == that).collect();
    // The chain of openers each after a coordinator ("en dat").
    let Some(first) = openers.iter().position(|&k| {
        openers
            .iter()
            .any(|&o| o > k && o > 0 && has(g.coordinators, &s.tokens[o - 1].lower))
    }) else {
        return Vec::new();
    };
    // "dat X, dat Y en dat Z": a comma links the middle ones.
    let mut chain = vec![openers[first]];
    for &o in &openers[first + 1..] {
        let before = &s.tokens[o - 1].lower;
        if has(g.coordinators, before) || before == "," {
            chain.push(o);
        }
    }
    let mut parts = Vec::new();
    for (i, &o) in chain.iter().enumerate() {
        let end = chain.get(i + 1).map_or(to, |&n| n - 1);
        parts.extend(trimmed(s, g, o + 1, end));
    }
    if parts.len() >= 2 { parts } else { Vec::new() }
}

/// The parts of the recommendation `text`: its sentences when it has
/// more than one; else the conjuncts of a listed subject; else coordinated
/// complement clauses. None when it asks for one thing.
pub(super) fn split(input: &Input<'_>, text: Evidence) -> Vec<Evidence> {
    let sentences = sentences_in(input, text.start, text.end);
    match sentences {
        [] => Vec::new(),
        [s] => {
            let (from, to) = token_range(s, text.start, text.end);
            let listed = listed_subject(s, from, to);
            if listed.is_empty() {
                coordinated_clauses(s, from, to)
            } else {
                listed
            }
        }
        many => many
            .iter()
            .filter_map(|s| {
                let (from, to) = token_range(s, text.start.max(s.start), text.end.min(s.end));
                trimmed(s, s.grammar(), from, to).map(|e| Evidence {
                    start: e.start,
                    // A sentence keeps its full stop.
                    end: s.end.min(text.end).max(e.end),
                })
            })
            .collect(),
    }
}

/// The content words of `text`: five letters or more, in lower case.
fn content_words(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .map(str::to_lowercase)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Whether two words are forms of one ("europees", "europese";
/// "permanent", "permanente"): they share all but the last two letters of
/// the shorter, and five letters at least. Compounds that only begin
/// alike ("defensiefonds", "defensieplanning") are not.
fn alike(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 5 && common + 2 >= shorter
}

/// The answer to each of `parts` inside `answer`: see the module
/// documentation.
pub(super) fn answers(
    input: &Input<'_>,
    parts: &[Evidence],
    answer: Evidence,
) -> Vec<Option<Evidence>> {
    let text = &input.document.text.text;
    let words: Vec<Vec<String>> = parts
        .iter()
        .map(|p| content_words(text.get(p.start..p.end).unwrap_or_default()))
        .collect();
    // A part's own words: those no other part has.
    let own: Vec<Vec<&String>> = words
        .iter()
        .enumerate()
        .map(|(i, ws)| {
            ws.iter()
                .filter(|w| {
                    !words
                        .iter()
                        .enumerate()
                        .any(|(j, o)| j != i && o.iter().any(|x| alike(w, x)))
                })
                .collect()
        })
        .collect();
    let sentences = sentences_in(input, answer.start, answer.end);
    let mut anchors: Vec<Option<usize>> = Vec::new();
    let mut after = 0usize;
    for own in &own {
        // A part of few words of its own ("meer geld voor de Kustwacht")
        // needs all of them.
        let needed = ANCHOR_LETTERS.min(own.iter().map(|w| w.chars().count()).sum());
        let found = (after..sentences.len()).find(|&k| {
            let s = &sentences[k];
            let said = content_words(text.get(s.start..s.end).unwrap_or_default());
            let letters: usize = own
                .iter()
                .filter(|w| said.iter().any(|x| alike(w, x)))
                .map(|w| w.chars().count())
                .sum();
            needed > 0 && letters >= needed
        });
        if let Some(k) = found {
            after = k + 1;
        }
        anchors.push(found);
    }
    anchors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let k = (*a)?;
            let start = sentences[k].start.max(answer.start);
            let end = anchors[i + 1..]
                .iter()
                .flatten()
                .next()
                .map_or(answer.end, |&n| sentences[n].start);
            Some(Evidence { start, end })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_one_word_are_alike_and_compounds_that_only_begin_alike_are_not() {
        assert!(alike("europees", "europese"));
        assert!(alike("permanent", "permanente"));
        assert!(alike("samenwerking", "samenwerken"));
        assert!(!alike("defensiefonds", "defensieplanningsproces"));
        assert!(!alike("kabel", "kabinet"));
        // Below five letters nothing is alike.
        assert!(!alike("geld", "geld"));
    }

    #[test]
    fn content_words_are_the_words_of_five_letters_or_more_once_each() {
        assert_eq!(
            content_words("Meer geld voor de Kustwacht, de kustwacht!"),
            vec!["kustwacht".to_owned()]
        );
    }
}
