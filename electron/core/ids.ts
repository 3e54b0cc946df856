import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: made offline on any device, unique everywhere, and sortable by creation time. */
export const newUuidV7 = (): string => uuidv7();
