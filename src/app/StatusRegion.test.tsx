import { act, cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { announce, clearStatus } from '../ui/components/status';
import { ErrorBar, PassingStatus } from './StatusRegion';

afterEach(() => {
  cleanup();
  clearStatus();
});

describe('the status messages', () => {
  it('shows an error in the bar until it is dismissed', async () => {
    const user = userEvent.setup();
    render(<ErrorBar path="/share" />);
    act(() => announce('There is no room left on this device.', 'error'));
    expect(screen.getByRole('alert').textContent).toBe('There is no room left on this device.');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('does not keep an error once the person has moved to another screen', () => {
    const view = render(<ErrorBar path="/share" />);
    act(() => announce('This file is not a Mentoring Journal file.', 'error'));
    expect(screen.getByRole('alert').textContent).toMatch(/not a Mentoring Journal file/);
    view.rerender(<ErrorBar path="/goals" />);
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    // Coming back does not bring it back either.
    view.rerender(<ErrorBar path="/share" />);
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('reads a quiet "Saved" to screen readers without showing it, and shows a passing one', () => {
    render(<PassingStatus path="/stories/1" />);
    act(() => announce('Saved', 'quiet'));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Saved');
    expect(status.classList.contains('visually-hidden')).toBe(true);
    act(() => announce('Goal added'));
    expect(status.textContent).toBe('Goal added');
    expect(status.classList.contains('visually-hidden')).toBe(false);
  });

  it('shows errors only in the bar, never in the passing strip', () => {
    render(
      <>
        <ErrorBar path="/" />
        <PassingStatus path="/" />
      </>,
    );
    act(() => announce('Something went wrong', 'error'));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getByRole('alert').textContent).toBe('Something went wrong');
  });
});
