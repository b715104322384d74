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

export const labels: Labels<typeof en> = { en };
