import { testInfra, uniqueName } from '@pasar/testkit';
import { Bus } from '../bus';
import { createLogger } from '../logger';

/** A bus whose topics carry a unique prefix, so parallel tests never see each other's records. */
export function testBus(clientId = 'test', topicPrefix = `${uniqueName('t')}.`): Bus {
  return new Bus({
    brokers: testInfra().kafkaBrokers.split(','),
    clientId,
    topicPrefix,
    logger: createLogger(clientId, process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
}
