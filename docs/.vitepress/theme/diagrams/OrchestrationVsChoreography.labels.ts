import type { Labels } from './i18n.js';

const en = {
  order: 'order',
  orderService: 'order service',
  services: [
    ['shipping', 'reservation'],
    ['inventory', 'management'],
    ['sales', 'aggregation'],
  ],
  orchestrated: {
    title: 'Slide 11: an order system where the order service calls every other service',
    heading: 'Slide 11 · not event-driven: the order service calls each service',
    desc:
      'An order comes in to the order service. The order service then calls three services itself, handing each the ' +
      'data it needs: shipping reservation, inventory management and sales aggregation. A fourth service, drawn ' +
      'dashed, would need a new call, and so an edit, in the order service.',
    caption: 'Slide 11: the order service calls everyone. Adding a service means editing the order service.',
    edge: 'calls with data',
    fourth: 'a fourth service?',
    note: ['= a new call in', 'the order service'],
  },
  choreographed: {
    title: 'Slide 12: the same order system, driven by an event',
    heading: 'Slide 12 · event-driven: the order service publishes, the others subscribe',
    desc:
      'An order comes in to the order service, which publishes one event, OrderPlaced, addressed to nobody in ' +
      'particular. Shipping reservation, inventory management and sales aggregation each subscribe to it. A fourth ' +
      'service, points, marked New!, joins by subscribing too; neither the order service nor the others change.',
    caption:
      'Slide 12: the order service publishes one event and each service subscribes to it. The new points service ' +
      'joins without changing anyone else (“in theory”, as the slide says).',
    publish: 'publish',
    subscribe: 'subscribe',
    event: 'OrderPlaced',
    fourth: 'points',
    badge: 'New!',
    note: ['joins by subscribing;', 'nothing else changes'],
  },
  both: {
    title: 'The order system orchestrated, then choreographed',
    desc:
      'Two drawings of the same order system. First, slide 11, not event-driven: an order comes in to the order ' +
      'service, which calls shipping reservation, inventory management and sales aggregation itself, handing each ' +
      'the data it needs; a fourth service would need a new call in the order service. Second, slide 12, ' +
      'event-driven: the order service publishes one OrderPlaced event; shipping reservation, inventory management ' +
      'and sales aggregation each subscribe to it, and a new points service, marked New!, joins by subscribing ' +
      'without any change to the others.',
    caption:
      'Slides 11 and 12: the same order system, first calling every service, then announcing each order once as an ' +
      'event that every service subscribes to.',
  },
  graphs: {
    title: 'Slides 13–14: orchestrated and fully choreographed services as dependency graphs',
    desc:
      'Two dependency graphs of the same six services: orders, shipping, billing, inventory, sales and ' +
      'notifications. In the orchestrated graph each service calls the ones it needs: orders calls shipping, billing ' +
      'and inventory; shipping calls notifications and billing; billing calls notifications and sales; sales calls ' +
      'inventory and notifications. That makes nine arrows, and each one carries changes, slowness and outages from ' +
      'one service to the next; the talk calls such a graph painful. In the fully choreographed graph no service ' +
      'calls another: each has one line to the shared event stream, for what it publishes, and one line from it, for ' +
      'what it reads.',
    caption:
      'Slides 13–14, after the ThoughtWorks article “Scaling Microservices with an Event Stream”: the orchestrated ' +
      'web of calls and the fully choreographed version, in which every service has just two lines.',
    orchestrated: 'Orchestrated services: each calls the ones it needs',
    choreographed: 'Fully choreographed services: each knows only the stream',
    names: {
      orders: 'orders',
      shipping: 'shipping',
      billing: 'billing',
      inventory: 'inventory',
      sales: 'sales',
      notifications: 'notifications',
    },
    painful: ['“painful”, says the talk:', 'every arrow carries change,', 'slowness and outages'],
    stream: 'event stream',
    legend: 'each service: ↓ publishes its events · ↑ reads the events it needs',
  },
};

export const labels: Labels<typeof en> = { en };
