import type { Labels } from './i18n.js';

const en = {
  title: 'Who runs what, from your own data centre to functions',
  desc:
    'Four columns, one per step of the history: your own data centre, Amazon EC2, containers (for example AWS Fargate) ' +
    'and functions as a service (for example AWS Lambda). Each column stacks five layers: your application, scaling, ' +
    'the language runtime, the operating system and the hardware. In your own data centre you buy and run all five. ' +
    'On EC2 the physical side goes to AWS: it runs the hardware, and you still run the operating system (you choose ' +
    'the image and patch it), the runtime and the scaling (by adding instances). With managed containers the resources ' +
    'themselves go to AWS: it runs the host, your image brings its own userland and runtime, and the platform runs more ' +
    'copies by rules you set. With FaaS, AWS runs the hardware, the operating system, the managed runtime and the ' +
    'scaling, and only the application is still yours. Your application is yours at every step.',
  caption:
    'Slide 3 as a ladder: each step hands more of the work to the provider. Solid boxes are yours to run, hatched ones are ' +
    'shared, faint dashed ones are run by the provider. The top row never changes: your code is always yours.',
  steps: [
    { name: 'your data centre', note: 'on premises', summary: ['you buy it all', 'and run it all'] },
    { name: 'Amazon EC2', note: 'virtual machines', summary: ['the physical side', 'goes to AWS'] },
    { name: 'containers', note: 'e.g. AWS Fargate', summary: ['the resources', 'themselves go to AWS'] },
    { name: 'functions (FaaS)', note: 'e.g. AWS Lambda', summary: ['only the application', 'is still yours'] },
  ],
  layers: ['your application', 'scaling', 'language runtime', 'operating system', 'hardware'],
  /** Who runs each layer, per step (same order as `steps` and `layers`). */
  owners: [
    ['you', 'you, months ahead', 'you', 'you', 'you'],
    ['you', 'you: add instances', 'you', 'you: image, patches', 'AWS'],
    ['you', 'platform, your rules', 'you, in your image', 'AWS host, your image', 'AWS'],
    ['you', 'AWS, automatically', 'AWS (managed)', 'AWS', 'AWS'],
  ],
  legend: { you: 'you run it', shared: 'shared', provider: 'the provider runs it' },
};


const ja: typeof en = {
  title: '自前のデータセンターから関数まで、誰が何を運用するか',
  desc:
    '歴史の段階ごとに 1 列、計 4 列が並んでいます。自前のデータセンター、Amazon EC2、コンテナ (例: AWS Fargate)、' +
    'Functions as a Service (例: AWS Lambda) です。各列には、アプリケーション、スケーリング、言語ランタイム、OS、' +
    'ハードウェアの 5 つのレイヤーが積み重なっています。自前のデータセンターでは、5 つすべてを自分で購入し、運用します。' +
    'EC2 では物理的な部分が AWS に移ります。ハードウェアは AWS が運用し、OS (イメージを選び、パッチを当てる)、' +
    'ランタイム、スケーリング (インスタンスを追加する) は引き続き自分が運用します。マネージドコンテナでは、リソースそのものが ' +
    'AWS に移ります。ホストは AWS が運用し、ユーザーランドとランタイムは自分のイメージに含まれ、自分が決めたルールに従って' +
    'プラットフォームがコピーを増やします。FaaS では、ハードウェア、OS、マネージドランタイム、スケーリングを AWS が運用し、' +
    '自分の手元に残るのはアプリケーションだけです。アプリケーションは、どの段階でも自分のものです。',
  caption:
    'スライド 3 をはしごの形で示しています。段階が進むごとに、より多くの作業がプロバイダーに移ります。実線の箱は自分が運用するもの、' +
    '斜線の箱は分担するもの、薄い破線の箱はプロバイダーが運用するものです。最上段は変わりません。自分のコードは常に自分のものです。',
  steps: [
    { name: 'データセンター', note: '自前 (オンプレミス)', summary: ['すべて自分で買い、', 'すべて自分で運用'] },
    { name: 'Amazon EC2', note: '仮想マシン', summary: ['物理的な部分が', 'AWS に移る'] },
    { name: 'コンテナ', note: '例: AWS Fargate', summary: ['リソースそのものが', 'AWS に移る'] },
    { name: '関数 (FaaS)', note: '例: AWS Lambda', summary: ['自分に残るのは', 'アプリケーションだけ'] },
  ],
  layers: ['アプリケーション', 'スケーリング', '言語ランタイム', 'OS', 'ハードウェア'],
  owners: [
    ['自分', '自分 (数か月前に)', '自分', '自分', '自分'],
    ['自分', '自分: 台数を追加', '自分', '自分: イメージ・パッチ', 'AWS'],
    ['自分', '基盤 (ルールは自分)', '自分 (イメージ内)', 'AWS + 自分のイメージ', 'AWS'],
    ['自分', 'AWS が自動で', 'AWS (マネージド)', 'AWS', 'AWS'],
  ],
  legend: { you: '自分が運用', shared: '分担', provider: 'プロバイダーが運用' },
};

export const labels: Labels<typeof en> = { en, ja };
