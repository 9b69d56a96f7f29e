export { startFerretDb } from './ferretdb';
export { startKafka } from './kafka';
export { MIDTRANS_CLIENT_KEY, MIDTRANS_SERVER_KEY, startMidtransSandbox } from './midtrans-sandbox';
export { findRepoRoot, pasarHome, paths } from './paths';
export { freePort, freePorts } from './ports';
export { provisionEngines } from './provision';
export { DEV_PORTS, type Stack, stackEnv, startStack } from './stack';
export { startStripeMock } from './stripe-mock';
export type { EngineHandle, KafkaHandle } from './types';
