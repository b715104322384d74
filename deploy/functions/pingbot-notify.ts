/**
 * Deploy entry for exercise 12's notifier. The solution exports a handler
 * *factory* (`createNotifyHandler`), because the chat is a dependency. This
 * file builds the handler once per execution environment with a notifier that
 * posts to a Slack incoming webhook when SLACK_WEBHOOK_URL is set, and writes
 * the text to the function's log otherwise.
 *
 * Like pingbot's own notifier: an answer below 400 is done, anything else
 * throws, so the breaker counts it and the record is reported for redelivery.
 */
import { createNotifyHandler, type Notifier } from '../../solutions/12-pingbot/notify.js';

export const webhookOrLogNotifier: Notifier = {
  async post(text: string): Promise<void> {
    const url = process.env.SLACK_WEBHOOK_URL;
    if (!url) {
      console.log(JSON.stringify({ notification: text }));
      return;
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(5_000),
    });
    if (response.status >= 400) throw new Error(`the chat answered ${response.status}`);
  },
};

export const handler = createNotifyHandler({ notifier: webhookOrLogNotifier });
