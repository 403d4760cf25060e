//! The file watcher of `livret watch`: typst-cli's (typst-kit's `Watcher`) batching of
//! file system events, with one difference that answers a save sooner: a change is
//! over as soon as every file written in place has been closed by its writer.
//!
//! typst-kit waits until no event has come for 100 ms (at most 500 ms), so that the
//! remove-and-rename saves of some editors are seen whole: every change costs 100 ms
//! before the rebuild starts. A file written in place (opened, truncated, written,
//! closed, as most editors and scripts do) is whole when its writer closes it, which
//! inotify says (`IN_CLOSE_WRITE`): then only a short grace waits for another file of
//! the same save. Any other event (a file created, removed or renamed, a change
//! without close) keeps typst-kit's wait for 100 ms of quiet.
//!
//! The project's folders are watched whole (recursively), not file by file: a file
//! created after the watch began (a new translation, a chapter deleted and written
//! again), a file replaced by a rename save and a save made while a rebuild runs are
//! all seen, the last one queued until the rebuild is over. Editors' own files
//! (hidden, `~` backups, swap files) call for nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long to wait for a shortly following event while a change is not known to be
/// over (typst-kit's `BATCH_TIMEOUT`).
const BATCH_TIMEOUT: Duration = Duration::from_millis(100);

/// How long to wait for another event once every written file is closed: another file
/// of the same save ("save all") is usually written within this.
const SETTLED_GRACE: Duration = Duration::from_millis(5);

/// The longest a change is batched before the rebuild starts anyway (typst-kit's
/// `STARVE_TIMEOUT`).
const STARVE_TIMEOUT: Duration = Duration::from_millis(500);

/// How a change was known to be over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Every file written in place was closed by its writer.
    Closed,
    /// No event came for 100 ms.
    Quiet,
    /// Events kept coming for 500 ms.
    Starved,
}

/// Watches folders of a project and waits until a file in one of them changes.
pub struct Watcher {
    watcher: RecommendedWatcher,
    rx: Receiver<notify::Result<Event>>,
    /// The folders whose files are watched, and whether each is watched now.
    folders: BTreeMap<PathBuf, bool>,
}

impl Watcher {
    /// A watcher of the folders `folders` of `root` (their files, at any depth);
    /// only `root` itself (for folders that appear) is watched before
    /// [`Watcher::update`].
    pub fn new(root: &Path, folders: &[&str]) -> notify::Result<Self> {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut watcher = RecommendedWatcher::new(tx, notify::Config::default())?;
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        let folders = folders.iter().map(|f| (root.join(f), false)).collect();
        Ok(Self { watcher, rx, folders })
    }

    /// Watches the folders that exist now and are not watched yet (one made, or made
    /// again, since the last update).
    pub fn update(&mut self) -> notify::Result<()> {
        for (folder, watched) in &mut self.folders {
            if !*watched && folder.is_dir() {
                self.watcher.watch(folder, RecursiveMode::Recursive)?;
                *watched = true;
            }
        }
        Ok(())
    }

    /// Waits until a watched file has changed and the change is over; says how it
    /// was known to be over.
    pub fn wait(&mut self) -> notify::Result<Ended> {
        loop {
            let Ok(first) = self.rx.recv() else {
                return Err(notify::Error::generic("the file watcher stopped"));
            };
            let mut change = Change::default();
            self.note(first?, &mut change);
            let started = Instant::now();
            let mut ended = Ended::Starved;
            while started.elapsed() <= STARVE_TIMEOUT {
                let over = change.over();
                let patience = if over { SETTLED_GRACE } else { BATCH_TIMEOUT };
                match self.rx.recv_timeout(patience) {
                    Ok(event) => self.note(event?, &mut change),
                    Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                        ended = if over { Ended::Closed } else { Ended::Quiet };
                        break;
                    }
                }
            }
            if change.relevant {
                self.update()?;
                return Ok(ended);
            }
        }
    }

    /// Notes in `change` what `event` says of the watched files. A watched folder
    /// removed or renamed away is no longer watched (inotify dropped it): the next
    /// [`Watcher::update`] watches the folder then at its path.
    fn note(&mut self, event: Event, change: &mut Change) {
        if matches!(
            event.kind,
            EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
        ) {
            self.lose(|folder| event.paths.iter().any(|p| p == folder));
        }
        if event.need_rescan() {
            // The system dropped events: something may have changed anywhere, and
            // folders made meanwhile went unwatched: each folder is watched anew.
            self.lose(|_| true);
            change.relevant = true;
            change.unsure = true;
            return;
        }
        let paths: Vec<&PathBuf> =
            event.paths.iter().filter(|p| self.concerns(p)).collect();
        if !paths.is_empty() {
            change.note(&event.kind, &paths);
        }
    }

    /// Stops watching the watched folders that `lost` picks (inotify dropped them, or
    /// missed folders made in them); the next [`Watcher::update`] watches them anew.
    fn lose(&mut self, lost: impl Fn(&Path) -> bool) {
        for (folder, watched) in &mut self.folders {
            if lost(folder) && std::mem::take(watched) {
                self.watcher.unwatch(folder).ok();
            }
        }
    }

    /// Whether a change at `path` may change a build: a file in a watched folder (or
    /// the folder), not an editor's own file nor in a hidden folder (`.git`).
    fn concerns(&self, path: &Path) -> bool {
        let Some(inside) = self.folders.keys().find_map(|f| path.strip_prefix(f).ok())
        else {
            return false;
        };
        let hidden = inside.parent().is_some_and(|dirs| {
            dirs.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        });
        !hidden && !path.file_name().is_some_and(editor_file)
    }
}

