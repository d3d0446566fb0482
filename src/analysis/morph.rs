//! Regular verb forms by rule, with the irregular forms of
//! `ontology/frames.ttl` taking precedence.
//!
//! Dutch (the rules stated in the header of `frames.ttl`): the stem is the
//! infinitive minus `-en`, with a geminate reduced (`remmen` → `rem`), an
//! open syllable's vowel doubled (`maken` → `maak`) and a final `v`/`z`
//! devoiced (`geloven` → `geloof`, `reizen` → `reis`), unless `fr:stem`
//! gives it. The present is the stem, stem + `t` and the infinitive; the weak
//! past is stem + `te(n)` after a voiceless consonant of the infinitive
//! ('t kofschip) and stem + `de(n)` otherwise; the participle is
//! `ge` + stem + `t`/`d` (no `ge` for `fr:noGe`, no doubled final `t`/`d`, a
//! diaeresis where `ge` meets a vowel: `geëvalueerd`). A separable verb's
//! forms are those of its base; the forms written with the particle
//! joined (`tegengehouden`, `tegenhoudt`) are listed apart.
//!
//! English: third person `-s`/`-es`/`-ies`, past and participle
//! `-ed`/`-d`/`-ied`, `-ing` with e-drop; a final consonant is never
//! doubled by rule (the data states doubled forms). A particle is never
//! joined.

use super::frames::{Form, Lang};

/// Surface forms with their grammatical form.
pub type FormList = Vec<(String, Form)>;

/// What the rules cannot produce, as stated for a verb in `frames.ttl`.
/// Every list may be empty; several values are all forms (`was`, `were`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Irregular {
    /// `fr:noGe`: inseparable prefix, participle without `ge-` (nl).
    pub no_ge: bool,
    /// `fr:stem`: the stem where the rule gives a wrong one (nl).
    pub stem: Option<String>,
    /// `fr:pastSingular` (nl).
    pub past_singular: Vec<String>,
    /// `fr:pastPlural` (nl).
    pub past_plural: Vec<String>,
    /// `fr:participle` (nl without the separable particle; en).
    pub participle: Vec<String>,
    /// `fr:presentSingular`: irregular third person singular (nl).
    pub present_singular: Vec<String>,
    /// `fr:third`: third person singular present (en).
    pub third: Vec<String>,
    /// `fr:past` (en).
    pub past: Vec<String>,
    /// `fr:gerund`: the `-ing` form (en).
    pub gerund: Vec<String>,
    /// `fr:presentPlural`: present forms other than the third person that
    /// differ from the lemma (en `are`, `am`).
    pub present_plural: Vec<String>,
}

/// Every form of a verb: `(forms without the particle, forms with the
/// particle joined)`, lower case, each with its [`Form`], without
/// duplicates, in a fixed order.
///
/// `lemma` is as written in the data: the Dutch infinitive with its
/// particle (`tegenhouden`), the bare English verb (`hold`). A Dutch
/// particle that does not begin the lemma is ignored.
///
/// [`Form::TeInfinitive`] is the single word after `te`/`to`: the
/// infinitive of the base. A separable verb's `te`-infinitive is written
/// as three words (`tegen te houden`), so no joined one is produced.
pub fn forms(
    lang: Lang,
    lemma: &str,
    particle: Option<&str>,
    irregular: &Irregular,
) -> (FormList, FormList) {
    match lang {
        Lang::Nl => dutch(lemma, particle, irregular),
        Lang::En => (english(lemma, irregular), Vec::new()),
    }
}

/// The base of a Dutch verb: the lemma without its separable particle
/// (`tegenhouden` → `houden`), lower case.
pub fn dutch_base(lemma: &str, particle: Option<&str>) -> String {
    let lemma = lemma.to_lowercase();
    match particle.map(str::to_lowercase) {
        Some(p) if !p.is_empty() && lemma.len() > p.len() && lemma.starts_with(&p) => {
            lemma[p.len()..].to_owned()
        }
        _ => lemma,
    }
}

