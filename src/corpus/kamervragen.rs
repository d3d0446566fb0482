//! Kamervragen: who asks (the sentence that says so is the paper's
//! title), who answers, and the numbered questions with their answers;
//! a list of questions and answers is read the same way.
//!
//! The words are data (`cfg:kamervragen` in `ontology/text.ttl`): the cue
//! of the askers' sentence, the word after their names, the roles before
//! an answerer's name, the labels of a question and an answer.

use std::sync::LazyLock;

use regex::Regex;

use super::conventions::Conventions;
use super::identity::{after_label, find_word_ci, strip_prefix_ci};
use super::metadata::{line_no, parse_date, re};

/// The number after a question or answer label ("3", "12a").
static LABEL_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,3}[a-z]?$"));

/// Lines a sentence of the header may wrap over.
const SENTENCE_LINES: usize = 8;

/// Who asks, and the sentence that says so (without its date).
#[derive(Debug)]
pub(super) struct Questions {
    pub title: String,
    pub asked_by: Vec<String>,
}

/// A question or an answer label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LabelKind {
    Question,
    Answer,
}

/// A line that is a question or answer label ("Vraag 1", "Antwoord").
#[derive(Clone, Debug)]
pub(super) struct Label {
    /// 0-based index of the line.
    pub index: usize,
    pub kind: LabelKind,
    pub number: Option<String>,
}

/// An answer with its question, as 1-based lines of the original file
/// (`first..end`, `end` excluded).
#[derive(Debug)]
pub(super) struct PairLines {
    pub number: Option<String>,
    pub question: Option<(u32, u32)>,
    pub answer: (u32, u32),
}

/// The number of a label line: `Some(None)` for the label alone,
/// `Some(Some(n))` for "label n", `None` for any other line.
fn label_number(line: &str, label: &str) -> Option<Option<String>> {
    let rest = strip_prefix_ci(line, label)?;
    let rest = rest.trim().trim_end_matches([':', '.']).trim();
    if rest.is_empty() {
        return Some(None);
    }
    LABEL_NUMBER.is_match(rest).then(|| Some(rest.to_owned()))
}

/// Every question and answer label line, in order.
pub(super) fn labels(lines: &[String], conv: &Conventions) -> Vec<Label> {
    let kw = &conv.kamervragen;
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let kinds = [
            (LabelKind::Question, &kw.question_labels),
            (LabelKind::Answer, &kw.answer_labels),
        ];
        let found = kinds.iter().find_map(|(kind, labels)| {
            labels
                .iter()
                .find_map(|l| label_number(line, l))
                .map(|number| (*kind, number))
        });
        if let Some((kind, number)) = found {
            out.push(Label {
                index,
                kind,
                number,
            });
        }
    }
    out
}

/// Each answer with its question: an answer "n" answers the open question
/// "n" (or an unnumbered one); a bare answer answers the open question,
/// and without one it is no answer. An answer runs to the next label, the
/// last one to a closing or signature line or the end.
pub(super) fn pairs(lines: &[String], labels: &[Label], conv: &Conventions) -> Vec<PairLines> {
    let mut out = Vec::new();
    let mut open: Option<&Label> = None;
    for (k, label) in labels.iter().enumerate() {
        if label.kind == LabelKind::Question {
            open = Some(label);
            continue;
        }
        let question = open
            .filter(|q| label.number.is_none() || q.number.is_none() || q.number == label.number);
        if label.number.is_none() && question.is_none() {
            continue;
        }
        let end = labels
            .get(k + 1)
            .map_or_else(|| last_answer_end(lines, label.index, conv), |l| l.index);
        out.push(PairLines {
            number: label
                .number
                .clone()
                .or_else(|| question.and_then(|q| q.number.clone())),
            question: question.map(|q| (line_no(q.index) + 1, line_no(label.index))),
            answer: (line_no(label.index) + 1, line_no(end)),
        });
        open = None;
    }
    out
}

/// Where the last answer ends: a closing or a signature line, else the end.
fn last_answer_end(lines: &[String], from: usize, conv: &Conventions) -> usize {
    let ends = |l: &str| {
        conv.closings
            .iter()
            .chain(&conv.signatory_roles)
            .any(|c| l.starts_with(c.as_str()))
    };
    (from + 1..lines.len())
        .find(|&i| lines.get(i).is_some_and(|l| ends(l)))
        .unwrap_or(lines.len())
}

/// The sentence that starts at line `i`, which may wrap over lines.
fn sentence_at(lines: &[String], i: usize) -> String {
    let mut out = String::new();
    for line in lines.iter().skip(i).take(SENTENCE_LINES) {
        if line.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
        if line.ends_with('.') {
            break;
        }
    }
    out
}

/// `s` without what stands in brackets.
fn without_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut at the first of `words` (as a word), if any.
fn cut_at_word<'s>(s: &'s str, words: &[String]) -> &'s str {
    let at = words
        .iter()
        .filter_map(|w| find_word_ci(s, w).first().copied())
        .min();
    at.map_or(s, |at| &s[..at])
}

