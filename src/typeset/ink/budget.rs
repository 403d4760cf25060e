//! How much drawing a PDF page asks for, counted before it is drawn, so that measuring
//! its ink stays within bounded memory and work.
//!
//! A renderer keeps what it is asked to paint until it has the whole page, and decodes
//! every image at its full size: a page whose few bytes expand (a content stream that
//! inflates a thousandfold, a form drawn a thousand times by a form drawn a thousand
//! times) could take gigabytes. So the page is walked first, without drawing: its
//! content streams are inflated up to a cap, their operators counted, forms counted
//! each time they are drawn (each inflated once), images' pixels added up. Past any
//! limit the walk stops and the page is not measured.

use std::collections::HashMap;
use std::io::Read;

use hayro::hayro_syntax::content::UntypedIter;
use hayro::hayro_syntax::object::dict::keys::{
    CONTENTS, DECODE_PARMS, FILTER, FORM, HEIGHT, IMAGE, RESOURCES, SUBTYPE, WIDTH,
};
use hayro::hayro_syntax::object::{Array, Dict, Name, Object, ObjectIdentifier, Stream};
use hayro::hayro_syntax::page::{Page, Resources};

/// What one page may ask for before its ink is left unmeasured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of one content stream once inflated.
    pub stream_bytes: usize,
    /// Operators run, forms counted each time they are drawn, shown text by the byte.
    pub operations: u64,
    /// Image pixels decoded (each image counted each time it is drawn).
    pub image_pixels: u64,
    /// Forms drawn inside forms.
    pub depth: usize,
}

/// The limits `livret` measures ink within: a few hundred megabytes at worst, about a
/// second of work for one page.
pub const LIMITS: Limits = Limits {
    stream_bytes: 32 << 20,
    operations: 2_000_000,
    image_pixels: 40_000_000,
    depth: 24,
};

/// Why a page's ink was not measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Over {
    /// A content stream inflates past the limit.
    Stream,
    /// The page draws more than the limit of operations.
    Operations,
    /// The page's images have more pixels than the limit.
    Images,
    /// Forms are nested deeper than the limit, or draw themselves.
    Depth,
    /// A content stream is in an encoding not measured safely (or damaged).
    Encoding,
}

impl Over {
    /// The reason in words, with the limit.
    pub fn reason(&self, limits: &Limits) -> crate::i18n::Text {
        use crate::tr;
        match self {
            Over::Stream => {
                tr!("typeset-ink-over-stream", mb = limits.stream_bytes >> 20)
            }
            Over::Operations => {
                tr!("typeset-ink-over-operations", count = group(limits.operations))
            }
            Over::Images => {
                tr!("typeset-ink-over-images", millions = limits.image_pixels / 1_000_000)
            }
            Over::Depth => tr!("typeset-ink-over-depth", levels = limits.depth),
            Over::Encoding => tr!("typeset-ink-over-encoding"),
        }
    }
}

/// `1234567` as `1 234 567`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// What a page or a form asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Operators, forms counted as drawn.
    pub operations: u64,
    /// Image pixels, each image as drawn.
    pub image_pixels: u64,
}

impl Work {
    /// Both counts added, saturating.
    fn add(self, other: Work) -> Work {
        Work {
            operations: self.operations.saturating_add(other.operations),
            image_pixels: self.image_pixels.saturating_add(other.image_pixels),
        }
    }

    /// Whether it is past `limits`.
    fn check(&self, limits: &Limits) -> Result<(), Over> {
        if self.operations > limits.operations {
            Err(Over::Operations)
        } else if self.image_pixels > limits.image_pixels {
            Err(Over::Images)
        } else {
            Ok(())
        }
    }
}

/// The work a page asks for, or why it is past `limits`.
pub fn page_work(page: &Page, limits: &Limits) -> Result<Work, Over> {
    let mut walker = Walker { limits, forms: HashMap::new(), open: Vec::new() };
    let mut work = Work::default();
    let raw = page.raw();
    let streams: Vec<Stream> = if let Some(stream) = raw.get::<Stream>(CONTENTS) {
        vec![stream]
    } else if let Some(array) = raw.get::<Array>(CONTENTS) {
        array.iter::<Stream>().collect()
    } else {
        Vec::new()
    };
    for stream in streams {
        let data = inflate(&stream, limits)?;
        work = work.add(walker.content(&data, page.resources(), work)?);
        work.check(limits)?;
    }
    Ok(work)
}

/// Walks content streams, remembering what each form asks for.
struct Walker<'l> {
    limits: &'l Limits,
    /// Forms already counted.
    forms: HashMap<ObjectIdentifier, Work>,
    /// Forms being counted (to refuse a form that draws itself).
    open: Vec<ObjectIdentifier>,
}

