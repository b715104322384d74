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


const ja: typeof en = {
  order: '注文',
  orderService: '注文サービス',
  services: [['配送手配'], ['在庫管理'], ['売上集計']],
  orchestrated: {
    title: 'スライド 11: 注文サービスがほかのすべてのサービスを呼び出す注文システム',
    heading: 'スライド 11 · イベント駆動でない: 注文サービスが各サービスを呼び出す',
    desc:
      '注文が注文サービスに届きます。注文サービスは 3 つのサービス、つまり配送手配、在庫管理、売上集計を自ら呼び出し、' +
      'それぞれに必要なデータを渡します。破線で描かれた 4 つ目のサービスを加えるには、注文サービスに新しい呼び出しが必要になり、' +
      'したがって注文サービスの編集が必要になります。',
    caption: 'スライド 11: 注文サービスが全員を呼び出します。サービスを追加するには、注文サービスを編集しなければなりません。',
    edge: 'データを渡して呼び出す',
    fourth: '4 つ目のサービス?',
    note: ['= 注文サービスに', '新しい呼び出しが必要'],
  },
  choreographed: {
    title: 'スライド 12: 同じ注文システムを、イベントで動かす',
    heading: 'スライド 12 · イベント駆動: 注文サービスがパブリッシュし、ほかがサブスクライブする',
    desc:
      '注文が注文サービスに届くと、注文サービスは特定の誰に宛てたものでもない 1 つのイベント、OrderPlaced をパブリッシュします。' +
      '配送手配、在庫管理、売上集計は、それぞれそのイベントをサブスクライブします。New! の印が付いた 4 つ目のサービス、' +
      'ポイントも、サブスクライブすることで加わります。注文サービスもほかのサービスも変わりません。',
    caption:
      'スライド 12: 注文サービスは 1 つのイベントをパブリッシュし、各サービスがそれをサブスクライブします。新しいポイントサービスは、' +
      'ほかの誰も変えずに加わります (スライドにあるとおり「理論上は」)。',
    publish: 'パブリッシュ',
    subscribe: 'サブスクライブ',
    event: 'OrderPlaced',
    fourth: 'ポイント',
    badge: 'New!',
    note: ['サブスクライブで参加、', 'ほかは何も変わらない'],
  },
  both: {
    title: 'オーケストレーションされた注文システムと、コレオグラフィされた注文システム',
    desc:
      '同じ注文システムを 2 通りに描いた図です。1 つ目はスライド 11 で、イベント駆動ではありません。注文が注文サービスに届くと、' +
      '注文サービスが配送手配、在庫管理、売上集計を自ら呼び出し、それぞれに必要なデータを渡します。4 つ目のサービスを加えるには、' +
      '注文サービスに新しい呼び出しが必要です。2 つ目はスライド 12 で、イベント駆動です。注文サービスは OrderPlaced イベントを ' +
      '1 つパブリッシュし、配送手配、在庫管理、売上集計はそれぞれそのイベントをサブスクライブします。New! の印が付いた新しい' +
      'ポイントサービスは、ほかに何の変更も加えずに、サブスクライブすることで加わります。',
    caption:
      'スライド 11 と 12: 同じ注文システムを、まずすべてのサービスを呼び出す形で、次に各注文を 1 回だけイベントとして知らせ、' +
      'すべてのサービスがそれをサブスクライブする形で描いています。',
  },
  graphs: {
    title: 'スライド 13〜14: オーケストレーションされたサービスと完全にコレオグラフィされたサービスの依存関係グラフ',
    desc:
      '同じ 6 つのサービス (注文、配送、請求、在庫、売上、通知) の依存関係グラフが 2 つあります。オーケストレーションされた' +
      'グラフでは、各サービスが必要な相手を呼び出します。注文は配送、請求、在庫を呼び出し、配送は通知と請求を、請求は通知と売上を、' +
      '売上は在庫と通知を呼び出します。矢印は 9 本になり、どの矢印も変更、遅延、障害をあるサービスから次のサービスへと運びます。' +
      '講演はこのようなグラフを「つらい」と呼んでいます。完全にコレオグラフィされたグラフでは、どのサービスもほかを呼び出しません。' +
      '各サービスは、パブリッシュするもののために共有のイベントストリームへ向かう線を 1 本、読むもののためにそこから来る線を 1 本' +
      '持つだけです。',
    caption:
      'スライド 13〜14 (ThoughtWorks の記事「Scaling Microservices with an Event Stream」より): オーケストレーションされた' +
      '呼び出しの網と、すべてのサービスが 2 本の線だけを持つ、完全にコレオグラフィされた形です。',
    orchestrated: 'オーケストレーションされたサービス: 各サービスが必要な相手を呼び出す',
    choreographed: '完全にコレオグラフィされたサービス: 各サービスはストリームだけを知る',
    names: {
      orders: '注文',
      shipping: '配送',
      billing: '請求',
      inventory: '在庫',
      sales: '売上',
      notifications: '通知',
    },
    painful: ['講演いわく「つらい」:', 'どの矢印も変更、遅延、', '障害を運ぶ'],
    stream: 'イベントストリーム',
    legend: '各サービス: ↓ 自分のイベントをパブリッシュ · ↑ 必要なイベントを読む',
  },
};

export const labels: Labels<typeof en> = { en, ja };
