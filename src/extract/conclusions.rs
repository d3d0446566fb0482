//! Conclusions: the main conclusion ("… tot uitdrukking in de
//! hoofdconclusie:"), numbered sub-conclusions ("Deelconclusie 2. …", or a
//! numbered list introduced as sub-conclusions) and the chapter conclusions
//! that restate them ("De deelconclusie uit dit hoofdstuk is dat …"). Cues
//! are data in `ontology/cues.ttl`.

use super::{Evidence, Extractor, Fact, Input, Output, Recommendation};
use crate::corpus::BlockKind;
use crate::lexicon::cues;

/// The group of chapter restatements, which have no rendering of their own.
pub const RESTATEMENT_GROUP: usize = usize::MAX;

/// The span of the sentence holding `at`, cut to `[at, limit)`.
fn sentence_from(input: &Input<'_>, at: usize, limit: usize) -> Evidence {
    let end = input
        .segmented
        .sentence_at(at)
        .map_or(limit, |s| s.end.min(limit));
    Evidence {
        start: at,
        end: end.max(at),
    }
}

/// Skips spaces from `at` within `text` (a byte offset into the document).
fn skip_space(text: &str, at: usize, end: usize) -> usize {
    let rest = &text[at..end];
    at + (rest.len() - rest.trim_start().len())
}

/// Finds the conclusions of one document.
pub fn conclusions(input: &Input<'_>) -> Vec<Recommendation> {
    let n = &input.document.text;
    let cues = &input.lexicon.cues;
    let text = &n.text;
    let mut out: Vec<Recommendation> = Vec::new();
    let mut group = 0usize;
    let mut main: Option<usize> = None;
    let mut main_pending = false;
    let mut list_pending = false;
    let mut expected = 1u32;
    let blocks: Vec<_> = n
        .blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Footnote(_)) && b.end <= n.body_end)
        .collect();
    let push = |out: &mut Vec<Recommendation>,
                number: Option<String>,
                parent: Option<usize>,
                span: Evidence,
                full: Evidence,
                group: usize| {
        let id = out.len();
        out.push(Recommendation {
            id,
            number,
            parent,
            text: span,
            full,
            author: None,
            group,
            topic: input.segmented.section_at(span.start).map(|s| Evidence {
                start: s.heading_start,
                end: s.heading_end,
            }),
            evidence: span,
        });
        id
    };
    for block in blocks {
        let t = &text[block.start..block.end];
        // A numbered sub-conclusion: its first sentence, its whole block.
        let push_sub = |out: &mut Vec<Recommendation>,
                        number: u32,
                        at: usize,
                        main: Option<usize>,
                        group: usize| {
            let start = skip_space(text, at, block.end);
            let full = Evidence {
                start,
                end: block.end,
            };
            let span = sentence_from(input, start, block.end);
            push(out, Some(number.to_string()), main, span, full, group)
        };
        let full = Evidence {
            start: block.start,
            end: block.end,
        };
        if main_pending {
            main_pending = false;
            if !t.trim().is_empty() {
                group += 1;
                main = Some(push(&mut out, None, None, full, full, group));
                continue;
            }
        }
        // "… de hoofdconclusie: <text>" or "<…> hoofdconclusie:" + next block.
        if let Some(label) = cues.main_conclusion.iter().find_map(|p| p.find(t))
            && let Some(colon) = t[label.1..].find(':').map(|c| label.1 + c)
            && t[label.1..colon].split_whitespace().count() <= 5
        {
            let start = skip_space(text, block.start + colon + 1, block.end);
            if start < block.end {
                group += 1;
                let span = Evidence {
                    start,
                    end: block.end,
                };
                main = Some(push(&mut out, None, None, span, span, group));
            } else {
                main_pending = true;
            }
            continue;
        }
        // "Deelconclusie 2. <text>"
        if let Some((number, body)) = cues.conclusion_labels.iter().find_map(|l| {
            let rest = t.strip_prefix(l.as_str())?.trim_start();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = rest[digits.len()..].strip_prefix(['.', ':'])?;
            Some((digits.parse::<u32>().ok()?, t.len() - after.len()))
        }) {
            if number == 1 && main.is_none() {
                group += 1;
            }
            push_sub(&mut out, number, block.start + body, main, group);
            continue;
        }
        // A numbered list introduced as sub-conclusions.
        if block.kind == BlockKind::ListItem && list_pending {
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(number) = digits.parse::<u32>()
                && number == expected
                && t[digits.len()..].starts_with(['.', ')'])
            {
                expected += 1;
                push_sub(
                    &mut out,
                    number,
                    block.start + digits.len() + 1,
                    main,
                    group,
                );
                continue;
            }
        }
        list_pending = false;
        if t.trim_end().ends_with(':') && cues::any(&cues.conclusion_intros, t) {
            list_pending = true;
            expected = 1;
        }
        // "De deelconclusie uit dit hoofdstuk is dat <text>"
        for s in input.segmented.sentences_within(block.start, block.end) {
            let sentence = &text[s.start..s.end];
            if let Some((_, end)) = cues.conclusion_restatements.iter().find_map(|p| {
                // At the start of the sentence, after an article at most
                // ("De deelconclusie uit dit hoofdstuk is dat …").
                p.find(sentence).filter(|m| {
                    let before = sentence[..m.0].trim().to_lowercase();
                    matches!(before.as_str(), "" | "de" | "het" | "the")
                })
            }) {
                let start = skip_space(text, s.start + end, s.end);
                let span = Evidence { start, end: s.end };
                push(&mut out, None, None, span, span, RESTATEMENT_GROUP);
            }
        }
    }
    out
}

/// Extracts conclusions as facts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Conclusions;

impl Extractor for Conclusions {
    fn name(&self) -> &'static str {
        "conclusions"
    }

    fn extract(&self, input: &Input<'_>) -> Output {
        Output {
            facts: conclusions(input)
                .into_iter()
                .map(Fact::Conclusion)
                .collect(),
            diagnostics: Vec::new(),
        }
    }
}
