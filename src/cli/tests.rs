//! Unit tests of the clap definitions: the help lists what the handlers
//! accept.

use clap::CommandFactory;

use super::{Cli, DUMP_FORMATS};
use crate::export::writers;

fn help(subcommand: &str, arg: &str) -> String {
    let mut command = Cli::command();
    command.build();
    command
        .find_subcommand(subcommand)
        .and_then(|c| c.get_arguments().find(|a| a.get_id() == arg))
        .and_then(|a| a.get_help())
        .map(ToString::to_string)
        .unwrap_or_default()
}

#[test]
fn the_clap_definitions_are_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn format_help_lists_every_format_the_handlers_accept() {
    let dump = help("dump", "format");
    for (name, ..) in DUMP_FORMATS {
        assert!(dump.contains(name), "dump --help lacks {name}: {dump}");
    }
    let export = help("export", "format");
    for name in writers::FORMATS {
        assert!(
            export.contains(name),
            "export --help lacks {name}: {export}"
        );
    }
    let query = help("query", "format");
    for name in [
        "table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "nquads",
    ] {
        assert!(crate::query::Format::parse(name).is_some(), "{name}");
        assert!(query.contains(name), "query --help lacks {name}: {query}");
    }
}

#[test]
fn no_option_takes_more_than_one_value_at_a_time() {
    let mut command = Cli::command();
    command.build();
    for sub in command.get_subcommands() {
        for arg in sub.get_arguments().filter(|a| !a.is_positional()) {
            let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
            assert!(
                !many,
                "{} --{} swallows what follows it",
                sub.get_name(),
                arg.get_id()
            );
        }
    }
}
