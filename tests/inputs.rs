//! End-to-end tests of the input side: special files, symbolic links,
//! encodings and line endings, run through the real binary.
//!
//! Each test builds a corpus file (`002`, a cabinet response with
//! recommendations and responses) re-encoded in a temporary directory, so
//! no corpus text enters the repository.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Run, corpus_file, policykg, summary};

/// How long one run may take before the test calls it a hang.
const LIMIT: Duration = Duration::from_secs(60);

/// Runs `policykg ARGS…`, killing it (and failing) when it outlives [`LIMIT`].
fn bounded(args: &[&std::ffi::OsStr]) -> Run {
    let mut child = policykg()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the policykg binary runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("policykg {args:?} still ran after {LIMIT:?}; killed");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stdout = out.join().unwrap();
    let stderr = err.join().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        raw_stdout: stdout,
    }
}

/// `policykg --in-memory build PATH…`.
fn build(paths: &[&Path]) -> Run {
    let mut args: Vec<&std::ffi::OsStr> = vec!["--in-memory".as_ref(), "build".as_ref()];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    bounded(&args)
}

/// The N-Quads dump of the documents under `path`, built in memory, without
/// the `pkg:encoding` triples.
fn dump(path: &Path) -> Vec<String> {
    let r = bounded(&[
        "--in-memory".as_ref(),
        "dump".as_ref(),
        "--format".as_ref(),
        "nquads".as_ref(),
        "--from".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .filter(|l| !l.contains("/def#encoding>"))
        .map(str::to_owned)
        .collect()
}

/// The stderr lines that name `name`.
fn lines_naming<'a>(r: &'a Run, name: &str) -> Vec<&'a str> {
    r.stderr.lines().filter(|l| l.contains(name)).collect()
}

/// The text of corpus file 002, a cabinet response.
fn letter() -> String {
    std::fs::read_to_string(corpus_file("002")).unwrap()
}

/// A directory `name` in a fresh temporary directory holding `a.txt` with `bytes`.
fn corpus_dir(tmp: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = tmp.path().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), bytes).unwrap();
    dir
}

fn count(dump: &[String], class: &str) -> usize {
    let needle = format!(
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/policykg/def#{class}>"
    );
    dump.iter().filter(|l| l.contains(&needle)).count()
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn a_fifo_among_the_inputs_is_skipped_with_one_diagnostic_and_the_build_finishes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus_dir(&tmp, "in", letter().as_bytes());
    mkfifo(&dir.join("pipe.txt"));
    let r = build(&[&dir]);
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    let named = lines_naming(&r, "pipe.txt");
    assert_eq!(named.len(), 1, "{}", r.stderr);
    assert!(named[0].contains("FIFO"), "{}", named[0]);
    assert!(named[0].contains("not a regular file"), "{}", named[0]);
    assert_eq!(summary(&r.stdout, "documents").as_deref(), Some("1"));
    assert_eq!(summary(&r.stdout, "diagnostics").as_deref(), Some("1"));
}

#[test]
fn a_fifo_named_on_the_command_line_is_skipped_and_never_opened() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus_dir(&tmp, "in", letter().as_bytes());
    let fifo = tmp.path().join("pipe.txt");
    mkfifo(&fifo);
    let r = build(&[&fifo, &dir.join("a.txt")]);
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert_eq!(lines_naming(&r, "pipe.txt").len(), 1, "{}", r.stderr);
    assert_eq!(summary(&r.stdout, "documents").as_deref(), Some("1"));
    // `text` refuses it too, in one line, instead of waiting for a writer.
    let t = bounded(&["text".as_ref(), fifo.as_os_str()]);
    assert_eq!(t.code, 2, "{}", t.stderr);
    assert_eq!(lines_naming(&t, "pipe.txt").len(), 1, "{}", t.stderr);
    assert!(t.stderr.contains("FIFO"), "{}", t.stderr);
}

#[test]
fn a_symlink_loop_gives_one_diagnostic_and_every_document_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus_dir(&tmp, "in", letter().as_bytes());
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    // sub/back leads to `in`, which contains it.
    std::os::unix::fs::symlink("..", dir.join("sub/back")).unwrap();
    let r = build(&[&dir]);
    assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("back"), "{}", r.stderr);
    assert!(r.stderr.contains("loop"), "{}", r.stderr);
    assert_eq!(summary(&r.stdout, "files read").as_deref(), Some("1"));
    assert_eq!(summary(&r.stdout, "documents").as_deref(), Some("1"));
    assert_eq!(summary(&r.stdout, "duplicates").as_deref(), Some("0"));
}

#[test]
fn a_link_to_a_document_also_read_directly_gives_the_document_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus_dir(&tmp, "in", letter().as_bytes());
    std::os::unix::fs::symlink("a.txt", dir.join("b.txt")).unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    let r = build(&[&dir, &dir.join("b.txt")]);
    assert_eq!(summary(&r.stdout, "files read").as_deref(), Some("1"));
    assert_eq!(summary(&r.stdout, "documents").as_deref(), Some("1"));
    assert_eq!(summary(&r.stdout, "duplicates").as_deref(), Some("0"));
    // Nothing was left out: the first path in sorted order is read.
    assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    let same = lines_naming(&r, "b.txt");
    assert_eq!(same.len(), 1, "{}", r.stderr);
    assert!(same[0].contains("same file"), "{}", same[0]);
}

#[test]
fn a_dangling_symlink_gives_one_diagnostic_naming_its_target() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus_dir(&tmp, "in", letter().as_bytes());
    std::os::unix::fs::symlink("gone.txt", dir.join("link.txt")).unwrap();
    let r = build(&[&dir]);
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let line = r.stderr.lines().next().unwrap_or_default();
    assert!(line.contains("link.txt"), "{line}");
    assert!(line.contains("symbolic link to \"gone.txt\""), "{line}");
    assert_eq!(summary(&r.stdout, "documents").as_deref(), Some("1"));
}

