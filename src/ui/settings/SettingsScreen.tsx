/** Placeholder: this screen is being built. */
export function SettingsScreen() {
  return <h1>Settings</h1>;
}
