/// <reference types="vite/client" />
import type { Resource } from 'i18next';
import { languages } from './languages';

/**
 * The message catalogues, one JSON file per language in renderer/locales.
 * They are bundled at build time (an eager glob is a static import), so the
 * kiosk never loads text over a network. A glob rather than `import en from
 * '…/en.json'` because the web tsconfig's project lists only renderer/src;
 * see docs/translations.md.
 */
const files = import.meta.glob<Record<string, unknown>>('../../locales/*.json', { eager: true, import: 'default' });

function catalogue(code: string): Record<string, unknown> {
  const found = files[`../../locales/${code}.json`];
  if (!found) throw new Error(`The message catalogue renderer/locales/${code}.json is missing.`);
  return found;
}

export const resources: Resource = Object.fromEntries(
  languages.map((language) => [language.code, { translation: catalogue(language.code) }]),
);
