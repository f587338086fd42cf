// The colour scheme the app is drawn in: it follows the system (tokens.css swaps colours on
// prefers-color-scheme), and charts drawn in Rust are asked for the same one.
import { useEffect, useState } from "react";

import type { ChartTheme } from "../../ipc/bindings/ChartTheme";

const QUERY = "(prefers-color-scheme: dark)";

function current(): ChartTheme {
  return typeof window !== "undefined" && window.matchMedia?.(QUERY).matches ? "dark" : "light";
}

/** "light" or "dark", updated when the system switches. */
export function useColorScheme(): ChartTheme {
  const [theme, setTheme] = useState<ChartTheme>(current);
  useEffect(() => {
    const media = window.matchMedia?.(QUERY);
    if (!media) return;
    const onChange = () => setTheme(media.matches ? "dark" : "light");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);
  return theme;
}
