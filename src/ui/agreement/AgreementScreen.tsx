/** Placeholder: this screen is being built. */
export function AgreementScreen() {
  return <h1>Agreement</h1>;
}
