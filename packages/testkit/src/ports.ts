// One port picker for the whole repository: below the kernel's ephemeral range, so an outgoing
// connection cannot take a test service's port before it binds or while it restarts.
export { freePort } from '@pasar/infra';
