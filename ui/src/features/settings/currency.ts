// Currency codes as the Settings forms offer them. Whether a code is a real ISO 4217 currency is
// for Rust to say; this only suggests the common ones and names them for people.
import { APP_LOCALE } from "../../lib/format";

/** The codes offered with one click; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "JPY", "CAD", "AUD"] as const;

/** What a typed code is sent as: "  usd " → "USD". */
export function normalizeCode(text: string): string {
  return text.trim().toUpperCase();
}

let names: Intl.DisplayNames | null | undefined;

/** "EUR" → "Euro", "USD" → "US Dollar"; empty when the code is not one the runtime knows. */
export function currencyName(code: string | null | undefined, locale = APP_LOCALE): string {
  const clean = normalizeCode(code ?? "");
  if (!/^[A-Z]{3}$/.test(clean)) return "";
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(locale, { type: "currency", fallback: "none" });
    } catch {
      names = null;
    }
  }
  return names?.of(clean) ?? "";
}

/**
 * Two currencies other than `reporting` for a sentence such as "so USD and GBP costs count in
 * your EUR totals": the ones AI vendors bill in most.
 */
export function otherCurrencies(reporting: string | null | undefined): [string, string] {
  const own = normalizeCode(reporting ?? "");
  const [a, b] = ["USD", "GBP", "EUR"].filter((code) => code !== own);
  return [a, b];
}
