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

export const labels: Labels<typeof en> = { en };
