import { act, cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAID_MS, SaidHere, useSaid } from './Said';

function AddButton() {
  const [said, say] = useSaid();
  return (
    <div>
      <button type="button" onClick={() => say('Added')}>
        Add
      </button>
      <button type="button" onClick={() => say('The device is full.', { error: true })}>
        Fail
      </button>
      <SaidHere said={said} />
    </div>
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('what a press did, said beside the button', () => {
  it('says it in a live region next to the button, and lets it pass', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<AddButton />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(status.textContent).toBe('Added');
    // Beside the button, in the same row: not floating over anything.
    expect(status.parentElement).toBe(screen.getByRole('button', { name: 'Add' }).parentElement);
    act(() => void vi.advanceTimersByTime(SAID_MS + 10));
    expect(status.textContent).toBe('');
  });

  it('keeps an error until the next press', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<AddButton />);
    await user.click(screen.getByRole('button', { name: 'Fail' }));
    act(() => void vi.advanceTimersByTime(SAID_MS * 2));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('The device is full.');
    expect(status.classList.contains('field-error')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(status.textContent).toBe('Added');
  });
});
