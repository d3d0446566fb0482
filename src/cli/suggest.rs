//! "Did you mean …": the known names closest to one that matched nothing
//! (entity labels, bundled queries, views, formats, kinds).

/// Up to `n` of `known` closest to `name`, best first: those that contain
/// it or that it contains, then those whose Jaro–Winkler similarity (case
/// folded) is at least 0.8. Ties keep alphabetical order, so the answer is
/// the same on every run.
pub fn closest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<&'a str> {
    let wanted = name.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .filter_map(|k| {
            let lower = k.to_lowercase();
            if lower == wanted {
                return None;
            }
            let contains = wanted.chars().count() >= 3
                && (lower.contains(&wanted)
                    || wanted.contains(&lower) && lower.chars().count() >= 3);
            let score = strsim::jaro_winkler(&wanted, &lower) + if contains { 1.0 } else { 0.0 };
            (score >= 0.8).then_some((score, k))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<&str> = Vec::new();
    for (_, k) in scored {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(k)) {
            out.push(k);
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// "; did you mean \"a\", \"b\" or \"c\"?" for the names closest to `name`,
/// or nothing when none is close.
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let close = closest(name, known, 3);
    let quoted: Vec<String> = close.iter().map(|c| format!("\"{c}\"")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => format!("; did you mean {last}?"),
        Some((last, rest)) => format!("; did you mean {} or {last}?", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_name_is_matched_to_the_closest_known_names() {
        let known = ["Cyprus", "Cyprusvraagstuk", "Turkije", "Griekenland"];
        assert_eq!(
            closest("Cyprs", known, 3),
            vec!["Cyprus", "Cyprusvraagstuk"]
        );
        assert_eq!(did_you_mean("Turkye", known), "; did you mean \"Turkije\"?");
    }

    #[test]
    fn a_name_unlike_every_known_one_gets_no_suggestion() {
        assert_eq!(did_you_mean("zzzz", ["blocks", "positions"]), "");
    }

    #[test]
    fn a_part_of_a_name_suggests_the_names_that_hold_it() {
        let known = ["who-blocks-what", "blocked-by-issue", "positions"];
        assert_eq!(
            closest("blocks", known, 3).first().copied(),
            Some("who-blocks-what")
        );
    }
}
