/**
 * Everything the CLI says, in Japanese: the twin of en.ts, with the same keys
 * and signatures (the type `Messages` makes a missing or extra message a
 * compile error). Terms follow the kit's Japanese glossary: 演習, ヒント,
 * まとめ, 解答, スターターコード, 進捗, ウォッチモード. Commands, paths and
 * exercise ids stay as they are.
 */
import type { Messages } from './en.js';

export const ja: Messages = {
  common: {
    and: ' と ',
    recap: 'まとめ',
    lastExercise: 'これが最後の演習でした。お疲れさまでした！',
    slides: (list: string, _count: number) => `スライド ${list}`,
    doneOf: (done: number, total: number) => `${done}/${total} 完了`,
    portRange: (value: string) => `--port には 1〜65535 のポート番号を指定してください（「${value}」は使えません）。`,
    usageFooter: 'どのコマンドも --lang en|ja（または WORKSHOP_LANG=en|ja）でメッセージの言語を選べます。',
  },

  main: {
    usageHeading: '使い方:',
    usageLine: 'npm run workshop -- <command>     （npm start は start コマンドと同じです）',
    helpSummary: 'この説明、またはコマンドごとの説明（<command> --help でも表示できます）',
    exerciseIds: '演習の ID は 6、06、06-stream-handler、stream-handler のどの形でも指定できます。',
    exitCodes: '終了コード: 0 正常、1 テストが失敗、2 使い方または環境の問題。',
    language:
      '言語: どのコマンドにも --lang en|ja を付けられます（npm start -- --lang ja）。WORKSHOP_LANG=en|ja でも選べます。\n' +
      '指定がなければ、システムのロケール（LC_ALL、LC_MESSAGES、LANG）が日本語なら日本語、それ以外は英語になります。',
    noCommand: (name: string) => `「${name}」というコマンドはありません。\`npm run workshop -- help\` ですべてのコマンドを確認できます。`,
    badLanguage: (source: string, value: string) => `${source} の「${value}」はワークショップが対応していない言語です。en か ja を指定してください。`,
    langNeedsValue: '--lang の後に言語を指定してください（en または ja）。',
    somethingWentWrong: (message: string) =>
      `問題が発生しました: ${message}（\`npm run workshop -- doctor\` で環境を確認できます。WORKSHOP_DEBUG=1 を付けると詳細を表示します）。`,
  },

  args: {
    helpHint: (command: string) => `使い方は \`npm run workshop -- ${command} --help\` で確認できます。`,
    thatOption: 'そのオプション',
    unknownOption: (command: string, option: string, helpHint: string) => `${command} に ${option} というオプションはありません。${helpHint}`,
    needsValue: (option: string, helpHint: string) => `${option} の後に値を指定してください。${helpHint}`,
    isSwitch: (option: string, helpHint: string) => `${option} はスイッチなので値を取りません。${helpHint}`,
    otherProblem: (problem: string, helpHint: string) => `引数を読み取れません（${problem}）。${helpHint}`,
    tooManyArguments: (command: string, maxPositionals: number, extra: string, helpHint: string) =>
      `${command} ${maxPositionals === 0 ? 'は引数を取らない' : 'に指定できる演習 ID は 1 つだけな'}ので、「${extra}」は余分です。${helpHint}`,
  },

  exercise: {
    noExercises: (dir: string) => `${dir} に演習がありません。ワークショップのキットのフォルダーで実行してください。`,
    brokenMeta: (problem: string) => `演習のメタデータ (exercise.json) に問題があります: ${problem}。`,
    range: (first: string, last: string) => `演習は ${first}〜${last} です`,
    noRange: '演習がまだありません',
    noExercise: (input: string, range: string) => `演習「${input}」はありません（${range}）。\`npm run workshop -- list\` で一覧を確認できます。`,
    testsMissing: (label: string, id: string) =>
      `${label} のテストが exercises/${id}/ にありません。\`git checkout -- 'exercises/${id}/*.test.ts'\` で元に戻せます。`,
    filesMissing: (files: string, _count: number, short: string) =>
      `${files} が見つかりません。\`npm run workshop -- reset ${short}\` でスターターコードに戻すか、\`npm run workshop -- restore\` でバックアップの一覧を確認してください。`,
  },

  report: {
    allPass: (total: number) => `テスト ${total} 件がすべて成功しました。お見事です！`,
    someFail: (failing: number, total: number) => `テスト ${total} 件中 ${failing} 件が失敗しています`,
    moreWithSameMessage: (count: number) => `（同じメッセージの失敗がほかに ${count} 件）`,
    moreFailing: (count: number) => `… ほかに ${count} 件のテストが失敗しています`,
    codePrinted: 'あなたのコードの出力:',
    codePrintedLast: (lines: number) => `あなたのコードの出力（最後の ${lines} 行）:`,
  },

  testRun: {
    doesNotCompile: (file: string, line: string, reason: string) => `${file} の ${line} 行目をコンパイルできません: ${reason}。`,
    failsAsItLoads: (file: string, line: string, reason: string) => `${file} の ${line} 行目で、読み込み中にエラーが発生しました: ${reason}。`,
    couldNotLoad: (id: string, reason: string) => `${id} のテストを読み込めませんでした: ${reason}。`,
    noTestFile: (id: string) => `${id} のテストは実行されませんでした。テストファイルが見つかりません。`,
    outsideAnyTest: (message: string) => `テストの外で発生したエラー: ${message}`,
    noMessage: '（メッセージなし）',
    couldNotStart: (message: string) => `テストを開始できませんでした: ${message}。`,
  },

  progress: {
    rebuilt: (file: string) =>
      `進捗ファイル ${file} を読み込めなかったため、テストを実行し直して作り直しました（ヒントの表示回数は 0 に戻ります）。`,
    finding: '現在の位置を調べています。すべての演習のテストを 1 回ずつ実行します…',
  },

  screen: {
    edit: '編集',
    read: '解説',
    running: 'テストを実行しています…',
    run: (count: number, time: string, seconds: string) => `${count} 回目の実行 · ${time} · ${seconds} 秒`,
    runningAgain: '再実行中…',
    pressForNext: (key: string, next: string) => `${key} キーで次の演習 ${next} に進みます。押すまでは先に進みません。`,
    fixAndSave: '直して保存してください。テストがもう一度実行されます。',
    fixFirstFailure: (stuck: string) => `最初の失敗を直して保存してください。テストがもう一度実行されます。${stuck}`,
    stuckHint: (key: string, number: number, total: number) => `行き詰まったら ${key} キーでヒント ${number}/${total} を表示します。`,
    stuckSolution: (key: string) => `行き詰まったら ${key} キーで解答と比べられます。`,
    notRunYet: 'テストがまだ実行されていません',
    doesNotLoad: 'コードを読み込めません',
    stillFail: (failing: number, total: number) => `テスト ${total} 件中 ${failing} 件がまだ失敗しています`,
    moveOnAnyway: (label: string, why: string) => `${label} はまだ成功していません（${why}）。それでも次に進みますか？ y/N`,
    showSolution: (label: string) => `${label} の解答を差分で表示しますか？ 答えがわかってしまいます。y/N`,
    keys: 'h ヒント · l 一覧 · n 次へ · s 解答 · q 終了',
    keysByLine: 'キー操作: h、l、n、s、q のどれかを入力して Enter を押してください（入力がターミナルではないため）。Ctrl-C で終了します。',
  },

  watch: {
    polling: (reason: string) => `0.1 秒ごとに変更を確認しています（${reason}）。`,
    pollReasons: {
      flag: '--poll が指定されています',
      env: 'WORKSHOP_POLL が設定されています',
      wsl: 'WSL 上で動いています',
      eventsStopped: 'ファイルイベントが届かなくなりました',
      noEvents: 'このシステムではこのフォルダーのファイルイベントを使えません',
      eventsMissing: 'このドライブからはファイルイベントが届きません',
    },
    lastExercise: 'これが最後の演習です。次の演習はありません。',
    testsCouldNotRun: (message: string) => `テストを実行できませんでした: ${message}`,
  },

  docs: {
    notInstalled: 'ドキュメントサーバーがインストールされていません（vitepress がありません）。npm install を実行してください。',
    noDocsFolder: 'このキットには docs/ フォルダーがないため、ドキュメントサーバーはありません。',
    portsBusy: (from: number, to: number) => `ポート ${from}〜${to} がすべて使用中のため、ドキュメントを起動できませんでした。`,
    didNotStart: 'ドキュメントサーバーが起動しませんでした。別のターミナルで `npm run docs:dev` を試してください。',
    didNotStartBecause: (reason: string) =>
      `ドキュメントサーバーが起動しませんでした（${reason}）。別のターミナルで \`npm run docs:dev\` を試してください。`,
    movedPort: (port: number, url: string) => `ポート ${port} は使用中のため、ドキュメントは ${url} で配信しています。`,
  },

  backup: {
    failed: (dir: string, cause: string) =>
      `ファイルを ${dir}/ にバックアップできなかった（${cause}）ため、何も変更していません。キットのフォルダーに書き込めるか確認してください（\`npm run workshop -- doctor\`）。`,
    copyDiffers: (file: string) => `${file} のコピーが元のファイルと一致しません`,
    notWritten: (file: string, cause: string) => `${file} に書き込めませんでした（${cause}）。`,
    notWrittenBackedUp: (file: string, cause: string, folder: string, command: string) =>
      `${file} に書き込めませんでした（${cause}）。以前のファイルは ${folder}/ に残っています（${command}）。`,
    backedUp: (_count: number, folder: string) => `以前のファイルは ${folder}/ にバックアップしました`,
    undo: (command: string) => `元に戻すには: ${command}`,
  },

  starter: {
    gitNotInstalled: 'git がインストールされていません',
    notAClone: 'このフォルダーはキットの git クローンではありません',
    fromGit: (file: string, reason: string) =>
      `${file} のスターターコードは git から取り出しますが、${reason}。代わりにキットのリポジトリからそのファイルをコピーしてください。`,
    notCommitted: (file: string) => `${file} は git にコミットされていないため、戻す先のスターターコードがありません。`,
  },

  start: {
    summary: '`npm start` が実行するもの: ドキュメント、進捗、保存のたびに再実行される演習のテスト',
    usage: (port: number) => `使い方: npm start [-- options]     または     npm run workshop -- start [options]

ドキュメントを http://localhost:${port}/ja/ で配信し、現在の演習を表示します。
編集するファイル、その解説ページ、保存するたびに再実行されるテストの結果です。
キー: h 次のヒント · l 一覧 · n 次の演習 · s 解答との差分 · q 終了
自動では先に進みません。テストが成功するとまとめを表示し、n が押されるのを待ちます。

  --poll       ファイルイベントを待たずに 0.1 秒ごとに変更を確認します
               （WORKSHOP_POLL=1 でも同じです。WSL では自動で有効になり、ネットワーク
               ドライブのようにファイルイベントなしで保存が届いたときにも切り替わります）
  --no-docs    ドキュメントサーバーを起動しません
  --port N     ドキュメントをポート N で配信します（デフォルトは ${port}。使用中なら次の空きポート）`,
    starting: 'ワークショップを開始しています…',
    bye: (command: string) => `お疲れさまでした。進捗は保存されています。${command} で続きから再開できます。`,
  },

  list: {
    summary: 'すべての演習の状況（未着手 / 失敗 n/m / 完了）とスライド',
    usage: `使い方: npm run workshop -- list [--all]

演習ごとの進捗を一覧表示します: 完了、失敗（テスト何件中何件か）、未着手のどれかと、
その演習が沿っている講演のスライドです。
  --all   講師向けの全体の計画: 準備中の演習、ヒントの数、編集するファイル、
          各演習の解説ページも表示します`,
    heading: '進捗',
    done: '完了',
    failingOf: (failing: number, total: number) => `失敗 ${failing}/${total}`,
    failing: '失敗',
    notStarted: '未着手',
    hintsSeen: (count: number) => `ヒント ${count} 件表示済み`,
    youAreOn: (label: string, start: string, listAll: string) =>
      `現在の演習は ${label} です。${start} で取り組めます。全体の計画は ${listAll} で表示できます。`,
    wholePlan: (total: number, ready: number) => `全体の計画: 演習 ${total} 件（うち ${ready} 件が用意済み）`,
    comingSoon: '準備中',
    hints: (count: number) => `ヒント ${count} 件`,
    edit: '編集',
    read: '解説',
    lateJoiners: (command: string) => `途中から参加する場合: ${command} で <id> より前の演習に解答を適用します（先にバックアップを取ります）。`,
  },

  check: {
    summary: '演習のテストを 1 回実行します（デフォルトは現在の演習）。成功なら終了コード 0、失敗なら 1',
    usage: `使い方: npm run workshop -- check [id]

演習のテストを 1 回実行し、失敗した内容を簡潔に表示します。
  id    3、03、03-circuit-breaker、circuit-breaker のどれでも可（デフォルトは現在の演習）

終了コード: すべてのテストが成功すれば 0、失敗があれば 1、演習やそのファイルが見つからなければ 2。`,
    next: (label: string, command: string) => `次の演習: ${label}  ${command}`,
    fixFirstFailure: '最初の失敗を直して保存してください。`npm start` なら保存するたびにテストを再実行します。',
    fixAndRunAgain: '直してから、もう一度テストを実行してください。',
    stuckHint: (command: string, number: number, total: number) => `行き詰まったら ${command} でヒント ${number}/${total} を表示します。`,
    stuckSolution: (command: string) => `行き詰まったら ${command} であなたのファイルと解答を比べられます。`,
  },

  hint: {
    summary: '演習の次のヒント（1、2、3…）を表示します。表示したヒントの数は記録されます',
    usage: `使い方: npm run workshop -- hint [id]

演習の次のヒントを表示します。最初のヒントはきっかけ程度、最後のヒントはほぼ答えです。
もう一度実行すると次のヒントを表示します。表示したヒントの数は記録されます。
  id    3、03、03-circuit-breaker、circuit-breaker のどれでも可（デフォルトは現在の演習）`,
    header: (number: number, total: number) => `ヒント ${number}/${total}`,
    lastHint: (command: string) => `これが最後のヒントです。まだ行き詰まっているなら、${command} で答えを差分で確認できます。`,
    moreByCommand: (command: string, next: number) => `さらにヒントが必要なら、${command} でヒント ${next} を表示します。`,
    moreByKey: (key: string, next: number) => `さらにヒントが必要なら、${key} キーでヒント ${next} を表示します。`,
  },

  solution: {
    summary: 'あなたのファイルと解答の差分を色付きで表示します（何も変更しません）',
    usage: `使い方: npm run workshop -- solution [id]

あなたのファイルと参照実装の違いを表示します。- で始まる行があなたのファイル、
+ で始まる行が解答です。比べるのはあなたが編集するファイルだけで、何も変更しません。
  id    3、03、03-circuit-breaker、circuit-breaker のどれでも可（デフォルトは現在の演習）`,
    heading: (label: string) => `${label} の解答`,
    legend: '（- あなたのファイル、+ 解答）',
    same: (file: string) => `${file} は解答と同じです。`,
    missing: (mine: string, theirs: string) => `${mine} の解答がキットにありません（${theirs} が見つかりません）。`,
  },

  reset: {
    summary: '演習をスターターコードに戻します（先にあなたのファイルをバックアップします）',
    usage: `使い方: npm run workshop -- reset <id>

演習をやり直せるように、キットに同梱されたスターターコードに戻します。
あなたのファイルは先に .workshop/backups/ にコピーされ、元に戻す方法
（npm run workshop -- restore <backup>）が表示されます。表示したヒントの数はそのまま残ります。
  id    3、03、03-circuit-breaker、circuit-breaker のどれでも可`,
    needsExercise: 'reset にはリセットする演習を指定してください（例: `npm run workshop -- reset 3`）。',
    alreadyAtStarter: (label: string) => `${label} はすでにスターターコードの状態です。何も変更していません。`,
    backAtStarter: (label: string, files: string) => `${label} をスターターコードに戻しました: ${files}`,
  },

  catchUp: {
    summary: '<id> から参加します: それより前のすべての演習に解答を適用します（先にバックアップします）',
    usage: `使い方: npm run workshop -- catch-up <id>

講師が進行するセッション向けです。途中から参加した受講者は <id> から始めます。
<id> より前のすべての演習の解答があなたのファイルに上書きされ（ファイルは先に
.workshop/backups/ にバックアップされ、1 つのコマンドで元に戻せます）、そのテストを
実行して確かめたうえで、<id> が現在の演習になります。
  id    3、03、03-circuit-breaker、circuit-breaker のどれでも可`,
    needsExercise: 'catch-up には参加する演習を指定してください（例: `npm run workshop -- catch-up 5`）。',
    noSolution: (mine: string, theirs: string) => `${mine} の解答がキットにない（${theirs} が見つからない）ため、何も変更していません。`,
    firstExercise: (label: string) => `${label} は最初の演習です。追いつく必要のある演習はありません。`,
    caughtUp: (label: string, range: string, files: number) =>
      `${label} まで追いつきました。${range} の解答を適用しました（変更したファイル ${files} 個）。`,
    checking: (range: string) => `${range} を確認しています…`,
    stillFail: (ids: string, _count: number, command: string) => `${ids} はまだ失敗しています。理由は ${command} で確認できます。`,
    pass: (range: string, start: string, label: string) => `${range} はすべて成功しました。${start} を実行すると ${label} から始まります。`,
  },

  restore: {
    summary: 'バックアップの一覧を表示するか、1 つを元に戻します（最新は `latest`）',
    usage: `使い方: npm run workshop -- restore [backup]

引数なし: .workshop/backups/ にあるバックアップを新しい順に一覧表示します。
引数あり: そのバックアップのファイルを元の場所に戻します。置き換えるファイルも
先にバックアップするので、復元も取り消せます。
  backup   一覧にあるフォルダー名、または latest`,
    noBackups: 'バックアップはまだありません。reset、catch-up、restore はファイルを変更する前にバックアップを取ります。',
    heading: 'バックアップ（新しい順）:',
    putBack: (command: string) => `${command} で元に戻せます。`,
    noBackup: (name: string) => `バックアップ「${name}」はありません。\`npm run workshop -- restore\` で一覧を確認できます。`,
    alreadyMatch: (name: string) => `ファイルはすでに ${name} と同じです。何も変更していません。`,
    restored: (name: string) => `${name} を復元しました:`,
  },

  verify: {
    summary: '`npm test` が実行する、キットの整合性チェック',
    usage: `使い方: npm run workshop -- verify [--no-docs] [--record]

\`npm test\` と同じようにキットを検証します。各演習のテストがスターターコードでは意図した
理由で失敗し、解答では成功すること、誤答が確実に検出されること、すべての型チェックが
通ること、ドキュメントがビルドできることを確かめ、最後に \`N passed, N failed\` と表示します。
  --no-docs   ドキュメントのビルドを省きます
  --record    この実行結果で workshop/verify/starter-failures.json を書き直します（キットの作成者向け）`,
  },

  doctor: {
    summary: 'Node、依存パッケージ、ドキュメントのポート、書き込み権限、git を確認し、直し方を示します',
    usage: (port: number) => `使い方: npm run workshop -- doctor [--port N]

このマシンでワークショップを実行できるかを 1 行ずつ確認します: ✓ 問題なし、! 動くが
注意が必要、✗ 直す必要あり（直し方も表示）。セッションの前に実行してください。
  --port N   確認するドキュメントのポート（デフォルトは ${port}）

終了コード: ワークショップを実行できれば 0、直す必要があるものがあれば 2。`,
    checking: 'このマシンでワークショップを実行できるか確認しています…',
    nodeOk: (version: string) => `Node.js ${version}（20 以上が必要です）`,
    nodeTooOld: (version: string) =>
      `Node.js ${version} は古すぎます。Node.js 20 以上をインストールしてから（https://nodejs.org、または \`nvm install 20\`）、npm install をもう一度実行してください。`,
    noPackageJson: 'package.json を読み込めません。ワークショップのキットのフォルダーで実行してください。',
    depsMissing: (names: string, root: string) => `依存パッケージが不足しています: ${names} — ${root} で \`npm install\` を実行してください。`,
    depWants: (name: string, installed: string, wanted: string) => `${name} ${installed}（必要なのは ${wanted}）`,
    depsOtherVersions: (list: string) => `キットが固定したバージョンと異なる依存パッケージがあります: ${list} — \`npm install\` を実行してください。`,
    depsOk: (count: number) => `依存パッケージはインストール済みです（package.json で固定した ${count} 個）`,
    portFree: (port: number) => `ドキュメント用のポート ${port} は空いています`,
    portBusy: (port: number, next: number) =>
      `ポート ${port} は使用中です（別の開発サーバー？）。ドキュメントはポート ${next} を使います。空けるには \`lsof -i :${port}\`（Windows では \`netstat -ano | findstr :${port}\`）で使用中のプログラムを探してください。`,
    portBusyNoneFree: (port: number) =>
      `ポート ${port} は使用中です（別の開発サーバー？）。ドキュメントは別のポートを使います。空けるには \`lsof -i :${port}\`（Windows では \`netstat -ano | findstr :${port}\`）で使用中のプログラムを探してください。`,
    writeOk: 'exercises/ と .workshop/ に書き込めます',
    cannotWrite: (dirs: string) => `${dirs} に書き込めません。ホームフォルダーなど、自分が所有するフォルダーにキットをクローンしてください。`,
    gitMissing: 'git がインストールされていません。`reset` 以外はすべて使えます（`reset` はスターターコードを git から取り出します。https://git-scm.com）。',
    gitOk: (version: string) => `git ${version}、キットは git のクローンです（\`reset\` はここからスターターコードを取り出します）`,
    gitNoClone: (version: string) =>
      `git ${version} はインストールされていますが、キットが git のクローンではありません。\`reset\` にはクローンが必要です（キットはダウンロードせずに git clone してください）。`,
    exercisesFound: (count: number) => `演習が ${count} 件見つかりました`,
    polling: (reason: string) => `保存は 0.1 秒ごとのポーリングで検知します（${reason}）`,
    fileEvents: '保存はファイルイベントで検知します（検知されない場合は `npm start -- --poll` を使ってください）',
    allSet: (command: string) => `準備完了です。${command} を実行してください。`,
    fixAbove: (_count: number) => '上の ✗ の行を直してから、もう一度 doctor を実行してください。',
  },
};
