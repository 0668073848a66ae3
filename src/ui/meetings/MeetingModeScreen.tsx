/** Placeholder: this screen is being built. */
export function MeetingModeScreen() {
  return <h1>Meeting Mode</h1>;
}
