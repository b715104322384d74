/**
 * 06 · A stream handler
 *
 * The talk (slides 15–16): the order service only saves the order to DynamoDB,
 * and the table's stream hands every change to the services that subscribe.
 * Shipping is one of them: nobody calls it, it reads the stream.
 *
 * Your task: reserve a shipment when an order is placed (INSERT) and cancel it
 * when the order is cancelled (a MODIFY to CANCELLED). Lambda may deliver a
 * record more than once, so handling one twice must change nothing. Work
 * through the TODOs; the docs page has the details.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

// The client for your writes (a warm instance reuses it). The table's name is
// in process.env.SHIPMENTS_TABLE: read it when you write, not at import.
const dynamodb = new DynamoDBClient({});

export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  // Keep this loop as it is: one record at a time, in stream order, each one
  // finished before the next starts. (Why not Promise.all? See the docs page.)
  for (const record of event.Records) {
    await handleRecord(record);
  }
}

async function handleRecord(record: DynamoDBRecord): Promise<void> {
  switch (record.eventName) {
    case 'INSERT':
      // TODO 1: read the order from record.dynamodb.NewImage with `unmarshall`
      //         (@aws-sdk/util-dynamodb). No NewImage? Throw an error that names the
      //         StreamViewType the stream needs: NEW_IMAGE or NEW_AND_OLD_IMAGES.
      // TODO 2: PutItem { orderId, customerId, status: 'RESERVED', reservedAt } to
      //         SHIPMENTS_TABLE, where reservedAt is the ISO string of the record's
      //         ApproximateCreationDateTime (epoch SECONDS). Only if the order has no
      //         shipment yet; if it has one (a duplicate delivery), do nothing and don't fail.
      throw new Error('Not implemented yet (06-stream-handler): an INSERT should reserve a shipment');
    case 'MODIFY':
      // TODO 3: a cancellation is a *change* of status, so you need both images
      //         (missing one? throw, naming NEW_AND_OLD_IMAGES). Old status not
      //         CANCELLED and new status CANCELLED: set the shipment's status to
      //         CANCELLED, only if it exists and is RESERVED. Any other MODIFY: no write.
      throw new Error('Not implemented yet (06-stream-handler): a MODIFY to CANCELLED should cancel the shipment');
    default:
      // REMOVE (someone's delete, or a TTL expiry): shipping has nothing to do.
      return;
  }
}
