import './translation-overrides.ts';
