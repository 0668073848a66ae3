/** Placeholder: this screen is being built. */
export function ThemesScreen() {
  return <h1>Themes</h1>;
}
