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

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{
    AccessKind, AccessMode, EventKind, ModifyKind, RemoveKind, RenameMode,
};
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

/// Watches files and waits until one of them changes.
pub struct Watcher {
    watcher: RecommendedWatcher,
    rx: Receiver<notify::Result<Event>>,
    /// The paths watched now; `true` once seen in the current [`Watcher::update`].
    watched: BTreeMap<PathBuf, bool>,
}

impl Watcher {
    /// A watcher that watches nothing yet.
    pub fn new() -> notify::Result<Self> {
        let (tx, rx) = std::sync::mpsc::channel();
        let watcher = RecommendedWatcher::new(tx, notify::Config::default())?;
        Ok(Self { watcher, rx, watched: BTreeMap::new() })
    }

    /// Watches exactly `paths` (existing files) from now on.
    pub fn update(
        &mut self,
        paths: impl IntoIterator<Item = PathBuf>,
    ) -> notify::Result<()> {
        for seen in self.watched.values_mut() {
            *seen = false;
        }
        for path in paths {
            if !path.exists() {
                continue;
            }
            if !self.watched.contains_key(&path) {
                self.watcher.watch(&path, RecursiveMode::NonRecursive)?;
            }
            self.watched.insert(path, true);
        }
        let watcher = &mut self.watcher;
        self.watched.retain(|path, seen| {
            if !*seen {
                watcher.unwatch(path).ok();
            }
            *seen
        });
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
                return Ok(ended);
            }
        }
    }

    /// Notes `event` in `change`; a file removed or renamed away is no longer watched
    /// (inotify dropped it), so that the next [`Watcher::update`] watches the file now
    /// at its path (typst-kit's workaround for editors that save by renaming).
    fn note(&mut self, event: Event, change: &mut Change) {
        if matches!(
            event.kind,
            EventKind::Remove(RemoveKind::File)
                | EventKind::Modify(ModifyKind::Name(RenameMode::From))
        ) {
            for path in &event.paths {
                self.watcher.unwatch(path).ok();
                self.watched.remove(path);
            }
        }
        change.note(&event);
    }
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
    /// Takes one event into account.
    fn note(&mut self, event: &Event) {
        match event.kind {
            EventKind::Modify(ModifyKind::Data(_)) => {
                self.relevant = true;
                self.writing.extend(event.paths.iter().cloned());
            }
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {
                for path in &event.paths {
                    self.writing.remove(path);
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
    use notify::event::{CreateKind, DataChange, MetadataKind};

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
            change.note(e);
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

    #[test]
    fn a_file_saved_by_renaming_waits_for_quiet_and_is_watched_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chapter.md");
        std::fs::write(&path, "one").unwrap();
        let mut watcher = Watcher::new().unwrap();
        watcher.update([path.clone()]).unwrap();
        // An editor's safe save: a new file renamed over the old one.
        let (mut watcher, ended) = next_change(watcher, || {
            let temp = dir.path().join(".chapter.md.swp");
            std::fs::write(&temp, "two").unwrap();
            std::fs::rename(&temp, &path).unwrap();
        });
        assert_eq!(ended, Ended::Quiet);
        // The file now at the path is watched: a save in place wakes the watcher.
        watcher.update([path.clone()]).unwrap();
        let (_, ended) = next_change(watcher, || std::fs::write(&path, "three").unwrap());
        assert_eq!(ended, Ended::Closed);
    }

    #[test]
    fn a_file_saved_in_place_is_seen_closed() {
        // A real file written in place: the wait ends as soon as it is closed (how
        // the change ended is asserted, not how long it took).
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chapter.md");
        std::fs::write(&path, "one").unwrap();
        let mut watcher = Watcher::new().unwrap();
        watcher.update([path.clone()]).unwrap();
        let (_, ended) = next_change(watcher, || std::fs::write(&path, "two").unwrap());
        assert_eq!(ended, Ended::Closed);
    }
}
