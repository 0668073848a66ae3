/** Placeholder: this screen is being built. */
export function MeetingDetailScreen() {
  return <h1>Meeting Detail</h1>;
}
