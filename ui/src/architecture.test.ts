// Checks the rules of the UI that a reviewer would otherwise have to remember.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL(".", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, "utf8") }));

describe("architecture", () => {
  it("finds the sources", () => {
    expect(files.length, "the scan must see the app, or the other checks prove nothing").toBeGreaterThan(20);
  });

  it("imports @tauri-apps only inside src/ipc", () => {
    const offenders = files.filter((f) => !f.path.startsWith("ipc/") && /from\s+["']@tauri-apps\//.test(f.text));
    expect(offenders.map((f) => f.path), "screens reach Rust only through ipc/commands.ts").toEqual([]);
  });

  it("never injects HTML or evaluates code", () => {
    const offenders = files.filter((f) => /dangerouslySetInnerHTML|innerHTML\s*=|\beval\(|new Function\(/.test(f.text));
    expect(offenders.map((f) => f.path), "user text must always render as text, and the CSP forbids eval").toEqual([]);
  });

  it("loads nothing from the network", () => {
    const offenders = files.filter((f) => /["'`]https?:\/\//.test(f.text));
    expect(offenders.map((f) => f.path), "the CSP allows only the app's own files").toEqual([]);
  });
});
