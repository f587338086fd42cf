// Display formatting: how numbers, money and dates look on screen. Nothing here computes a
// business figure; values arrive from Rust already decided and are only dressed for people.

/**
 * The app's display locale. Steward's interface is English; the British conventions write dates
 * day-first ("3 Mar 2027"), which no English-speaking reader misreads, and show currency
 * symbols that never collide ("US$", "CA$", "€").
 */
export const APP_LOCALE = "en-GB";

/** What an empty value shows as. */
export const EMPTY = "—";

const DECIMAL = /^-?\d+(\.\d+)?$/;

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string): Intl.NumberFormat | null {
  const key = `${locale}|${currency}`;
  const cached = moneyFormats.get(key);
  if (cached) return cached;
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "symbol" });
    moneyFormats.set(key, format);
    return format;
  } catch {
    // An unknown currency code: the caller falls back to a plain number and the code.
    return null;
  }
}

/**
 * A decimal string from Rust ("120000.00") in its currency: "US$120,000.00". The string is
 * formatted as a string, never through a float, so large amounts keep every digit.
 */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined, locale = APP_LOCALE): string {
  const text = (amount ?? "").trim();
  if (text === "") return EMPTY;
  const code = (currency ?? "").trim().toUpperCase();
  if (!DECIMAL.test(text)) return code ? `${text} ${code}` : text;
  const value = text as Intl.StringNumericLiteral;
  const format = code ? moneyFormat(code, locale) : null;
  if (format) return format.format(value);
  const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 6 }).format(value);
  return code ? `${plain} ${code}` : plain;
}

/** A whole number with grouping: 10000 → "10,000". */
export function formatNumber(value: number | null | undefined, locale = APP_LOCALE): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return new Intl.NumberFormat(locale).format(value);
}

