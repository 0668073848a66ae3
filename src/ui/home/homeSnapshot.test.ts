import { afterEach, describe, expect, it } from 'vitest';
import { HOME_SNAPSHOT_KEY, type HomeSnapshot } from '../../db/homeSnapshot';
import { keepHomeSnapshot, revealLiveApp, SNAPSHOT_ID } from './homeSnapshot';

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

function drawHome() {
  document.body.innerHTML = `
    <div id="app">
      <a class="skip-link" href="#main">Skip to content</a>
      <div class="error-bar shown"><div role="alert">No room left</div></div>
      <header class="app-header"><select aria-label="Current journal">
        <option value="j1">Ana &amp; Sam</option><option value="j2">Bea &amp; Ana</option>
      </select></header>
      <div class="shell"><nav><details open><summary>More</summary></details></nav>
        <main id="main"><p class="arrival-note">Goal added</p><h1>Home</h1><p>Next meeting 1 Dec 2026</p></main>
      </div>
      <div class="status visually-hidden" role="status">Saved</div>
    </div>`;
  document.querySelector('select')!.value = 'j2';
}

const keptSnapshot = () => JSON.parse(localStorage.getItem(HOME_SNAPSHOT_KEY)!) as HomeSnapshot;

describe('Home kept for the next cold start', () => {
  it('keeps what stays true — the screen and the journal chosen — and no message of the moment', () => {
    drawHome();
    keepHomeSnapshot('j2', '2026-12-01');
    const snapshot = keptSnapshot();
    expect(snapshot).toMatchObject({ build: __BUILD_ID__, journalId: 'j2', today: '2026-12-01' });
    const kept = document.createElement('div');
    kept.innerHTML = snapshot.html;
    expect(kept.querySelector('h1')?.textContent).toBe('Home');
    expect(kept.textContent).toContain('Next meeting 1 Dec 2026');
    expect(kept.textContent).not.toMatch(/Goal added|No room left|Saved|Skip to content/);
    expect(kept.querySelector('details[open]')).toBeNull();
    // Markup carries the chosen journal, which a select's value alone would not.
    expect(kept.querySelector('option[selected]')?.getAttribute('value')).toBe('j2');
  });

  it('is not kept from another screen, nor while the kept one is still on screen', () => {
    drawHome();
    history.replaceState(null, '', '/goals');
    keepHomeSnapshot('j1', '2026-12-01');
    expect(localStorage.getItem(HOME_SNAPSHOT_KEY)).toBeNull();
    history.replaceState(null, '', '/');
    document.getElementById('app')!.hidden = true;
    keepHomeSnapshot('j1', '2026-12-01');
    expect(localStorage.getItem(HOME_SNAPSHOT_KEY)).toBeNull();
  });

  it('drawn off screen while another screen shows, takes that screen’s place, with Home current in the navigation', () => {
    drawHome();
    history.replaceState(null, '', '/goals');
    document.querySelector('#main')!.innerHTML = '<h1>Goals</h1>';
    document
      .querySelector('nav')!
      .insertAdjacentHTML(
        'beforeend',
        '<ul class="app-nav"><li><a href="/">Home</a></li><li><a href="/goals" aria-current="page">Goals</a></li></ul>',
      );
    document.querySelector('nav')!.classList.add('app-nav');
    const drawn = document.createElement('div');
    drawn.innerHTML = '<h1>Home</h1><p>2 goals active</p>';
    keepHomeSnapshot('j1', '2026-12-01', drawn);
    const kept = document.createElement('div');
    kept.innerHTML = keptSnapshot().html;
    expect(kept.querySelector('#main')?.textContent).toBe('Home2 goals active');
    expect(kept.querySelector('a[aria-current="page"]')?.getAttribute('href')).toBe('/');
    history.replaceState(null, '', '/');
  });

  it('gives way to the app’s own Home', () => {
    drawHome();
    const app = document.getElementById('app')!;
    app.hidden = true;
    app.insertAdjacentHTML('beforebegin', `<div id="${SNAPSHOT_ID}" inert><main><h1>Home</h1></main></div>`);
    revealLiveApp();
    expect(document.getElementById(SNAPSHOT_ID)).toBeNull();
    expect(app.hidden).toBe(false);
  });
});
