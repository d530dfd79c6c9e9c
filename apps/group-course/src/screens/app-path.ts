import { useSyncExternalStore } from 'react';

/**
 * A small path router for the app's few screens under its Vite base (`/group-course/`). Paths are
 * only screen names and course ids; nothing about a person ever goes into the address.
 */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

function currentPath(): string {
  const path = window.location.pathname.startsWith(BASE)
    ? window.location.pathname.slice(BASE.length)
    : window.location.pathname;
  return path.replace(/^\/+|\/+$/g, '');
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function useAppPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function hrefFor(path: string): string {
  return `${BASE}/${path}`;
}

export function navigate(path: string): void {
  window.history.pushState(null, '', hrefFor(path));
  for (const listener of listeners) listener();
}

/** The app's address for a participant's one-time form link (token in the fragment, never sent to a server). */
export function participantFormUrl(token: string): string {
  return `${window.location.origin}${BASE}/form#t=${token}`;
}

export function isParticipantFormPath(): boolean {
  return currentPath() === 'form';
}
