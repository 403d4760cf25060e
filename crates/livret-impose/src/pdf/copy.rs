//! Moving objects from the input to the output: one Form XObject per used page, and
//! everything it references, renumbered as first met.

use std::collections::{BTreeMap, HashMap, VecDeque};

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::read::{PageGeom, lowercase};
use super::types::PdfError;

/// Largest decoded content stream accepted, in bytes (guards against decompression bombs;
/// the same bound lopdf puts on the streams it decodes while loading).
const MAX_DECODED: usize = lopdf::DEFAULT_MAX_DECOMPRESSED_SIZE;

/// Deflate level for the streams this module compresses (pages whose content is an array
/// of streams, long sheet sides): zlib's fastest, which halves the time of level 9 on such
/// pages (Octave manual split into arrays: 155 against 308 ms) for a sixth more bytes.
const LEVEL: u32 = 1;

/// Moves objects from the input to the output, renumbering them as it first meets them.
pub(super) struct Copier {
    /// Input objects not moved yet.
    pub(super) src: BTreeMap<ObjectId, Object>,
    /// Output objects by new id.
    pub(super) out: BTreeMap<ObjectId, Object>,
    /// Input id → output id, for every object met.
    pub(super) map: HashMap<ObjectId, ObjectId>,
    /// Input objects met but not moved yet.
    pub(super) queue: VecDeque<ObjectId>,
    /// The next free output object number.
    pub(super) next: u32,
    /// References to objects the input lacks.
    pub(super) dangling: usize,
    /// Input content stream → the form made from it.
    pub(super) consumed: HashMap<ObjectId, ObjectId>,
    /// Compresses the streams this module writes.
    pub(super) deflater: Deflater,
}

impl Copier {
    /// A copier over the input's objects.
    pub(super) fn new(src: BTreeMap<ObjectId, Object>) -> Self {
        Self {
            src,
            out: BTreeMap::new(),
            map: HashMap::new(),
            queue: VecDeque::new(),
            next: 1,
            dangling: 0,
            consumed: HashMap::new(),
            deflater: Deflater::new(),
        }
    }

    /// A fresh output object id.
    pub(super) fn alloc(&mut self) -> ObjectId {
        let id = (self.next, 0);
        self.next = self.next.saturating_add(1);
        id
    }

    /// The output id of input object `old`, queueing it for the move when first met.
    pub(super) fn target(&mut self, old: ObjectId) -> ObjectId {
        if let Some(&new) = self.map.get(&old) {
            return new;
        }
        let new = self.alloc();
        self.map.insert(old, new);
        self.queue.push_back(old);
        new
    }

    /// Rewrites every reference inside `obj` to its output id.
    pub(super) fn remap(&mut self, obj: &mut Object) {
        match obj {
            Object::Reference(id) => *id = self.target(*id),
            Object::Array(items) => items.iter_mut().for_each(|item| self.remap(item)),
            Object::Dictionary(dict) => self.remap_dict(dict),
            Object::Stream(stream) => self.remap_dict(&mut stream.dict),
            _ => {}
        }
    }

    /// Rewrites every reference inside a dictionary.
    pub(super) fn remap_dict(&mut self, dict: &mut Dictionary) {
        for (_, value) in dict.iter_mut() {
            self.remap(value);
        }
    }

    /// Moves every queued object (and what it references) to the output.
    pub(super) fn drain(&mut self) {
        while let Some(old) = self.queue.pop_front() {
            let Some(&new) = self.map.get(&old) else { continue };
            let mut obj = match self.src.remove(&old) {
                Some(obj) if is_page_tree(&obj) => {
                    // Never drag the input's pages (and through /Parent all of them) along.
                    self.src.insert(old, obj);
                    Object::Null
                }
                Some(obj) => obj,
                None => {
                    self.dangling += 1;
                    Object::Null
                }
            };
            if let Object::Stream(stream) = &mut obj {
                let len = stream.content.len() as i64;
                stream.dict.set("Length", Object::Integer(len));
            }
            self.remap(&mut obj);
            self.out.insert(new, obj);
        }
    }

    /// A content stream of the input, wherever it is now.
    pub(super) fn stream(&self, id: ObjectId) -> Option<&Stream> {
        let obj = match self.consumed.get(&id) {
            Some(form) => self.out.get(form),
            None => self.src.get(&id),
        };
        match obj {
            Some(Object::Stream(stream)) => Some(stream),
            _ => None,
        }
    }

    /// The content stream ids of a page, in order (`/Contents` may be a stream, an array,
    /// or a reference to an array).
    pub(super) fn contents(&self, page: &Dictionary) -> Vec<ObjectId> {
        let refs = |items: &[Object]| {
            items
                .iter()
                .filter_map(|item| match item {
                    Object::Reference(id) => Some(*id),
                    _ => None,
                })
                .collect()
        };
        match page.get(b"Contents") {
            Ok(Object::Reference(id)) => match self.src.get(id) {
                Some(Object::Array(items)) => refs(items),
                _ => vec![*id],
            },
            Ok(Object::Array(items)) => refs(items),
            _ => Vec::new(),
        }
    }

