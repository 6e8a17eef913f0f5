// What the pages Feiyan serves (the app; the dashboard) share to draw themselves: markup that escapes every value put
// into it, words from a dictionary in the user's language, moments as the county's clocks show them. Every service
// serves this file at /feiyan/ui.js (the platform's static resources), beside sign-in.js.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put into markup, between tags or in an attribute's quotes. */
export const esc = value => String(value ?? '').replace(/[&<>"']/g, c => ESCAPES[c]);

/** Markup made by html`…`: trusted as it is when put into another. */
class Markup {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

const piece = value => value instanceof Markup ? value.text
  : Array.isArray(value) ? value.map(piece).join('')
  : value === null || value === undefined || value === false ? '' : esc(value);

/**
 * Markup in which every ${value} is escaped: names, words, numbers are shown as text, whatever they hold. Markup made
 * by html`…`, and lists of it, go in as they are; null, undefined and false leave nothing. Set it as innerHTML.
 */
export const html = (strings, ...values) =>
  new Markup(strings.reduce((markup, string, i) => markup + piece(values[i - 1]) + string));

/** The language the user chose last on this browser ('zh' or 'en'; Chinese at first), and its locale. */
export const savedLanguage = () => localStorage.getItem('feiyan.lang') || 'zh';
export const saveLanguage = language => localStorage.setItem('feiyan.lang', language);
export const localeOf = language => language === 'zh' ? 'zh-CN' : 'en';

/**
 * Looks words up in a dictionary of languages ({ zh: {…}, en: {…} }), in the language `language()` names, else in
 * the dictionary's first; a key without words says itself. Words that are a function are its answer to the arguments.
 */
export function wordsOf(dictionary, language) {
  const first = Object.values(dictionary)[0];
  return (key, ...args) => {
    const value = dictionary[language()][key] ?? first[key] ?? key;
    return typeof value === 'function' ? value(...args) : value;
  };
}

/** A moment (ISO 8601) as the clocks of the county's `zone` show it, in the user's language; '' for none. */
export const dateTime = (iso, zone, language) => iso ? new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB',
  { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';

/** This month in the county's `zone`, as 2026-03. */
export const monthIn = zone => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' })
  .format(new Date());
