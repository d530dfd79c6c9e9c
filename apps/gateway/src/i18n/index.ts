import './translation-overrides.ts';
import './staff-locale.ts';
