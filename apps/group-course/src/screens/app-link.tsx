import type { MouseEvent, ReactNode } from 'react';
import { hrefFor, navigate, useAppPath } from './app-path.ts';

/** An ordinary link (works with keyboard, new tab, screen readers) that switches screens without a reload. */
export function AppLink({
  to,
  children,
  className,
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  const current = useAppPath();
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  }
  return (
    <a
      href={hrefFor(to)}
      onClick={onClick}
      className={className}
      aria-current={current === to ? 'page' : undefined}
    >
      {children}
    </a>
  );
}
