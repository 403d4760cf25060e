//! The architecture holds: the layers of ARCHITECTURE.md import only downwards, no
//! module imports another that imports it back (directly or around a circle), the
//! size limits hold, and every path ARCHITECTURE.md names exists.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The livret crate's layers, bottom first: each may import only from itself and below.
const LAYERS: [&str; 8] =
    ["util", "project", "images", "typeset", "build", "ops", "desk", "cli"];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The module path of a source file (`src/build/edition.rs` → `["build", "edition"]`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib" || p == "main") {
        parts.pop();
    }
    parts
}

/// Whether a module path names a file of the crate.
fn is_module(src: &Path, path: &[String]) -> bool {
    let joined: PathBuf = path.iter().collect();
    src.join(&joined).with_extension("rs").is_file()
        || src.join(&joined).join("mod.rs").is_file()
}

/// The code of a file without its `#[cfg(test)]` part and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::…` path in `code`, with one level of `{…}` groups expanded.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `livret_crate::` or the like
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let prefix: Vec<String> =
            rest[..end].split("::").filter(|s| !s.is_empty()).map(String::from).collect();
        if rest[end..].starts_with('{') {
            let mut depth = 0;
            let mut close = end;
            for (i, c) in rest[end..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            close = end + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            for item in rest[end + 1..close].split(',') {
                let item = item.trim();
                let word_end = item
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .unwrap_or(item.len());
                let mut path = prefix.clone();
                path.extend(
                    item[..word_end]
                        .split("::")
                        .filter(|s| !s.is_empty())
                        .map(String::from),
                );
                out.push(path);
            }
        } else {
            out.push(prefix);
        }
    }
    out
}

