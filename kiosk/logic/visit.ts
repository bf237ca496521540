import type { PublicService } from '../../common/dto.js';

/**
 * A visit of several services (#17): after the first tile the kiosk asks
 * "I also need…", unless there is nothing more to add.
 */

/**
 * What a tap on a service tile leads to: the "I also need…" step when the
 * service is open and another open one could be added; else the ticket at
 * once (a closed tile asks the server, which says why it is refused).
 */
export function afterTile(offered: readonly PublicService[], serviceId: string): 'also' | 'draw' {
  const service = offered.find((s) => s.id === serviceId);
  if (!service?.open) return 'draw';
  return offered.some((s) => s.id !== serviceId && s.open) ? 'also' : 'draw';
}

/** Whether a tile on the "I also need…" screen can be added now: open, not chosen, and room left. */
export function canAdd(service: PublicService, chosen: readonly string[], max: number): boolean {
  return service.open && !chosen.includes(service.id) && chosen.length <= max;
}

/**
 * The services still to come after the first, as the server answered them
 * (its `nextServiceIds`, the truth) or, from a server that does not send
 * them, as they were asked for; each as the kiosk knows it.
 */
export function nextServices(
  answered: { number: string; nextServiceIds?: readonly string[] | undefined },
  asked: readonly string[],
  services: readonly PublicService[],
): PublicService[] {
  const ids = answered.nextServiceIds ?? asked;
  return ids.map((id) => services.find((s) => s.id === id)).filter((s): s is PublicService => s !== undefined);
}