/// Whether a file name is an editor's own (a backup, a swap or lock file, a hidden
/// temporary file written before a rename save), not the project's.
fn editor_file(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".swo"].iter().any(|ext| name.ends_with(ext))
}

/// What the events of one change have said so far.
#[derive(Debug, Default)]
struct Change {
    /// An event that calls for a rebuild came.
    relevant: bool,
    /// Files written in place and not closed since.
    writing: BTreeSet<PathBuf>,
    /// An event other than writing in place came (a file created, removed, renamed…):
    /// the change is over only after 100 ms of quiet.
    unsure: bool,
}

impl Change {
    /// Takes into account one event of `kind` on the watched files `paths`.
    fn note(&mut self, kind: &EventKind, paths: &[&PathBuf]) {
        match kind {
            EventKind::Modify(ModifyKind::Data(_)) => {
                self.relevant = true;
                self.writing.extend(paths.iter().map(|p| (*p).clone()));
            }
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {
                for path in paths {
                    self.writing.remove(*path);
                }
            }
            // What typst-kit ignores: reads, metadata, the rest.
            EventKind::Access(_)
            | EventKind::Modify(ModifyKind::Metadata(_) | ModifyKind::Other)
            | EventKind::Other => {}
            EventKind::Any
            | EventKind::Create(_)
            | EventKind::Modify(_)
            | EventKind::Remove(_) => {
                self.relevant = true;
                self.unsure = true;
            }
        }
    }

    /// Whether the change is known to be over: files were written in place, and each
    /// has been closed since, with nothing else going on.
    fn over(&self) -> bool {
        self.relevant && !self.unsure && self.writing.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, MetadataKind, RemoveKind, RenameMode};

