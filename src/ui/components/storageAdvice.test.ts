import { describe, expect, it } from 'vitest';
import { storageAdvice } from './storageAdvice';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_AS_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const MAC_SAFARI = IPAD_AS_MAC;
const MAC_CHROME =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const IOS_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1';

const facts = (userAgent: string, more: Partial<Parameters<typeof storageAdvice>[0]> = {}) => ({
  persisted: false,
  userAgent,
  maxTouchPoints: 0,
  standalone: false,
  ...more,
});

describe('storage advice (user agent and storage API stubbed)', () => {
  it('on an iPhone or iPad in the browser, says to add the app to the Home Screen; opened from there, storage is kept', () => {
    expect(storageAdvice(facts(IPHONE))).toBe('add-to-home-screen');
    expect(storageAdvice(facts(IOS_CHROME))).toBe('add-to-home-screen');
    expect(storageAdvice(facts(IPAD_AS_MAC, { maxTouchPoints: 5 }))).toBe('add-to-home-screen');
    expect(storageAdvice(facts(IPHONE, { standalone: true }))).toBe('kept');
  });

  it('in Safari on a Mac, says to add it to the Dock', () => {
    expect(storageAdvice(facts(MAC_SAFARI))).toBe('add-to-dock');
    expect(storageAdvice(facts(MAC_SAFARI, { standalone: true }))).toBe('kept');
  });

  it('in Chromium, Edge or Firefox without persistent storage, says to install the app; persistent storage needs nothing', () => {
    expect(storageAdvice(facts(MAC_CHROME))).toBe('install');
    expect(storageAdvice(facts(ANDROID_CHROME))).toBe('install');
    expect(storageAdvice(facts(ANDROID_CHROME, { persisted: true }))).toBe('kept');
    expect(storageAdvice(facts(ANDROID_CHROME, { persisted: undefined }))).toBe('unknown');
  });
});
