import { act, cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { announce, announceOnArrival, clearStatus } from '../ui/components/status';
import { ArrivalNote, ErrorBar, PassingStatus } from './StatusRegion';

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

  it('reads passing messages to screen readers and shows none of them floating over the screen', () => {
    render(<PassingStatus path="/stories/1" />);
    act(() => announce('Saved'));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Saved');
    expect(status.classList.contains('visually-hidden')).toBe(true);
    act(() => announce('Marked done'));
    expect(status.textContent).toBe('Marked done');
    expect(status.classList.contains('visually-hidden')).toBe(true);
  });

  it('shows an arriving message at the top of the screen it opens, until the person leaves it', () => {
    const view = render(<ArrivalNote path="/goals/g1" />);
    act(() => announceOnArrival('Goal deleted. Its milestones are kept.', '/goals'));
    // Announced on the goal's page, just before the list opens: not shown there.
    expect(document.querySelector('.arrival-note')).toBeNull();
    view.rerender(<ArrivalNote path="/goals" />);
    expect(document.querySelector('.arrival-note')?.textContent).toBe(
      'Goal deleted. Its milestones are kept.',
    );
    view.rerender(<ArrivalNote path="/milestones" />);
    expect(document.querySelector('.arrival-note')).toBeNull();
    // Coming back to the list does not bring it back.
    view.rerender(<ArrivalNote path="/goals" />);
    expect(document.querySelector('.arrival-note')).toBeNull();
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
