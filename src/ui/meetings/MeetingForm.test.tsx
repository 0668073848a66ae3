import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeetingForm } from './MeetingForm';
import { validateMeetingForm } from './meetingForm';

afterEach(cleanup);

describe('meeting form', () => {
  it('asks for the day when it is missing, names it on the field and does not save', async () => {
    const onSubmit = vi.fn();
    render(<MeetingForm submitLabel="Save meeting" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save meeting' }));
    const day = screen.getByLabelText('Day');
    expect(screen.getByText('Choose the day of the meeting.')).toBeTruthy();
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(day.getAttribute('aria-describedby')).toContain('-error');
    expect(document.activeElement).toBe(day);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says how to write the length when it is not a whole number of minutes', async () => {
    const onSubmit = vi.fn();
    render(<MeetingForm submitLabel="Save meeting" onSubmit={onSubmit} />);
    fireEvent.input(screen.getByLabelText('Day'), { target: { value: '2026-03-12' } });
    const length = screen.getByLabelText('Length in minutes');
    await userEvent.clear(length);
    await userEvent.type(length, 'an hour');
    await userEvent.click(screen.getByRole('button', { name: 'Save meeting' }));
    expect(screen.getByText('Enter the length as a whole number of minutes, for example 60.')).toBeTruthy();
    expect(document.activeElement).toBe(length);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('saves the day, time, length, way of meeting and place when they are valid', async () => {
    const onSubmit = vi.fn();
    render(<MeetingForm submitLabel="Save meeting" onSubmit={onSubmit} />);
    fireEvent.input(screen.getByLabelText('Day'), { target: { value: '2026-03-12' } });
    fireEvent.input(screen.getByLabelText('Time'), { target: { value: '14:30' } });
    const length = screen.getByLabelText('Length in minutes');
    await userEvent.clear(length);
    await userEvent.type(length, '90');
    fireEvent.change(screen.getByLabelText('How you will meet'), { target: { value: 'video' } });
    await userEvent.type(screen.getByLabelText('Place or link'), ' https://meet.example.org/abc ');
    await userEvent.click(screen.getByRole('button', { name: 'Save meeting' }));
    expect(screen.queryByText(/Choose|Enter/)).toBeNull();
    expect(onSubmit).toHaveBeenCalledWith({
      date: '2026-03-12',
      time: '14:30',
      durationMinutes: 90,
      mode: 'video',
      place: 'https://meet.example.org/abc',
    });
  });
});

describe('meeting form rules', () => {
  const ok = { date: '2026-03-12', time: '', length: '', mode: '', place: '' };
  it('accepts a day alone', () => {
    expect(validateMeetingForm(ok)).toEqual({});
  });
  it('refuses an impossible day, a time that is not HH:MM and a length out of range', () => {
    expect(validateMeetingForm({ ...ok, date: '2026-02-30', time: '25:00', length: '0' })).toEqual({
      date: 'Enter the day as a date, for example 2026-03-12.',
      time: 'Enter the time as hours and minutes, for example 14:30.',
      length: 'The length must be between 1 and 1440 minutes.',
    });
  });
});
