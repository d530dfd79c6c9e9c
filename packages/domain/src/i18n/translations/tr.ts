import type { TranslationTable } from '../participant-catalogue.ts';

export const tr: TranslationTable = {};