/** "1 system", "48 systems", "10,000 systems". */
export function formatCount(count: number, singular: string, plural = `${singular}s`, locale = APP_LOCALE): string {
  return `${formatNumber(count, locale)} ${count === 1 ? singular : plural}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of a calendar date "YYYY-MM-DD" at UTC midnight, or null. */
export function parseIsoDate(text: string | null | undefined): number | null {
  const match = ISO_DATE.exec((text ?? "").trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const check = new Date(ms);
  // Reject dates such as 2027-02-31 that Date would silently roll over.
  if (check.getUTCMonth() !== Number(m) - 1 || check.getUTCDate() !== Number(d)) return null;
  return ms;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * CLDR's British English abbreviates September "Sept"; the period labels, charts and board pack
 * (written in Rust) say "Sep". One spelling everywhere.
 */
function sameMonthNames(text: string): string {
  return text.replace(/\bSept\b/g, "Sep");
}

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

/** A calendar date as people write it: "2027-03-03" → "3 Mar 2027". */
export function formatDate(text: string | null | undefined, locale = APP_LOCALE): string {
  const ms = parseIsoDate(text);
  if (ms === null) return text && text.trim() !== "" ? text : EMPTY;
  return sameMonthNames(dateFormat(locale).format(ms));
}

/**
 * A moment (an RFC 3339 timestamp such as "2027-03-03T10:15:00Z") in the viewer's time zone:
 * "3 Mar 2027, 10:15". `timeZone` is for tests.
 */
export function formatDateTime(text: string | null | undefined, locale = APP_LOCALE, timeZone?: string): string {
  if (!text) return EMPTY;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return text;
  return sameMonthNames(
    new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      ...(timeZone ? { timeZone } : {}),
    }).format(ms),
  );
}

/** Today's calendar date in the viewer's time zone, as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

const DAY_MS = 86_400_000;

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier), or null. */
export function daysBetween(fromIso: string, toIso: string | null | undefined): number | null {
  const from = parseIsoDate(fromIso);
  const to = parseIsoDate(toIso);
  if (from === null || to === null) return null;
  return Math.round((to - from) / DAY_MS);
}

/** "today", "tomorrow", "in 12 days", "yesterday", "3 days ago" — relative to `today`. */
export function formatRelativeDays(dateIso: string | null | undefined, today: string, locale = APP_LOCALE): string {
  const days = daysBetween(today, dateIso);
  if (days === null) return "";
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  return format.format(days, "day");
}

/** Whether a date falls between today and `windowDays` ahead, both ends included. */
export function isWithinDays(dateIso: string | null | undefined, today: string, windowDays: number): boolean {
  const days = daysBetween(today, dateIso);
  return days !== null && days >= 0 && days <= windowDays;
}

/** Yes / No / Not recorded for the optional flags of a record. */
export function formatFlag(value: boolean | null | undefined): string {
  if (value === true) return "Yes";
  if (value === false) return "No";
  return EMPTY;
}

/**
 * A period of calendar dates, both ends included, written as briefly as it stays clear:
 * "1 Oct 2025" (one day), "1–14 Oct 2025", "28 Sep – 4 Oct 2025", "28 Dec 2025 – 3 Jan 2026".
 */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined, locale = APP_LOCALE): string {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end ?? start);
  if (from === null || to === null) {
    const texts = [start, end].map((t) => (t ?? "").trim()).filter((t) => t !== "");
    return texts.length === 0 ? EMPTY : [...new Set(texts)].join(" – ");
  }
  if (from === to) return sameMonthNames(dateFormat(locale).format(from));
  const a = dateParts(from, locale);
  const b = dateParts(to, locale);
  if (a.year !== b.year) return sameMonthNames(`${dateFormat(locale).format(from)} – ${dateFormat(locale).format(to)}`);
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return `${a.day}–${b.day} ${b.month} ${b.year}`;
}

function dateParts(ms: number, locale: string): { day: string; month: string; year: string } {
  const parts = dateFormat(locale).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: part("day"), month: sameMonthNames(part("month")), year: part("year") };
}

/**
 * The day of a moment, short: "23 Nov" in the current year, "23 Nov 2025" otherwise (for
 * "Undone 23 Nov"). `now` and `timeZone` are for tests.
 */
export function formatShortDay(text: string | null | undefined, now: Date = new Date(), locale = APP_LOCALE, timeZone?: string): string {
  if (!text) return EMPTY;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return text;
  const zone = timeZone ? { timeZone } : {};
  const year = (at: number | Date) => new Intl.DateTimeFormat("en", { year: "numeric", ...zone }).format(at);
  const sameYear = year(ms) === year(now);
  return sameMonthNames(
    new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      ...(sameYear ? {} : { year: "numeric" }),
      ...zone,
    }).format(ms),
  );
}

/**
 * An exact decimal string from Rust ("12345.000011139") with grouping and every digit kept:
 * "12,345.000011139". Formatted as a string, never through a float.
 */
export function formatDecimal(text: string | null | undefined, locale = APP_LOCALE): string {
  const value = (text ?? "").trim();
  if (value === "") return EMPTY;
  if (!DECIMAL.test(value)) return value;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value as Intl.StringNumericLiteral);
}

const exactMoneyFormats = new Map<string, Intl.NumberFormat | null>();

/**
 * Like `formatMoney`, but keeps every decimal the amount has beyond the currency's minor unit:
 * a line of "0.00383598" USD reads "US$0.00383598", not "US$0.00".
 */
export function formatMoneyExact(amount: string | null | undefined, currency: string | null | undefined, locale = APP_LOCALE): string {
  const text = (amount ?? "").trim();
  const code = (currency ?? "").trim().toUpperCase();
  if (text === "" || !DECIMAL.test(text) || !code) return formatMoney(amount, currency, locale);
  const key = `${locale}|${code}`;
  if (!exactMoneyFormats.has(key)) {
    let format: Intl.NumberFormat | null = null;
    try {
      format = new Intl.NumberFormat(locale, { style: "currency", currency: code, maximumFractionDigits: 20 });
    } catch {
      format = null;
    }
    exactMoneyFormats.set(key, format);
  }
  const format = exactMoneyFormats.get(key);
  return format ? format.format(text as Intl.StringNumericLiteral) : formatMoney(amount, currency, locale);
}

// ---------- Analytics: whole money, shares, changes, months ----------

const wholeMoneyFormats = new Map<string, Intl.NumberFormat | null>();

/**
 * Money rounded to whole units for tiles and summary tables, where cents are noise:
 * "82757.79" EUR → "€82,758". Rounded from the decimal text (half away from zero), never a float.
 */
export function formatMoneyWhole(amount: string | null | undefined, currency: string | null | undefined, locale = APP_LOCALE): string {
  const text = (amount ?? "").trim();
  const code = (currency ?? "").trim().toUpperCase();
  if (text === "" || !DECIMAL.test(text)) return formatMoney(amount, currency, locale);
  const key = `${locale}|${code}`;
  if (!wholeMoneyFormats.has(key)) {
    let format: Intl.NumberFormat | null = null;
    try {
      format = code
        ? new Intl.NumberFormat(locale, { style: "currency", currency: code, maximumFractionDigits: 0, minimumFractionDigits: 0 })
        : null;
    } catch {
      format = null;
    }
    wholeMoneyFormats.set(key, format);
  }
  const format = wholeMoneyFormats.get(key);
  // "-0.40" rounds to zero: show it as zero, not as a negative zero.
  const value = format ? format.format(text as Intl.StringNumericLiteral) : null;
  if (value !== null) return value.replace(/^-(?=\D*0$)/, "");
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(text as Intl.StringNumericLiteral);
  return code ? `${code} ${plain}` : plain;
}

/** Money with its ISO code in front, for amounts kept in their own currency: "USD 179,907". */
export function formatMoneyCode(amount: string | null | undefined, currency: string | null | undefined, locale = APP_LOCALE): string {
  const text = (amount ?? "").trim();
  const code = (currency ?? "").trim().toUpperCase();
  if (text === "") return EMPTY;
  if (!DECIMAL.test(text)) return code ? `${code} ${text}` : text;
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(text as Intl.StringNumericLiteral);
  return code ? `${code} ${plain}` : plain;
}

/** Whether a decimal text is below zero ("-12.50"), for colouring a loss. */
export function isNegativeDecimal(text: string | null | undefined): boolean {
  const value = (text ?? "").trim();
  return DECIMAL.test(value) && value.startsWith("-") && /[1-9]/.test(value);
}

/** Digits of a percentage: none from 10 % up, one below, so small shares are not all "0 %". */
function percentDigits(percent: number): number {
  return Math.abs(percent) >= 9.95 || percent === 0 ? 0 : 1;
}

function percentNumber(percent: number, locale: string): string {
  const digits = percentDigits(percent);
  const rounded = Number(percent.toFixed(digits));
  // "-0 %" says nothing a reader can use.
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(
    Object.is(rounded, -0) ? 0 : rounded,
  );
}

/** A share as a percentage: 0.5465 → "55 %", 0.042 → "4.2 %", null → "—". */
export function formatPercent(share: number | null | undefined, locale = APP_LOCALE): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return EMPTY;
  return `${percentNumber(share * 100, locale)} %`;
}

/** A change as a signed percentage: 0.12 → "+12 %", -0.624 → "−62 %" (a true minus sign). */
export function formatChange(share: number | null | undefined, locale = APP_LOCALE): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return EMPTY;
  const text = percentNumber(Math.abs(share) * 100, locale);
  if (text === "0") return "0 %";
  return `${share > 0 ? "+" : "−"}${text} %`;
}

/**
 * The ends of a ratio range: "80–210 %", or "-21 to 149 %" when an end is negative (an en
 * dash between minus signs reads as a typo). Empty when the range is a single value.
 */
export function formatPercentBounds(
  range: { low: number | null; likely: number | null; high: number | null } | null | undefined,
  locale = APP_LOCALE,
): string {
  if (!range || range.likely === null || !Number.isFinite(range.likely)) return "";
  const low = range.low ?? range.likely;
  const high = range.high ?? range.likely;
  const lowText = percentNumber(low * 100, locale);
  const highText = percentNumber(high * 100, locale);
  if (lowText === highText && lowText === percentNumber(range.likely * 100, locale)) return "";
  return low < 0 || high < 0 ? `${lowText} to ${highText} %` : `${lowText}–${highText} %`;
}

/**
 * A ratio with its range, as the value screens write ROI: "140 % (80–210 %)". A range that
 * collapses to one value shows once; a missing likely value shows as a dash.
 */
export function formatPercentRange(
  range: { low: number | null; likely: number | null; high: number | null } | null | undefined,
  locale = APP_LOCALE,
): string {
  if (!range || range.likely === null || !Number.isFinite(range.likely)) return EMPTY;
  const bounds = formatPercentBounds(range, locale);
  const likely = formatPercent(range.likely, locale);
  return bounds ? `${likely} (${bounds})` : likely;
}

/** A month as people name it: "2026-03-01" → "Mar 2026". */
export function formatMonth(text: string | null | undefined, locale = APP_LOCALE): string {
  const ms = parseIsoDate(text);
  if (ms === null) return text && text.trim() !== "" ? text : EMPTY;
  return sameMonthNames(new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(ms));
}

/**
 * Compares two exact decimal texts as numbers without a float ("1000.5" > "999.99"), so money
 * can be sorted to the digit. Text that is not a decimal sorts before every number.
 */
export function compareDecimalText(a: string | null | undefined, b: string | null | undefined): number {
  const x = (a ?? "").trim();
  const y = (b ?? "").trim();
  const xOk = DECIMAL.test(x);
  const yOk = DECIMAL.test(y);
  if (!xOk || !yOk) return xOk === yOk ? 0 : xOk ? 1 : -1;
  const xNeg = x.startsWith("-") && /[1-9]/.test(x);
  const yNeg = y.startsWith("-") && /[1-9]/.test(y);
  if (xNeg !== yNeg) return xNeg ? -1 : 1;
  const magnitude = compareMagnitude(x.replace(/^-/, ""), y.replace(/^-/, ""));
  return xNeg ? -magnitude : magnitude;
}

function compareMagnitude(x: string, y: string): number {
  const [xi, xf = ""] = x.split(".");
  const [yi, yf = ""] = y.split(".");
  const xInt = xi.replace(/^0+(?=\d)/, "");
  const yInt = yi.replace(/^0+(?=\d)/, "");
  if (xInt.length !== yInt.length) return xInt.length < yInt.length ? -1 : 1;
  if (xInt !== yInt) return xInt < yInt ? -1 : 1;
  const width = Math.max(xf.length, yf.length);
  const xFrac = xf.padEnd(width, "0");
  const yFrac = yf.padEnd(width, "0");
  return xFrac === yFrac ? 0 : xFrac < yFrac ? -1 : 1;
}

/** The ends of a money range, whole units: "€8,000 – €15,000"; empty when it is one value. */
export function formatMoneyBounds(
  range: { low: string; likely: string; high: string } | null | undefined,
  currency: string | null | undefined,
  locale = APP_LOCALE,
): string {
  if (!range) return "";
  const likely = formatMoneyWhole(range.likely, currency, locale);
  const low = formatMoneyWhole(range.low, currency, locale);
  const high = formatMoneyWhole(range.high, currency, locale);
  if (low === likely && high === likely) return "";
  return isNegativeDecimal(range.low) || isNegativeDecimal(range.high) ? `${low} to ${high}` : `${low} – ${high}`;
}

/**
 * Money with its range, whole units: "€12,000 (€8,000 – €15,000)"; once when the range is one
 * value. `range` holds exact decimal text.
 */
export function formatMoneyRange(
  range: { low: string; likely: string; high: string } | null | undefined,
  currency: string | null | undefined,
  locale = APP_LOCALE,
): string {
  if (!range) return EMPTY;
  const bounds = formatMoneyBounds(range, currency, locale);
  const likely = formatMoneyWhole(range.likely, currency, locale);
  return bounds ? `${likely} (${bounds})` : likely;
}
