import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The fonts live in the repository's shared assets (the PDF reports embed the same files), so
// the UI reaches one level up for them. The alias keeps CSS free of long relative paths and
// lets Vite copy the files into dist at build time.
const fontsDir = fileURLToPath(new URL("../assets/fonts", import.meta.url));
const uiDir = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@fonts": fontsDir },
  },
  // Tauri expects a fixed port in dev and must see Rust's errors, not a cleared screen.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    fs: { allow: [uiDir, fontsDir] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari16",
    sourcemap: false,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
