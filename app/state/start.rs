//! The start sheet of File > New, as typed: the few answers a new scenario starts from (a
//! name, the client, the monthly bill or the volume, the API model), and what was wrong with
//! them the last time Start was pressed.

use breakeven_model::Problem;
use breakeven_model::start::{Start, StartVolume, starting_point};

/// The start sheet's fields as typed, kept while the sheet is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartSheet {
    /// The scenario's name.
    pub name: String,
    /// Who it is for.
    pub client: String,
    /// Whether the volume is given as the monthly API bill (otherwise as tokens a month).
    pub as_bill: bool,
    /// The bill or the volume, as typed.
    pub volume: String,
    /// The catalog id of the API model used today.
    pub api_model: String,
    /// The API models to pick from, id and name as the picker shows them: the catalog as the
    /// user has it, imported prices and all.
    pub models: Vec<(String, String)>,
    /// What was wrong with the answers when Start was last pressed, by field.
    pub problems: Vec<Problem>,
    /// Whether the sheet has been shown, its first field given the focus.
    pub shown: bool,
}

impl Default for StartSheet {
    fn default() -> Self {
        Self {
            name: String::new(),
            client: String::new(),
            as_bill: true,
            volume: String::new(),
            api_model: starting_point().buy.catalog_id.unwrap_or_default(),
            models: model_choices(breakeven_model::Catalog::embedded()),
            problems: Vec::new(),
            shown: false,
        }
    }
}

/// The API models of `catalog` as the start sheet offers them: id, and name with provider.
#[must_use]
pub fn model_choices(catalog: &breakeven_model::Catalog) -> Vec<(String, String)> {
    catalog
        .api_models
        .iter()
        .map(|m| (m.id.clone(), format!("{} ({})", m.name, m.provider)))
        .collect()
}

impl StartSheet {
    /// The answers, read; a volume that is not a number is named by its field.
    pub fn answers(&self) -> Result<Start, Vec<Problem>> {
        let volume = StartVolume::parse(self.as_bill, &self.volume).map_err(|why| {
            vec![Problem {
                path: "start.volume".to_owned(),
                message: why,
            }]
        })?;
        Ok(Start {
            name: self.name.clone(),
            client: self.client.clone(),
            volume,
            api_model: self.api_model.clone(),
        })
    }

    /// The messages about the field at `path`.
    pub fn problems_at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a str> {
        self.problems
            .iter()
            .filter(move |p| p.path == path)
            .map(|p| p.message.as_str())
    }
}
