/**
 * Vitest global setup: one dynalite for the whole test run. Each test gets its
 * own freshly named tables (see use-tables.ts), so tests never see each other's
 * items even though they share this server.
 */
import type { TestProject } from 'vitest/node';
import { startDynalite } from '../local-cloud/start-dynalite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynalite = await startDynalite();
  project.provide('dynamoEndpoint', dynalite.endpoint);
  return () => dynalite.stop();
}