/// The stem of a Dutch infinitive by rule, or `None` when the rule does
/// not apply and the data must give `fr:stem`: an infinitive that does not
/// end in a suffix `-en` (`gaan`, `zien`, `doen`, `zijn`).
pub fn dutch_stem(infinitive: &str) -> Option<String> {
    let s = en_suffix_stem(infinitive)?;
    let mut chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let last = *chars.last()?;
    if n >= 2 && chars[n - 2] == last && is_consonant(last) {
        // Geminate reduced: remmen → rem, zetten → zet.
        chars.pop();
    } else if n >= 2 && is_consonant(last) && is_single_vowel(&chars, n - 2) {
        // Open syllable: the vowel is written double in the closed stem.
        let v = chars[n - 2];
        chars.insert(n - 1, v);
    }
    if let Some(c) = chars.last_mut() {
        match *c {
            'v' => *c = 'f',
            'z' => *c = 's',
            _ => {}
        }
    }
    Some(chars.into_iter().collect())
}

/// The infinitive minus its `-en` suffix, when it has one: the `en` must
/// follow a consonant (`maken`) or the `i` of a diphthong (`gloeien`);
/// in `zien`, `doen`, `gaan` the `n` is not a suffix `-en`.
fn en_suffix_stem(infinitive: &str) -> Option<&str> {
    let s = infinitive.strip_suffix("en")?;
    let chars: Vec<char> = s.chars().collect();
    let last = *chars.last()?;
    if is_consonant(last) {
        return Some(s);
    }
    let n = chars.len();
    if last == 'i' && n >= 2 && is_vowel(chars[n - 2]) {
        return Some(s);
    }
    None
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ë' | 'ï' | 'ö' | 'ü' | 'é' | 'è'
    )
}

fn is_consonant(c: char) -> bool {
    c.is_alphabetic() && !is_vowel(c)
}

/// The vowel at `i` stands alone (not the second letter of `aa`, `ee`,
/// `ie`, `oe`, `eu`, `au`, `ou`, …) and can be doubled (`a`, `e`, `o`,
/// `u`): `maken` → `maak`, `evalueren` → `evalueer`, but `voeren` → `voer`.
fn is_single_vowel(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if !matches!(c, 'a' | 'e' | 'o' | 'u') {
        return false;
    }
    let Some(prev) = i.checked_sub(1).map(|j| chars[j]) else {
        return true;
    };
    let digraph = matches!(
        (prev, c),
        ('a', 'a')
            | ('e', 'e')
            | ('o', 'o')
            | ('u', 'u')
            | ('i', 'e')
            | ('o', 'e')
            | ('e', 'u')
            | ('a', 'u')
            | ('o', 'u')
    );
    !digraph
}

/// Stem + `t`; a stem ending in a single vowel doubles it in the closed
/// syllable (`ga` → `gaat`, `sta` → `staat`; but `doe` → `doet`).
fn with_t(stem: &str) -> String {
    let chars: Vec<char> = stem.chars().collect();
    match chars.last() {
        Some(&v) if chars.len() >= 2 && is_single_vowel(&chars, chars.len() - 1) => {
            format!("{stem}{v}t")
        }
        _ => format!("{stem}t"),
    }
}

/// 't kofschip: the consonants after which the weak past takes `-te`.
fn voiceless(c: char) -> bool {
    matches!(c, 't' | 'k' | 'f' | 's' | 'c' | 'h' | 'p' | 'x')
}

/// `ge` before a stem, with the diaeresis the spelling needs where `ge`
/// meets `e`, `i` (not `ij`) or `u`: `geëvalueerd`, `geïnitieerd`.
fn ge_prefix(stem: &str) -> String {
    let mut chars = stem.chars();
    let first = chars.next();
    let second = chars.next();
    let marked = match first {
        Some('e') => Some('ë'),
        Some('i') if second != Some('j') => Some('ï'),
        Some('u') => Some('ü'),
        _ => None,
    };
    match marked {
        Some(m) => format!("ge{m}{}", &stem[1..]),
        None => format!("ge{stem}"),
    }
}

fn push(out: &mut Vec<(String, Form)>, word: impl Into<String>, form: Form) {
    let word: String = word.into().to_lowercase();
    if word.is_empty() || out.iter().any(|(w, f)| *w == word && *f == form) {
        return;
    }
    out.push((word, form));
}

