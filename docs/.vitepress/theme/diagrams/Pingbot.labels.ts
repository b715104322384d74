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

const ja: typeof en = {
  title: 'pingbot: 講演者自身のサーバーレスアプリ (スライド 2) です',
  desc:
    'CloudWatch Events のルールが rate(1 minute) のスケジュールで発火し、ディスパッチャー関数 (Lambda) を呼び出します。' +
    'ディスパッチャーは監視対象テーブルをスキャンし、対象ごとに 1 つずつヘルスチェッカー関数 (Lambda) を呼び出します。' +
    '各ヘルスチェッカーは、監視するサイトに http または https のリクエスト (デフォルトは HEAD) を送り、その結果を' +
    '結果テーブルに、対象ごとに 1 行で保存します。結果テーブルのストリームが結果プロセッサー (Lambda) を呼び出します。' +
    '結果プロセッサーが反応するのは、新しい対象のチェックが失敗したときか、対象が失敗と成功の間で切り替わったときだけで、' +
    'そのときに Slack 通知関数 (Lambda) を呼び出し、Slack 通知関数が Slack チャンネルに投稿します。ブラウザーで動く ' +
    'Web アプリである SPA が、監視対象を読み取り、編集します。関数の起動のされ方は 3 通りです。スケジュールによるもの、' +
    '別の関数からの呼び出しによるもの、テーブルのストリームによるものです。',
  caption:
    'スライド 2: pingbot は外側からサイトを監視し、サイトが落ちたときや復旧したときに Slack に知らせます。関数の起動の' +
    'され方は 3 通りです。① スケジュール、② 別の関数からの呼び出し、③ テーブルのストリーム。総仕上げの演習 12 では、' +
    'その中核である、スケジュールで動くチェックと、ストリームで動く通知を作り直します。',
  rule: 'CloudWatch Events',
  ruleSub: 'ルール',
  rate: '① rate(1 minute)',
  dispatcher: 'ディスパッチャー',
  lambda: 'Lambda',
  invokeEach: ['② 呼び出し、', '対象ごとに 1 つ'],
  checker: 'ヘルスチェッカー',
  checkerSub: 'Lambda、対象ごと',
  saveResult: '結果を保存',
  results: '結果テーブル',
  resultsSub: '対象ごとに 1 行',
  spa: 'SPA',
  spaSub: 'ブラウザーの Web アプリ',
  readEdit: '読み取り・編集',
  targets: '監視対象テーブル',
  targetsSub: 'DynamoDB',
  scan: 'スキャン',
  sites: '監視対象のサイト',
  sitesSub: 'あなたの URL',
  http: 'http/https (HEAD)',
  stream: '③ Streams',
  processor: '結果プロセッサー',
  processorSub: 'Lambda · 変化時のみ',
  invoke: '② 呼び出し',
  notifier: 'Slack 通知',
  post: '投稿',
  slack: 'Slack チャンネル',
  slackSub: '障害 / 復旧',
  legend: ['① スケジュールで', '② 別の関数からの呼び出しで', '③ テーブルのストリームで'],
};

export const labels: Labels<typeof en> = { en, ja };
