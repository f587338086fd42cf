//! Embeds every import preset under `assets/presets/` so that adding a vendor layout is adding a
//! file: the list is generated here, not written by hand.

use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let presets = Path::new(&manifest).join("../../assets/presets");
    println!("cargo::rerun-if-changed={}", presets.display());
    let mut files: Vec<_> = fs::read_dir(&presets)
        .expect("assets/presets exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut code = String::from("pub static PRESET_FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        let name = file.file_name().expect("a file name").to_string_lossy();
        let absolute = file.canonicalize().expect("preset path resolves");
        code.push_str(&format!("    ({name:?}, include_str!({:?})),\n", absolute.display().to_string()));
        println!("cargo::rerun-if-changed={}", file.display());
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("presets.rs");
    fs::write(out, code).expect("write the preset list");
}