impl Walker<'_> {
    /// The work of one content stream, with `before` already counted on the page.
    fn content<'a>(
        &mut self,
        data: &[u8],
        resources: &Resources<'a>,
        before: Work,
    ) -> Result<Work, Over> {
        let mut work = Work::default();
        let mut iter = UntypedIter::new(data);
        while let Some(instruction) = iter.next() {
            work.operations += 1;
            match &**instruction.operator {
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    let shown: usize = instruction
                        .operands()
                        .map(|o| match o {
                            Object::String(s) => s.as_bytes().len(),
                            Object::Array(a) => a
                                .iter::<Object>()
                                .map(|o| match o {
                                    Object::String(s) => s.as_bytes().len(),
                                    _ => 0,
                                })
                                .sum(),
                            _ => 0,
                        })
                        .sum();
                    work.operations += shown as u64;
                }
                b"Do" => {
                    let name = instruction.operands().find_map(|o| match o {
                        Object::Name(n) => Some(n.clone()),
                        _ => None,
                    });
                    if let Some(name) = name {
                        work = work.add(self.x_object(&name, resources)?);
                    }
                }
                _ => {}
            }
            if work.operations & 0xFFF == 0 {
                before.add(work).check(self.limits)?;
            }
        }
        before.add(work).check(self.limits)?;
        Ok(work)
    }

    /// The work of drawing the XObject `name` once.
    fn x_object<'a>(
        &mut self,
        name: &Name<'_>,
        resources: &Resources<'a>,
    ) -> Result<Work, Over> {
        let Some(stream) = resources.get_x_object(name) else {
            return Ok(Work::default());
        };
        let dict = stream.dict();
        let subtype = dict.get::<Name>(SUBTYPE);
        if subtype.as_deref() == Some(IMAGE) {
            let side = |key: &[u8]| dict.get::<i64>(key).unwrap_or(0).max(0) as u64;
            let pixels = side(WIDTH).saturating_mul(side(HEIGHT));
            return Ok(Work { operations: 1, image_pixels: pixels });
        }
        if subtype.as_deref() != Some(FORM) {
            return Ok(Work::default());
        }
        let id = stream.obj_id();
        if let Some(work) = self.forms.get(&id) {
            return Ok(*work);
        }
        if self.open.contains(&id) || self.open.len() >= self.limits.depth {
            return Err(Over::Depth);
        }
        self.open.push(id);
        let data = inflate(&stream, self.limits)?;
        let own = dict.get::<Dict>(RESOURCES).unwrap_or_default();
        let inner = Resources::from_parent(own, resources.clone());
        let work = self.content(&data, &inner, Work::default());
        self.open.pop();
        let work = work?;
        self.forms.insert(id, work);
        Ok(work)
    }
}

/// A stream's content, inflated up to the limit: plain and Flate streams (what PDF
/// writers use for content) are inflated here with a cap (then decoded by hayro if a
/// predictor follows); a stream in another encoding is decoded by hayro only when its
/// raw size keeps even a thousandfold expansion within the limit.
fn inflate<'a>(
    stream: &Stream<'a>,
    limits: &Limits,
) -> Result<std::borrow::Cow<'a, [u8]>, Over> {
    let raw = stream.raw_data();
    let dict = stream.dict();
    let is_flate = |n: &Name| matches!(&**n, b"FlateDecode" | b"Fl");
    let filter = match (dict.get::<Name>(FILTER), dict.get::<Array>(FILTER)) {
        (Some(name), _) => Some(vec![name]),
        (None, Some(array)) => Some(array.iter::<Name>().collect()),
        (None, None) => None,
    };
    let flate = filter.as_ref().is_some_and(|f| f.len() == 1 && is_flate(&f[0]));
    if filter.as_ref().is_none_or(|f| f.is_empty()) {
        if raw.len() > limits.stream_bytes {
            return Err(Over::Stream);
        }
        return Ok(raw);
    }
    if flate {
        let inflated = capped_flate(&raw, limits.stream_bytes)?;
        if !dict.contains_key(DECODE_PARMS) {
            return Ok(std::borrow::Cow::Owned(inflated));
        }
        // A predictor never lengthens what was inflated: hayro may decode it.
    } else if raw.len().saturating_mul(1000) > limits.stream_bytes {
        return Err(Over::Encoding);
    }
    let data = stream.decoded().map_err(|_| Over::Encoding)?;
    if data.len() > limits.stream_bytes { Err(Over::Stream) } else { Ok(data) }
}

/// Inflates zlib (or, failing that, raw deflate) data, refusing more than `cap` bytes.
fn capped_flate(raw: &[u8], cap: usize) -> Result<Vec<u8>, Over> {
    let read = |reader: &mut dyn Read| -> Result<Vec<u8>, Option<Over>> {
        let mut out = Vec::new();
        let mut limited = reader.take(cap as u64 + 1);
        limited.read_to_end(&mut out).map_err(|_| None)?;
        if out.len() > cap { Err(Some(Over::Stream)) } else { Ok(out) }
    };
    match read(&mut flate2::read::ZlibDecoder::new(raw)) {
        Ok(out) => Ok(out),
        Err(Some(over)) => Err(over),
        Err(None) => match read(&mut flate2::read::DeflateDecoder::new(raw)) {
            Ok(out) => Ok(out),
            Err(Some(over)) => Err(over),
            Err(None) => Err(Over::Encoding),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn inflating_stops_at_the_cap() {
        let big = vec![b' '; 10_000];
        let packed = deflate(&big);
        assert_eq!(capped_flate(&packed, 10_000).unwrap().len(), 10_000);
        assert_eq!(capped_flate(&packed, 9_999), Err(Over::Stream));
        assert_eq!(capped_flate(b"not deflate", 100), Err(Over::Encoding));
    }

    #[test]
    fn limits_read_in_words() {
        assert_eq!(group(2_000_000), "2 000 000");
        assert_eq!(group(999), "999");
        assert!(Over::Operations.reason(&LIMITS).contains("2 000 000 operations"));
    }
}
