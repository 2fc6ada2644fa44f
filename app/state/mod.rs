//! What the window holds, without a widget: the document and its undo history, the figures of
//! its last valid version, the workshop's baseline and comparison, recovery files, and files on
//! disk. The `ui` reads and draws it; only the window's one door changes it.

pub mod document;
pub mod examples;
pub mod files;
pub mod recent;
pub mod recovery;
pub mod workshop;
