//! What the window holds, without a widget: the document and its undo history, the workshop's
//! baseline and comparison, recovery files, recent files and files on disk. The `ui` reads and
//! draws it; only the window's one door changes it. (The figures are the model's `Evaluation`.)

pub mod data;
pub mod document;
pub mod examples;
pub mod files;
pub mod own_numbers;
pub mod prices;
pub mod recent;
pub mod recovery;
pub mod sampling;
pub mod start;
pub mod workshop;
