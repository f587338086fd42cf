//! The architecture's checkable invariants (README, "Invariants").

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("source folder lists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn core_src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/core/src")
}

/// Each crate may be named only inside its own module.
#[test]
fn each_outside_crate_is_named_by_one_module_only() {
    let rules = [
        ("rusqlite", "store"),
        ("csv::", "import"),
        ("calamine", "import"),
        ("plotters", "charts"),
        ("resvg", "charts"),
        ("ab_glyph", "charts"),
        ("printpdf", "report"),
    ];
    let mut files = Vec::new();
    rust_files(&core_src(), &mut files);
    for file in files {
        let relative = file.strip_prefix(core_src()).expect("under src").to_string_lossy().replace('\\', "/");
        // Comments may mention a crate (this module's docs do); code may not.
        let text: String = fs::read_to_string(&file)
            .expect("source reads")
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (krate, home) in rules {
            if text.contains(krate) {
                assert!(
                    relative.starts_with(&format!("{home}/")),
                    "{relative} names {krate}, which belongs to {home}/ only"
                );
            }
        }
    }
}

#[test]
fn the_core_crate_does_not_depend_on_tauri() {
    let manifest = fs::read_to_string(core_src().join("../Cargo.toml")).expect("manifest reads");
    assert!(!manifest.contains("tauri"), "steward-core must build and test without a webview");
}

#[test]
fn only_the_ipc_folder_imports_tauri_in_the_ui() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "ts" || e == "tsx") {
                out.push(path);
            }
        }
    }
    let ui = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src");
    let mut files = Vec::new();
    walk(&ui, &mut files);
    assert!(!files.is_empty(), "the UI sources are where the README says");
    for file in files {
        let relative = file.strip_prefix(&ui).expect("under ui/src").to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(&file).expect("source reads");
        if text.contains("@tauri-apps/") {
            assert!(relative.starts_with("ipc/"), "{relative} imports @tauri-apps; only ui/src/ipc may");
        }
    }
}
