/** The English site, at `/`: its menus and the words of the theme. */
import type { DefaultTheme, LocaleSpecificConfig } from 'vitepress';
import { exerciseItems } from './exercise-items.js';

export function english(editing: { readonly pattern: string; readonly hosted: boolean }): LocaleSpecificConfig<DefaultTheme.Config> & { label: string; link?: string } {
  return {
    label: 'English',
    lang: 'en-US',
    description:
      'A hands-on TypeScript workshop after the talk "How Serverless Loves Event-Driven Architecture" (Yasuhiro "toricls" Hara, Developers Summit 2018).',
    themeConfig: {
      nav: [
        { text: 'Guide', link: '/guide/setup' },
        { text: 'Story', link: '/story/part-1-procurement' },
        { text: 'Exercises', link: '/exercises/01-stateless-function' },
        { text: 'Instructors', link: '/instructors/' },
        { text: 'Reference', link: '/reference/stream-record' },
        { text: 'Credits', link: '/credits' },
      ],
      sidebar: [
        {
          text: 'Welcome',
          items: [
            { text: 'Setup', link: '/guide/setup' },
            { text: 'How the workshop works', link: '/guide/how-it-works' },
            { text: 'The local cloud', link: '/guide/local-cloud' },
            { text: 'See it run: npm run demo', link: '/guide/demo' },
            { text: 'Run it on AWS', link: '/guide/run-on-aws' },
          ],
        },
        {
          text: 'The story',
          items: [
            { text: 'Part 1 · From the data centre to functions', link: '/story/part-1-procurement' },
            { text: 'Part 2 · What serverless gives, and asks', link: '/story/part-2-serverless-benefits' },
            { text: 'Part 3 · Orchestration or choreography', link: '/story/part-3-choreography' },
            { text: 'Part 4 · DynamoDB Streams fan out', link: '/story/part-4-dynamodb-streams' },
            { text: 'Part 5 · A transform, then Kinesis', link: '/story/part-5-kinesis' },
            { text: 'Part 6 · TTL as an event', link: '/story/part-6-ttl-as-an-event' },
            { text: 'Summary · What the talk leaves us with', link: '/story/summary' },
          ],
        },
        { text: 'Exercises', items: exerciseItems('en') },
        {
          text: 'For instructors',
          items: [
            { text: 'Instructor guide', link: '/instructors/' },
            { text: 'Running a room with the CLI', link: '/guide/instructors' },
            { text: 'Facilitator notes', link: '/instructors/exercises' },
          ],
        },
        {
          text: 'Reference',
          items: [
            { text: 'Stream record anatomy', link: '/reference/stream-record' },
            { text: 'Event source mapping settings', link: '/reference/event-source-mapping' },
            { text: 'Kinesis limits', link: '/reference/kinesis-limits' },
            { text: 'Glossary', link: '/reference/glossary' },
          ],
        },
        { text: 'Credits', link: '/credits' },
      ],
      editLink: { pattern: editing.pattern, text: editing.hosted ? 'Edit this page' : 'Open this page in VS Code' },
      footer: {
        message:
          'After the talk “How Serverless Loves Event-Driven Architecture” by Yasuhiro “toricls” Hara (Developers Summit 2018).',
      },
    },
  };
}
