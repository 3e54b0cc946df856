import type { OrganisationRequest } from '../../../../shared/contract';
import { localDay, longDate, plural } from '../../components/format';

export { requestStatusLabels } from '../../../../shared/labels';

/** When the request arrived, as this laptop reads the day: "24 November 2026". */
export function askedOn(request: OrganisationRequest): string {
  return longDate(localDay(new Date(request.requestedAt)));
}

/** "12 staff" / "1 member of staff" */
export function staffText(count: number): string {
  return count === 1 ? '1 member of staff' : `${count} staff`;
}

/** The queue first (oldest first, as the core numbers it), then scheduled and declined requests. */
export function splitQueue(requests: OrganisationRequest[]): { waiting: OrganisationRequest[]; done: OrganisationRequest[] } {
  const byArrival = (a: OrganisationRequest, b: OrganisationRequest) => a.requestedAt.localeCompare(b.requestedAt);
  return {
    waiting: requests
      .filter((request) => request.status === 'waiting')
      .sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0)),
    done: requests.filter((request) => request.status !== 'waiting').sort(byArrival),
  };
}

/** What the status region says once a request is added: "Request from Leeds Mind added. It is number 2 in the queue." */
export function addedText(request: OrganisationRequest): string {
  const where = request.queuePosition === null ? '' : ` It is number ${request.queuePosition} in the queue.`;
  return `Request from ${request.organisationName} added.${where}`;
}

/** "Session scheduled for Leeds Mind. 12 places are held for their staff." */
export function scheduledText(request: OrganisationRequest): string {
  return `Session scheduled for ${request.organisationName}. ${plural(request.staffCount, 'place is', 'places are')} held for their staff.`;
}
