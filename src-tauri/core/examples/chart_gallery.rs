//! Renders every sample chart, light and dark, to SVG and PNG in a folder, and prints how long
//! each took: `cargo run -p steward-core --example chart_gallery [--release] -- OUT_DIR`.

use std::time::Instant;

use steward_core::charts::{self, ChartSize, Theme, samples};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "chart-gallery".to_owned());
    std::fs::create_dir_all(&out)?;
    let size = ChartSize::SLIDE;
    let runs = 20;
    println!("{:<22} {:>6} {:>10} {:>10}", "chart", "theme", "svg ms", "png ms");
    let named: Vec<_> = samples::all()
        .into_iter()
        .map(|(n, c)| (n.to_owned(), c))
        .chain(samples::empty().into_iter().map(|(n, c)| (format!("empty_{n}"), c)))
        .collect();
    for (name, chart) in &named {
        for (theme, tag) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
            let started = Instant::now();
            let mut svg = String::new();
            for _ in 0..runs {
                svg = charts::svg(chart, size, theme)?;
            }
            let svg_ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
            let started = Instant::now();
            let png = charts::png(chart, size, theme, 1.0)?;
            let png_ms = started.elapsed().as_secs_f64() * 1000.0;
            std::fs::write(format!("{out}/{name}-{tag}.svg"), svg)?;
            std::fs::write(format!("{out}/{name}-{tag}.png"), png)?;
            println!("{name:<22} {tag:>6} {svg_ms:>10.3} {png_ms:>10.1}");
        }
    }
    Ok(())
}