/// Names separated by commas and `separators` ("A, B en C"), each one
/// that starts with a capital.
fn split_names(s: &str, separators: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split(',') {
        let mut rest = part;
        loop {
            let next = separators
                .iter()
                .filter_map(|w| {
                    find_word_ci(rest, w)
                        .into_iter()
                        .find(|&at| at > 0)
                        .map(|at| (at, w.len()))
                })
                .min();
            let (name, after) = match next {
                Some((at, len)) => (&rest[..at], rest.get(at + len..)),
                None => (rest, None),
            };
            let name = name.trim().trim_end_matches('.').trim();
            if name.starts_with(char::is_uppercase) && !out.iter().any(|n| n == name) {
                out.push(name.to_owned());
            }
            match after {
                Some(a) => rest = a,
                None => break,
            }
        }
    }
    out
}

/// The sentence naming who asks ("Vragen van het lid Verbeek (GL-PvdA)
/// aan de minister … (ingezonden 3 april 2024)."): the title without its
/// date and full stop, and the askers' surnames without their parties.
pub(super) fn questions(lines: &[String], end: usize, conv: &Conventions) -> Option<Questions> {
    let kw = &conv.kamervragen;
    let (i, cue) = (0..end.min(lines.len())).find_map(|i| {
        let line = lines.get(i)?;
        kw.questions_cues
            .iter()
            .find(|c| after_label(line, c).is_some())
            .map(|c| (i, c))
    })?;
    let sentence = sentence_at(lines, i);
    let mut title = sentence.trim_end_matches('.').trim_end();
    if title.ends_with(')')
        && let Some(open) = title.rfind('(')
        && parse_date(&title[open..], conv).is_some()
    {
        title = title[..open].trim_end();
    }
    let names = without_brackets(after_label(&sentence, cue)?);
    let names = cut_at_word(&names, &kw.addressee_words);
    Some(Questions {
        title: title.trim_end_matches([',', '.']).to_owned(),
        asked_by: split_names(names, &kw.name_separators),
    })
}

/// Who answers ("Antwoord van minister Hendriks (Buitenlandse Zaken),
/// mede namens de minister van …"): the surnames after a role; a
/// minister named only by office gives none.
pub(super) fn answerers(lines: &[String], end: usize, conv: &Conventions) -> Vec<String> {
    let kw = &conv.kamervragen;
    let Some((i, cue)) = (0..end.min(lines.len())).find_map(|i| {
        let line = lines.get(i)?;
        kw.answer_cues
            .iter()
            .find(|c| after_label(line, c).is_some())
            .map(|c| (i, c))
    }) else {
        return Vec::new();
    };
    let sentence = sentence_at(lines, i);
    let Some(rest) = after_label(&sentence, cue) else {
        return Vec::new();
    };
    let rest = without_brackets(cut_at_word(rest, &kw.on_behalf));
    split_names_after_role(&rest, conv)
}

/// The names of `s` that follow a role ("minister Hendriks").
fn split_names_after_role(s: &str, conv: &Conventions) -> Vec<String> {
    let kw = &conv.kamervragen;
    let mut out: Vec<String> = Vec::new();
    for part in s.split(',') {
        let mut pieces: Vec<&str> = Vec::new();
        let mut rest = part;
        // "minister A en staatssecretaris B": split before each role.
        loop {
            let next = kw
                .name_separators
                .iter()
                .filter_map(|w| {
                    find_word_ci(rest, w)
                        .into_iter()
                        .find(|&at| {
                            at > 0
                                && rest.get(at + w.len()..).is_some_and(|after| {
                                    kw.answerer_roles
                                        .iter()
                                        .any(|r| after_label(after.trim_start(), r).is_some())
                                })
                        })
                        .map(|at| (at, w.len()))
                })
                .min();
            match next {
                Some((at, len)) => {
                    pieces.push(&rest[..at]);
                    rest = rest.get(at + len..).unwrap_or("");
                }
                None => {
                    pieces.push(rest);
                    break;
                }
            }
        }
        for piece in pieces {
            let piece = piece.trim().trim_end_matches('.').trim();
            let name = kw
                .answerer_roles
                .iter()
                .find_map(|r| after_label(piece, r))
                .map(str::trim)
                .filter(|n| n.starts_with(char::is_uppercase));
            if let Some(n) = name
                && !out.iter().any(|o| o == n)
            {
                out.push(n.to_owned());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_line_is_the_label_alone_or_with_a_number() {
        assert_eq!(label_number("Vraag 3", "Vraag"), Some(Some("3".to_owned())));
        assert_eq!(label_number("Antwoord", "Antwoord"), Some(None));
        assert_eq!(label_number("Antwoord:", "Antwoord"), Some(None));
        assert_eq!(label_number("Antwoorden", "Antwoord"), None);
        assert_eq!(label_number("Antwoord van minister X", "Antwoord"), None);
    }

    #[test]
    fn names_are_split_on_commas_and_the_separator_word() {
        let en = ["en".to_owned()];
        assert_eq!(
            split_names("Van Houten en Öztürk", &en),
            ["Van Houten", "Öztürk"]
        );
        assert_eq!(split_names("A, B en C", &en), ["A", "B", "C"]);
        assert_eq!(split_names("Hendriks", &en), ["Hendriks"]);
        assert!(split_names("", &en).is_empty());
    }

    #[test]
    fn brackets_are_dropped_with_what_they_hold() {
        assert_eq!(without_brackets("A (x (y)) en B (z"), "A en B");
    }
}
