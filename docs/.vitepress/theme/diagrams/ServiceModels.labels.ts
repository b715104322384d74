import type { Labels } from './i18n.js';

const en = {
  title: 'BaaS, PaaS and FaaS: what you hand over, and what each asks of you',
  desc:
    'Three columns under two headings. Under “functionality, provided”: functional SaaS, also called Backend as a ' +
    'Service or BaaS (Auth0, Firebase, SendGrid). It provides a finished function, so you hand over both the function ' +
    'and its operation. Under “a place to run your code”: Platform as a Service or PaaS (Google App Engine, Heroku), ' +
    'which runs your application, and Functions as a Service or FaaS (AWS Lambda, Azure Functions), which runs your ' +
    'functions. With both you still write the code and hand over only its operation. Below each column, what it asks ' +
    'of you in return, which the talk counts as a hidden benefit: with BaaS your features become remote components, ' +
    'which need circuit breakers (exercise 03); with PaaS you follow the platform\'s way of running apps, summed up by ' +
    'The Twelve-Factor App (exercise 02); with FaaS you do not own the process, so functions must be stateless and ' +
    'idempotent (exercises 01 and 04), and the platform is event-driven by nature (part 3).',
  caption:
    'Slides 4–10: the two ingredients of serverless, what each kind of service takes off your hands, and the ' +
    'constraint it brings, which the talk counts as a hidden benefit.',
  groups: { provided: '1 · functionality, provided', runtime: '2 · a place to run your code' },
  columns: [
    {
      name: 'functional SaaS / BaaS',
      examples: 'Auth0 · Firebase · SendGrid',
      what: { label: 'the function', sub: 'ready-made, theirs' },
      handOver: ['you hand over the function', 'and its operation'],
      asks: { label: 'circuit breakers', sub: ['your features become', 'remote components', '→ exercise 03'] },
    },
    {
      name: 'PaaS',
      examples: 'Google App Engine · Heroku',
      what: { label: 'your application', sub: 'you write it' },
      handOver: ['you hand over', 'its operation'],
      asks: { label: 'The Twelve-Factor App', sub: ["follow the platform's way", 'of running apps', '→ exercise 02'] },
    },
    {
      name: 'FaaS',
      examples: 'AWS Lambda · Azure Functions',
      what: { label: 'your functions', sub: 'you write them' },
      handOver: ['you hand over', 'their operation'],
      asks: {
        label: ['statelessness,', 'idempotency'],
        sub: ["you don't own the process", '→ exercises 01, 04', 'and: event-driven (part 3)'],
      },
    },
  ],
  operation: { label: 'operation', sub: 'servers, patches, scaling' },
  asksHeading: 'what each asks of you: the hidden benefit',
  legend: { you: 'yours', provider: 'handed over' },
};


const ja: typeof en = {
  title: 'BaaS、PaaS、FaaS: 何を引き渡し、それぞれが何を求めるか',
  desc:
    '2 つの見出しの下に 3 つの列が並んでいます。「提供される機能」の下には、機能型 SaaS (Backend as a Service、BaaS とも' +
    '呼ばれます。Auth0、Firebase、SendGrid) があります。完成した機能を提供するので、機能とその運用の両方を引き渡します。' +
    '「コードを実行する場所」の下には、アプリケーションを実行する Platform as a Service (PaaS。Google App Engine、Heroku) と、' +
    '関数を実行する Functions as a Service (FaaS。AWS Lambda、Azure Functions) があります。どちらもコードは自分で書き、' +
    '引き渡すのは運用だけです。各列の下には、その見返りとして求められること (講演はこれを隠れたメリットと数えます) が示されています。' +
    'BaaS では機能がリモートのコンポーネントになるため、サーキットブレーカーが必要です (演習 03)。PaaS ではプラットフォーム流の' +
    'アプリの動かし方に従い、それは The Twelve-Factor App にまとめられています (演習 02)。FaaS ではプロセスを所有しないため、' +
    '関数はステートレスかつ冪等でなければならず (演習 01 と 04)、プラットフォームは本質的にイベント駆動です (第 3 部)。',
  caption:
    'スライド 4〜10: サーバーレスの 2 つの要素、それぞれの種類のサービスが肩代わりしてくれるもの、そしてそれがもたらす制約です。' +
    '講演はその制約を隠れたメリットと数えます。',
  groups: { provided: '1 · 提供される機能', runtime: '2 · コードを実行する場所' },
  columns: [
    {
      name: '機能型 SaaS / BaaS',
      examples: 'Auth0 · Firebase · SendGrid',
      what: { label: '機能', sub: '完成品、提供側のもの' },
      handOver: ['機能とその運用を', '引き渡す'],
      asks: { label: 'サーキットブレーカー', sub: ['機能がリモートの', 'コンポーネントになる', '→ 演習 03'] },
    },
    {
      name: 'PaaS',
      examples: 'Google App Engine · Heroku',
      what: { label: 'アプリケーション', sub: '自分で書く' },
      handOver: ['アプリの運用を', '引き渡す'],
      asks: { label: 'The Twelve-Factor App', sub: ['プラットフォーム流の', 'アプリの動かし方に従う', '→ 演習 02'] },
    },
    {
      name: 'FaaS',
      examples: 'AWS Lambda · Azure Functions',
      what: { label: '関数', sub: '自分で書く' },
      handOver: ['関数の運用を', '引き渡す'],
      asks: {
        label: ['ステートレス、', '冪等性'],
        sub: ['プロセスを所有しない', '→ 演習 01、04', 'そしてイベント駆動 (第 3 部)'],
      },
    },
  ],
  operation: { label: '運用', sub: 'サーバー、パッチ、スケーリング' },
  asksHeading: 'それぞれが求めるもの: 隠れたメリット',
  legend: { you: '自分のもの', provider: '引き渡すもの' },
};

export const labels: Labels<typeof en> = { en, ja };
