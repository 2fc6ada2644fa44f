//! The catalog as the user has it: the embedded one with the prices they imported over it,
//! read from the data folder at start, and an import under way (read, shown, then kept or
//! dropped). The pickers, the drift check and the age of prices all read [`Prices::catalog`].

use std::path::{Path, PathBuf};

use breakeven_model::Catalog;
use breakeven_model::catalog::import::{self, MAX_PRICE_LIST_BYTES, PriceFormat, PriceList};
use breakeven_model::catalog::imported::{self, Changes, Imported};
use chrono::NaiveDate;

use super::data;

/// How many models, changes and entries left out a preview lists of each before it says how
/// many more there are.
const PREVIEW_MOST: usize = 12;

/// The catalog, and where its imported prices are kept.
pub struct Prices {
    folder: Option<PathBuf>,
    imported: Imported,
    catalog: Catalog,
    /// Why the kept prices could not be read, when they could not (the embedded catalog is
    /// used, and the file is left as it is).
    problem: Option<String>,
}

/// A price list read and what keeping it would change, waiting for the user's yes.
#[derive(Clone, Debug)]
pub struct Pending {
    /// The lines that say what it does.
    pub summary: Vec<String>,
    /// The catalog's imported prices with the list kept.
    after: Imported,
    /// What it changes.
    pub changes: Changes,
}

impl Prices {
    /// The prices kept in `folder` over the embedded catalog; without a folder, the embedded
    /// catalog alone.
    #[must_use]
    pub fn load(folder: Option<PathBuf>) -> Self {
        let (imported, problem) = match folder.as_deref().map(data::imported_prices) {
            Some(Ok(imported)) => (imported, None),
            Some(Err(why)) => (Imported::default(), Some(why)),
            None => (Imported::default(), None),
        };
        Self {
            catalog: imported.over(Catalog::embedded()),
            folder,
            imported,
            problem,
        }
    }

    /// The catalog the user has.
    #[must_use]
    pub const fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Why the kept prices could not be read at start, when they could not.
    #[must_use]
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Reads the price list at `path` and works out what keeping it would change; or the
    /// sentence saying why it cannot be imported. Nothing is kept yet.
    pub fn read(&self, path: &Path, today: NaiveDate) -> Result<Pending, String> {
        if self.folder.is_none() {
            return Err(format!(
                "There is no data folder to keep imported prices in: start Breakeven with {} set to one.",
                data::DATA_DIR_VARIABLE
            ));
        }
        if let Some(why) = &self.problem {
            return Err(format!("{why}. Set the file aside to import prices again."));
        }
        let list = read_list(path, None, today)?;
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let (after, changes) = self.imported.with(&list, &file, today, Catalog::embedded());
        Ok(Pending {
            // A window shows the first of each list: a whole list has thousands.
            summary: imported::summary(&file, &list, &changes, Some(PREVIEW_MOST)),
            after,
            changes,
        })
    }

    /// Keeps `pending`'s prices: written to the data folder, then the catalog. Nothing changes
    /// when it cannot be written.
    pub fn keep(&mut self, pending: Pending) -> Result<PathBuf, String> {
        let folder = self
            .folder
            .as_deref()
            .ok_or_else(|| "There is no data folder to keep imported prices in".to_owned())?;
        let path = data::keep_imported_prices(folder, &pending.after)?;
        self.catalog = pending.after.over(Catalog::embedded());
        self.imported = pending.after;
        Ok(path)
    }
}

/// The price list at `path`, read in `format` or the one its shape says; or why not, naming
/// the file.
pub fn read_list(
    path: &Path,
    format: Option<PriceFormat>,
    today: NaiveDate,
) -> Result<PriceList, String> {
    let text = super::files::read_text(
        path,
        MAX_PRICE_LIST_BYTES,
        |bytes| import::ImportError::TooLarge { bytes }.to_string(),
        "a price list is JSON",
    )?;
    import::read(&text, format, today).map_err(|e| format!("{}: {e}.", path.display()))
}
