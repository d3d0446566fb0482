//! The data of entity discovery (`discovery.ttl`): head nouns that type a
//! capitalised name, titles before a person's name, the lower-case words
//! inside names, and words that are never names. Loaded once, checked:
//! an unknown class or a malformed plural is an error naming the file and
//! the line.

use std::collections::BTreeMap;

use oxigraph::model::{NamedOrBlankNode, Quad, Term};

use super::{LexiconError, PKG};

/// Namespace of the discovery data.
pub const DISC: &str = "https://w3id.org/policykg/def/discovery#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Word lists of one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// Head nouns, lower case, with the local name of their `pkg:` class.
    /// Longest first, so "action plan" is tried before "plan".
    pub heads: Vec<(String, String)>,
    /// Titles before a name, lower case.
    pub titles: Vec<String>,
    /// A plural title and its singular.
    pub plurals: BTreeMap<String, String>,
    /// Lower-case words inside an organisation's name.
    pub connectors: Vec<String>,
    /// Particles of a surname, lower case.
    pub particles: Vec<String>,
    /// Words and phrases that are never a name, lower case.
    pub never: Vec<String>,
}

/// Discovery data by language code (`nl`, `en`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discovery {
    pub by_lang: BTreeMap<String, Words>,
}

impl Discovery {
    /// The words of `lang` (empty when the data has none).
    pub fn words(&self, lang: &str) -> &Words {
        static EMPTY: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
        self.by_lang
            .get(lang)
            .unwrap_or_else(|| EMPTY.get_or_init(Words::default))
    }

    /// Reads the discovery data from the quads of `file`; `text` is the
    /// file's Turtle, to give an error its line.
    pub fn load(
        file: &str,
        text: &str,
        quads: &[Quad],
        classes: &[String],
    ) -> Result<Self, LexiconError> {
        let line_of = |needle: &str| {
            text.lines()
                .position(|l| l.contains(needle))
                .map_or(1, |n| n + 1)
        };
        let error = |needle: &str, what: String| {
            LexiconError::Discovery(format!("{file}:{}: {what}", line_of(needle)))
        };
        let mut kind: BTreeMap<String, String> = BTreeMap::new();
        let mut class: BTreeMap<String, String> = BTreeMap::new();
        for q in quads {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                continue;
            };
            let Term::NamedNode(o) = &q.object else {
                continue;
            };
            if q.predicate.as_str() == RDF_TYPE {
                if let Some(k) = o.as_str().strip_prefix(DISC) {
                    kind.insert(s.as_str().to_owned(), k.to_owned());
                }
            } else if q.predicate.as_str() == format!("{DISC}class") {
                let Some(c) = o.as_str().strip_prefix(PKG) else {
                    return Err(error(o.as_str(), format!("{o} is no pkg: class")));
                };
                if !classes.iter().any(|k| k == c) {
                    return Err(error(
                        &format!("pkg:{c}"),
                        format!("pkg:{c} is no class of the vocabulary"),
                    ));
                }
                class.insert(s.as_str().to_owned(), c.to_owned());
            }
        }
        let mut out = Discovery::default();
        for q in quads {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                continue;
            };
            let Some(lang) = q.predicate.as_str().strip_prefix(DISC) else {
                continue;
            };
            if lang != "nl" && lang != "en" {
                continue;
            }
            let Term::Literal(l) = &q.object else {
                return Err(error(
                    &format!("disc:{lang}"),
                    "a word must be a string".into(),
                ));
            };
            let word = l.value().to_lowercase();
            let words = out.by_lang.entry(lang.to_owned()).or_default();
            let subject = s.as_str();
            match kind.get(subject).map(String::as_str) {
                Some("Heads") => {
                    let Some(c) = class.get(subject) else {
                        return Err(error(
                            subject.rsplit('#').next().unwrap_or(subject),
                            "a disc:Heads has no disc:class".into(),
                        ));
                    };
                    words.heads.push((word, c.clone()));
                }
                Some("Titles") => words.titles.push(word),
                Some("Plurals") => {
                    let Some((plural, singular)) = word.split_once('=') else {
                        return Err(error(
                            l.value(),
                            format!("\"{}\" is no plural=singular pair", l.value()),
                        ));
                    };
                    words
                        .plurals
                        .insert(plural.trim().to_owned(), singular.trim().to_owned());
                }
                Some("Connectors") => words.connectors.push(word),
                Some("Particles") => words.particles.push(word),
                Some("Never") => words.never.push(word),
                _ => {
                    return Err(error(
                        subject.rsplit('#').next().unwrap_or(subject),
                        format!("{subject} has no known disc: type"),
                    ));
                }
            }
        }
        for words in out.by_lang.values_mut() {
            words
                .heads
                .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
            words.heads.dedup();
            for list in [
                &mut words.titles,
                &mut words.connectors,
                &mut words.particles,
                &mut words.never,
            ] {
                list.sort();
                list.dedup();
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse_turtle;

    fn load(text: &str) -> Result<Discovery, LexiconError> {
        let quads = parse_turtle("discovery.ttl", text)?;
        Discovery::load("discovery.ttl", text, &quads, &["Agency".to_owned()])
    }

    const PREFIXES: &str = "@prefix pkg: <https://w3id.org/policykg/def#> .\n\
        @prefix disc: <https://w3id.org/policykg/def/discovery#> .\n";

    #[test]
    fn head_nouns_are_read_with_their_class_longest_first() {
        let d = load(&format!(
            "{PREFIXES}disc:a a disc:Heads ; disc:class pkg:Agency ;\n  disc:en \"office\" , \"liaison office\" ."
        ))
        .unwrap();
        let heads = &d.words("en").heads;
        assert_eq!(heads[0], ("liaison office".to_owned(), "Agency".to_owned()));
        assert_eq!(heads.len(), 2);
    }

    #[test]
    fn a_head_of_an_unknown_class_is_an_error_with_its_line() {
        let err = load(&format!(
            "{PREFIXES}disc:a a disc:Heads ;\n  disc:class pkg:Bureau ;\n  disc:nl \"bureau\" ."
        ))
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("discovery.ttl:4:"), "{err}");
        assert!(err.contains("pkg:Bureau"), "{err}");
    }

    #[test]
    fn a_plural_without_its_singular_is_an_error() {
        let err = load(&format!(
            "{PREFIXES}disc:p a disc:Plurals ;\n  disc:nl \"ministers\" ."
        ))
        .unwrap_err()
        .to_string();
        assert!(err.contains("no plural=singular pair"), "{err}");
        assert!(err.starts_with("discovery.ttl:4:"), "{err}");
    }
}
