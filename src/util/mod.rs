//! Plumbing every layer uses: errors for users, atomic writes, the directory walker,
//! hashing, one heap for all threads, HTML comments, suggestions for typos, text without its byte order mark, sizes for
//! people, work under a time limit.

pub mod deadline;
pub mod diag;
pub mod fs;
pub mod hash;
pub mod heap;
pub mod html;
pub mod plan_error;
pub mod suggest;
pub mod text;

/// Human-readable size in the interface language: `812 KiB`, `3.4 MiB` (`812 ko`,
/// `3,4 Mo` in French).
pub fn human_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        crate::tr!("util-size-kib", size = bytes.div_ceil(1024)).into()
    } else {
        let mib = crate::i18n::decimal(bytes as f64 / (1024.0 * 1024.0), 1);
        crate::tr!("util-size-mib", size = mib).into()
    }
}
