//! The desktop session: which portfolio is open, the one opened last time, the first run.
//!
//! Lives in core (not the shell) so the rules — create a portfolio in the app-data folder on
//! first run, reopen the last file later, keep going when that file is gone or unusable — are
//! tested without a webview.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ApiError, ApiResult, App, ErrorCode, PortfolioInfo};

/// The file the app creates on first run, inside the app-data folder.
pub const DEFAULT_FILE_NAME: &str = "Portfolio.steward";
const SETTINGS_FILE: &str = "settings.json";

/// What the UI needs at start and after every File action.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SessionState {
    /// The open portfolio, if any.
    pub portfolio: Option<PortfolioInfo>,
    /// A new, empty portfolio was just created: offer the demo.
    pub first_run: bool,
    /// Why the last portfolio could not be opened (the file is named in the message).
    pub problem: Option<ApiError>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Settings {
    last_portfolio: Option<PathBuf>,
}

/// The open portfolio of a desktop window, and where the app keeps its own files.
pub struct Session {
    app: Option<App>,
    config_dir: PathBuf,
    first_run: bool,
    problem: Option<ApiError>,
}

impl Session {
    /// Reopens the last portfolio; on first run creates `Portfolio.steward` in `data_dir`.
    /// Never fails: a problem is kept in the state for the UI to show, with no file touched.
    pub fn start(data_dir: &Path, config_dir: &Path) -> Session {
        let mut session = Session { app: None, config_dir: config_dir.to_owned(), first_run: false, problem: None };
        let settings = session.read_settings();
        let result = match settings.last_portfolio {
            Some(path) => App::open(&path).map(|app| (app, false)),
            None => {
                let default = data_dir.join(DEFAULT_FILE_NAME);
                std::fs::create_dir_all(data_dir)
                    .map_err(|e| {
                        ApiError::new(ErrorCode::Internal, format!("cannot create {}: {e}", data_dir.display()))
                    })
                    .and_then(|()| {
                        if default.exists() {
                            App::open(&default).map(|a| (a, false))
                        } else {
                            App::create(&default).map(|a| (a, true))
                        }
                    })
            }
        };
        match result {
            Ok((app, first_run)) => {
                session.first_run = first_run;
                session.adopt(app);
            }
            Err(problem) => session.problem = Some(problem),
        }
        session
    }

    pub fn state(&self) -> ApiResult<SessionState> {
        Ok(SessionState {
            portfolio: self.app.as_ref().map(App::portfolio_info).transpose()?,
            first_run: self.first_run,
            problem: self.problem.clone(),
        })
    }

    /// The open portfolio, or an error the UI shows when none is open.
    pub fn app(&self) -> ApiResult<&App> {
        self.app.as_ref().ok_or_else(no_portfolio)
    }

    pub fn app_mut(&mut self) -> ApiResult<&mut App> {
        self.app.as_mut().ok_or_else(no_portfolio)
    }

    /// Creates a new portfolio at `path` and makes it the open one.
    pub fn new_portfolio(&mut self, path: &Path) -> ApiResult<SessionState> {
        let app = App::create(path)?;
        self.first_run = false;
        self.adopt(app);
        self.state()
    }

    /// Opens `path`. On failure the current portfolio stays open and untouched.
    pub fn open_portfolio(&mut self, path: &Path) -> ApiResult<SessionState> {
        let app = App::open(path)?;
        self.first_run = false;
        self.adopt(app);
        self.state()
    }

    /// Opens `path` at start-up; a failure is kept as the session's problem for the UI.
    pub fn open_requested(&mut self, path: &Path) {
        if let Err(problem) = self.open_portfolio(path) {
            self.problem = Some(problem);
        }
    }

    /// Writes a copy of the open portfolio to `dest`, replacing a file the person chose to
    /// overwrite (never the open file itself).
    pub fn save_copy(&self, dest: &Path) -> ApiResult<()> {
        let app = self.app()?;
        let current = app.portfolio_info()?.path.map(PathBuf::from);
        if let Some(current) = current
            && same_file(&current, dest)
        {
            return Err(ApiError::new(
                ErrorCode::FileExists,
                "a copy cannot replace the open portfolio itself; choose another name",
            ));
        }
        if dest.exists() {
            std::fs::remove_file(dest)
                .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot replace {}: {e}", dest.display())))?;
        }
        app.save_copy(dest)
    }

    /// The first-run offer has been answered (demo loaded or empty chosen).
    pub fn dismiss_first_run(&mut self) {
        self.first_run = false;
    }

    fn adopt(&mut self, app: App) {
        self.problem = None;
        if let Ok(PortfolioInfo { path: Some(path), .. }) = app.portfolio_info() {
            self.write_settings(&Settings { last_portfolio: Some(PathBuf::from(path)) });
        }
        self.app = Some(app);
    }

    fn read_settings(&self) -> Settings {
        // A missing or unreadable settings file means "first run": nothing of the user's is lost,
        // their portfolio files stay where they are.
        std::fs::read_to_string(self.config_dir.join(SETTINGS_FILE))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    fn write_settings(&self, settings: &Settings) {
        // Losing this file only means the next start opens the default portfolio, so a
        // failure to write it is not worth interrupting the person for.
        let _ = std::fs::create_dir_all(&self.config_dir);
        if let Ok(text) = serde_json::to_string_pretty(settings) {
            let _ = std::fs::write(self.config_dir.join(SETTINGS_FILE), text);
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn no_portfolio() -> ApiError {
    ApiError::new(
        ErrorCode::FileUnusable,
        "no portfolio is open; create one with File → New or open one with File → Open",
    )
}
