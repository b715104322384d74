/**
 * Deploy entry for exercise 11. The solution exports a handler *factory*
 * (`createNotificationHandler`), because the e-mail provider is a dependency.
 * This file builds the handler once per execution environment (so its circuit
 * breaker lives as long as the warm instance) with a placeholder sender that
 * writes the e-mail to the function's log instead of sending it.
 *
 * To send real mail, replace `logSender` with one that calls Amazon SES
 * (`SendEmailCommand` from `@aws-sdk/client-sesv2`) and grant the function
 * `ses:SendEmail` on your verified identity; see docs/guide/run-on-aws.md.
 */
import { createNotificationHandler, type EmailMessage } from '../../solutions/11-add-a-service/notifications.js';

export const logSender = {
  async send(message: EmailMessage): Promise<void> {
    console.log(JSON.stringify({ email: message }));
  },
};

export const handler = createNotificationHandler({ email: logSender });
