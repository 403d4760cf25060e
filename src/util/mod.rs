//! Plumbing every layer uses: errors for users, atomic writes, the directory walker,
//! hashing, HTML comments, suggestions for typos, text without its byte order mark, sizes for
//! people, work under a time limit.

pub mod deadline;
pub mod diag;
pub mod fs;
pub mod hash;
pub mod html;
pub mod plan_error;
pub mod suggest;
pub mod text;

/// Human-readable size: `812 KiB`, `3.4 MiB`.
pub fn human_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KiB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}
