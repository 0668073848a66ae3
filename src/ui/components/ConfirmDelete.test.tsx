import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmDelete } from './ConfirmDelete';

afterEach(cleanup);

function Item() {
  const [confirming, setConfirming] = useState(false);
  const [gone, setGone] = useState(false);
  if (gone) return <p>Gone</p>;
  return (
    <div>
      {confirming ? (
        <ConfirmDelete
          question="Delete “Teen night”?"
          onConfirm={() => setGone(true)}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <button type="button" data-delete-opener onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
    </div>
  );
}

describe('ConfirmDelete', () => {
  it('opens on “Keep it”, described by the question, and keeping returns focus to Delete', async () => {
    const user = userEvent.setup();
    render(
      <main>
        <h1>Stories</h1>
        <Item />
      </main>,
    );
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const keep = screen.getByRole('button', { name: 'Keep it' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    const description = document.getElementById(keep.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('Delete “Teen night”?');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete' })));
  });

  it('after deleting, focus lands on the screen’s heading', async () => {
    const user = userEvent.setup();
    render(
      <main>
        <h1>Stories</h1>
        <Item />
      </main>,
    );
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Stories' })),
    );
  });
});
