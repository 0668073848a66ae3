import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMediaQuery } from './useMediaQuery';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Layout() {
  return <p>{useMediaQuery('(min-width: 900px)') ? 'one screen' : 'step by step'}</p>;
}

describe('useMediaQuery', () => {
  it('follows the window as it is widened and narrowed', () => {
    let matches = false;
    const listeners = new Set<() => void>();
    vi.stubGlobal('matchMedia', (media: string) => ({
      media,
      get matches() {
        return matches;
      },
      addEventListener: (_: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    }));
    const { unmount } = render(<Layout />);
    expect(screen.getByText('step by step')).toBeTruthy();
    act(() => {
      matches = true;
      for (const listener of listeners) listener();
    });
    expect(screen.getByText('one screen')).toBeTruthy();
    // Gone from the screen, it stops listening.
    act(() => {
      unmount();
    });
    expect(listeners.size).toBe(0);
  });

  it('is false where there is no matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined);
    render(<Layout />);
    expect(screen.getByText('step by step')).toBeTruthy();
  });
});
