//! What `livret impose` checks before it writes anything: every file it will write (not
//! the input, not one another, not a folder, in a folder that exists, not a preview's
//! name), and the input itself (a regular file of bounded size).

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::i18n::Text;
use crate::project::paths;
use crate::tr;
use crate::util::diag::{Error, Result};

/// The largest input read, in bytes (1 GiB): a print shop's heaviest PDFs are a few
/// hundred megabytes; a device or a runaway file is refused before memory runs out.
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// One file `livret impose` writes: its path, what it is, and what to change.
pub(crate) struct Planned {
    path: PathBuf,
    what: Text,
    fix: Text,
}

/// Every file `livret impose` would write besides the previews: the sheets, the
/// backs with manual duplex, the job ticket, the plan.
pub(crate) fn planned_outputs(
    output: &Path,
    manual_duplex: bool,
    plan: Option<&Path>,
) -> Vec<Planned> {
    let mut files = vec![Planned {
        path: output.to_path_buf(),
        what: tr!("impose-out-output"),
        fix: tr!("impose-out-output-fix"),
    }];
    if manual_duplex {
        files.push(Planned {
            path: with_suffix(output, "-backs"),
            what: tr!("impose-out-backs"),
            fix: tr!("impose-out-backs-fix"),
        });
    }
    files.push(Planned {
        path: output.with_extension("txt"),
        what: tr!("impose-out-ticket"),
        fix: tr!("impose-out-ticket-fix"),
    });
    files.push(Planned {
        path: paths::job_sheet_beside(output),
        what: tr!("impose-out-job-sheet"),
        fix: tr!("impose-out-job-sheet-fix"),
    });
    if let Some(plan) = plan {
        files.push(Planned {
            path: plan.to_path_buf(),
            what: tr!("impose-out-plan"),
            fix: tr!("impose-out-plan-fix"),
        });
    }
    files
}

/// Refuses, before any work, an output that is the input (by path, through a
/// symlink, or as a hard link), a preview PNG that would be the input, and two
/// outputs that are one file (the second would replace the first).
pub(crate) fn check_outputs(
    input: &Path,
    outputs: &[Planned],
    preview: Option<&Path>,
) -> Result<()> {
    for (i, out) in outputs.iter().enumerate() {
        if same_file(input, &out.path) {
            return Err(Error::new(tr!(
                "impose-out-is-input",
                what = &out.what,
                path = &out.path,
                input = input
            ))
            .with_hint(&out.fix)
            .with_hint(tr!("impose-nothing-written")));
        }
        if let Some(earlier) = outputs[..i].iter().find(|e| same_file(&e.path, &out.path))
        {
            return Err(Error::new(tr!(
                "impose-out-twice",
                what = &out.what,
                path = &out.path,
                earlier = &earlier.what
            ))
            .with_hint(&out.fix));
        }
    }
    let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let side_png = name
        .strip_prefix("side-")
        .or_else(|| name.strip_prefix("ticket-"))
        .and_then(|n| n.strip_suffix(".png"));
    let in_preview = preview.is_some_and(|dir| {
        same_file(
            dir,
            input
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        )
    });
    if in_preview && side_png.is_some_and(|n| n.parse::<usize>().is_ok()) {
        return Err(Error::new(tr!(
            "impose-preview-is-input",
            dir = preview.unwrap_or(Path::new(".")),
            input = input
        ))
        .with_hint(tr!("impose-preview-fix"))
        .with_hint(tr!("impose-nothing-written")));
    }
    Ok(())
}

/// Whether two paths name one file: the same existing file (through symlinks, or a
/// hard link: same device and inode), or the same place for files not written yet.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return (x.dev(), x.ino()) == (y.dev(), y.ino());
        }
    }
    real_place(a) == real_place(b)
}

/// Where a path leads: its canonical form when it exists, else its folder's canonical
/// form with its name (a file not written yet).
fn real_place(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let parent =
        path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Refuses, before any work, an output that is a folder or whose folder does not exist,
/// and one the previews of `--preview` would overwrite (`side-N.png`, `ticket-N.png` in
/// the preview folder).
pub(crate) fn check_writable(outputs: &[Planned], preview: Option<&Path>) -> Result<()> {
    for out in outputs {
        if out.path.is_dir() {
            return Err(Error::new(tr!(
                "impose-out-folder",
                what = &out.what,
                path = &out.path
            ))
            .with_hint(&out.fix)
            .with_hint(tr!("impose-nothing-written")));
        }
        let parent = out.path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(dir) = parent
            && !dir.is_dir()
        {
            return Err(Error::new(tr!(
                "impose-out-no-folder",
                dir = dir,
                what = &out.what
            ))
            .with_hint(tr!("impose-out-no-folder-hint"))
            .with_hint(tr!("impose-nothing-written")));
        }
        let in_preview =
            preview.is_some_and(|dir| same_file(dir, parent.unwrap_or(Path::new("."))));
        if in_preview && is_preview_name(&out.path) {
            return Err(Error::new(tr!(
                "impose-out-is-preview",
                what = &out.what,
                path = &out.path,
                dir = preview.unwrap_or(Path::new("."))
            ))
            .with_hint(&out.fix)
            .with_hint(tr!("impose-preview-fix-or"))
            .with_hint(tr!("impose-nothing-written")));
        }
    }
    Ok(())
}

/// Whether a file name is one `--preview` writes: `side-N.png` or `ticket-N.png`.
fn is_preview_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.strip_prefix("side-")
        .or_else(|| name.strip_prefix("ticket-"))
        .and_then(|n| n.strip_suffix(".png"))
        .is_some_and(|n| n.parse::<usize>().is_ok())
}

/// Reads the input PDF: a regular file of at most [`MAX_INPUT_BYTES`] (a device such
/// as `/dev/zero`, a pipe or a folder is refused before reading).
pub fn read_input(input: &Path) -> Result<Vec<u8>> {
    let meta = fs::metadata(input).map_err(|err| {
        Error::io("read", input, err).with_hint(tr!("impose-input-missing-hint"))
    })?;
    if !meta.is_file() {
        let message = if meta.is_dir() {
            tr!("impose-input-folder", input = input)
        } else {
            tr!("impose-input-not-file", input = input)
        };
        return Err(Error::new(message)
            .with_hint(tr!("impose-input-not-file-hint"))
            .with_hint(tr!("impose-nothing-written")));
    }
    let too_big = || {
        Error::new(tr!(
            "impose-input-too-big",
            input = input,
            max = MAX_INPUT_BYTES >> 20
        ))
        .with_hint(tr!("impose-input-too-big-hint"))
        .with_hint(tr!("impose-nothing-written"))
    };
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(input)
        .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|err| Error::io("read", input, err))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// `dir/name.pdf` → `dir/name{suffix}.pdf`.
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("output");
    path.with_file_name(format!("{stem}{suffix}.pdf"))
}
