// What the main thread and the projection worker say to each other.
export type ProjectionRequest = { type: 'catchUp'; id: number; timeoutMs?: number } | { type: 'close' };

export type ProjectionResponse = { id: number; applied: number } | { id: number; error: string };
