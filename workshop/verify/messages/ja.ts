/**
 * What the kit's integrity check says in its own words, in Japanese: the twin
 * of en.ts, with the same keys and signatures (the type `Messages` makes a
 * missing or extra message a compile error). Terms follow the kit's Japanese
 * glossary: 演習, スターターコード, 解答, 受講者, テスト; a wrong answer is
 * 誤答, as in the CLI's messages. Commands, paths, options, exercise ids and
 * test names stay as they are.
 */
import type { Messages } from './en.js';

export const ja: Messages = {
  usage: `使い方: npm test -- [--no-docs] [--record] [--lang en|ja]
       npm run verify -- [同じオプション]

キットの整合性チェックです。次の順に確かめます: 各演習の構成、キット自身のツールの
テスト、各演習のテストが解答では成功し、スターターコードでは意図した理由で失敗し、
すべての誤答を検出すること、すべての型チェックが通ること、ドキュメントがビルドできること。
  --no-docs      ドキュメントのビルドを省きます（コードを書いている間は速くなります）
  --record       この実行結果で workshop/verify/starter-failures.json も書き直します
  --lang en|ja   このチェック自身が表示する言語（または WORKSHOP_LANG=en|ja。
                 指定がなければシステムのロケール: LC_ALL、LC_MESSAGES、LANG）
最後の 1 行 \`N passed, N failed\` は、CI が読み取るため、どの言語でも英語のままです。
終了コード: すべて成功なら 0、失敗があれば 1、チェックを実行できなければ 2。`,

  errors: {
    badLanguage: (source: string, value: string) => `${source} の「${value}」はワークショップが対応していない言語です。en か ja を指定してください。`,
    langNeedsValue: '--lang の後に言語を指定してください: en または ja。',
    unknownOption: (option: string) =>
      `整合性チェックに ${option} というオプションはありません。\`npm test -- --help\` でオプションを確認できます。`,
    needsValue: (option: string) => `${option} の後に値を指定してください。\`npm test -- --help\` でオプションを確認できます。`,
    isSwitch: (option: string) => `${option} は値を取らないスイッチです。\`npm test -- --help\` でオプションを確認できます。`,
    noArguments: (extra: string) =>
      `整合性チェックが受け付けるのはオプションだけです（「${extra}」は使えません）。\`npm test -- --help\` でオプションを確認できます。`,
    couldNotRun: (message: string) => `整合性チェックを実行できませんでした: ${message}`,
  },

  report: {
    section: (section: string, passed: number, total: number) => `${section}: ${total} 件中 ${passed} 件が成功`,
    moreDetails: (count: number) => `… ほかに ${count} 件`,
    totals: (passed: number, failed: number) => `結果: 成功 ${passed} 件、失敗 ${failed} 件（次の行は CI 向けの英語の集計です）`,
    docsSkipped: '- ドキュメント: 省略しました（--no-docs）',
    recorded: (file: string) => `すべてのスターターコードで失敗したテストを ${file} に記録しました`,
  },

  sections: {
    structure: '構成',
    tooling: 'キット自身のツールのテスト',
    solutions: '解答に対する演習のテスト',
    starters: 'スターターコードに対する演習のテスト',
    wrongAnswers: '誤答に対する演習のテスト',
    unhandled: 'テストの外で起きたエラー',
    typeChecks: '型チェック',
    docs: 'ドキュメント',
  },

  mustPass: {
    toolingLabel: 'ツール',
    solutionLabel: '解答',
    loads: (label: string, file: string) => `${label}: ${file} を読み込める`,
    noError: (state: string) => `テストが成功していません（状態: ${state}）`,
  },

  starter: {
    loads: (exerciseId: string) => `${exerciseId} のスターターコードを読み込める`,
    failsAsIntended: (exerciseId: string) => `${exerciseId} のスターターコードが意図した理由で失敗する`,
    doesNotLoad: (file: string, error: string) => `${file} を読み込めません: ${error}`,
    noTestFile: 'テストファイルが見つかりません',
    everyTestPasses: 'スターターコードですべてのテストが成功します: これでは受講者がやることがありません',
    wrongReason: (test: string, exerciseId: string, error: string) =>
      `「${test}」が、アサーションでも「Not implemented (${exerciseId})」のエラーでもない理由で失敗しています: ${error}`,
    noRecord:
      '想定される失敗が記録されていません: スターターコードを手で確かめてから `npm run verify -- --record` を実行してください',
    expectedToFail: (test: string) => `「${test}」はスターターコードで失敗するはずでしたが、失敗しませんでした`,
    notRecorded: (test: string) => `「${test}」はスターターコードで失敗しますが、記録された一覧にありません`,
  },

  wrongAnswer: {
    rejected: (wrongAnswer: string) => `誤答 ${wrongAnswer} をテストが検出する`,
    noTestFile: 'この誤答に対して実行されたテストファイルがありません',
    doesNotLoad: (error: string) => `読み込めないため、この誤答では何も確かめられません: ${error}`,
    everyTestPasses: 'この誤答ですべてのテストが成功します: テストが誤りを見逃しています',
  },

  structure: {
    complete: (exerciseId: string) => `演習 ${exerciseId} が揃っている`,
    starterMissing: (file: string) => `スターターコード ${file} がありません`,
    solutionMissing: (file: string) => `解答 ${file} がありません`,
    strayInSolution: (file: string) => `${file} は受講者が編集するファイルではありません（不要なファイルです）`,
    noTestFile: (folder: string) => `${folder} にテストファイルがありません`,
    noWrongAnswer: (folder: string) => `${folder} に誤答がありません`,
    strayInWrongAnswer: (file: string) => `${file} は受講者が編集するファイルではありません`,
    pageMissing: (page: string) => `${page} がありません`,
    noHints: (page: string, marker: string) => `${page} にヒントを表示する ${marker} がありません`,
    onlyExerciseFolders: 'solutions/ には演習のフォルダーだけがある',
    matchesNoExercise: (folder: string) => `${folder} に対応する演習がありません`,
  },

  unhandled: {
    none: '未処理のエラーがない',
  },

  typeChecks: {
    kitAndStarters: 'キットとスターターコードの型チェックが通る（tsconfig.json）',
    solutions: '解答が演習のテストに対して型チェックを通る',
    wrongAnswers: '誤答の型チェックが通る',
    run: '型チェックを実行できる',
    stopped: (code: string, firstLine: string) => `型チェックが途中で止まりました（終了コード ${code}）: ${firstLine}`,
  },

  docs: {
    build: 'ドキュメントをビルドできる（取り込むファイルとリージョンがすべて存在する）',
    exited: (code: string) => `vitepress build が終了コード ${code} で終了しました`,
  },
};
