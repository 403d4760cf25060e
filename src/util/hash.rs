//! SHA-256 as lowercase hex, the one spelling of every hash livret writes.

use std::collections::BTreeMap;
use std::sync::Mutex;

use sha2::{Digest, Sha256};

/// What [`ReadLog`] keeps for a file read twice with different bytes: it was edited
/// during the build, so no file on disk can match it and the next build redoes the
/// work.
pub const CHANGED_DURING_BUILD: &str = "changed-during-the-build";

/// The hashes of project files taken as they were read (not afterwards, when the
/// file may have been saved again): project-relative path → hex SHA-256.
#[derive(Debug, Default)]
pub struct ReadLog(Mutex<BTreeMap<String, String>>);

impl ReadLog {
    /// Notes that `rel` was read with these bytes.
    pub fn note(&self, rel: &str, bytes: &[u8]) {
        self.note_hash(rel, sha256_hex(bytes));
    }

    /// Notes that `rel` was read with bytes of this hex SHA-256 (or a mark such as
    /// [`CHANGED_DURING_BUILD`]); a different hash for the same path marks it changed.
    pub fn note_hash(&self, rel: &str, hash: String) {
        if let Ok(mut map) = self.0.lock() {
            let entry = map.entry(rel.to_string()).or_insert_with(|| hash.clone());
            if *entry != hash {
                *entry = CHANGED_DURING_BUILD.to_string();
            }
        }
    }

    /// Every path noted with its hash, sorted by path.
    pub fn entries(&self) -> Vec<(String, String)> {
        self.0.lock().map(|map| map.clone().into_iter().collect()).unwrap_or_default()
    }
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Hex SHA-256 of `bytes` (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha256(bytes))
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
