import type { Labels } from './i18n.js';

const en = {
  title: 'pingbot, the talk author\'s own serverless app (slide 2)',
  desc:
    'A CloudWatch Events rule fires on a rate(1 minute) schedule and invokes the dispatcher function (Lambda). The ' +
    'dispatcher scans the targets table and invokes one health checker function (Lambda) per target. Each health ' +
    'checker sends an http or https request (HEAD by default) to the site it watches and saves the result to the ' +
    'results table, one row per target. The results table\'s stream invokes the result processor (Lambda), which ' +
    'reacts only when a check fails for a new target or when a target flips between failing and passing; it then ' +
    'invokes the Slack notifier (Lambda), which posts to a Slack channel. An SPA, a web app in the browser, reads ' +
    'and edits the targets. The functions are started in three ways: on a schedule, by another function\'s invoke, ' +
    'and by a table\'s stream.',
  caption:
    'Slide 2: pingbot watches your sites from the outside and tells Slack when one fails or recovers. Its functions ' +
    'start in three ways: ① on a schedule, ② invoked by another function, ③ by a table\'s stream. Capstone 12 ' +
    'rebuilds its core, the scheduled check and the stream-driven notifier.',
  rule: 'CloudWatch Events',
  ruleSub: 'rule',
  rate: '① rate(1 minute)',
  dispatcher: 'dispatcher',
  lambda: 'Lambda',
  invokeEach: ['② invoke,', 'one per target'],
  checker: 'health checker',
  checkerSub: 'Lambda, per target',
  saveResult: 'save result',
  results: 'results table',
  resultsSub: 'one row per target',
  spa: 'SPA',
  spaSub: 'web app in the browser',
  readEdit: 'read & edit',
  targets: 'targets table',
  targetsSub: 'DynamoDB',
  scan: 'scan',
  sites: 'watched sites',
  sitesSub: 'your URLs',
  http: 'http/https (HEAD)',
  stream: '③ stream',
  processor: 'result processor',
  processorSub: 'Lambda · on a change only',
  invoke: '② invoke',
  notifier: 'Slack notifier',
  post: 'post',
  slack: 'Slack channel',
  slackSub: 'failure / recovery',
  legend: ['① on a schedule', '② invoked by another function', "③ by a table's stream"],
};

export const labels: Labels<typeof en> = { en };