    fn event(kind: EventKind, path: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from(path))
    }

    fn written(path: &str) -> Event {
        event(EventKind::Modify(ModifyKind::Data(DataChange::Any)), path)
    }

    fn closed(path: &str) -> Event {
        event(EventKind::Access(AccessKind::Close(AccessMode::Write)), path)
    }

    fn change(events: &[Event]) -> Change {
        let mut change = Change::default();
        for e in events {
            change.note(&e.kind, &e.paths.iter().collect::<Vec<_>>());
        }
        change
    }

    #[test]
    fn a_file_written_in_place_is_over_when_closed() {
        let open = change(&[written("a.md"), written("a.md")]);
        assert!(open.relevant && !open.over());
        let done = change(&[written("a.md"), written("a.md"), closed("a.md")]);
        assert!(done.relevant && done.over());
    }

    #[test]
    fn every_written_file_must_be_closed() {
        let one = change(&[written("a.md"), written("b.md"), closed("a.md")]);
        assert!(!one.over());
        let both =
            change(&[written("a.md"), written("b.md"), closed("b.md"), closed("a.md")]);
        assert!(both.over());
    }

    #[test]
    fn renames_removals_and_creations_wait_for_quiet() {
        for kind in [
            EventKind::Remove(RemoveKind::File),
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            EventKind::Create(CreateKind::File),
            EventKind::Any,
        ] {
            let c = change(&[written("a.md"), closed("a.md"), event(kind, "a.md")]);
            assert!(c.relevant && !c.over(), "{kind:?}");
        }
    }

    #[test]
    fn reads_metadata_and_closes_alone_call_for_nothing() {
        let c = change(&[
            event(EventKind::Access(AccessKind::Read), "a.md"),
            event(EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)), "a.md"),
            closed("a.md"),
        ]);
        assert!(!c.relevant && !c.over());
    }

    /// The end of the next change `watcher` sees, waited for on a thread of its own
    /// while `save` runs (an error rather than a test that never ends).
    fn next_change(mut watcher: Watcher, save: impl FnOnce()) -> (Watcher, Ended) {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let ended = watcher.wait().map_err(|e| e.to_string());
            tx.send((watcher, ended)).ok();
        });
        save();
        let (watcher, ended) =
            rx.recv_timeout(Duration::from_secs(60)).expect("the wait ended");
        (watcher, ended.unwrap())
    }

    /// A project folder with `sources/chapter.md`, and a watcher of its `sources/`.
    fn watched_project() -> (tempfile::TempDir, PathBuf, Watcher) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("sources")).unwrap();
        let path = root.join("sources/chapter.md");
        std::fs::write(&path, "one").unwrap();
        let mut watcher = Watcher::new(&root, &["sources", "fonts"]).unwrap();
        watcher.update().unwrap();
        (dir, path, watcher)
    }

    #[test]
    fn a_file_saved_by_renaming_waits_for_quiet_and_is_still_watched() {
        let (dir, path, watcher) = watched_project();
        // An editor's safe save: a new file renamed over the old one.
        let (watcher, ended) = next_change(watcher, || {
            let temp = path.with_file_name(".chapter.md.swp");
            std::fs::write(&temp, "two").unwrap();
            std::fs::rename(&temp, &path).unwrap();
        });
        assert_eq!(ended, Ended::Quiet);
        // The file now at the path is watched: a save in place wakes the watcher.
        let (_, ended) = next_change(watcher, || std::fs::write(&path, "three").unwrap());
        assert_eq!(ended, Ended::Closed);
        drop(dir);
    }

    #[test]
    fn files_and_folders_made_after_the_start_are_watched() {
        let (dir, path, watcher) = watched_project();
        // A new file (a translation written after the watch began).
        let new = path.with_file_name("new.md");
        let (watcher, _) = next_change(watcher, || std::fs::write(&new, "new").unwrap());
        let (watcher, ended) =
            next_change(watcher, || std::fs::write(&new, "b").unwrap());
        assert_eq!(ended, Ended::Closed);
        // A folder that did not exist: made, then a file in it saved.
        let fonts = path.parent().unwrap().parent().unwrap().join("fonts");
        let (watcher, _) = next_change(watcher, || std::fs::create_dir(&fonts).unwrap());
        let font = fonts.join("a.ttf");
        let (watcher, _) = next_change(watcher, || std::fs::write(&font, "x").unwrap());
        let (_, ended) = next_change(watcher, || std::fs::write(&font, "y").unwrap());
        assert_eq!(ended, Ended::Closed);
        drop(dir);
    }

    #[test]
    fn a_save_made_before_the_wait_is_kept_for_it() {
        // A save while a rebuild runs (nobody waiting) wakes the next wait.
        let (dir, path, mut watcher) = watched_project();
        std::fs::write(&path, "saved during the rebuild").unwrap();
        let (_, ended) = next_change(watcher_after(&mut watcher), || {});
        assert_eq!(ended, Ended::Closed);
        drop(dir);
    }

    /// `watcher`, taken out for [`next_change`] (an idle one left in its place).
    fn watcher_after(watcher: &mut Watcher) -> Watcher {
        let idle = Watcher::new(&std::env::temp_dir(), &[]).unwrap();
        std::mem::replace(watcher, idle)
    }

    #[test]
    fn after_events_were_lost_every_folder_is_watched_anew() {
        let (dir, path, mut watcher) = watched_project();
        let sub = path.parent().unwrap().join("sub");
        let (mut watcher, _) = next_change(watcher_after(&mut watcher), || {
            std::fs::create_dir(&sub).unwrap();
        });
        // The folder's watch lost, as when the events of its making overflowed.
        watcher.watcher.unwatch(&sub).unwrap();
        let lost = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        let mut change = Change::default();
        watcher.note(lost, &mut change);
        assert!(change.relevant);
        watcher.update().unwrap();
        let file = sub.join("a.md");
        let (_, ended) = next_change(watcher, || std::fs::write(&file, "a").unwrap());
        assert_ne!(ended, Ended::Starved);
        drop(dir);
    }

    #[test]
    fn editors_own_files_and_other_folders_concern_nothing() {
        let (dir, path, watcher) = watched_project();
        let sources = path.parent().unwrap();
        for name in [".chapter.md.swp", "chapter.md~", "#chapter.md#", "4913", "x.swo"] {
            assert!(!watcher.concerns(&sources.join(name)), "{name}");
        }
        assert!(watcher.concerns(&path));
        assert!(watcher.concerns(&sources.join("fr/new.md")));
        assert!(!watcher.concerns(&sources.join(".git/index")));
        assert!(!watcher.concerns(&sources.join("fr/.hidden/notes.md")));
        assert!(!watcher.concerns(&dir.path().canonicalize().unwrap().join("out/x.pdf")));
    }

    #[test]
    fn a_file_saved_in_place_is_seen_closed() {
        // A real file written in place: the wait ends as soon as it is closed (how
        // the change ended is asserted, not how long it took).
        let (dir, path, watcher) = watched_project();
        let (_, ended) = next_change(watcher, || std::fs::write(&path, "two").unwrap());
        assert_eq!(ended, Ended::Closed);
        drop(dir);
    }
}
