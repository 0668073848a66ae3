/** Placeholder: this screen is being built. */
export function MeetingsScreen() {
  return <h1>Meetings</h1>;
}
