/** The Japanese site, at `/ja/`: its menus and every word of the theme, which VitePress would otherwise print in English. */
import type { DefaultTheme, LocaleSpecificConfig } from 'vitepress';
import { exerciseItems } from './exercise-items.js';

export function japanese(editing: { readonly pattern: string; readonly hosted: boolean }): LocaleSpecificConfig<DefaultTheme.Config> & { label: string; link?: string } {
  return {
    label: '日本語',
    lang: 'ja',
    link: '/ja/',
    description:
      '講演「サーバーレスのポテンシャルとシステム表現 / How Serverless Loves Event-Driven Architecture」(Yasuhiro "toricls" Hara、Developers Summit 2018) をもとにした、TypeScript で手を動かして学ぶワークショップ。',
    themeConfig: {
      nav: [
        { text: 'ガイド', link: '/ja/guide/setup' },
        { text: 'ストーリー', link: '/ja/story/part-1-procurement' },
        { text: '演習', link: '/ja/exercises/01-stateless-function' },
        { text: '講師向け', link: '/ja/instructors/' },
        { text: 'リファレンス', link: '/ja/reference/stream-record' },
        { text: 'クレジット', link: '/ja/credits' },
      ],
      sidebar: [
        {
          text: 'はじめに',
          items: [
            { text: 'セットアップ', link: '/ja/guide/setup' },
            { text: 'ワークショップの進め方', link: '/ja/guide/how-it-works' },
            { text: 'ローカルクラウド', link: '/ja/guide/local-cloud' },
            { text: '動かしてみる: npm run demo', link: '/ja/guide/demo' },
            { text: 'AWS で動かす', link: '/ja/guide/run-on-aws' },
          ],
        },
        {
          text: 'ストーリー',
          items: [
            { text: '第 1 部 · データセンターから関数へ', link: '/ja/story/part-1-procurement' },
            { text: '第 2 部 · サーバーレスが与えるもの、求めるもの', link: '/ja/story/part-2-serverless-benefits' },
            { text: '第 3 部 · オーケストレーションかコレオグラフィか', link: '/ja/story/part-3-choreography' },
            { text: '第 4 部 · DynamoDB Streams によるファンアウト', link: '/ja/story/part-4-dynamodb-streams' },
            { text: '第 5 部 · 変換して Kinesis へ', link: '/ja/story/part-5-kinesis' },
            { text: '第 6 部 · イベントとしての TTL', link: '/ja/story/part-6-ttl-as-an-event' },
            { text: 'まとめ · 講演が残したもの', link: '/ja/story/summary' },
          ],
        },
        { text: '演習', items: exerciseItems('ja') },
        {
          text: '講師向け',
          items: [
            { text: '講師ガイド', link: '/ja/instructors/' },
            { text: 'CLI で教室を進める', link: '/ja/guide/instructors' },
            { text: 'ファシリテーター向けメモ', link: '/ja/instructors/exercises' },
          ],
        },
        {
          text: 'リファレンス',
          items: [
            { text: 'ストリームレコードの構造', link: '/ja/reference/stream-record' },
            { text: 'イベントソースマッピングの設定', link: '/ja/reference/event-source-mapping' },
            { text: 'Kinesis の制限', link: '/ja/reference/kinesis-limits' },
            { text: '用語集', link: '/ja/reference/glossary' },
          ],
        },
        { text: 'クレジット', link: '/ja/credits' },
      ],
      editLink: { pattern: editing.pattern, text: editing.hosted ? 'このページを編集する' : 'このページを VS Code で開く' },
      footer: {
        message: 'Yasuhiro “toricls” Hara による講演「サーバーレスのポテンシャルとシステム表現」(Developers Summit 2018) をもとにしています。',
      },
      outline: { level: [2, 3], label: 'このページの内容' },
      docFooter: { prev: '前のページ', next: '次のページ' },
      darkModeSwitchLabel: '外観',
      lightModeSwitchTitle: 'ライトモードに切り替える',
      darkModeSwitchTitle: 'ダークモードに切り替える',
      sidebarMenuLabel: 'メニュー',
      returnToTopLabel: 'ページの先頭へ',
      langMenuLabel: '言語を切り替える',
      skipToContentLabel: '本文へ移動',
      notFound: {
        title: 'ページが見つかりません',
        quote: 'お探しのページは移動したか、まだ書かれていないようです。',
        linkLabel: 'ホームへ移動',
        linkText: 'ホームに戻る',
      },
    },
  };
}

/** The search box's words in Japanese (the search itself is configured once, for both languages). */
export const japaneseSearch = {
  button: { buttonText: '検索', buttonAriaLabel: '検索' },
  modal: {
    displayDetails: '詳しく表示',
    resetButtonTitle: '検索語を消す',
    backButtonTitle: '検索を閉じる',
    noResultsText: '見つかりませんでした',
    footer: {
      selectText: '開く',
      selectKeyAriaLabel: 'Enter キー',
      navigateText: '移動',
      navigateUpKeyAriaLabel: '上矢印キー',
      navigateDownKeyAriaLabel: '下矢印キー',
      closeText: '閉じる',
      closeKeyAriaLabel: 'Esc キー',
    },
  },
};