fn lower(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

fn dutch(lemma: &str, particle: Option<&str>, irr: &Irregular) -> (FormList, FormList) {
    let base = dutch_base(lemma, particle);
    let stem = irr
        .stem
        .as_ref()
        .map(|s| s.to_lowercase())
        .or_else(|| dutch_stem(&base))
        .unwrap_or_else(|| base.strip_suffix('n').unwrap_or(&base).to_owned());
    // 't kofschip looks at the infinitive's consonant before -en (geloven:
    // v, so geloofde), else at the stem's last letter.
    let kofschip = en_suffix_stem(&base)
        .and_then(|s| s.chars().last())
        .or_else(|| stem.chars().last())
        .is_some_and(voiceless);

    let mut present: Vec<String> = vec![stem.clone()];
    if !stem.ends_with('t') {
        present.push(with_t(&stem));
    }
    present.extend(lower(&irr.present_singular));
    present.push(base.clone());

    let mut past: Vec<String> = Vec::new();
    if irr.past_singular.is_empty() && irr.past_plural.is_empty() {
        let t = if kofschip { "t" } else { "d" };
        past.push(format!("{stem}{t}e"));
        past.push(format!("{stem}{t}en"));
    } else {
        past.extend(lower(&irr.past_singular));
        past.extend(lower(&irr.past_plural));
    }

    let participles: Vec<String> = if irr.participle.is_empty() {
        let end = if kofschip { 't' } else { 'd' };
        let mut p = if irr.no_ge {
            stem.clone()
        } else {
            ge_prefix(&stem)
        };
        if !p.ends_with(end) {
            p.push(end);
        }
        vec![p]
    } else {
        lower(&irr.participle)
    };

    let present_participle = if en_suffix_stem(&base).is_some() {
        format!("{base}d")
    } else {
        format!("{base}de")
    };

    let mut forms = Vec::new();
    push(&mut forms, base.as_str(), Form::Infinitive);
    for w in &present {
        push(&mut forms, w.as_str(), Form::Present);
    }
    for w in &past {
        push(&mut forms, w.as_str(), Form::Past);
    }
    for w in &participles {
        push(&mut forms, w.as_str(), Form::Participle);
    }
    push(&mut forms, base.as_str(), Form::TeInfinitive);
    push(
        &mut forms,
        present_participle.as_str(),
        Form::PresentParticiple,
    );

    let mut joined = Vec::new();
    let particle = particle
        .map(str::to_lowercase)
        .filter(|p| !p.is_empty() && lemma.to_lowercase().starts_with(p.as_str()));
    if let Some(p) = particle {
        for (w, f) in &forms {
            if *f != Form::TeInfinitive {
                push(&mut joined, format!("{p}{w}"), *f);
            }
        }
    }
    (forms, joined)
}

fn english(lemma: &str, irr: &Irregular) -> Vec<(String, Form)> {
    let lemma = lemma.to_lowercase();
    let third = if irr.third.is_empty() {
        vec![english_third(&lemma)]
    } else {
        lower(&irr.third)
    };
    let present = if irr.present_plural.is_empty() {
        vec![lemma.clone()]
    } else {
        lower(&irr.present_plural)
    };
    let past = if irr.past.is_empty() {
        vec![english_ed(&lemma)]
    } else {
        lower(&irr.past)
    };
    let participle = if !irr.participle.is_empty() {
        lower(&irr.participle)
    } else if !irr.past.is_empty() {
        // An irregular past is an irregular participle too (held, held).
        lower(&irr.past)
    } else {
        vec![english_ed(&lemma)]
    };
    let gerund = if irr.gerund.is_empty() {
        vec![english_ing(&lemma)]
    } else {
        lower(&irr.gerund)
    };

    let mut forms = Vec::new();
    push(&mut forms, lemma.as_str(), Form::Infinitive);
    for w in third.iter().chain(&present) {
        push(&mut forms, w.as_str(), Form::Present);
    }
    for w in &past {
        push(&mut forms, w.as_str(), Form::Past);
    }
    for w in &participle {
        push(&mut forms, w.as_str(), Form::Participle);
    }
    push(&mut forms, lemma.as_str(), Form::TeInfinitive);
    for w in &gerund {
        push(&mut forms, w.as_str(), Form::PresentParticiple);
    }
    forms
}

/// A consonant followed by a final `y` (`study`, not `delay`).
fn consonant_y(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    stem.chars().last().filter(|c| is_consonant(*c))?;
    Some(stem)
}

fn english_third(lemma: &str) -> String {
    if let Some(stem) = consonant_y(lemma) {
        return format!("{stem}ies");
    }
    let sibilant = ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| lemma.ends_with(e));
    if sibilant {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

fn english_ed(lemma: &str) -> String {
    if let Some(stem) = consonant_y(lemma) {
        format!("{stem}ied")
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    }
}

fn english_ing(lemma: &str) -> String {
    if let Some(stem) = lemma.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    let keeps_e = ["ee", "ye", "oe"].iter().any(|e| lemma.ends_with(e));
    match lemma.strip_suffix('e') {
        // "be" keeps its e: the stem has no vowel left without it.
        Some(stem) if !keeps_e && stem.chars().any(is_vowel) => format!("{stem}ing"),
        _ => format!("{lemma}ing"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn irr() -> Irregular {
        Irregular::default()
    }

    fn has(list: &[(String, Form)], word: &str, form: Form) -> bool {
        list.iter().any(|(w, f)| w == word && *f == form)
    }

    fn words(list: &[(String, Form)]) -> Vec<&str> {
        list.iter().map(|(w, _)| w.as_str()).collect()
    }

    #[track_caller]
    fn check(list: &[(String, Form)], expected: &[(&str, Form)]) {
        for (w, f) in expected {
            assert!(has(list, w, *f), "{w} as {f:?} missing from {list:?}");
        }
    }

    #[test]
    fn a_separable_verb_has_its_split_and_joined_forms() {
        let i = Irregular {
            past_singular: vec!["hield".into()],
            past_plural: vec!["hielden".into()],
            participle: vec!["gehouden".into()],
            ..irr()
        };
        let (forms, joined) = forms(Lang::Nl, "tegenhouden", Some("tegen"), &i);
        check(
            &forms,
            &[
                ("houd", Form::Present),
                ("houdt", Form::Present),
                ("houden", Form::Present),
                ("houden", Form::Infinitive),
                ("houden", Form::TeInfinitive),
                ("hield", Form::Past),
                ("hielden", Form::Past),
                ("gehouden", Form::Participle),
                ("houdend", Form::PresentParticiple),
            ],
        );
        check(
            &joined,
            &[
                ("tegengehouden", Form::Participle),
                ("tegenhouden", Form::Infinitive),
                ("tegenhoudt", Form::Present),
                ("tegenhoud", Form::Present),
                ("tegenhield", Form::Past),
                ("tegenhielden", Form::Past),
                ("tegenhoudend", Form::PresentParticiple),
            ],
        );
        assert!(!words(&forms).iter().any(|w| w.starts_with("tegen")));
        assert!(!joined.iter().any(|(_, f)| *f == Form::TeInfinitive));
        assert!(
            !words(&forms).contains(&"houdde"),
            "no weak past for a strong verb"
        );
    }

    #[test]
    fn a_regular_verb_in_eren_doubles_its_stem_vowel() {
        let (forms, joined) = forms(Lang::Nl, "blokkeren", None, &irr());
        check(
            &forms,
            &[
                ("blokkeer", Form::Present),
                ("blokkeert", Form::Present),
                ("blokkeerde", Form::Past),
                ("blokkeerden", Form::Past),
                ("geblokkeerd", Form::Participle),
                ("blokkerend", Form::PresentParticiple),
            ],
        );
        assert!(joined.is_empty());
    }

    #[test]
    fn an_inseparable_verb_with_a_given_stem_has_no_ge() {
        let i = Irregular {
            no_ge: true,
            stem: Some("belemmer".into()),
            ..irr()
        };
        let (f, _) = forms(Lang::Nl, "belemmeren", None, &i);
        check(
            &f,
            &[
                ("belemmert", Form::Present),
                ("belemmerde", Form::Past),
                ("belemmerd", Form::Participle),
            ],
        );
        assert!(!words(&f).contains(&"belemmeert"));
        let i = Irregular {
            no_ge: true,
            stem: Some("verhinder".into()),
            ..irr()
        };
        let (f, _) = forms(Lang::Nl, "verhinderen", None, &i);
        check(
            &f,
            &[
                ("verhindert", Form::Present),
                ("verhinderde", Form::Past),
                ("verhinderd", Form::Participle),
                ("verhinderend", Form::PresentParticiple),
            ],
        );
        let i = Irregular {
            no_ge: true,
            stem: Some("verwelkom".into()),
            ..irr()
        };
        let (f, _) = forms(Lang::Nl, "verwelkomen", None, &i);
        check(
            &f,
            &[
                ("verwelkomt", Form::Present),
                ("verwelkomde", Form::Past),
                ("verwelkomd", Form::Participle),
            ],
        );
    }

    #[test]
    fn weak_verbs_follow_t_kofschip() {
        let (f, _) = forms(Lang::Nl, "steunen", None, &irr());
        check(
            &f,
            &[
                ("steunt", Form::Present),
                ("steunde", Form::Past),
                ("gesteund", Form::Participle),
            ],
        );
        let (f, _) = forms(Lang::Nl, "maken", None, &irr());
        check(
            &f,
            &[
                ("maak", Form::Present),
                ("maakt", Form::Present),
                ("maakte", Form::Past),
                ("maakten", Form::Past),
                ("gemaakt", Form::Participle),
            ],
        );
        let (f, _) = forms(Lang::Nl, "toejuichen", Some("toe"), &irr());
        check(
            &f,
            &[("juichte", Form::Past), ("gejuicht", Form::Participle)],
        );
    }

    #[test]
    fn a_geminate_is_reduced_in_the_stem() {
        let (f, _) = forms(Lang::Nl, "remmen", None, &irr());
        check(
            &f,
            &[
                ("rem", Form::Present),
                ("remt", Form::Present),
                ("remde", Form::Past),
                ("geremd", Form::Participle),
            ],
        );
        let (f, _) = forms(Lang::Nl, "zetten", None, &irr());
        check(
            &f,
            &[
                ("zet", Form::Present),
                ("zette", Form::Past),
                ("gezet", Form::Participle),
            ],
        );
        assert!(!words(&f).contains(&"zett"));
        assert!(!words(&f).contains(&"gezett"));
    }

    #[test]
    fn a_final_t_or_d_is_not_doubled_in_the_participle() {
        let (f, _) = forms(Lang::Nl, "praten", None, &irr());
        check(
            &f,
            &[
                ("praat", Form::Present),
                ("praatte", Form::Past),
                ("gepraat", Form::Participle),
            ],
        );
        let (f, _) = forms(Lang::Nl, "antwoorden", None, &irr());
        check(
            &f,
            &[
                ("antwoordt", Form::Present),
                ("antwoordde", Form::Past),
                ("geantwoord", Form::Participle),
            ],
        );
    }

    #[test]
    fn a_final_v_or_z_is_devoiced_but_takes_de() {
        // ge- of geloven is an inseparable prefix: the data marks it noGe.
        let i = Irregular {
            no_ge: true,
            ..irr()
        };
        let (f, _) = forms(Lang::Nl, "geloven", None, &i);
        check(
            &f,
            &[
                ("geloof", Form::Present),
                ("gelooft", Form::Present),
                ("geloofde", Form::Past),
                ("geloofd", Form::Participle),
            ],
        );
        let (f, _) = forms(Lang::Nl, "leven", None, &irr());
        check(
            &f,
            &[
                ("leef", Form::Present),
                ("leefde", Form::Past),
                ("geleefd", Form::Participle),
            ],
        );
        let (f, _) = forms(Lang::Nl, "reizen", None, &irr());
        check(
            &f,
            &[
                ("reist", Form::Present),
                ("reisde", Form::Past),
                ("gereisd", Form::Participle),
            ],
        );
        let i = Irregular {
            no_ge: true,
            past_singular: vec!["onderschreef".into()],
            past_plural: vec!["onderschreven".into()],
            participle: vec!["onderschreven".into()],
            ..irr()
        };
        let (f, _) = forms(Lang::Nl, "onderschrijven", None, &i);
        check(
            &f,
            &[
                ("onderschrijf", Form::Present),
                ("onderschrijft", Form::Present),
                ("onderschreef", Form::Past),
                ("onderschreven", Form::Participle),
            ],
        );
    }

    #[test]
    fn a_separable_weak_verb_joins_its_particle_before_ge() {
        let (f, j) = forms(Lang::Nl, "voorstellen", Some("voor"), &irr());
        check(
            &f,
            &[
                ("stel", Form::Present),
                ("stelt", Form::Present),
                ("stelde", Form::Past),
                ("stelden", Form::Past),
                ("gesteld", Form::Participle),
            ],
        );
        check(
            &j,
            &[
                ("voorgesteld", Form::Participle),
                ("voorstelt", Form::Present),
                ("voorstelde", Form::Past),
                ("voorstellen", Form::Infinitive),
                ("voorstellend", Form::PresentParticiple),
            ],
        );
    }

    #[test]
    fn ge_before_a_vowel_takes_a_diaeresis() {
        let i = Irregular {
            stem: Some("initieer".into()),
            ..irr()
        };
        let (f, _) = forms(Lang::Nl, "initiëren", None, &i);
        check(
            &f,
            &[
                ("initieert", Form::Present),
                ("initieerde", Form::Past),
                ("geïnitieerd", Form::Participle),
                ("initiërend", Form::PresentParticiple),
            ],
        );
        let (f, _) = forms(Lang::Nl, "evalueren", None, &irr());
        check(
            &f,
            &[
                ("evalueert", Form::Present),
                ("geëvalueerd", Form::Participle),
            ],
        );
        let (f, _) = forms(Lang::Nl, "voeren", None, &irr());
        check(
            &f,
            &[("voert", Form::Present), ("gevoerd", Form::Participle)],
        );
        let (f, _) = forms(Lang::Nl, "ijken", None, &irr());
        check(&f, &[("geijkt", Form::Participle)]);
    }

    #[test]
    fn zijn_takes_its_forms_from_the_data() {
        let i = Irregular {
            stem: Some("ben".into()),
            present_singular: vec!["is".into()],
            past_singular: vec!["was".into()],
            past_plural: vec!["waren".into()],
            participle: vec!["geweest".into()],
            ..irr()
        };
        let (f, j) = forms(Lang::Nl, "zijn", None, &i);
        check(
            &f,
            &[
                ("zijn", Form::Infinitive),
                ("zijn", Form::Present),
                ("ben", Form::Present),
                ("bent", Form::Present),
                ("is", Form::Present),
                ("was", Form::Past),
                ("waren", Form::Past),
                ("geweest", Form::Participle),
                ("zijnde", Form::PresentParticiple),
            ],
        );
        assert!(!words(&f).contains(&"bende"));
        assert!(j.is_empty());
    }

    #[test]
    fn monosyllabic_verbs_need_a_given_stem() {
        assert_eq!(dutch_stem("gaan"), None);
        assert_eq!(dutch_stem("zien"), None);
        assert_eq!(dutch_stem("doen"), None);
        assert_eq!(dutch_stem("zijn"), None);
        assert_eq!(dutch_stem("gloeien").as_deref(), Some("gloei"));
        assert_eq!(dutch_stem("komen").as_deref(), Some("koom"));
        let i = Irregular {
            stem: Some("ga".into()),
            present_singular: vec!["gaat".into()],
            past_singular: vec!["ging".into()],
            past_plural: vec!["gingen".into()],
            participle: vec!["gegaan".into()],
            ..irr()
        };
        let (f, j) = forms(Lang::Nl, "aangaan", Some("aan"), &i);
        assert!(!words(&f).contains(&"gat"), "ga + t is gaat: {f:?}");
        check(
            &f,
            &[
                ("ga", Form::Present),
                ("gaat", Form::Present),
                ("gaan", Form::Present),
                ("ging", Form::Past),
                ("gegaan", Form::Participle),
                ("gaande", Form::PresentParticiple),
            ],
        );
        check(
            &j,
            &[
                ("aangegaan", Form::Participle),
                ("aangaat", Form::Present),
                ("aanging", Form::Past),
            ],
        );
    }

    #[test]
    fn english_regular_verbs_take_s_ed_ing() {
        let f = forms(Lang::En, "block", None, &irr()).0;
        check(
            &f,
            &[
                ("block", Form::Infinitive),
                ("block", Form::Present),
                ("blocks", Form::Present),
                ("blocked", Form::Past),
                ("blocked", Form::Participle),
                ("blocking", Form::PresentParticiple),
            ],
        );
        let f = forms(Lang::En, "support", None, &irr()).0;
        check(
            &f,
            &[
                ("supports", Form::Present),
                ("supported", Form::Past),
                ("supporting", Form::PresentParticiple),
            ],
        );
        let f = forms(Lang::En, "delay", None, &irr()).0;
        check(
            &f,
            &[
                ("delays", Form::Present),
                ("delayed", Form::Past),
                ("delaying", Form::PresentParticiple),
            ],
        );
        let f = forms(Lang::En, "study", None, &irr()).0;
        check(
            &f,
            &[
                ("studies", Form::Present),
                ("studied", Form::Participle),
                ("studying", Form::PresentParticiple),
            ],
        );
        let f = forms(Lang::En, "launch", None, &irr()).0;
        check(&f, &[("launches", Form::Present)]);
    }

    #[test]
    fn english_drops_a_final_e_except_after_e_y_o() {
        let f = forms(Lang::En, "oppose", None, &irr()).0;
        check(
            &f,
            &[
                ("opposes", Form::Present),
                ("opposed", Form::Past),
                ("opposing", Form::PresentParticiple),
            ],
        );
        let f = forms(Lang::En, "agree", None, &irr()).0;
        check(
            &f,
            &[
                ("agrees", Form::Present),
                ("agreed", Form::Past),
                ("agreeing", Form::PresentParticiple),
            ],
        );
        let f = forms(Lang::En, "veto", None, &irr()).0;
        check(
            &f,
            &[
                ("vetoes", Form::Present),
                ("vetoed", Form::Past),
                ("vetoing", Form::PresentParticiple),
            ],
        );
    }

    #[test]
    fn english_does_not_double_by_rule() {
        let f = forms(Lang::En, "submit", None, &irr()).0;
        assert!(!words(&f).contains(&"submitted"));
        let i = Irregular {
            past: vec!["submitted".into()],
            participle: vec!["submitted".into()],
            gerund: vec!["submitting".into()],
            ..irr()
        };
        let f = forms(Lang::En, "submit", None, &i).0;
        check(
            &f,
            &[
                ("submitted", Form::Past),
                ("submitting", Form::PresentParticiple),
            ],
        );
    }

    #[test]
    fn an_english_particle_verb_has_no_joined_forms() {
        let i = Irregular {
            past: vec!["held".into()],
            participle: vec!["held".into()],
            ..irr()
        };
        let (f, j) = forms(Lang::En, "hold", Some("up"), &i);
        check(
            &f,
            &[
                ("hold", Form::Infinitive),
                ("holds", Form::Present),
                ("held", Form::Past),
                ("held", Form::Participle),
                ("holding", Form::PresentParticiple),
            ],
        );
        assert!(j.is_empty());
        assert!(!words(&f).iter().any(|w| w.contains("up")));
        // An irregular past stands for the participle when none is given.
        let i = Irregular {
            past: vec!["stood".into()],
            ..irr()
        };
        let f = forms(Lang::En, "stand", None, &i).0;
        check(&f, &[("stood", Form::Participle)]);
    }

    #[test]
    fn be_takes_every_form_from_the_data() {
        let i = Irregular {
            third: vec!["is".into()],
            present_plural: vec!["are".into(), "am".into()],
            past: vec!["was".into(), "were".into()],
            participle: vec!["been".into()],
            gerund: vec!["being".into()],
            ..irr()
        };
        let f = forms(Lang::En, "be", None, &i).0;
        check(
            &f,
            &[
                ("be", Form::Infinitive),
                ("is", Form::Present),
                ("are", Form::Present),
                ("am", Form::Present),
                ("was", Form::Past),
                ("were", Form::Past),
                ("been", Form::Participle),
                ("being", Form::PresentParticiple),
            ],
        );
        assert!(!has(&f, "be", Form::Present));
        assert!(!words(&f).contains(&"bes"));
    }

    #[test]
    fn forms_are_lower_case_and_unique() {
        let (f, j) = forms(Lang::Nl, "Tegenhouden", Some("tegen"), &irr());
        for (w, _) in f.iter().chain(&j) {
            assert_eq!(*w, w.to_lowercase());
        }
        let mut seen = f.clone();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), f.len());
    }
}
