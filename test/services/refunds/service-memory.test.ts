import { MemoryCaseStore, MemoryEventSource, MemoryOutbox } from '../../../services/store';
import { refundServiceContract } from './service.contract';

refundServiceContract('MemoryCaseStore', {
  makeStore: () => {
    const outbox = new MemoryOutbox();
    return {
      store: new MemoryCaseStore({ outbox }),
      events: new MemoryEventSource({ outbox }),
      cleanup: async () => undefined,
    };
  },
});
