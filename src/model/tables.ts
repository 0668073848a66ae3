import { KIND_REGISTRY, type KindInfo } from './registry';

/**
 * Where each kind is stored and what it is called: the registry (src/model/registry.ts), kept
 * under this name for the screens that read it.
 */
export const KIND_INFO: Readonly<Record<keyof typeof KIND_REGISTRY, KindInfo>> = KIND_REGISTRY;
