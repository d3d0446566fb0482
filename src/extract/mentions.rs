//! Entity mentions: every alias occurrence of a lexicon entity, with the
//! sentence it stands in as evidence.

use super::{Evidence, Extractor, Fact, Input, Mention, Output};

/// Finds every mention of every lexicon entity.
#[derive(Clone, Copy, Debug, Default)]
pub struct Mentions;

impl Extractor for Mentions {
    fn name(&self) -> &'static str {
        "mentions"
    }

    fn extract(&self, input: &Input<'_>) -> Output {
        let text = &input.document.text.text;
        let mut out = Output::default();
        for m in input.lexicon.find(text) {
            let Some(sentence) = input.segmented.sentence_at(m.start) else {
                continue;
            };
            out.facts.push(Fact::Mention(Mention {
                entity: m.entity,
                start: m.start,
                end: m.end,
                evidence: Evidence {
                    start: sentence.start,
                    end: sentence.end.max(m.end),
                },
            }));
        }
        out
    }
}
