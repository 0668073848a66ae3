/** Placeholder: this screen is being built. */
export function ContactScreen() {
  return <h1>Contact</h1>;
}