    /// The content of input page `index` (streams `ids`) as one stream, and the input
    /// stream it was taken from when it was moved whole (a single stream).
    fn content_stream(
        &mut self,
        index: usize,
        ids: &[ObjectId],
    ) -> Result<(Stream, Option<ObjectId>), PdfError> {
        let damaged =
            |what: &str| PdfError::Corrupt(format!("page {} {what}", index + 1));
        if let [id] = ids[..] {
            if let Some(&form) = self.consumed.get(&id) {
                return match self.out.get(&form) {
                    Some(Object::Stream(s)) => Ok((s.clone(), None)),
                    _ => Err(damaged("has unreadable content")),
                };
            }
            return match self.src.remove(&id) {
                Some(Object::Stream(s)) => Ok((s, Some(id))),
                Some(other) => {
                    self.src.insert(id, other);
                    Err(damaged("has content that is not a stream"))
                }
                None => Err(damaged("has lost its content")),
            };
        }
        let mut data = Vec::new();
        for &id in ids {
            let Some(part) = self.stream(id) else {
                return Err(damaged("has lost part of its content"));
            };
            let decoded = decode(part).map_err(|e| damaged(&e))?;
            data.extend_from_slice(&decoded);
            data.push(b'\n');
        }
        Ok((self.deflater.stream(data), None))
    }

    /// The output id of the resources inherited from page tree node `node`, moved once.
    fn shared_resources(
        &mut self,
        node: ObjectId,
        mut res: Object,
        shared_res: &mut HashMap<ObjectId, ObjectId>,
    ) -> ObjectId {
        if let Some(&id) = shared_res.get(&node) {
            return id;
        }
        let id = self.alloc();
        self.remap(&mut res);
        self.out.insert(id, res);
        shared_res.insert(node, id);
        id
    }

    /// Makes the Form XObject of input page `index`; `None` when the page draws nothing.
    pub(super) fn form(
        &mut self,
        index: usize,
        page: &PageGeom,
        shared_res: &mut HashMap<ObjectId, ObjectId>,
        recovered: bool,
    ) -> Result<Option<ObjectId>, PdfError> {
        let damaged =
            |what: &str| PdfError::Corrupt(format!("page {} {what}", index + 1));
        let Some(Object::Dictionary(page_dict)) = self.src.get(&page.id) else {
            return Err(damaged("is missing"));
        };
        let ids = self.contents(page_dict);
        let group = page_dict.get(b"Group").ok().cloned();
        let resources = match page.resources {
            Some(node) => match self.src.get(&node) {
                Some(Object::Dictionary(dict)) => dict.get(b"Resources").ok().cloned(),
                _ => None,
            },
            None => None,
        };
        if ids.is_empty() {
            return Ok(None);
        }
        let (mut stream, taken) = self.content_stream(index, &ids)?;
        if recovered {
            decode(&stream).map_err(|e| damaged(&e))?;
        }
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"XObject".to_vec()));
        dict.set("Subtype", Object::Name(b"Form".to_vec()));
        dict.set("BBox", page.bbox.to_object());
        for key in [&b"Filter"[..], b"DecodeParms"] {
            if let Some(value) = stream.dict.remove(key) {
                dict.set(key.to_vec(), value);
            }
        }
        if let Some(group) = group {
            dict.set("Group", group);
        }
        // Inherited from a Pages node as a direct dictionary: share one indirect copy.
        let inherited = page.resources.filter(|&node| node != page.id);
        let shared = match (&resources, inherited) {
            (Some(Object::Dictionary(_)), Some(node)) => Some(node),
            _ => None,
        };
        if shared.is_none() {
            dict.set(
                "Resources",
                resources.clone().unwrap_or(Object::Dictionary(Dictionary::new())),
            );
        }
        // Everything in `dict` so far names input objects: move them.
        let mut form = Object::Dictionary(dict);
        self.remap(&mut form);
        let Object::Dictionary(mut dict) = form else {
            return Err(damaged("is unreadable"));
        };
        if let (Some(node), Some(res)) = (shared, resources) {
            let id = self.shared_resources(node, res, shared_res);
            dict.set("Resources", Object::Reference(id));
        }
        let len = stream.content.len() as i64;
        stream.dict = dict;
        stream.dict.set("Length", Object::Integer(len));
        let id = self.alloc();
        if let Some(old) = taken {
            self.consumed.insert(old, id);
            self.map.entry(old).or_insert(id);
        }
        self.out.insert(id, Object::Stream(stream));
        Ok(Some(id))
    }
}

/// A zlib compressor reused for every stream this module writes: making one costs more
/// than compressing a sheet side's few hundred bytes.
pub(super) struct Deflater {
    pub(super) inner: Compress,
}

impl Deflater {
    /// A compressor at [`LEVEL`].
    pub(super) fn new() -> Self {
        Self { inner: Compress::new(Compression::new(LEVEL), true) }
    }

    /// `data` as a `FlateDecode` stream, or as it is when compressing does not pay.
    pub(super) fn stream(&mut self, data: Vec<u8>) -> Stream {
        self.inner.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let done = usize::try_from(self.inner.total_in()).unwrap_or(usize::MAX);
            let rest = data.get(done..).unwrap_or_default();
            match self.inner.compress_vec(rest, &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => break,
                Ok(_) => out.reserve(out.capacity().max(64)),
                Err(_) => return Stream::new(Dictionary::new(), data),
            }
        }
        if out.len() + 20 < data.len() {
            let mut dict = Dictionary::new();
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            Stream::new(dict, out)
        } else {
            Stream::new(Dictionary::new(), data)
        }
    }
}

/// Whether an object is a page, a page tree node or the catalog.
pub(super) fn is_page_tree(obj: &Object) -> bool {
    let Object::Dictionary(dict) = obj else { return false };
    matches!(dict.get(b"Type"), Ok(Object::Name(n)) if n == b"Page" || n == b"Pages" || n == b"Catalog")
}

/// A stream's decoded data, or why it cannot be decoded.
pub(super) fn decode(stream: &Stream) -> Result<Vec<u8>, String> {
    if stream.dict.has(b"Filter") {
        stream.decompressed_content_with_limit(MAX_DECODED).map_err(|err| {
            format!("has content that cannot be decoded: {}", lowercase(&err.to_string()))
        })
    } else {
        Ok(stream.content.clone())
    }
}
