import { lazy } from 'preact-iso';
import { COHORT_PATH } from '../ui/cohort/handoff';
import { HomeScreen } from '../ui/home/HomeScreen';
import { OPEN_PATH } from '../ui/share/incomingFile';
import { NEW_STORY_PATH, PRACTICE_PATH } from '../ui/stories/practicePath';

/** The cohort view: for committee members, shown with or without a journal on this device. */
export { COHORT_PATH };

/**
 * Every screen but Home lazy-loaded, so the first load stays small. `nav` places a screen in the bottom
 * bar / side rail (at most five) or under More.
 */
export const SCREENS = [
  {
    path: '/',
    name: 'Home',
    nav: 'bar',
    // Home is what a cold start opens: part of the first load, not a lazy chunk waited for.
    load: HomeScreen,
  },
  {
    path: '/goals',
    name: 'Goals',
    nav: 'bar',
    load: lazy(() => import('../ui/goals/GoalsScreen').then((m) => m.GoalsScreen)),
  },
  {
    path: '/goals/:id',
    name: 'Goal',
    load: lazy(() => import('../ui/goals/GoalDetailScreen').then((m) => m.GoalDetailScreen)),
  },
  {
    path: '/meetings',
    name: 'Meetings',
    nav: 'bar',
    load: lazy(() => import('../ui/meetings/MeetingsScreen').then((m) => m.MeetingsScreen)),
  },
  {
    // The "Start today's meeting" app shortcut; before /meetings/:id, which would take it for an id.
    path: '/meetings/today',
    name: 'Today’s meeting',
    load: lazy(() => import('../ui/meetings/TodaysMeetingScreen').then((m) => m.TodaysMeetingScreen)),
  },
  {
    path: '/meetings/:id',
    name: 'Meeting',
    load: lazy(() => import('../ui/meetings/MeetingDetailScreen').then((m) => m.MeetingDetailScreen)),
  },
  {
    path: '/meetings/:id/run',
    name: 'Meeting mode',
    load: lazy(() => import('../ui/meetings/MeetingModeScreen').then((m) => m.MeetingModeScreen)),
  },
  {
    path: '/stories',
    name: 'Stories',
    nav: 'bar',
    load: lazy(() => import('../ui/stories/StoriesScreen').then((m) => m.StoriesScreen)),
  },
  {
    // The "New story" app shortcut and interview practice; before /stories/:id.
    path: NEW_STORY_PATH,
    name: 'New story',
    load: lazy(() => import('../ui/stories/NewStoryScreen').then((m) => m.NewStoryScreen)),
  },
  {
    path: PRACTICE_PATH,
    name: 'Interview practice',
    load: lazy(() => import('../ui/stories/InterviewPracticeScreen').then((m) => m.InterviewPracticeScreen)),
  },
  {
    path: '/stories/:id',
    name: 'Story',
    load: lazy(() => import('../ui/stories/StoryEditorScreen').then((m) => m.StoryEditorScreen)),
  },
  {
    path: '/themes',
    name: 'Skills and themes',
    nav: 'more',
    load: lazy(() => import('../ui/stories/ThemesScreen').then((m) => m.ThemesScreen)),
  },
  {
    path: '/milestones',
    name: 'Milestones',
    nav: 'more',
    load: lazy(() => import('../ui/milestones/MilestonesScreen').then((m) => m.MilestonesScreen)),
  },
  {
    path: '/share',
    name: 'Share',
    nav: 'more',
    load: lazy(() => import('../ui/share/ShareScreen').then((m) => m.ShareScreen)),
  },
  {
    // A file from the system (file launch or share target) in the import preview.
    path: OPEN_PATH,
    name: 'Open a file',
    load: lazy(() => import('../ui/share/OpenFileScreen').then((m) => m.OpenFileRoute)),
  },
  {
    path: '/check-ins',
    name: 'Check-ins',
    nav: 'more',
    load: lazy(() => import('../ui/checkins/CheckInsScreen').then((m) => m.CheckInsScreen)),
  },
  {
    path: '/reflection',
    name: 'Reflection',
    nav: 'more',
    load: lazy(() => import('../ui/reflection/ReflectionScreen').then((m) => m.ReflectionScreen)),
  },
  {
    path: '/networking',
    name: 'Networking',
    nav: 'more',
    load: lazy(() => import('../ui/networking/NetworkingScreen').then((m) => m.NetworkingScreen)),
  },
  {
    path: '/networking/:id',
    name: 'Contact',
    load: lazy(() => import('../ui/networking/ContactScreen').then((m) => m.ContactScreen)),
  },
  {
    path: '/opportunities',
    name: 'Opportunities',
    nav: 'more',
    load: lazy(() => import('../ui/opportunities/OpportunitiesScreen').then((m) => m.OpportunitiesScreen)),
  },
  {
    path: '/agreement',
    name: 'Agreement',
    nav: 'more',
    load: lazy(() => import('../ui/agreement/AgreementScreen').then((m) => m.AgreementScreen)),
  },
  {
    path: '/plan',
    name: 'Programme plan',
    load: lazy(() => import('../ui/plan/PlanScreen').then((m) => m.PlanScreen)),
  },
  {
    path: '/reviews/:stage',
    name: 'Review',
    load: lazy(() => import('../ui/reviews/ReviewScreen').then((m) => m.ReviewScreen)),
  },
  {
    path: '/summary',
    name: 'Committee summary',
    nav: 'more',
    load: lazy(() => import('../ui/report/CommitteeSummaryScreen').then((m) => m.CommitteeSummaryScreen)),
  },
  {
    path: COHORT_PATH,
    name: 'Cohort view',
    nav: 'more',
    load: lazy(() => import('../ui/cohort/CohortScreen').then((m) => m.CohortScreen)),
  },
  {
    path: '/settings',
    name: 'Settings',
    nav: 'more',
    load: lazy(() => import('../ui/settings/SettingsScreen').then((m) => m.SettingsScreen)),
  },
  {
    path: '/search',
    name: 'Search',
    load: lazy(() => import('../ui/search/SearchScreen').then((m) => m.SearchScreen)),
  },
] as const;