#[test]
fn utf16_le_with_bom_and_be_without_bom_give_the_same_graph_as_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    let text = letter();
    let utf8 = corpus_dir(&tmp, "utf8", text.as_bytes());
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let le = corpus_dir(&tmp, "le", &le);
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let be = corpus_dir(&tmp, "be", &be);

    let reference = dump(&utf8);
    assert!(count(&reference, "Recommendation") > 0);
    assert!(count(&reference, "Response") > 0);
    for (dir, label) in [(&le, "utf-16le"), (&be, "utf-16be")] {
        let r = build(&[dir]);
        assert_eq!(r.code, 0, "{label}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{label}");
        assert!(dump(dir) == reference, "{label} gives another graph");
        let q = bounded(&[
            "--in-memory".as_ref(),
            "query".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "-e".as_ref(),
            "PREFIX pkg: <https://w3id.org/policykg/def#> SELECT ?e WHERE { ?d pkg:encoding ?e }"
                .as_ref(),
            "--from".as_ref(),
            dir.as_os_str(),
        ]);
        assert_eq!(q.code, 0, "{}", q.stderr);
        let rows = common::rows(&q.stdout);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0]["e"], label);
    }
}

#[test]
fn utf8_with_one_bad_byte_is_read_with_one_diagnostic_naming_line_and_column_and_exits_zero() {
    let tmp = tempfile::tempdir().unwrap();
    let text = letter();
    // A stray 0xFF before the 7th character of line 14.
    let mut bytes = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i == 13 {
            let cut = line.char_indices().nth(6).map_or(line.len(), |(o, _)| o);
            bytes.extend_from_slice(&line.as_bytes()[..cut]);
            bytes.push(0xFF);
            bytes.extend_from_slice(&line.as_bytes()[cut..]);
        } else {
            bytes.extend_from_slice(line.as_bytes());
        }
    }
    let dir = corpus_dir(&tmp, "in", &bytes);
    // Beside it, a genuine Windows-1252 file: still read as such.
    std::fs::write(
        dir.join("win.txt"),
        b"Het kabinet \x93steunt\x94 \xE9\xE9n co\xF6rdinatie van de EDA.\n",
    )
    .unwrap();
    let r = build(&[&dir]);
    assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    let named = lines_naming(&r, "a.txt");
    assert_eq!(named.len(), 1, "{}", r.stderr);
    assert!(
        named[0].ends_with("as UTF-8 with 1 invalid byte replaced (first at line 14, column 7)"),
        "{}",
        named[0]
    );
    let win = lines_naming(&r, "win.txt");
    assert_eq!(win.len(), 1, "{}", r.stderr);
    assert!(win[0].contains("Windows-1252"), "{}", win[0]);
    assert_eq!(summary(&r.stdout, "documents").as_deref(), Some("2"));

    // The rest of the text is intact: the same recommendations and responses.
    std::fs::remove_file(dir.join("win.txt")).unwrap();
    let reference = dump(&corpus_dir(&tmp, "clean", text.as_bytes()));
    let damaged = dump(&dir);
    for class in ["Recommendation", "Response"] {
        assert_eq!(count(&damaged, class), count(&reference, class), "{class}");
    }
}

/// `text` with every line ending replaced by `ending(i)` for line i (0-based).
fn with_endings(text: &str, ending: impl Fn(usize) -> &'static str) -> Vec<u8> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    let mut previous = "";
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if i + 1 < lines.len() {
            let mut e = ending(i);
            // A CR, an empty line and an LF read as one CR LF: avoid it.
            if previous == "\r" && line.is_empty() && e == "\n" {
                e = "\r";
            }
            out.push_str(e);
            previous = e;
        }
    }
    out.into_bytes()
}

#[test]
fn a_cr_only_file_gives_the_same_blocks_sentences_and_facts_as_its_lf_version() {
    let tmp = tempfile::tempdir().unwrap();
    let text = letter();
    let lf = corpus_dir(&tmp, "lf", text.as_bytes());
    let cr = corpus_dir(&tmp, "cr", &with_endings(&text, |_| "\r"));
    let reference = dump(&lf);
    assert!(count(&reference, "Recommendation") > 0);
    assert!(count(&reference, "Response") > 0);
    assert!(
        dump(&cr) == reference,
        "the CR-only file gives another graph"
    );
    // The repaired text, line numbers included, is the same.
    for sentences in [false, true] {
        let text = |dir: &Path| {
            let file = dir.join("a.txt");
            let mut args: Vec<&std::ffi::OsStr> = vec!["text".as_ref(), file.as_os_str()];
            if sentences {
                args.push("--sentences".as_ref());
            }
            let r = bounded(&args);
            assert_eq!(r.code, 0, "{}", r.stderr);
            r.stdout
        };
        assert_eq!(text(&cr), text(&lf));
    }
}

#[test]
fn mixed_line_endings_give_the_same_recommendations_and_responses_as_the_lf_version() {
    let tmp = tempfile::tempdir().unwrap();
    let text = letter();
    let lf = corpus_dir(&tmp, "lf", text.as_bytes());
    let mixed = corpus_dir(
        &tmp,
        "mixed",
        &with_endings(&text, |i| ["\n", "\r\n", "\r"][i % 3]),
    );
    let crlf = corpus_dir(&tmp, "crlf", &with_endings(&text, |_| "\r\n"));
    let reference = dump(&lf);
    assert!(
        dump(&mixed) == reference,
        "mixed line endings give another graph"
    );
    assert!(
        dump(&crlf) == reference,
        "CR LF line endings give another graph"
    );
}
