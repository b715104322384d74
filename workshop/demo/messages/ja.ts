/**
 * Everything `npm run demo` says, in Japanese: the twin of en.ts, with the
 * same keys and signatures (the type `Messages` makes a missing or extra
 * message a compile error). Terms follow the kit's Japanese glossary:
 * ストリームレコード, バッチ, リトライ, 失敗時の送信先, フィルター, カオス,
 * ローカルクラウド, 冪等, ちょうど 1 回, 少なくとも 1 回. What the messages
 * wrap stays as it is: table and function names, INSERT/MODIFY, PutItem,
 * order ids, sequence numbers, OPEN/HALF_OPEN/CLOSED, what a function sent,
 * posted, logged or threw.
 *
 * The trace lines are short, in the plain style of a log; headings, notes and
 * errors are full sentences (です・ます), as the CLI says them.
 */
import { traceWords } from '../../local-cloud/trace-words.js';
import type { Messages } from './en.js';

export const ja: Messages = {
  listSeparator: '、',

  usage: (defaultOrders: number, maxOrders: number, defaultSeed: number) =>
    `使い方: npm run demo -- [--orders N] [--seed S] [--chaos] [--json] [--mine] [--lang en|ja]

解答済みのイベント駆動システムをローカルクラウドで動かし、トレースをリアルタイムに表示します。

  --orders N   出す注文の数（デフォルトは ${defaultOrders}、最大 ${maxOrders}）
  --seed S     注文、ID、カオスのシード（デフォルトは ${defaultSeed}）。同じシードなら同じ出力になります
  --chaos      重複配信、リプレイ、一時的な SDK エラー、Kinesis の障害を起こします
  --json       実行の終了時に、トレースだけを JSON で出力します
  --mine       解答ではなく exercises/ にあるあなたのハンドラーを動かします
  --lang L     デモの言語: en または ja（WORKSHOP_LANG=en|ja でも選べます。指定がなければ
               システムのロケールが日本語なら日本語、それ以外は英語になります）
  --help       この説明を表示します`,

  flags: {
    unexpectedArgument: (argument: string) =>
      `「${argument}」は余分です。デモはフラグしか受け取りません（npm run demo -- --help で確認できます）。`,
    missingValue: (option: string) => `${option} の後に値を指定してください（npm run demo -- --help で確認できます）。`,
    needsValue: (option: string) =>
      `${option} の後に値を指定してください。「-」で始まる値は ${option}=VALUE と書きます（npm run demo -- --help で確認できます）。`,
    takesNoValue: (option: string) => `${option} はスイッチなので値を取りません（npm run demo -- --help で確認できます）。`,
    unknownOption: (option: string) => `${option} というフラグはありません（npm run demo -- --help で確認できます）。`,
    otherProblem: (problem: string) => `フラグを読み取れません: ${problem}（npm run demo -- --help で確認できます）。`,
    orders: (maxOrders: number, received: string) => `--orders には 1〜${maxOrders} の整数を指定してください（「${received}」は使えません）。`,
    seed: (received: string) => `--seed には 0 以上の整数を指定してください（「${received}」は使えません）。`,
    badLanguage: (source: string, value: string) => `${source} の「${value}」はワークショップが対応していない言語です。en か ja を指定してください。`,
  },

  stopped: (message: string) => `デモが停止しました: ${message}`,

  run: {
    title: (orders: number, seed: number, chaos: string, source: string) =>
      `npm run demo: 注文 ${orders} 件、シード ${seed}${chaos}、ハンドラーは ${source}/ から`,
    chaosMark: '、カオスあり',
    deployedOrders: (names: string) => `orders テーブルのストリームにデプロイしました: ${names}。`,
    deployedTargets: (name: string) => `targets テーブルのストリームにデプロイしました: ${name}。`,
    stocked: '倉庫に在庫を入れます',
    wave: (first: number, last: number) => `注文 ${first}〜${last} 件目`,
    noOrderSaved: (source: string) =>
      `orders テーブルに注文が 1 件も届きませんでした。${source}/01-stateless-function の注文 API は、まだ DynamoDB に保存していません。`,
    pingbot: 'pingbot が 1 分ごとにウェブサイトをチェックします。ウェブサイトはダウンし、その後復旧します',
    later: '31 日後: TTL が 30 日間保持の注文を削除し、archive がそれらを保存します',
    summary: 'サマリー',
  },

  steps: {
    keptFor: (orderId: string, days: number, expiresAt: string) => `${orderId} を ${days} 日間保持: expiresAt ${expiresAt}`,
    cancelled: (orderId: string) => `${orderId} を顧客がキャンセル`,
    waiting: (subscriber: string, attempts: number) =>
      `${subscriber} が ${attempts} 回続けて失敗。リトライは無制限なので、レコードは待機し、1 件も捨てられない`,
    kinesisOutage: (entries: number, stream: string) => `Kinesis の障害: ${stream} に次に書き込まれる ${entries} 件のエントリはスロットリングされる`,
    providerDown: 'メールプロバイダーがダウン',
    providerBack: 'メールプロバイダーが復旧',
    refused: '（プロバイダーがダウンしている）',
    breakerOpen: (name: string, seconds: number) => `${name}: OPEN、${seconds} 秒間はプロバイダーに呼び出しが届かない`,
    breakerHalfOpen: (name: string) => `${name}: HALF_OPEN、試しの呼び出しを 1 つだけ通す`,
    breakerClosed: (name: string) => `${name}: CLOSED、プロバイダーが再び応答`,
    breakerOpenAgain: (name: string) => `${name}: 再び OPEN`,
    pingbotCheckUp: (schedule: string, url: string) => `${schedule}: ${url} をチェック（ウェブサイトは稼働中）`,
    pingbotCheckDown: (schedule: string, url: string) => `${schedule}: ${url} をチェック（ウェブサイトはダウン中）`,
    pingbotCheckFailed: (message: string) => `✗ チェックが失敗: ${message}`,
  },

  /** The local cloud's trace, in the demo's language: its words live with the trace (workshop/local-cloud/trace-words.ts). */
  trace: traceWords.ja,


  summary: {
    check: 'チェック',
    expected: '期待値',
    actual: '実際',
    ordersPlaced: '受け付けた注文（API 201）',
    shipments: '出荷の予約 · キャンセル（06）',
    sales: '売上の合計（07）',
    salesAtLeastOnce: '売上の合計（07、少なくとも 1 回）',
    salesDuplicates: (extra: string) => `再配信されたレコードによる +${extra}: ADD は重複を 2 回数える`,
    salesNoDuplicates: '重複は sales に届かなかった',
    stock: 'sku ごとの残りの在庫（08）',
    backordered: 'sku ごとの入荷待ちの数（08）',
    kinesis: 'Kinesis のイベント、注文ごとに重複を除く（09）',
    kinesisRecords: (records: number) => `ストリーム上のレコード ${records} 件`,
    kinesisDuplicates: '、重複を含む（少なくとも 1 回）',
    archived: 'アーカイブしたオブジェクト = 期限切れの注文（10）',
    onFailure: '失敗時の送信先のリストに載ったバッチ',
    emails: 'メール = メールアドレス付きの注文（11）',
    emailsAtLeastOnce: 'メール = メールアドレス付きの注文（11、少なくとも 1 回）',
    emailsRefused: (count: number) => `プロバイダーのダウン中に ${count} 通が拒否された`,
    emailsSentAgain: (count: number) => `${count} 通を再送信: メールは送られたが、送ったことの記録に失敗した`,
    noteSeparator: '。',
    pingbot: 'pingbot の投稿 = 状態の切り替わり（12）',
    pingbotAtLeastOnce: 'pingbot の投稿 = 状態の切り替わり（12、少なくとも 1 回）',
    pingbotPostedAgain: (posts: number) => `投稿 ${posts} 件: 再配信された切り替わりがもう一度投稿される（notifier は何も覚えていない）`,
    capstoneMissing: (capstone: number, source: string) => `総仕上げの演習 ${capstone} はまだ ${source}/ にない`,
    allHoldAtLeastOnce: (passed: number) =>
      `${passed} 件のチェックがすべて成立しました。ちょうど 1 回、「少なくとも 1 回」と書かれた行は少なくとも 1 回です。`,
    allHold: (passed: number) => `ちょうど 1 回: ${passed} 件中 ${passed} 件のチェックが成立しました。`,
    someFail: (failed: number, total: number) => `${total} 件中 ${failed} 件のチェックが失敗しました。`,
  },
};