/// `code` of module `me` with relative paths made absolute: `super::`, `self::`, and
/// `use child::…` of a child module (re-exports count as imports).
fn absolute(src: &Path, me: &[String], code: &str) -> String {
    let spell = |path: &[String]| {
        if path.is_empty() {
            "crate::".to_string()
        } else {
            format!("crate::{}::", path.join("::"))
        }
    };
    let parent = &me[..me.len().saturating_sub(1)];
    let mut text = code.replace("super::", &spell(parent)).replace("self::", &spell(me));
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let rest =
            trimmed.strip_prefix("pub use ").or_else(|| trimmed.strip_prefix("use "));
        let first = rest.and_then(|r| r.split("::").next()).unwrap_or("");
        let mut child = me.to_vec();
        child.push(first.to_string());
        if rest.is_some()
            && !first.is_empty()
            && first != "crate"
            && is_module(src, &child)
        {
            out.push_str(&line.replacen(first, &format!("{}{first}", spell(me)), 1));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    text = out;
    text
}

/// The deepest module of the crate a path goes through.
fn target_module(src: &Path, path: &[String]) -> Vec<String> {
    let mut module = Vec::new();
    for segment in path {
        let mut next = module.clone();
        next.push(segment.clone());
        if !is_module(src, &next) {
            break;
        }
        module = next;
    }
    module
}

/// Module → the modules it imports, for the crate under `src`.
fn import_graph(src: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mut graph = BTreeMap::new();
    for file in rust_files(src) {
        let me = module_of(src, &file);
        let text = absolute(src, &me, &code(&fs::read_to_string(&file).unwrap()));
        let edges: &mut BTreeSet<Vec<String>> = graph.entry(me.clone()).or_default();
        for path in crate_paths(&text) {
            let target = target_module(src, &path);
            if !target.is_empty() && target != me {
                edges.insert(target);
            }
        }
    }
    graph
}

/// A circle of imports, if there is one.
fn find_cycle(
    graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
) -> Option<Vec<Vec<String>>> {
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next) {
                Some(1) => {
                    let start = stack.iter().position(|n| n == next).unwrap();
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(cycle) = visit(next, graph, state, stack) {
                        return Some(cycle);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if !state.contains_key(node)
            && let Some(cycle) = visit(node, graph, &mut state, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn layers_import_only_downwards() {
    let src = repo().join("src");
    let mut wrong = Vec::new();
    for (module, imports) in import_graph(&src) {
        let Some(layer) = module.first().and_then(|m| LAYERS.iter().position(|l| l == m))
        else {
            continue;
        };
        for import in imports {
            let theirs = import.first().and_then(|m| LAYERS.iter().position(|l| l == m));
            if theirs.is_some_and(|t| t > layer) {
                wrong.push(format!(
                    "{} imports {}",
                    module.join("::"),
                    import.join("::")
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "imports from a layer above:\n{}", wrong.join("\n"));
}

#[test]
fn no_module_imports_in_a_circle() {
    for src in [repo().join("src"), repo().join("crates/livret-impose/src")] {
        let graph = import_graph(&src);
        assert!(graph.len() > 5, "{}: too few modules found", src.display());
        if let Some(cycle) = find_cycle(&graph) {
            let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
            panic!("{}: import circle: {}", src.display(), names.join(" → "));
        }
    }
}

#[test]
fn the_circle_finder_finds_circles() {
    let m = |s: &str| vec![s.to_string()];
    let mut graph = BTreeMap::new();
    graph.insert(m("a"), BTreeSet::from([m("b")]));
    graph.insert(m("b"), BTreeSet::from([m("c")]));
    graph.insert(m("c"), BTreeSet::from([m("a")]));
    assert_eq!(find_cycle(&graph).map(|c| c.len()), Some(4));
    graph.insert(m("c"), BTreeSet::new());
    assert_eq!(find_cycle(&graph), None);
    let paths = crate_paths(
        "use crate::build::{self, output::BuiltTarget};\nx crate::util::fs::write_atomic(",
    );
    assert_eq!(paths.len(), 3, "{paths:?}");
}

/// Whether a trimmed line starts a function: any visibility (`pub`, `pub(crate)`,
/// `pub(super)`, `pub(in path)`), then any of `const`, `async`, `unsafe`, `extern "…"`.
fn starts_a_fn(trimmed: &str) -> bool {
    let mut rest = trimmed;
    if let Some(after) = rest.strip_prefix("pub") {
        rest = match after.strip_prefix('(') {
            Some(inner) => match inner.find(')') {
                Some(close) => &inner[close + 1..],
                None => return false,
            },
            None => after,
        };
        rest = rest.trim_start();
    }
    loop {
        let before = rest;
        for qualifier in ["const ", "async ", "unsafe "] {
            if let Some(after) = rest.strip_prefix(qualifier) {
                rest = after.trim_start();
            }
        }
        if let Some(after) = rest.strip_prefix("extern ") {
            let after = after.trim_start();
            rest = match after.strip_prefix('"') {
                Some(abi) => {
                    abi.find('"').map_or(after, |end| abi[end + 1..].trim_start())
                }
                None => after,
            };
        }
        if rest == before {
            break;
        }
    }
    rest.starts_with("fn ")
}

#[test]
fn the_function_finder_sees_every_visibility() {
    for line in [
        "fn a() {",
        "pub fn a() {",
        "pub(crate) fn a() {",
        "pub(super) fn a() {",
        "pub(in crate::project) fn a() {",
        "pub const fn a() {",
        "pub(super) async fn a() {",
        "unsafe fn a() {",
        "pub extern \"C\" fn a() {",
    ] {
        assert!(starts_a_fn(line), "{line}");
    }
    for line in ["let fn_name = 1;", "// fn a() {", "pub struct Fn {", "fnord()"] {
        assert!(!starts_a_fn(line), "{line}");
    }
}

#[test]
fn files_and_functions_stay_small() {
    let mut big = Vec::new();
    for src in [repo().join("src"), repo().join("crates/livret-impose/src")] {
        for file in rust_files(&src) {
            let text = fs::read_to_string(&file).unwrap();
            let lines = text.lines().count();
            if lines > 600 {
                big.push(format!("{}: {lines} lines", file.display()));
            }
            let body = text.split("#[cfg(test)]").next().unwrap();
            let all: Vec<&str> = body.lines().collect();
            let mut i = 0;
            while i < all.len() {
                let line = all[i];
                let trimmed = line.trim_start();
                let is_fn = starts_a_fn(trimmed) && !line.trim_end().ends_with(';');
                if is_fn {
                    let indent = &line[..line.len() - trimmed.len()];
                    let close = format!("{indent}}}");
                    let end = (i + 1..all.len())
                        .find(|&j| all[j].trim_end() == close)
                        .unwrap_or(i);
                    let length = end - i + 1;
                    // The one exemption: the flat match over Markdown events.
                    let exempt = file.ends_with("typeset/markdown.rs")
                        && trimmed.starts_with("fn start");
                    if length > 80 && !exempt {
                        big.push(format!(
                            "{}:{}: function of {length} lines",
                            file.display(),
                            i + 1
                        ));
                    }
                    i = end;
                }
                i += 1;
            }
        }
    }
    assert!(big.is_empty(), "too big:\n{}", big.join("\n"));
}

#[test]
fn main_stays_short() {
    let main = fs::read_to_string(repo().join("src/main.rs")).unwrap();
    assert!(main.lines().count() < 80);
}

#[test]
fn architecture_md_names_only_paths_that_exist() {
    let text = fs::read_to_string(repo().join("ARCHITECTURE.md")).unwrap();
    let mut named = 0;
    let mut missing = Vec::new();
    // Paths are written in backticks: `src/build/edition.rs`, `crates/livret-impose/`.
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            continue;
        }
        let looks_like_path = [
            "src/", "crates/", "tests/", "layouts/", "sources/", "fonts/", "bench/",
            "docs/", "tools/",
        ]
        .iter()
        .any(|p| part.starts_with(p))
            && !part.contains(' ')
            && !part.contains('<')
            && !part.contains('*');
        if looks_like_path {
            named += 1;
            if !repo().join(part.trim_end_matches('/')).exists() {
                missing.push(part.to_string());
            }
        }
    }
    assert!(named >= 20, "ARCHITECTURE.md names only {named} paths");
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that do not exist: {missing:?}"
    );
}
