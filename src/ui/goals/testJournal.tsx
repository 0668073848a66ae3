// The shared component-test helpers live in tests/helpers/journal.tsx; this keeps the older import path.
export { freshJournal, renderInJournal } from '../../../tests/helpers/journal';
