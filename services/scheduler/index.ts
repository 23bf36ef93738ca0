export { SweeperLoop } from './sweeper-loop';
export type { SweeperLoopOptions } from './sweeper-loop';
