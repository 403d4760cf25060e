//! The integration tests, as one binary (each file under `tests/` would be a crate of
//! its own, linking typst again): one module per command or theme, and `support` for
//! fixture projects, PDFs read back with poppler, and running the `livret` binary.

mod support;

mod architecture;
mod back_offset;
mod build;
mod calibrate;
mod check;
mod check_changes;
mod check_marks;
mod cli;
mod desk;
mod desk_browser;
mod desk_words;
mod docs;
mod editions;
mod fonts;
mod fuzz_inputs;
mod images;
mod impose_cli;
mod impose_sheets;
mod incremental;
mod ink;
mod ink_compose;
mod job_sheet;
mod lighter;
mod live_edits;
mod markdown_prop;
mod new;
mod newcomer_errors;
mod one_path;
mod po;
mod po_guard;
mod po_month;
mod presets;
mod preview;
mod print_shop;
mod print_shop_flat;
mod proof;
mod rtl;
mod segments;
mod trust_budgets;
mod trust_door;
mod trust_images;
mod trust_markdown;
mod trust_po;
mod trust_round3;
mod trust_round4;
mod trust_shop;
mod ui_lang;
mod ui_ops;
mod watch;
