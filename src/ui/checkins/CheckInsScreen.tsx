/** Placeholder: this screen is being built. */
export function CheckInsScreen() {
  return <h1>Check Ins</h1>;
}
