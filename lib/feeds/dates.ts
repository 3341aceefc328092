// Feeds date their items in RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) or
// something near either. Date.parse of non-ISO strings differs between
// engines, so the RFC 822 shape is read here, the same in every browser.

import { MAX_DATE_CHARS } from './config';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Offsets in hours of the zone names seen in feeds (RFC 822 names plus common ones). */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  bst: 1,
  cet: 1,
  cest: 2,
  eet: 2,
  eest: 3,
  jst: 9,
  aest: 10,
  aedt: 11,
};

const RFC822 =
  /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:([+-])(\d{2}):?(\d{2})|([a-z]{1,5}))?\s*$/i;

const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

function fromRfc822(text: string): number | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const [, day, monthName, yearText, hh, mm, ss, sign, offH, offM, zoneName] = m;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  if (month < 0) return undefined;
  let year = Number(yearText);
  if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  let offsetMinutes = 0;
  if (sign) {
    offsetMinutes = (Number(offH) * 60 + Number(offM)) * (sign === '-' ? -1 : 1);
  } else if (zoneName) {
    const hours = ZONES[zoneName.toLowerCase()];
    // An unknown zone name is read as UTC: off by hours at worst, never dropped.
    offsetMinutes = (hours ?? 0) * 60;
  }
  const utc = Date.UTC(year, month, Number(day), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0));
  return utc - offsetMinutes * 60_000;
}

/** A feed's date as an ISO 8601 string in UTC, or undefined when it cannot be read. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  // "Wednesday, 15 October 2025 09:00:00 +0000" has 42 characters; anything far longer is no date, and
  // the RFC 822 pattern's adjacent optional spaces would backtrack over it.
  if (!text || text.length > MAX_DATE_CHARS) return undefined;
  let ms = fromRfc822(text);
  if (ms === undefined) {
    // A zone-less ISO time would be read as local time; feeds mean UTC more often.
    ms = Date.parse(ISO_WITHOUT_ZONE.test(text) ? `${text.replace(' ', 'T')}Z` : text);
  }
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
